#include "inputs.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
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

bool ends_with_gz(const std::string& name) {
    return name.size() >= 3 && name.compare(name.size() - 3, 3, ".gz") == 0;
}

// Owns a file descriptor so every early return closes it.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() { if (fd_ >= 0) ::close(fd_); }
    int get() const { return fd_; }
    int release() { int fd = fd_; fd_ = -1; return fd; }
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

// zlib's gz* functions read the compressed file in pieces, so only the output is bounded here.
std::string read_gzip(FileDescriptor& file, std::size_t max_bytes, std::string& bytes) {
    gzFile gz = gzdopen(file.get(), "rb");
    if (!gz) return "read-error: cannot open gzip stream";
    file.release();  // gzclose closes the descriptor from now on
    bytes.clear();
    char buffer[1 << 16];
    std::string error;
    while (true) {
        int n = gzread(gz, buffer, sizeof buffer);
        if (n < 0) {
            int code = 0;
            const char* message = gzerror(gz, &code);
            error = code == Z_ERRNO ? read_error(errno)
                                    : std::string("bad-input: gzip: ") + (message ? message : "corrupt data");
            break;
        }
        if (n == 0) {
            // A truncated stream ends like a clean one; gzerror tells them apart.
            int code = 0;
            const char* message = gzerror(gz, &code);
            if (code != Z_OK && code != Z_STREAM_END)
                error = std::string("bad-input: gzip: ") + (message ? message : "corrupt data");
            break;
        }
        bytes.append(buffer, static_cast<std::size_t>(n));
        if (bytes.size() > max_bytes) {
            error = too_large(max_bytes);
            break;
        }
    }
    gzclose(gz);
    if (!error.empty()) bytes.clear();
    return error;
}

void walk_directory(const fs::path& directory, std::vector<Input>& out) {
    std::error_code ec;
    fs::directory_iterator it(directory, ec);
    std::vector<fs::path> entries;
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entries.push_back(it->path());
    if (ec) {
        out.push_back({Input::Kind::Failed, directory.string(),
                       "read-error: cannot list directory: " + ec.message()});
        return;
    }
    // fs::path ordering compares element by element, so "a/b/z" sorts before "a/b-c/a".
    std::sort(entries.begin(), entries.end());
    for (const auto& entry : entries) {
        std::error_code link_ec, target_ec;
        const auto link_status = fs::symlink_status(entry, link_ec);
        if (!link_ec && fs::is_directory(link_status)) {
            walk_directory(entry, out);
            continue;
        }
        if (fs::is_regular_file(fs::status(entry, target_ec)))
            out.push_back({Input::Kind::File, entry.string(), {}});
    }
}

}  // namespace

bool is_directory(const std::string& spec) {
    std::error_code ec;
    return spec != "-" && fs::is_directory(spec, ec);
}

void expand_input(const std::string& spec, std::vector<Input>& out) {
    if (spec == "-") {
        out.push_back({Input::Kind::Stdin, spec, {}});
        return;
    }
    if (is_directory(spec)) {
        // Entries are joined onto the spec as spelled, so "dir" and "dir/" both give "dir/x".
        walk_directory(spec, out);
        return;
    }
    out.push_back({Input::Kind::File, spec, {}});
}

std::string read_input(const Input& input, std::size_t max_bytes, std::string& bytes) {
    switch (input.kind) {
        case Input::Kind::Failed:
            return input.error;
        case Input::Kind::Stdin:
            return read_bounded(STDIN_FILENO, max_bytes, 0, bytes);
        case Input::Kind::File:
            break;
    }
    FileDescriptor file(::open(input.name.c_str(), O_RDONLY | O_CLOEXEC));
    if (file.get() < 0) return read_error(errno);
    // Size the opened file, not the path, so a file swapped in between cannot dodge the check.
    struct stat info {};
    if (::fstat(file.get(), &info) != 0) return read_error(errno);
    if (S_ISDIR(info.st_mode)) return read_error(EISDIR);
    if (ends_with_gz(input.name)) return read_gzip(file, max_bytes, bytes);
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
