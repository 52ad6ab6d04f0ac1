// Writes WARC files for the tests: records of every kind, gzip one member per record, zstd one
// frame per record (with or without a dictionary), and a mixed crawl that knows which of its
// records hold HTML pages. Header-only; the test links zlib and libzstd.
#pragma once

#include <zlib.h>
#include <zstd.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace warc_test {

inline std::string record(const std::string& type, const std::string& uri, const std::string& content_type,
                          const std::string& block, int serial) {
    std::string header = "WARC/1.1\r\nWARC-Type: " + type + "\r\n";
    if (!uri.empty()) header += "WARC-Target-URI: " + uri + "\r\n";
    header += "WARC-Date: 2024-05-0" + std::to_string(1 + serial % 9) + "T12:00:00Z\r\n";
    header += "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-" + std::to_string(100000000000 + serial) + ">\r\n";
    if (!content_type.empty()) header += "Content-Type: " + content_type + "\r\n";
    header += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
    return header + block + "\r\n\r\n";
}

inline std::string http_response(int status, const std::string& content_type, const std::string& body,
                                  const std::string& extra_headers = {}) {
    std::string message = "HTTP/1.1 " + std::to_string(status) + " X\r\nServer: test\r\n";
    if (!content_type.empty()) message += "Content-Type: " + content_type + "\r\n";
    return message + extra_headers + "\r\n" + body;
}

inline std::string chunked(const std::string& body, std::size_t chunk) {
    std::string out;
    char size[32];
    for (std::size_t at = 0; at < body.size(); at += chunk) {
        const std::string piece = body.substr(at, chunk);
        std::snprintf(size, sizeof size, "%zx", piece.size());
        out += std::string(size) + "\r\n" + piece + "\r\n";
    }
    return out + "0\r\n\r\n";
}

// One gzip member.
inline std::string gzip(const std::string& data) {
    z_stream z{};
    if (deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflateInit2");
    std::string out(deflateBound(&z, data.size()) + 64, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    deflateEnd(&z);
    if (rc != Z_STREAM_END) throw std::runtime_error("deflate");
    out.resize(out.size() - z.avail_out);
    return out;
}

// One zstd frame, compressed with dictionary when it is not empty.
inline std::string zstd(const std::string& data, const std::string& dictionary = {}) {
    std::string out(ZSTD_compressBound(data.size()), '\0');
    ZSTD_CCtx* cctx = ZSTD_createCCtx();
    if (!dictionary.empty()) ZSTD_CCtx_loadDictionary(cctx, dictionary.data(), dictionary.size());
    const std::size_t n = ZSTD_compress2(cctx, out.data(), out.size(), data.data(), data.size());
    ZSTD_freeCCtx(cctx);
    if (ZSTD_isError(n)) throw std::runtime_error("zstd");
    out.resize(n);
    return out;
}

// The skippable frame a .warc.zst keeps its dictionary in.
inline std::string zstd_dictionary_frame(const std::string& dictionary) {
    std::string frame = "\x5d\x2a\x4d\x18";
    const auto size = static_cast<std::uint32_t>(dictionary.size());
    for (int shift = 0; shift < 32; shift += 8) frame += static_cast<char>((size >> shift) & 0xff);
    return frame + dictionary;
}

inline std::string article_html(int i) {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Page " + std::to_string(i) +
           "</title></head><body><nav>Home | About</nav><article><h1>Page " + std::to_string(i) +
           "</h1><p>Paragraph of record " + std::to_string(i) +
           ", long enough to read as the article rather than boilerplate, with clauses, commas, "
           "and a full stop at the end.</p></article></body></html>";
}

// A crawl with every kind of record. records[i] is one whole record; html_uris lists the URIs
// of the records that hold an HTML page, in order.
struct Crawl {
    std::vector<std::string> records;
    std::vector<std::string> html_uris;
    std::vector<std::string> html_bodies;
    std::size_t skipped = 0;
};

inline Crawl mixed_crawl(int pages) {
    Crawl crawl;
    int serial = 0;
    auto add = [&](std::string rec, bool html, const std::string& uri = {}, const std::string& body = {}) {
        crawl.records.push_back(std::move(rec));
        if (html) {
            crawl.html_uris.push_back(uri);
            crawl.html_bodies.push_back(body);
        } else {
            ++crawl.skipped;
        }
    };
    add(record("warcinfo", "", "application/warc-fields", "software: webclean-test\r\nformat: WARC 1.1\r\n", serial++),
        false);
    for (int i = 0; i < pages; ++i) {
        const std::string uri = "https://site" + std::to_string(i % 7) + ".example/news/" + std::to_string(i) + ".html?a=1";
        const std::string body = article_html(i);
        add(record("request", uri, "application/http; msgtype=request",
                   "GET /news/" + std::to_string(i) + ".html HTTP/1.1\r\nHost: x\r\n\r\n", serial++),
            false);
        std::string response;
        switch (i % 5) {
            case 0: response = http_response(200, "text/html; charset=utf-8", body); break;
            case 1: response = http_response(200, "text/html", chunked(body, 37), "Transfer-Encoding: chunked\r\n"); break;
            case 2: response = http_response(200, "text/html", gzip(body), "Content-Encoding: gzip\r\n"); break;
            case 3: response = http_response(200, "", body); break;  // no Content-Type: sniffed
            case 4: response = http_response(200, "application/xhtml+xml", body); break;
        }
        add(record("response", uri, "application/http; msgtype=response", response, serial++), true, uri, body);
        add(record("metadata", uri, "application/warc-fields", "fetchTimeMs: 12\r\n", serial++), false);
        if (i % 4 == 0) {
            const std::string image = uri + ".png";
            add(record("response", image, "application/http; msgtype=response",
                       http_response(200, "image/png", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(300, '\x01')),
                       serial++),
                false);
        }
        if (i % 6 == 0)
            add(record("response", uri + "-gone", "application/http; msgtype=response",
                       http_response(404, "text/html", "<html><body>Not found</body></html>"), serial++),
                false);
        if (i % 9 == 0) {
            const std::string resource = "file:///archive/" + std::to_string(i) + ".html";
            add(record("resource", resource, "text/html", body, serial++), true, resource, body);
            add(record("resource", resource + ".txt", "text/plain", "plain notes", serial++), false);
        }
        if (i % 10 == 0) add(record("revisit", uri, "application/http; msgtype=response", "", serial++), false);
    }
    return crawl;
}

inline std::string joined(const std::vector<std::string>& records) {
    std::string out;
    for (const auto& r : records) out += r;
    return out;
}

inline std::string gzip_per_record(const std::vector<std::string>& records) {
    std::string out;
    for (const auto& r : records) out += gzip(r);
    return out;
}

inline std::string zstd_per_record(const std::vector<std::string>& records, const std::string& dictionary = {}) {
    std::string out = dictionary.empty() ? std::string() : zstd_dictionary_frame(dictionary);
    for (const auto& r : records) out += zstd(r, dictionary);
    return out;
}

}  // namespace warc_test
