"""fetch_url through the library's libcurl fetcher, against a server on the loopback address."""

from __future__ import annotations

import gzip
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import webclean
from conftest import corpus_input

NEWS = corpus_input("en-news-related")
GBK = corpus_input("zh-gbk-portal")  # GBK bytes, declared gb2312 by a <meta> tag only
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


class Handler(BaseHTTPRequestHandler):
    routes = {
        "/news": (200, "text/html; charset=utf-8", NEWS),
        "/gbk": (200, "text/html", GBK),
        "/gbk-header": (200, "text/html; charset=GBK", GBK),
        "/missing": (404, "text/html", b"<html><body><p>Not found</p></body></html>"),
        "/image": (200, "image/png", PNG),
    }

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/news")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/user-agent":
            self.reply(200, "text/plain", self.headers.get("User-Agent", "").encode())
            return
        if self.path == "/gzip":
            self.reply(200, "text/html; charset=utf-8", gzip.compress(NEWS), encoding="gzip")
            return
        self.reply(*self.routes.get(self.path, (200, "text/html", NEWS)))

    def reply(self, status, content_type, body, encoding=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    # A proxy set in the environment must not stand between libcurl and this server.
    saved = {name: os.environ.get(name) for name in ("no_proxy", "NO_PROXY")}
    os.environ["no_proxy"] = os.environ["NO_PROXY"] = "127.0.0.1,localhost"
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def test_fetched_page_extracts_like_the_file(server):
    html = webclean.fetch_url(f"{server}/news")
    assert html == NEWS.decode("utf-8")
    assert webclean.extract(html) == webclean.extract(NEWS)


def test_bytes_come_as_served(server):
    assert webclean.fetch_url(f"{server}/gbk", decode=False) == GBK
    assert webclean.fetch_url(f"{server}/image", decode=False) == PNG


def test_decoding_follows_meta_and_header(server):
    expected = GBK.decode("gb18030")
    assert webclean.fetch_url(f"{server}/gbk") == expected
    assert webclean.fetch_url(f"{server}/gbk-header") == expected


def test_redirects_and_compression(server):
    assert webclean.fetch_url(f"{server}/redirect") == NEWS.decode("utf-8")
    assert webclean.fetch_url(f"{server}/redirect", max_redirects=0) is None
    assert webclean.fetch_url(f"{server}/gzip") == NEWS.decode("utf-8")


def test_failures_give_none(server):
    assert webclean.fetch_url(f"{server}/missing") is None
    assert webclean.fetch_url(f"{server}/image") is None  # not a web page
    assert webclean.fetch_url(f"{server}/news", max_bytes=100) is None
    assert webclean.fetch_url(f"{server}/slow", timeout=0.5) is None
    assert webclean.fetch_url("ftp://127.0.0.1/file") is None
    assert webclean.fetch_url("not a url") is None
    assert webclean.fetch_url("http://127.0.0.1:1/") is None  # connection refused


def test_user_agent(server):
    assert webclean.fetch_url(f"{server}/user-agent") == f"webclean/{webclean.__version__}"
    assert webclean.fetch_url(f"{server}/user-agent", user_agent="corpus-bot/1.0") == "corpus-bot/1.0"


def test_argument_errors():
    with pytest.raises(TypeError, match="url must be a str"):
        webclean.fetch_url(b"http://127.0.0.1/")
    with pytest.raises(ValueError, match="timeout must be a positive number"):
        webclean.fetch_url("http://127.0.0.1/", timeout=0)
    with pytest.raises(ValueError, match="max_redirects"):
        webclean.fetch_url("http://127.0.0.1/", max_redirects=-1)
    with pytest.raises(TypeError, match="unexpected keyword"):
        webclean.fetch_url("http://127.0.0.1/", config=None)
