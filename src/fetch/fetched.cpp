// What a fetched page brings beyond its bytes: the charset its Content-Type names, the URL it
// ended at, and the status it was served with.
#include <string>
#include <string_view>

#include "text/ascii.hpp"
#include "webclean/fetch.hpp"

namespace webclean {

const char* to_string(FetchStatus status) {
    switch (status) {
        case FetchStatus::Ok: return "ok";
        case FetchStatus::BadUrl: return "bad-url";
        case FetchStatus::BadScheme: return "bad-scheme";
        case FetchStatus::TooManyRedirects: return "too-many-redirects";
        case FetchStatus::Timeout: return "timeout";
        case FetchStatus::TooLarge: return "too-large";
        case FetchStatus::HttpError: return "http-error";
        case FetchStatus::Tls: return "tls";
        case FetchStatus::Network: return "network";
    }
    return "unknown";
}

namespace {

// The media type of a Content-Type value, lowercased, parameters dropped.
std::string media_type(std::string_view content_type) {
    return text::to_lower(text::trim(content_type.substr(0, content_type.find(';'))));
}

// Bodies no reader would call a web page, whatever their bytes look like.
bool is_media(std::string_view type) {
    for (std::string_view prefix : {"image/", "audio/", "video/", "font/"})
        if (type.starts_with(prefix)) return true;
    return false;
}

}  // namespace

std::string FetchResult::charset() const {
    // Parameters follow the media type, separated by ';' (RFC 9110, section 8.3.1).
    std::string_view rest(content_type);
    for (std::size_t semicolon = rest.find(';'); semicolon != std::string_view::npos;
         semicolon = rest.find(';')) {
        rest.remove_prefix(semicolon + 1);
        std::string_view parameter = rest.substr(0, rest.find(';'));
        const std::size_t equals = parameter.find('=');
        if (equals == std::string_view::npos) continue;
        if (!text::iequals(text::trim(parameter.substr(0, equals)), "charset")) continue;
        std::string_view value = text::trim(parameter.substr(equals + 1));
        if (value.size() >= 2 && value.front() == '"') {
            value.remove_prefix(1);
            value = value.substr(0, value.find('"'));
        }
        return text::to_lower(text::trim(value));
    }
    return {};
}

Result extract(const FetchResult& fetched, const Options& options) {
    Response response{fetched.http_status, fetched.final_url, fetched.content_type};
    Result result;
    const std::string type = media_type(fetched.content_type);
    if (!fetched) {
        result.status = Status::FetchFailed;
        result.message = std::string(to_string(fetched.status)) + ": " + fetched.error;
    } else if (is_media(type)) {
        result.status = Status::BadInput;
        result.message = "content type " + type + " is not a web page";
    } else {
        Options with_response = options;
        if (with_response.http_charset.empty()) with_response.http_charset = fetched.charset();
        if (with_response.url.empty()) with_response.url = fetched.final_url;
        result = extract(fetched.body, with_response);
    }
    result.document.response = std::move(response);
    return result;
}

}  // namespace webclean
