// Plain, gzip and zstd byte streams over a file descriptor, a buffer's worth at a time.
#include "warc/stream.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>

namespace webclean::warc::detail {

RawInput::RawInput(int fd, bool owns_fd) : fd_(fd), owns_fd_(owns_fd), buffer_(new unsigned char[capacity]) {}

RawInput::~RawInput() {
    if (owns_fd_) ::close(fd_);
}

bool RawInput::fill() {
    if (!error_.empty()) return false;
    if (begin_ > 0) {
        std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    if (end_ == capacity) return false;
    while (true) {
        const ssize_t n = ::read(fd_, buffer_.get() + end_, capacity - end_);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            error_ = std::string("read error: ") + std::strerror(errno);
            return false;
        }
        end_ += static_cast<std::size_t>(n);
        file_offset_ += static_cast<std::uint64_t>(n);
        return n > 0;
    }
}

bool RawInput::seek(std::uint64_t offset) {
    const std::uint64_t window_start = file_offset_ - end_;
    if (offset >= window_start && offset <= file_offset_) {
        begin_ = static_cast<std::size_t>(offset - window_start);
        return true;
    }
    if (::lseek(fd_, static_cast<off_t>(offset), SEEK_SET) < 0) return false;
    begin_ = end_ = 0;
    file_offset_ = offset;
    return true;
}

namespace {

constexpr unsigned char gzip_magic[] = {0x1f, 0x8b, 0x08};
constexpr unsigned char zstd_magic[] = {0x28, 0xb5, 0x2f, 0xfd};
// The skippable frame a .warc.zst starts with when it carries its dictionary (magic 0x184D2A5D,
// little-endian).
constexpr unsigned char zstd_dictionary_magic[] = {0x5d, 0x2a, 0x4d, 0x18};

bool starts_with(const RawInput& raw, const unsigned char* magic, std::size_t length) {
    return raw.size() >= length && std::memcmp(raw.data(), magic, length) == 0;
}

// Moves the input to the next occurrence of magic at or after its current position; false
// when the file has no more.
bool skip_to(RawInput& raw, const unsigned char* magic, std::size_t length) {
    while (true) {
        const auto* begin = raw.data();
        const auto* end = begin + raw.size();
        const auto* found = std::search(begin, end, magic, magic + length);
        if (found != end) {
            raw.consume(static_cast<std::size_t>(found - begin));
            return true;
        }
        // Keep a partial match at the end of the buffer for the next round.
        raw.consume(raw.size() >= length ? raw.size() - (length - 1) : 0);
        if (!raw.fill()) return false;
    }
}

class PlainStream final : public ByteStream {
public:
    explicit PlainStream(std::unique_ptr<RawInput> raw) : ByteStream(std::move(raw)) {}
    std::size_t read(char* out, std::size_t n) override {
        if (raw_->size() == 0 && !raw_->fill()) {
            error_ = raw_->error();
            return 0;
        }
        const std::size_t count = std::min(n, raw_->size());
        std::memcpy(out, raw_->data(), count);
        raw_->consume(count);
        return count;
    }
};

class GzipStream final : public ByteStream {
public:
    explicit GzipStream(std::unique_ptr<RawInput> raw) : ByteStream(std::move(raw)) {
        // 16 + MAX_WBITS: the gzip wrapper, header and CRC-32 trailer checked.
        if (inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK) error_ = "cannot start zlib";
    }
    ~GzipStream() override { inflateEnd(&z_); }

    std::size_t read(char* out, std::size_t n) override {
        while (error_.empty() && !finished_) {
            if (!in_member_ && !start_member()) return 0;
            if (raw_->size() == 0 && !raw_->fill()) {
                error_ = raw_->error().empty() ? "truncated: gzip data ends inside a member" : raw_->error();
                return 0;
            }
            z_.next_in = const_cast<Bytef*>(raw_->data());
            z_.avail_in = static_cast<uInt>(raw_->size());
            z_.next_out = reinterpret_cast<Bytef*>(out);
            z_.avail_out = static_cast<uInt>(std::min<std::size_t>(n, 1u << 30));
            const uInt room = z_.avail_out;
            const int rc = inflate(&z_, Z_NO_FLUSH);
            raw_->consume(raw_->size() - z_.avail_in);
            const std::size_t produced = room - z_.avail_out;
            if (rc == Z_STREAM_END) {
                in_member_ = false;
            } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                error_ = std::string("corrupt gzip data: ") + (z_.msg ? z_.msg : "inflate failed");
                return produced;
            }
            if (produced > 0) return produced;
        }
        return 0;
    }

    bool resync() override {
        error_.clear();
        in_member_ = false;
        finished_ = false;
        // Look again from just past the start of the broken member: inflate may have read past
        // the next member's header before it noticed the damage.
        raw_->seek(member_start_ + 1);
        return skip_to(*raw_, gzip_magic, sizeof gzip_magic);
    }

private:
    // At a member boundary: the next member, or the end (zero padding after the last member is
    // tolerated, as gzip(1) does).
    bool start_member() {
        while (true) {
            if (raw_->size() == 0 && !raw_->fill()) {
                error_ = raw_->error();
                finished_ = true;
                return false;
            }
            if (raw_->data()[0] != 0) break;
            std::size_t zeros = 0;
            while (zeros < raw_->size() && raw_->data()[zeros] == 0) ++zeros;
            raw_->consume(zeros);
        }
        member_start_ = raw_->offset();
        while (raw_->size() < 2 && raw_->fill()) {}
        if (!starts_with(*raw_, gzip_magic, 2)) {
            error_ = "corrupt gzip data: bytes after a member are not another member";
            return false;
        }
        inflateReset(&z_);
        in_member_ = true;
        return true;
    }

    z_stream z_{};
    bool in_member_ = false;
    bool finished_ = false;
    std::uint64_t member_start_ = 0;
};

class ZstdStream final : public ByteStream {
public:
    explicit ZstdStream(std::unique_ptr<RawInput> raw) : ByteStream(std::move(raw)), dctx_(ZSTD_createDCtx()) {
        if (!dctx_) error_ = "cannot start zstd";
        else load_dictionary();
    }
    ~ZstdStream() override { ZSTD_freeDCtx(dctx_); }

    std::size_t read(char* out, std::size_t n) override {
        while (error_.empty()) {
            if (raw_->size() == 0 && !raw_->fill()) {
                if (!raw_->error().empty()) error_ = raw_->error();
                else if (in_frame_) error_ = "truncated: zstd data ends inside a frame";
                return 0;
            }
            if (!in_frame_) {
                frame_start_ = raw_->offset();
                in_frame_ = true;
            }
            ZSTD_inBuffer in{raw_->data(), raw_->size(), 0};
            ZSTD_outBuffer output{out, n, 0};
            const std::size_t rc = ZSTD_decompressStream(dctx_, &output, &in);
            raw_->consume(in.pos);
            if (ZSTD_isError(rc)) {
                error_ = std::string("corrupt zstd data: ") + ZSTD_getErrorName(rc);
                return output.pos;
            }
            if (rc == 0) in_frame_ = false;
            if (output.pos > 0) return output.pos;
        }
        return 0;
    }

    bool resync() override {
        error_.clear();
        in_frame_ = false;
        ZSTD_DCtx_reset(dctx_, ZSTD_reset_session_only);  // keeps the dictionary
        raw_->seek(frame_start_ + 1);
        return skip_to(*raw_, zstd_magic, sizeof zstd_magic);
    }

private:
    // The .warc.zst convention: a skippable frame first, holding the dictionary (itself zstd
    // compressed or not) that every record frame was compressed with.
    void load_dictionary() {
        while (raw_->size() < 8 && raw_->fill()) {}
        if (!starts_with(*raw_, zstd_dictionary_magic, sizeof zstd_dictionary_magic) || raw_->size() < 8) return;
        const unsigned char* p = raw_->data() + 4;
        const std::size_t length = p[0] | (p[1] << 8) | (p[2] << 16) | (std::size_t{p[3]} << 24);
        raw_->consume(8);
        std::string dictionary;
        while (dictionary.size() < length) {
            if (raw_->size() == 0 && !raw_->fill()) {
                error_ = "truncated: zstd dictionary frame";
                return;
            }
            const std::size_t take = std::min(length - dictionary.size(), raw_->size());
            dictionary.append(reinterpret_cast<const char*>(raw_->data()), take);
            raw_->consume(take);
        }
        if (dictionary.size() >= 4 && std::memcmp(dictionary.data(), zstd_magic, 4) == 0) {
            const unsigned long long size = ZSTD_getFrameContentSize(dictionary.data(), dictionary.size());
            constexpr unsigned long long max_dictionary = 64ull << 20;
            if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > max_dictionary) {
                error_ = "corrupt zstd data: unreadable dictionary";
                return;
            }
            std::string plain(static_cast<std::size_t>(size), '\0');
            const std::size_t rc = ZSTD_decompress(plain.data(), plain.size(), dictionary.data(), dictionary.size());
            if (ZSTD_isError(rc)) {
                error_ = std::string("corrupt zstd data: dictionary: ") + ZSTD_getErrorName(rc);
                return;
            }
            dictionary = std::move(plain);
        }
        const std::size_t rc = ZSTD_DCtx_loadDictionary(dctx_, dictionary.data(), dictionary.size());
        if (ZSTD_isError(rc)) error_ = std::string("corrupt zstd data: dictionary: ") + ZSTD_getErrorName(rc);
    }

    ZSTD_DCtx* dctx_;
    bool in_frame_ = false;
    std::uint64_t frame_start_ = 0;
};

}  // namespace

std::unique_ptr<ByteStream> open_stream(const std::string& path, std::string& error) {
    int fd = STDIN_FILENO;
    const bool is_stdin = path == "-";
    if (!is_stdin) {
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            error = std::string("read-error: ") + std::strerror(errno);
            return nullptr;
        }
    }
    auto raw = std::make_unique<RawInput>(fd, !is_stdin);
    struct stat info {};
    if (::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) {
        error = std::string("read-error: ") + std::strerror(EISDIR);
        return nullptr;
    }
    while (raw->size() < 4 && raw->fill()) {}
    if (!raw->error().empty()) {
        error = "read-error: " + raw->error();
        return nullptr;
    }
    std::unique_ptr<ByteStream> stream;
    if (starts_with(*raw, gzip_magic, 2))
        stream = std::make_unique<GzipStream>(std::move(raw));
    else if (starts_with(*raw, zstd_magic, 4) || starts_with(*raw, zstd_dictionary_magic, 4))
        stream = std::make_unique<ZstdStream>(std::move(raw));
    else
        stream = std::make_unique<PlainStream>(std::move(raw));
    return stream;
}

}  // namespace webclean::warc::detail
