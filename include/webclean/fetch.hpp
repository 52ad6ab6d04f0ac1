// Fetching pages over HTTP(S) with libcurl: one URL, a batch, or a stream of results, plus
// extraction straight from a fetched page. Only http and https are ever fetched.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "webclean/extract.hpp"
#include "webclean/options.hpp"
#include "webclean/version.hpp"

namespace webclean {

// Limits and manners of fetching. Every field has a default fit for crawling news sites.
struct FetchOptions {
    long max_redirects = 10;                                    // redirects followed; more is an error
    std::chrono::milliseconds connect_timeout{10'000};          // to open the connection, TLS included
    std::chrono::milliseconds total_timeout{30'000};            // whole transfer, redirects included; 0: none
    long low_speed_limit = 10;                                  // bytes per second under which a transfer
    std::chrono::seconds low_speed_time{15};                    //   fails once it stays there this long
    std::size_t max_body_bytes = Limits{}.max_input_bytes;      // decompressed body; larger aborts
    std::string user_agent = std::string("webclean/") + version;
    bool verify_tls = true;                                     // check certificates and host names
    bool accept_encoding = true;                                // ask for gzip/deflate/br transfer
    unsigned per_host_connections = 2;                          // concurrent transfers to one host
    unsigned max_parallel = 16;                                 // concurrent transfers in a batch
    std::chrono::milliseconds delay_between_requests_to_same_host{0};  // between starts to one host
};

enum class FetchStatus {
    Ok,                // a 2xx response; body holds it
    BadUrl,            // the URL could not be parsed
    BadScheme,         // not http or https, given or redirected to
    TooManyRedirects,  // more than FetchOptions::max_redirects
    Timeout,           // connect, total or low-speed timeout
    TooLarge,          // body over FetchOptions::max_body_bytes
    HttpError,         // the final response was not 2xx; body holds it
    Tls,               // certificate or TLS handshake failure
    Network,           // DNS, connection refused or reset, broken transfer encoding, ...
};

// The outcome of fetching one URL. Never throws; a failure is a status and a message.
struct FetchResult {
    FetchStatus status = FetchStatus::Ok;
    std::string error;         // what went wrong, empty when Ok
    long http_status = 0;      // status code of the last response, 0 when none came
    std::string final_url;     // the URL after redirects (the URL given when none were followed)
    std::string content_type;  // Content-Type of the last response, as sent
    std::string body;          // decompressed body: Ok and HttpError only
    explicit operator bool() const { return status == FetchStatus::Ok; }

    // The charset parameter of content_type ("gb2312" for "text/html; charset=GB2312"),
    // lowercased; empty when there is none.
    std::string charset() const;
};

// Short name of a fetch status, e.g. "bad-scheme".
const char* to_string(FetchStatus status);

// Fetches one URL. Blocks until done or failed.
FetchResult fetch(std::string_view url, const FetchOptions& options = {});

// Fetches every URL concurrently (up to max_parallel, per_host_connections to a host) and
// returns one result per URL, in the order given.
std::vector<FetchResult> fetch_many(const std::vector<std::string>& urls, const FetchOptions& options = {});

// In which order fetch_each hands results over.
enum class FetchOrder {
    Completion,  // as transfers finish
    Input,       // in the order of the URLs; at most 4 * max_parallel results wait for an early one
};

// Receives one URL's result: its index in the list, and the result to keep.
using FetchCallback = std::function<void(std::size_t index, FetchResult&& result)>;

// Fetches like fetch_many, but hands each result to on_result, on the calling thread, as soon as
// the order allows, so pages can be processed while others are still on the way. Every index
// is handed over exactly once. Transfers stall while on_result runs; if it throws, the
// transfers in flight are abandoned and the exception propagates.
void fetch_each(const std::vector<std::string>& urls, const FetchCallback& on_result,
                const FetchOptions& options = {}, FetchOrder order = FetchOrder::Completion);

// Extracts from a fetched page: the Content-Type charset becomes Options::http_charset and the
// final URL Options::url (each unless already set), and Document::response records how the page
// was served, failures included. A failed fetch gives Status::FetchFailed with the fetch error
// as message; a body that is plainly not a page (image, audio, video or font) gives BadInput.
Result extract(const FetchResult& fetched, const Options& options = {});

}  // namespace webclean
