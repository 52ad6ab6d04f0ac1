// The two markup formats: XML (written with pugixml) and minimal HTML5.
#pragma once

#include <string>

#include "webclean/document.hpp"
#include "webclean/output.hpp"

namespace webclean::output {

// <?xml ...?><document>: <fields> (when any), <metadata>, <main>, <articles> and <comments>
// (when the document has them). README.md describes the elements.
std::string render_xml(const Document& document, const Fields& fields);

// A complete HTML5 page: metadata in <head>, the article in <article>, comments in <aside>.
std::string render_html(const Document& document, const Fields& fields);

}  // namespace webclean::output
