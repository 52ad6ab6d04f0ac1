// HTTP responses inside response records, and which records hold an HTML page.
#include <algorithm>
#include <charconv>

#include "decode/decode.hpp"
#include "text/ascii.hpp"
#include "warc/headers.hpp"
#include "webclean/warc.hpp"

namespace webclean::warc {

namespace {

// The next line of message from pos (without its line break); false at the end.
bool next_line(std::string_view message, std::size_t& pos, std::string_view& line) {
    if (pos >= message.size()) return false;
    std::size_t end = message.find('\n', pos);
    if (end == std::string_view::npos) end = message.size();
    line = detail::without_cr(message.substr(pos, end - pos));
    pos = end + 1;
    return true;
}

// Undoes the chunked transfer coding. Lenient the way browsers are: a body cut off mid-chunk
// keeps what arrived; false only when not even the first chunk size is readable (the body
// was stored already decoded, as some crawlers do).
bool dechunk(std::string_view body, std::string& out) {
    out.clear();
    std::size_t pos = 0;
    bool any = false;
    std::string_view line;
    while (next_line(body, pos, line)) {
        const std::string_view size_text = text::trim(line.substr(0, line.find(';')));
        std::size_t size = 0;
        const auto [end, ec] = std::from_chars(size_text.data(), size_text.data() + size_text.size(), size, 16);
        if (size_text.empty() || ec != std::errc() || end != size_text.data() + size_text.size()) return any;
        any = true;
        if (size == 0) return true;
        out.append(body.substr(pos, size));
        if (size >= body.size() - std::min(pos, body.size())) return true;
        pos += size;
        if (pos < body.size() && body[pos] == '\r') ++pos;
        if (pos < body.size() && body[pos] == '\n') ++pos;
    }
    return any;
}

bool has_token(std::string_view list, std::string_view token) {
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t end = list.find(',', start);
        if (end == std::string_view::npos) end = list.size();
        if (text::iequals(text::trim(list.substr(start, end - start)), token)) return true;
        start = end + 1;
    }
    return false;
}

// The media type of a Content-Type value, lower case: "text/html; charset=x" gives "text/html".
std::string media_type(std::string_view content_type) {
    return text::to_lower(text::trim(content_type.substr(0, content_type.find(';'))));
}

std::string charset_parameter(std::string_view content_type) {
    const std::string lower = text::to_lower(content_type);
    const std::size_t at = lower.find("charset=");
    if (at == std::string::npos) return {};
    std::string_view value = std::string_view(content_type).substr(at + 8);
    value = value.substr(0, value.find(';'));
    value = text::trim(value);
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')) value = value.substr(1, value.size() - 2);
    return std::string(text::trim(value));
}

bool is_html_type(std::string_view type) { return type == "text/html" || type == "application/xhtml+xml"; }

// A body with no Content-Type: HTML when its first markup says so.
bool looks_like_html(std::string_view body) {
    std::string_view start = body.substr(0, 1024);
    if (start.substr(0, 3) == "\xEF\xBB\xBF") start.remove_prefix(3);
    const std::string lower = text::to_lower(text::trim(start));
    for (std::string_view prefix : {"<!doctype html", "<html", "<head", "<body", "<!--"})
        if (lower.rfind(prefix, 0) == 0) return true;
    return false;
}

std::string too_large(std::size_t max_bytes) {
    return "too-large: the page is over the limit of " + std::to_string(max_bytes) + " bytes";
}

}  // namespace

bool parse_http_response(std::string_view message, std::size_t max_body_bytes, HttpResponse& out, std::string& error) {
    out = HttpResponse{};
    std::size_t pos = 0;
    std::string_view line;
    if (!next_line(message, pos, line) || line.rfind("HTTP/", 0) != 0) {
        error = "bad-input: not an HTTP response";
        return false;
    }
    const std::size_t space = line.find(' ');
    const std::string_view code = space == std::string_view::npos ? std::string_view{} : line.substr(space + 1, 3);
    const auto [end, ec] = std::from_chars(code.data(), code.data() + code.size(), out.status);
    if (code.size() != 3 || ec != std::errc() || end != code.data() + code.size()) {
        error = "bad-input: HTTP status line without a status code";
        return false;
    }
    bool headers_ended = false;
    while (next_line(message, pos, line)) {
        if (line.empty()) {
            headers_ended = true;
            break;
        }
        // A broken header line is skipped, as browsers do.
        detail::add_header_line(line, out.headers);
    }
    if (!headers_ended) pos = message.size();
    std::string_view body = message.substr(std::min(pos, message.size()));

    std::string dechunked;
    if (has_token(find_field(out.headers, "Transfer-Encoding"), "chunked") && dechunk(body, dechunked)) body = dechunked;

    const std::string_view encoding = text::trim(find_field(out.headers, "Content-Encoding"));
    if ((text::iequals(encoding, "gzip") || text::iequals(encoding, "x-gzip")) && decode::is_gzip(body)) {
        switch (decode::gunzip(body, max_body_bytes, out.body)) {
            case decode::GunzipStatus::Ok: return true;
            case decode::GunzipStatus::TooLarge: error = too_large(max_body_bytes); return false;
            case decode::GunzipStatus::Corrupt: error = "bad-input: corrupt gzip body"; return false;
        }
    }
    // Bodies stored decoded keep their Content-Encoding header; only a body that is really
    // encoded some other way cannot be read.
    if (!encoding.empty() && !text::iequals(encoding, "identity") && !text::iequals(encoding, "gzip") &&
        !text::iequals(encoding, "x-gzip") && !looks_like_html(body)) {
        error = "bad-input: unsupported Content-Encoding " + std::string(encoding);
        return false;
    }
    if (body.size() > max_body_bytes) {
        error = too_large(max_body_bytes);
        return false;
    }
    out.body.assign(body);
    return true;
}

PageResult take_page(Record&& record, std::size_t max_body_bytes, Page& page) {
    page = Page{};
    page.target_uri = record.target_uri();
    page.record_id = record.record_id();
    page.date = record.date();
    const std::string type = text::to_lower(record.type());
    const std::string_view content_type = find_field(record.fields, "Content-Type");

    if (type == "resource") {
        if (!is_html_type(media_type(content_type))) return {PageStatus::Skipped, "non-html"};
        if (record.oversized || record.block.size() > max_body_bytes) return {PageStatus::Error, too_large(max_body_bytes)};
        page.http_charset = charset_parameter(content_type);
        page.body = std::move(record.block);
        return {PageStatus::Page, {}};
    }
    if (type != "response") return {PageStatus::Skipped, type.empty() ? "unknown" : type};
    if (media_type(content_type).rfind("application/http", 0) != 0) return {PageStatus::Skipped, "not-http"};

    HttpResponse response;
    std::string error;
    // An oversized record kept only its start: enough for the status line and headers.
    const bool parsed = parse_http_response(record.block, max_body_bytes, response, error);
    if (!parsed && response.status == 0) return {PageStatus::Error, error};
    if (response.status < 200 || response.status > 299) return {PageStatus::Skipped, "http-status"};
    const std::string_view http_type = find_field(response.headers, "Content-Type");
    const bool html = http_type.empty() ? looks_like_html(response.body) : is_html_type(media_type(http_type));
    if (!html) return {PageStatus::Skipped, "non-html"};
    if (record.oversized) return {PageStatus::Error, too_large(max_body_bytes)};
    if (!parsed) return {PageStatus::Error, error};
    page.http_charset = charset_parameter(http_type);
    page.body = std::move(response.body);
    return {PageStatus::Page, {}};
}

}  // namespace webclean::warc
