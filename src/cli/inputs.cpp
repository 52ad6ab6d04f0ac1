#include "inputs.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>

namespace webclean::cli {

namespace fs = std::filesystem;

namespace {

std::string too_large(std::size_t max_bytes) {
    return "too-large: input is over the limit of " + std::to_string(max_bytes) + " bytes";
}

std::string read_error(int error_number) {
    return std::string("read-error: ") + std::strerror(error_number);
}


// Owns a file descriptor so every early return closes it.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() { if (fd_ >= 0) ::close(fd_); }
    int get() const { return fd_; }
private:
    int fd_;
};

// Reads until end of file or until more than max_bytes have arrived, whichever comes first.
std::string read_bounded(int fd, std::size_t max_bytes, std::size_t size_hint, std::string& bytes) {
    bytes.clear();
    bytes.reserve(std::min(size_hint, max_bytes) + 1);
    char buffer[1 << 16];
    while (true) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            return read_error(errno);
        }
        if (n == 0) return {};
        bytes.append(buffer, static_cast<std::size_t>(n));
        if (bytes.size() > max_bytes) {
            bytes.clear();
            return too_large(max_bytes);
        }
    }
}

void walk_directory(const fs::path& directory, const std::string& root, std::vector<Input>& out) {
    std::error_code ec;
    fs::directory_iterator it(directory, ec);
    std::vector<fs::path> entries;
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entries.push_back(it->path());
    if (ec) {
        out.push_back({Input::Kind::Failed, directory.string(),
                       "read-error: cannot list directory: " + ec.message(), root});
        return;
    }
    // fs::path ordering compares element by element, so "a/b/z" sorts before "a/b-c/a".
    std::sort(entries.begin(), entries.end());
    for (const auto& entry : entries) {
        std::error_code link_ec, target_ec;
        const auto link_status = fs::symlink_status(entry, link_ec);
        if (!link_ec && fs::is_directory(link_status)) {
            walk_directory(entry, root, out);
            continue;
        }
        if (fs::is_regular_file(fs::status(entry, target_ec)))
            out.push_back({Input::Kind::File, entry.string(), {}, root});
    }
}

// "scheme://": RFC 3986 schemes are a letter, then letters, digits, '+', '-' or '.'.
bool is_url(const std::string& spec) {
    const std::size_t colon = spec.find("://");
    if (colon == std::string::npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(spec[0]))) return false;
    return std::all_of(spec.begin(), spec.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
    });
}

}  // namespace

bool is_directory(const std::string& spec) {
    std::error_code ec;
    return spec != "-" && fs::is_directory(spec, ec);
}

void expand_input(const std::string& spec, std::vector<Input>& out) {
    if (spec == "-") {
        out.push_back({Input::Kind::Stdin, spec, {}, {}});
        return;
    }
    if (is_url(spec)) {
        out.push_back({Input::Kind::Url, spec, {}, {}});
        return;
    }
    if (is_directory(spec)) {
        // Entries are joined onto the spec as spelled, so "dir" and "dir/" both give "dir/x".
        walk_directory(spec, spec, out);
        return;
    }
    out.push_back({Input::Kind::File, spec, {}, {}});
}

std::string read_input(const Input& input, std::size_t max_bytes, std::string& bytes) {
    switch (input.kind) {
        case Input::Kind::Failed:
            return input.error;
        case Input::Kind::Stdin:
            return read_bounded(STDIN_FILENO, max_bytes, 0, bytes);
        case Input::Kind::Url:
            return "internal-error: URLs are fetched, not read";
        case Input::Kind::File:
            break;
    }
    FileDescriptor file(::open(input.name.c_str(), O_RDONLY | O_CLOEXEC));
    if (file.get() < 0) return read_error(errno);
    // Size the opened file, not the path, so a file swapped in between cannot dodge the check.
    struct stat info {};
    if (::fstat(file.get(), &info) != 0) return read_error(errno);
    if (S_ISDIR(info.st_mode)) return read_error(EISDIR);
    const bool sized = S_ISREG(info.st_mode);
    if (sized && static_cast<std::size_t>(info.st_size) > max_bytes) return too_large(max_bytes);
    return read_bounded(file.get(), max_bytes, sized ? static_cast<std::size_t>(info.st_size) : 0, bytes);
}

bool read_input_list(const std::string& path, std::vector<std::string>& lines, std::string& error) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (path != "-") {
        file.open(path, std::ios::binary);
        if (!file) {
            error = std::strerror(errno);
            return false;
        }
        in = &file;
    }
    std::string line;
    while (std::getline(*in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        lines.push_back(line);
    }
    if (in->bad()) {
        error = "read error";
        return false;
    }
    return true;
}

}  // namespace webclean::cli
