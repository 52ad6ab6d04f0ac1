// One HTTP(S) transfer with libcurl: checking the URL, setting up the easy handle from
// FetchOptions, collecting the body under its limit, and turning curl's outcome into a
// FetchResult. The batch (batch.cpp) schedules transfers; this file knows curl's options.
#pragma once

#include <curl/curl.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "webclean/fetch.hpp"

namespace webclean::http {

// Initialises libcurl once per process, whichever thread comes first; false when it failed.
bool init_curl();

// Parses url and checks its scheme. On success, host is the lowercased host name (the key
// connections are counted under); on failure, failure holds BadUrl or BadScheme.
bool check_url(std::string_view url, std::string& host, FetchResult& failure);

// A result that failed before or outside curl's own transfer.
FetchResult failed(FetchStatus status, std::string error, std::string_view url = {});

// An easy handle set up for one URL, owning the body it receives. Not movable: curl holds
// pointers into it.
class Transfer {
public:
    Transfer(std::size_t index, const std::string& url, std::string host, const FetchOptions& options);
    Transfer(const Transfer&) = delete;
    Transfer& operator=(const Transfer&) = delete;
    ~Transfer();

    // Null when curl could not create or set up the handle.
    CURL* handle() const { return easy_; }
    std::size_t index() const { return index_; }
    const std::string& host() const { return host_; }

    // The result, once curl reports the transfer done with code. Moves the body out.
    FetchResult finish(CURLcode code);

private:
    static std::size_t write_body(char* data, std::size_t size, std::size_t count, void* self);

    CURL* easy_ = nullptr;
    std::size_t index_;
    std::string url_;
    std::string host_;
    std::size_t max_body_bytes_;
    std::string body_;
    bool too_large_ = false;
    char error_[CURL_ERROR_SIZE] = {};
};

}  // namespace webclean::http
