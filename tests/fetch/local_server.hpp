// A small HTTP/1.1 server on 127.0.0.1 for the fetch tests: it binds a free port, reads each
// request's head and hands it to the test's handler, which writes the raw response bytes, as
// slowly or as endlessly as the test needs. One thread per connection; every response closes
// its connection.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace webclean::test {

struct Request {
    std::string method;
    std::string target;                          // path and query, as sent
    std::map<std::string, std::string> headers;  // names lowercased
    std::chrono::steady_clock::time_point arrived;
    std::string header(const std::string& name) const;
};

// The handler's side of one connection.
class Connection {
public:
    // `on_answer` runs once, as the first byte of the response goes out.
    Connection(int fd, const std::atomic<bool>& stopping, std::function<void()> on_answer)
        : fd_(fd), stopping_(stopping), on_answer_(std::move(on_answer)) {}
    // Sends all of bytes; false once the client has gone or the server is stopping.
    bool send(std::string_view bytes);
    // Waits, waking early when the server stops; false if it did.
    bool wait(std::chrono::milliseconds duration);
    bool stopping() const { return stopping_; }

private:
    int fd_;
    const std::atomic<bool>& stopping_;
    std::function<void()> on_answer_;
};

using Handler = std::function<void(const Request&, Connection&)>;

class LocalServer {
public:
    explicit LocalServer(Handler handler);
    LocalServer(const LocalServer&) = delete;
    LocalServer& operator=(const LocalServer&) = delete;
    ~LocalServer();  // stops every handler and joins every thread

    // "http://127.0.0.1:<port>" followed by path.
    std::string url(std::string_view path) const;

    // Requests received so far, in arrival order.
    std::vector<Request> requests() const;
    // The most requests that were waiting for their answer at the same time: from the accepted
    // connection to the answer's first byte. A client can only have finished a request after
    // that byte, so a client keeping to N connections never makes this exceed N, however late
    // the server's threads get to closing their sockets.
    std::size_t peak_concurrency() const { return peak_; }

private:
    void accept_loop();
    void serve(int fd);

    Handler handler_;
    int listen_fd_ = -1;
    unsigned short port_ = 0;
    std::atomic<bool> stopping_{false};
    std::atomic<std::size_t> active_{0}, peak_{0};
    mutable std::mutex mutex_;
    std::vector<Request> requests_;
    std::vector<std::thread> connections_;
    std::thread acceptor_;
};

// A complete response with Content-Length and Connection: close. extra_headers are whole
// lines, each ending in "\r\n".
std::string response(int status, std::string_view content_type, std::string_view body,
                     std::string_view extra_headers = {});

}  // namespace webclean::test
