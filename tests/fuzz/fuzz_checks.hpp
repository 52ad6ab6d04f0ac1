// What the fuzz targets assert besides "no crash": a failed check aborts, which libFuzzer (and
// the replay driver's test) reports with the input that caused it.
#pragma once

#include <cstdlib>
#include <string_view>

#include "decode/internal.hpp"
#include "webclean/document.hpp"

namespace webclean::fuzz {

inline void require(bool condition) {
    if (!condition) std::abort();
}

inline bool valid_utf8(std::string_view s) { return decode::detail::scan_utf8(s).valid(); }

// Every text field a caller reads, the Python bindings included (they refuse invalid UTF-8).
inline bool document_is_utf8(const Document& doc) {
    const Metadata& m = doc.metadata;
    for (const std::string* field : {&doc.text, &doc.comments, &m.title, &m.date, &m.modified, &m.sitename, &m.source,
                                     &m.url, &m.hostname, &m.description, &m.language, &m.image, &m.license, &m.editor,
                                     &m.icp, &m.public_security, &m.charset})
        if (!valid_utf8(*field)) return false;
    for (const auto* list : {&m.authors, &m.categories, &m.tags})
        for (const std::string& item : *list)
            if (!valid_utf8(item)) return false;
    for (const Block& block : doc.blocks)
        if (!valid_utf8(block.text)) return false;
    return true;
}

}  // namespace webclean::fuzz
