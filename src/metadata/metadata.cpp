#include "webclean/document.hpp"

namespace webclean {

std::string Metadata::author() const {
    std::string joined;
    for (const auto& a : authors) {
        if (!joined.empty()) joined += "; ";
        joined += a;
    }
    return joined;
}

}  // namespace webclean
