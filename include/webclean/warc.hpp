// Reading web archives (WARC 1.0 and 1.1, ISO 28500) record by record in bounded memory, and
// taking the HTML pages out of their response and resource records.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace webclean::warc {

// Header fields in the order the file has them.
using HeaderFields = std::vector<std::pair<std::string, std::string>>;

// The value of the first field of that name (ASCII case-insensitive); empty when absent.
std::string_view find_field(const HeaderFields& fields, std::string_view name);

// One WARC record.
struct Record {
    std::uint64_t index = 0;     // 0-based place of the record in its file
    std::string version;         // "WARC/1.0", "WARC/1.1"
    HeaderFields fields;         // the WARC header
    std::uint64_t content_length = 0;  // as the header declares it
    std::string block;           // the content block; only its start when oversized
    bool oversized = false;      // the block was over ReaderOptions::max_block_bytes: not kept

    std::string_view type() const { return find_field(fields, "WARC-Type"); }
    std::string_view record_id() const { return find_field(fields, "WARC-Record-ID"); }
    std::string_view date() const { return find_field(fields, "WARC-Date"); }
    // WARC-Target-URI without the angle brackets some WARC/1.0 writers put around it.
    std::string_view target_uri() const;
};

enum class ReadStatus {
    Ok,      // open: the file is open; next: a whole record was read
    End,     // no more records
    Error,   // the record here is broken (truncated, malformed header, corrupt compression)
};

// The outcome of Reader::open and Reader::next.
struct ReadResult {
    ReadStatus status = ReadStatus::End;
    std::string message;  // for Error: "kind: detail", e.g. "truncated: ..."
    explicit operator bool() const { return status == ReadStatus::Ok; }
};

struct ReaderOptions {
    std::size_t max_block_bytes = 64u << 20;  // larger blocks are skipped over, keeping their start
    std::size_t kept_block_start = 64u << 10; // what an oversized record keeps of its block
    std::size_t max_header_bytes = 1u << 20;  // a WARC header over this is an error
};

// Reads the records of one WARC file in order. Plain, gzip (one member per record, as Common
// Crawl writes them, or one for the whole file) and zstd (.warc.zst, with or without a
// dictionary) files are told apart by their first bytes and decompressed as they are read, so
// memory holds one record at a time whatever the file's size.
class Reader {
public:
    explicit Reader(ReaderOptions options = {});
    Reader(Reader&&) noexcept;
    Reader& operator=(Reader&&) noexcept;
    ~Reader();

    // Opens a file; "-" reads standard input. Error when it cannot be opened.
    ReadResult open(const std::string& path);

    // Reads the next record into record. On Error the record holds what could be read of it
    // (its header fields, when they were whole) and the next call goes on with the following
    // record when one can be found: a damaged record costs only itself.
    ReadResult next(Record& record);

    // Bytes taken from the file so far (compressed bytes for compressed files).
    std::uint64_t bytes_read() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// An HTTP response as a response record holds it.
struct HttpResponse {
    int status = 0;        // e.g. 200
    HeaderFields headers;  // in message order
    std::string body;      // chunked transfer coding removed, gzip content coding undone
};

// Parses an HTTP/1.x response message. False, with the reason in error, when the message is
// not one or its body cannot be decoded within max_body_bytes.
bool parse_http_response(std::string_view message, std::size_t max_body_bytes, HttpResponse& out, std::string& error);

// A page to clean, taken out of a record.
struct Page {
    std::string target_uri;    // WARC-Target-URI
    std::string record_id;     // WARC-Record-ID
    std::string date;          // WARC-Date
    std::string http_charset;  // charset of the Content-Type, when it names one
    std::string body;          // the page's bytes
};

enum class PageStatus {
    Page,     // page holds an HTML page
    Skipped,  // the record holds no HTML page; reason says which kind of record it is
    Error,    // the record should hold an HTML page but it cannot be read; reason says why
};

struct PageResult {
    PageStatus status = PageStatus::Skipped;
    // For Skipped, a short name of the kind of record: its WARC-Type ("request", "metadata",
    // "warcinfo", "revisit", ...), "non-html", "http-status" (not 2xx) or "not-http". For Error,
    // "kind: detail".
    std::string reason;
};

// Takes the HTML page out of a response record (an HTTP response with a 2xx status and an HTML
// Content-Type, or no Content-Type and a body that starts like HTML) or a resource record
// (an HTML Content-Type). page gets the record's URI, id and date in every case.
PageResult take_page(Record&& record, std::size_t max_body_bytes, Page& page);

}  // namespace webclean::warc
