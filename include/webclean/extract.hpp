// Entry points: bytes in, a Result out. Never throws for bad input, never crashes.
#pragma once

#include <string>
#include <string_view>

#include "webclean/document.hpp"
#include "webclean/options.hpp"

namespace webclean {

enum class Status {
    Ok,            // document holds the result (its text may be empty for pages with no article)
    TooLarge,      // input over Limits::max_input_bytes
    TooManyNodes,  // page over Limits::max_nodes
    BadInput,      // not a text document (e.g. binary data), or it could not be decompressed
    FetchFailed,   // extract(FetchResult) of a failed fetch (see webclean/fetch.hpp)
    TimedOut,      // extraction took longer than Limits::time_budget
};

// A status and a human-readable message; on Ok, the document.
struct Result {
    Status status = Status::Ok;
    std::string message;
    Document document;
    explicit operator bool() const { return status == Status::Ok; }
};

// Extracts the article and metadata from raw bytes: HTML in any charset, markdown or text,
// gzip-compressed or not.
Result extract(std::string_view bytes, const Options& options = {});

// Short name of a status, e.g. "too-large".
const char* to_string(Status status);

}  // namespace webclean
