// Each route stands for one way a real server behaves: well, slowly, endlessly, wrongly labelled.
#include "routes.hpp"

#include <unicode/ucnv.h>
#include <zlib.h>

#include <chrono>
#include <stdexcept>

namespace webclean::test::routes {

using namespace std::chrono_literals;

std::string encode(std::string_view utf8, const char* encoding) {
    UErrorCode err = U_ZERO_ERROR;
    std::string out(utf8.size() * 4 + 16, '\0');
    int32_t n = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                             static_cast<int32_t>(utf8.size()), &err);
    if (U_FAILURE(err)) throw std::runtime_error(std::string("cannot encode as ") + encoding);
    out.resize(n);
    return out;
}

namespace {

std::string gzip(std::string_view data) {
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflateInit2 failed");
    std::string out(deflateBound(&stream, data.size()), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    if (rc != Z_STREAM_END) throw std::runtime_error("deflate failed");
    return out;
}

std::string article_page(std::string_view head, std::string_view paragraph) {
    std::string html = "<!DOCTYPE html><html><head>" + std::string(head) +
                       "<title>Test page</title></head><body><article>";
    for (int i = 0; i < 3; ++i) html += "<p>" + std::string(paragraph) + "</p>";
    return html + "</article></body></html>";
}

}  // namespace

const std::string kEnglishParagraph =
    "The river authority said on Tuesday that the new flood barriers had held through the storm, "
    "sparing the old town centre for the first time in a decade. Engineers will inspect every "
    "section before the spring tides arrive, and residents were asked to report any seepage.";

const std::string kChineseParagraph =
    "中国互联网络信息中心今天发布报告，截至去年年底，我国网民规模达到十亿人，互联网普及率继续提高。"
    "报告显示，农村地区网民数量增长明显，移动支付、网络购物和在线教育等应用持续发展。"
    "专家认为，数字经济已经成为推动经济社会发展的重要力量，各地应当进一步完善网络基础设施建设。";

const std::string kEnglishPage = article_page("<meta charset=utf-8>", kEnglishParagraph);

void handle(const Request& request, Connection& connection) {
    const std::string& path = request.target;
    if (path == "/page") {
        connection.send(response(200, "text/html; charset=utf-8", kEnglishPage));
    } else if (path.starts_with("/redirect/")) {
        const int left = std::stoi(path.substr(10));
        const std::string next = left > 0 ? "/redirect/" + std::to_string(left - 1) : "/page";
        connection.send(response(302, "text/html", "moved", "Location: " + next + "\r\n"));
    } else if (path == "/to-ftp") {
        connection.send(response(302, "text/html", "moved", "Location: ftp://127.0.0.1/file.html\r\n"));
    } else if (path == "/to-file") {
        connection.send(response(301, "text/html", "moved", "Location: file:///etc/passwd\r\n"));
    } else if (path == "/status/404") {
        connection.send(response(404, "text/html", "<h1>No such page</h1>"));
    } else if (path == "/status/500") {
        connection.send(response(500, "text/plain", "server fell over"));
    } else if (path == "/unfinished") {
        // Promises a body it never completes.
        std::string head = response(200, "text/html", std::string(1000, 'x'));
        connection.send(head.substr(0, head.size() - 900));
        while (connection.wait(50ms)) {}
    } else if (path == "/silent") {
        while (connection.wait(50ms)) {}
    } else if (path == "/slow") {
        if (connection.wait(300ms)) connection.send(response(200, "text/html; charset=utf-8", kEnglishPage));
    } else if (path == "/endless") {
        connection.send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><body>");
        const std::string chunk(64 * 1024, 'a');
        while (connection.send(chunk)) {}
    } else if (path == "/huge-announced") {
        connection.send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000000000\r\n"
                        "Connection: close\r\n\r\n<html>");
        while (connection.wait(50ms)) {}
    } else if (path == "/compressible") {
        if (request.header("accept-encoding").find("gzip") != std::string::npos)
            connection.send(response(200, "text/html; charset=utf-8", gzip(kEnglishPage), "Content-Encoding: gzip\r\n"));
        else
            connection.send(response(200, "text/html; charset=utf-8", kEnglishPage));
    } else if (path == "/gbk-meta-only") {
        connection.send(response(200, "text/html",
                                 encode(article_page("<meta http-equiv=\"Content-Type\" content=\"text/html; "
                                                     "charset=gb2312\">",
                                                     kChineseParagraph),
                                        "GB18030")));
    } else if (path == "/gbk-header-only") {
        connection.send(response(200, "text/html; charset=GBK", encode(article_page("", kChineseParagraph), "GB18030")));
    } else if (path == "/gbk-labelled-utf8") {
        connection.send(
            response(200, "text/html; charset=utf-8", encode(article_page("", kChineseParagraph), "GB18030")));
    } else if (path == "/gbk-labelled-latin1") {
        connection.send(response(200, "text/html; charset=ISO-8859-1",
                                 encode(article_page("<meta charset=gb2312>", kChineseParagraph), "GB18030")));
    } else if (path == "/utf8-labelled-gbk") {
        connection.send(response(200, "text/html; charset=gbk", article_page("", kChineseParagraph)));
    } else if (path == "/image") {
        connection.send(response(200, "image/png", "\x89PNG\r\n\x1a\n"));
    } else if (path == "/echo-user-agent") {
        connection.send(response(200, "text/plain", request.header("user-agent")));
    } else {
        connection.send(response(404, "text/plain", "unknown route"));
    }
}

}  // namespace webclean::test::routes
