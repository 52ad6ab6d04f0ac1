// The "Name: value" header lines WARC and HTTP share.
#pragma once

#include <string_view>

#include "webclean/warc.hpp"

namespace webclean::warc::detail {

// Adds one header line (without its line break) to fields: a line that starts with a space or
// tab continues the previous field's value. False when the line is neither.
bool add_header_line(std::string_view line, HeaderFields& fields);

// The line without a trailing "\r".
std::string_view without_cr(std::string_view line);

}  // namespace webclean::warc::detail
