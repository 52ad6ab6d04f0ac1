// A file's bytes as a stream, decompressed on the fly: plain, gzip (any number of members, as
// WARC files hold one per record) or zstd (any number of frames, with the dictionary a .warc.zst
// may carry in a skippable frame at its start). Told apart by their first bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace webclean::warc::detail {

// The compressed bytes as read from a file descriptor, with their position in the file.
class RawInput {
public:
    explicit RawInput(int fd, bool owns_fd);
    RawInput(const RawInput&) = delete;
    RawInput& operator=(const RawInput&) = delete;
    ~RawInput();

    // Reads more bytes when all buffered ones were used; false at end of file or on a read error.
    bool fill();
    const unsigned char* data() const { return buffer_.get() + begin_; }
    std::size_t size() const { return end_ - begin_; }
    void consume(std::size_t n) { begin_ += n; }
    // Position in the file of the next unused byte.
    std::uint64_t offset() const { return file_offset_ - (end_ - begin_); }
    // Bytes taken from the file so far.
    std::uint64_t bytes_read() const { return file_offset_; }
    // Goes back to an earlier position; false when the file cannot seek (a pipe).
    bool seek(std::uint64_t offset);
    const std::string& error() const { return error_; }

private:
    static constexpr std::size_t capacity = 1u << 16;
    int fd_;
    bool owns_fd_;
    std::unique_ptr<unsigned char[]> buffer_;
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
    std::uint64_t file_offset_ = 0;
    std::string error_;
};

// Decompressed bytes. After a read error the stream may be able to go on at the next gzip
// member or zstd frame (resync), which is how one damaged record costs only itself.
class ByteStream {
public:
    virtual ~ByteStream() = default;
    // Up to n bytes into out; 0 at the end of the data or on an error (see error()).
    virtual std::size_t read(char* out, std::size_t n) = 0;
    // Skips to the next place where decompression can start afresh and clears the error;
    // false when there is none.
    virtual bool resync() { return false; }
    const std::string& error() const { return error_; }
    std::uint64_t bytes_read() const { return raw_->bytes_read(); }

protected:
    explicit ByteStream(std::unique_ptr<RawInput> raw) : raw_(std::move(raw)) {}
    std::unique_ptr<RawInput> raw_;
    std::string error_;
};

// Opens path ("-" for standard input) and picks the decompressor from its first bytes; null with
// the reason in error when the file cannot be opened or a decompressor cannot start.
std::unique_ptr<ByteStream> open_stream(const std::string& path, std::string& error);

}  // namespace webclean::warc::detail
