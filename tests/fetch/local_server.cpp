#include "local_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <utility>

namespace webclean::test {

namespace {

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return s;
}

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return std::string(s);
}

Request parse_head(std::string_view head) {
    Request request;
    std::size_t line_end = head.find("\r\n");
    std::string_view request_line = head.substr(0, line_end);
    std::size_t space = request_line.find(' ');
    request.method = std::string(request_line.substr(0, space));
    std::string_view rest = request_line.substr(space + 1);
    request.target = std::string(rest.substr(0, rest.find(' ')));
    while (line_end != std::string_view::npos) {
        std::size_t start = line_end + 2;
        line_end = head.find("\r\n", start);
        std::string_view line = head.substr(start, line_end == std::string_view::npos ? head.npos : line_end - start);
        std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        request.headers[lower(std::string(line.substr(0, colon)))] = trim(line.substr(colon + 1));
    }
    return request;
}

const char* reason(int status) {
    switch (status) {
        case 200: return "OK";
        case 301: return "Moved Permanently";
        case 302: return "Found";
        case 404: return "Not Found";
        case 500: return "Internal Server Error";
        default: return "Status";
    }
}

}  // namespace

std::string Request::header(const std::string& name) const {
    auto it = headers.find(lower(name));
    return it == headers.end() ? std::string() : it->second;
}

bool Connection::send(std::string_view bytes) {
    if (on_answer_) std::exchange(on_answer_, nullptr)();
    while (!bytes.empty()) {
        if (stopping_) return false;
        ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR) continue;
        if (sent <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
}

bool Connection::wait(std::chrono::milliseconds duration) {
    const auto until = std::chrono::steady_clock::now() + duration;
    while (std::chrono::steady_clock::now() < until) {
        if (stopping_) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return !stopping_;
}

LocalServer::LocalServer(Handler handler) : handler_(std::move(handler)) {
    // A proxy set in the environment must not stand between the tests and this server; the
    // variables are set before any client runs, in this process and the ones it starts.
    static std::once_flag no_proxy;
    std::call_once(no_proxy, [] {
        ::setenv("no_proxy", "127.0.0.1,localhost", 1);
        ::setenv("NO_PROXY", "127.0.0.1,localhost", 1);
    });
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (listen_fd_ < 0) throw std::runtime_error("socket() failed");
    int yes = 1;
    ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;  // any free port
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listen_fd_, 64) != 0) {
        ::close(listen_fd_);
        throw std::runtime_error("cannot listen on 127.0.0.1");
    }
    socklen_t length = sizeof address;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
}

LocalServer::~LocalServer() {
    stopping_ = true;
    ::shutdown(listen_fd_, SHUT_RDWR);  // wakes the blocked accept()
    acceptor_.join();
    ::close(listen_fd_);
    std::vector<std::thread> connections;
    {
        std::lock_guard lock(mutex_);
        connections.swap(connections_);
    }
    for (auto& thread : connections) thread.join();
}

std::string LocalServer::url(std::string_view path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
}

std::vector<Request> LocalServer::requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
}

void LocalServer::accept_loop() {
    while (!stopping_) {
        int fd = ::accept(listen_fd_, nullptr, nullptr);
        if (fd < 0) {
            if (stopping_) return;
            continue;
        }
        std::lock_guard lock(mutex_);
        connections_.emplace_back([this, fd] { serve(fd); });
    }
}

void LocalServer::serve(int fd) {
    const std::size_t now_active = ++active_;
    for (std::size_t peak = peak_; now_active > peak && !peak_.compare_exchange_weak(peak, now_active);) {}
    bool waiting = true;
    auto answered = [&] {
        if (std::exchange(waiting, false)) --active_;
    };
    // A short receive timeout lets the thread notice the server stopping.
    timeval tick{0, 100'000};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tick, sizeof tick);
    std::string head;
    char buffer[4096];
    while (!stopping_ && head.find("\r\n\r\n") == std::string::npos && head.size() < 65536) {
        ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
        if (got > 0) head.append(buffer, static_cast<std::size_t>(got));
        else if (got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) break;
    }
    if (std::size_t end = head.find("\r\n\r\n"); end != std::string::npos) {
        Request request = parse_head(std::string_view(head).substr(0, end + 2));
        request.arrived = std::chrono::steady_clock::now();
        {
            std::lock_guard lock(mutex_);
            requests_.push_back(request);
        }
        Connection connection(fd, stopping_, answered);
        handler_(request, connection);
    }
    answered();  // no answer at all (a silent handler, a request cut short)
    ::shutdown(fd, SHUT_WR);
    ::close(fd);
}

std::string response(int status, std::string_view content_type, std::string_view body,
                     std::string_view extra_headers) {
    std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason(status) + "\r\n";
    if (!content_type.empty()) out += "Content-Type: " + std::string(content_type) + "\r\n";
    out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    out += extra_headers;
    out += "Connection: close\r\n\r\n";
    out += body;
    return out;
}

}  // namespace webclean::test
