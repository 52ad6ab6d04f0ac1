// Consumer smoke test: uses only what an installed webclean offers (find_package or pkg-config).
#include <cstdio>
#include <string>

#include <webclean/webclean.hpp>

int main() {
    const std::string html =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Consumer check</title></head>"
        "<body><article><p>Seventeen quiet herons waded through the estuary at dawn.</p>"
        "</article></body></html>";

    const webclean::Result result = webclean::extract(html);
    if (!result) {
        std::fprintf(stderr, "extract failed: %s: %s\n", webclean::to_string(result.status),
                     result.message.c_str());
        return 1;
    }
    const std::string& text = result.document.text;
    for (const char* word : {"Seventeen", "herons", "estuary", "dawn"}) {
        if (text.find(word) == std::string::npos) {
            std::fprintf(stderr, "word '%s' missing from the extracted text: [%s]\n", word,
                         text.c_str());
            return 1;
        }
    }
    // Links the fetch stage, and with it libcurl, without touching the network: the scheme is
    // refused before any transfer starts.
    const webclean::FetchResult fetched = webclean::fetch("ftp://127.0.0.1/page.html");
    if (fetched.status != webclean::FetchStatus::BadScheme) {
        std::fprintf(stderr, "fetch of an ftp:// URL gave %s, not bad-scheme\n", webclean::to_string(fetched.status));
        return 1;
    }
    std::printf("webclean %s: extracted %zu bytes of text\n", webclean::version, text.size());
    return 0;
}
