// Fuzz target: bytes through the whole pipeline as one input format (WEBCLEAN_FUZZ_INPUT_FORMAT),
// then through every output format. Besides crashes and sanitizer reports it checks what every
// caller relies on: text and every metadata field are valid UTF-8 and the JSON rendering parses.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz_checks.hpp"
#include "webclean/webclean.hpp"

using webclean::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    webclean::Options options;
    options.input_format = webclean::InputFormat::WEBCLEAN_FUZZ_INPUT_FORMAT;
    webclean::Result result = webclean::extract({reinterpret_cast<const char*>(data), size}, options);
    if (!result) {
        require(!result.message.empty());
        return 0;
    }
    const webclean::Document& doc = result.document;
    require(webclean::fuzz::document_is_utf8(doc));

    std::string json = webclean::render(doc, webclean::Format::Json);
    require(nlohmann::json::accept(json));
    (void)webclean::render(doc, webclean::Format::Text);
    (void)webclean::render(doc, webclean::Format::Markdown);
    return 0;
}
