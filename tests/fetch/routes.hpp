// The pages the fetch tests' server answers with, one route per behaviour under test.
#pragma once

#include <string>
#include <string_view>

#include "local_server.hpp"

namespace webclean::test::routes {

// UTF-8 -> another encoding with ICU, so the tests hold no opaque byte blobs.
std::string encode(std::string_view utf8, const char* encoding);

extern const std::string kEnglishParagraph;
extern const std::string kChineseParagraph;
extern const std::string kEnglishPage;  // what /page serves

// Serves every route (see routes.cpp); unknown paths get a 404.
void handle(const Request& request, Connection& connection);

}  // namespace webclean::test::routes
