// Fuzz target: a fetched page as the fetch stage hands it over, through extract(FetchResult).
// Input layout: the Content-Type header value up to the first newline, the final URL up to the
// second, then the body. Covers the header parsing (media type, charset parameter) and the URL
// handling that feeds metadata.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_checks.hpp"
#include "webclean/fetch.hpp"

using webclean::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    auto next_line = [&input] {
        std::size_t newline = input.find('\n');
        std::string_view line = input.substr(0, newline);
        input = newline == std::string_view::npos ? std::string_view{} : input.substr(newline + 1);
        return line;
    };
    webclean::FetchResult fetched;
    fetched.http_status = 200;
    fetched.content_type = next_line();
    fetched.final_url = next_line();
    fetched.body = input;

    (void)fetched.charset();
    webclean::Result result = webclean::extract(fetched);
    if (!result) {
        require(!result.message.empty());
        return 0;
    }
    require(webclean::fuzz::document_is_utf8(result.document));
    return 0;
}
