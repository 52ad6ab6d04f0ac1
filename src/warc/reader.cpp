// The WARC record reader: header lines, a Content-Length block, then "\r\n\r\n". A record
// whose bytes do not add up is reported and the reader looks for the next "WARC/" line, so one
// broken record never hides the ones after it.
#include <algorithm>
#include <charconv>
#include <cstring>
#include <utility>

#include "text/ascii.hpp"
#include "warc/headers.hpp"
#include "warc/stream.hpp"
#include "webclean/warc.hpp"

namespace webclean::warc {

std::string_view find_field(const HeaderFields& fields, std::string_view name) {
    for (const auto& [key, value] : fields)
        if (text::iequals(key, name)) return value;
    return {};
}

std::string_view Record::target_uri() const {
    std::string_view uri = find_field(fields, "WARC-Target-URI");
    if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
    return uri;
}

namespace detail {

std::string_view without_cr(std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

bool add_header_line(std::string_view line, HeaderFields& fields) {
    if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
        if (fields.empty()) return false;
        std::string& value = fields.back().second;
        const std::string_view more = text::trim(line);
        if (!more.empty()) {
            if (!value.empty()) value += ' ';
            value += more;
        }
        return true;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    fields.emplace_back(std::string(text::trim(line.substr(0, colon))), std::string(text::trim(line.substr(colon + 1))));
    return true;
}

}  // namespace detail

struct Reader::Impl {
    ReaderOptions options;
    std::unique_ptr<detail::ByteStream> stream;
    std::string buffer;        // decompressed bytes read ahead
    std::size_t pos = 0;       // first unread byte of buffer
    std::uint64_t index = 0;   // of the next record
    bool resync_stream = false;  // the stream failed: restart it at its next member or frame
    bool find_record = false;    // after a broken record: look for the next "WARC/" line
    std::string pending_error;   // a stream failure found just after a whole record: the next one's
    bool finished = false;       // the stream ended inside a record: nothing more to read

    std::size_t available() const { return buffer.size() - pos; }
    bool stream_failed() const { return stream && !stream->error().empty(); }

    // Reads more into buffer; false at the end of the stream or on a stream error.
    bool read_more() {
        if (pos > 0 && pos >= buffer.size() / 2) {
            buffer.erase(0, pos);
            pos = 0;
        }
        constexpr std::size_t chunk = 1u << 16;
        const std::size_t old = buffer.size();
        buffer.resize(old + chunk);
        const std::size_t got = stream->read(buffer.data() + old, chunk);
        buffer.resize(old + got);
        return got > 0;
    }

    bool want(std::size_t n) {
        while (available() < n)
            if (!read_more()) return false;
        return true;
    }

    // One line without its line break; false when the stream ends first or the line is over
    // max bytes (too_long set).
    bool read_line(std::string& line, std::size_t max, bool& too_long) {
        std::size_t searched = pos;
        while (true) {
            const std::size_t end = buffer.find('\n', searched);
            if (end != std::string::npos) {
                if (end - pos > max) {
                    pos = end + 1;
                    break;
                }
                line.assign(detail::without_cr(std::string_view(buffer).substr(pos, end - pos)));
                pos = end + 1;
                return true;
            }
            if (available() > max) {
                pos = buffer.size();  // drop it, so that looking for the next record moves on
                break;
            }
            searched = buffer.size();
            const std::size_t before = pos;
            if (!read_more()) return false;
            searched -= before - pos;  // read_more may have moved the unread bytes to the front
        }
        too_long = true;
        return false;
    }

    // Copies n bytes into out, reading past the buffer straight from the stream; returns how
    // many arrived.
    std::size_t take(std::size_t n, std::string& out) {
        const std::size_t from_buffer = std::min(n, available());
        out.append(buffer, pos, from_buffer);
        pos += from_buffer;
        while (out.size() < n) {
            const std::size_t old = out.size();
            out.resize(n);
            const std::size_t got = stream->read(out.data() + old, n - old);
            out.resize(old + got);
            if (got == 0) break;
        }
        return out.size();
    }

    // Skips n bytes; returns how many were skipped.
    std::uint64_t skip(std::uint64_t n) {
        std::uint64_t skipped = std::min<std::uint64_t>(n, available());
        pos += static_cast<std::size_t>(skipped);
        std::string scratch;
        while (skipped < n) {
            scratch.clear();
            const std::size_t got = take(static_cast<std::size_t>(std::min<std::uint64_t>(n - skipped, 1u << 16)), scratch);
            if (got == 0) break;
            skipped += got;
        }
        return skipped;
    }

    // Moves to the next line that starts with "WARC/"; the unread bytes begin a line.
    bool skip_to_version_line() {
        std::size_t from = pos;
        while (true) {
            for (std::size_t at = buffer.find("WARC/", from); at != std::string::npos; at = buffer.find("WARC/", at + 1)) {
                if (at == pos || buffer[at - 1] == '\n') {
                    pos = at;
                    return true;
                }
            }
            // Keep the last bytes: they may be the start of "WARC/".
            const std::size_t keep = std::min<std::size_t>(available(), 5);
            pos = buffer.size() - keep;
            from = pos + (keep > 0 ? 1 : 0);
            const std::size_t before = pos;
            if (!read_more()) return false;
            from -= before - pos;
        }
    }

    ReadResult error(std::string message) {
        find_record = true;
        if (stream_failed()) {
            resync_stream = true;
            message = stream->error();
        }
        return {ReadStatus::Error, std::move(message)};
    }

    // The stream ended: cleanly (End) or in the middle of something (Error for the record here).
    ReadResult ended(bool inside_record, std::string message) {
        if (inside_record && !stream_failed()) finished = true;
        if (stream_failed() || inside_record) return error(std::move(message));
        return {ReadStatus::End, {}};
    }

    ReadResult read_record(Record& record);
};

ReadResult Reader::Impl::read_record(Record& record) {
    if (!stream || finished) return {ReadStatus::End, {}};
    if (!pending_error.empty()) return {ReadStatus::Error, std::exchange(pending_error, {})};
    if (resync_stream) {
        resync_stream = false;
        buffer.clear();
        pos = 0;
        if (!stream->resync()) {
            stream.reset();
            return {ReadStatus::End, {}};
        }
    }
    if (find_record) {
        if (!skip_to_version_line()) return ended(false, {});
        find_record = false;
    }
    // Records are separated by "\r\n\r\n"; be lenient about how many line breaks there are.
    while (true) {
        if (!want(1)) return ended(false, {});
        if (buffer[pos] != '\r' && buffer[pos] != '\n') break;
        ++pos;
    }

    bool too_long = false;
    std::string line;
    if (!read_line(line, options.max_header_bytes, too_long))
        return too_long ? error("malformed: WARC version line too long")
                        : ended(true, "truncated: the file ends inside a WARC header");
    if (line.rfind("WARC/", 0) != 0) return error("malformed: a record does not start with a WARC/ version line");
    record.version = line;

    std::size_t header_bytes = line.size();
    while (true) {
        if (!read_line(line, options.max_header_bytes, too_long))
            return too_long ? error("malformed: WARC header line too long")
                            : ended(true, "truncated: the file ends inside a WARC header");
        if (line.empty()) break;
        header_bytes += line.size();
        if (header_bytes > options.max_header_bytes) return error("malformed: WARC header too large");
        if (!detail::add_header_line(line, record.fields))
            return error("malformed: WARC header line without a colon");
    }

    const std::string_view length_text = find_field(record.fields, "Content-Length");
    std::uint64_t length = 0;
    const auto [end, ec] = std::from_chars(length_text.data(), length_text.data() + length_text.size(), length);
    if (length_text.empty() || ec != std::errc() || end != length_text.data() + length_text.size())
        return error("malformed: WARC header without a valid Content-Length");
    record.content_length = length;

    std::uint64_t got = 0;
    if (length > options.max_block_bytes) {
        record.oversized = true;
        got = take(static_cast<std::size_t>(std::min<std::uint64_t>(length, options.kept_block_start)), record.block);
        if (got == record.block.size() && got < length) got += skip(length - got);
    } else {
        record.block.reserve(static_cast<std::size_t>(length));
        got = take(static_cast<std::size_t>(length), record.block);
    }
    if (got < length)
        return ended(true, "truncated: the record's block ends after " + std::to_string(got) + " of " +
                     std::to_string(length) + " bytes");

    // What follows must be line breaks and then the next record (or the end).
    while (want(1) && (buffer[pos] == '\r' || buffer[pos] == '\n')) ++pos;
    const bool next_starts = available() == 0 || (want(5) && buffer.compare(pos, 5, "WARC/") == 0);
    if (stream_failed()) {
        // The damage is in whatever comes next; this record is whole.
        pending_error = stream->error();
        resync_stream = true;
        find_record = true;
        return {ReadStatus::Ok, {}};
    }
    if (!next_starts) {
        // The declared length is wrong: look for the next record from just inside this block.
        if (!record.oversized && !record.block.empty()) {
            buffer.replace(0, pos, record.block, 1, std::string::npos);
            pos = 0;
        }
        record.block.clear();
        return error("malformed: the record's Content-Length does not match its block");
    }
    return {ReadStatus::Ok, {}};
}

Reader::Reader(ReaderOptions options) : impl_(std::make_unique<Impl>()) { impl_->options = options; }
Reader::Reader(Reader&&) noexcept = default;
Reader& Reader::operator=(Reader&&) noexcept = default;
Reader::~Reader() = default;

ReadResult Reader::open(const std::string& path) {
    std::string message;
    auto stream = detail::open_stream(path, message);
    if (!stream) return {ReadStatus::Error, std::move(message)};
    ReaderOptions options = impl_->options;
    impl_ = std::make_unique<Impl>();
    impl_->options = options;
    impl_->stream = std::move(stream);
    return {ReadStatus::Ok, {}};
}

ReadResult Reader::next(Record& record) {
    record = Record{};
    record.index = impl_->index;
    ReadResult result = impl_->read_record(record);
    if (result.status != ReadStatus::End) ++impl_->index;
    return result;
}

std::uint64_t Reader::bytes_read() const { return impl_->stream ? impl_->stream->bytes_read() : 0; }

}  // namespace webclean::warc
