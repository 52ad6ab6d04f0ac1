// Placeholder until the output stage lands: text only.
#include "webclean/output.hpp"

namespace webclean {
bool parse_format(std::string_view name, Format& out) {
    if (name == "txt") { out = Format::Text; return true; }
    return false;
}
std::string render(const Document& document, Format) { return document.text; }
}  // namespace webclean
