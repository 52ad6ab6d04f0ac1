#include "fetch/transfer.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>

#include "text/ascii.hpp"

namespace webclean::http {

namespace {

constexpr const char* kAllowedProtocols = "http,https";

// curl_url_get hands out strings that curl_free must release.
using CurlString = std::unique_ptr<char, decltype(&curl_free)>;

CurlString url_part(CURLU* url, CURLUPart part) {
    char* value = nullptr;
    if (curl_url_get(url, part, &value, 0) != CURLUE_OK) value = nullptr;
    return CurlString(value, curl_free);
}

FetchStatus status_of(CURLcode code) {
    switch (code) {
        case CURLE_URL_MALFORMAT: return FetchStatus::BadUrl;
        case CURLE_UNSUPPORTED_PROTOCOL: return FetchStatus::BadScheme;
        case CURLE_TOO_MANY_REDIRECTS: return FetchStatus::TooManyRedirects;
        case CURLE_OPERATION_TIMEDOUT: return FetchStatus::Timeout;
        case CURLE_FILESIZE_EXCEEDED: return FetchStatus::TooLarge;
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_INVALIDCERTSTATUS:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_CRL_BADFILE:
        case CURLE_SSL_SHUTDOWN_FAILED:
        case CURLE_USE_SSL_FAILED: return FetchStatus::Tls;
        default: return FetchStatus::Network;
    }
}

// Sets an option, remembering whether every one so far was accepted.
struct OptionSetter {
    CURL* easy;
    bool ok = true;
    template <class Value>
    void operator()(CURLoption option, Value value) {
        if (curl_easy_setopt(easy, option, value) != CURLE_OK) ok = false;
    }
};

}  // namespace

bool init_curl() {
    static std::once_flag once;
    static bool ok = false;
    std::call_once(once, [] { ok = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; });
    return ok;
}

FetchResult failed(FetchStatus status, std::string error, std::string_view url) {
    FetchResult result;
    result.status = status;
    result.error = std::move(error);
    result.final_url = std::string(url);
    return result;
}

bool check_url(std::string_view url, std::string& host, FetchResult& failure) {
    std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> parsed(curl_url(), curl_url_cleanup);
    if (!parsed) {
        failure = failed(FetchStatus::Network, "out of memory", url);
        return false;
    }
    // Parse any scheme, so that ftp:// or file:// is refused by name rather than as malformed.
    const std::string text(url);
    if (CURLUcode rc = curl_url_set(parsed.get(), CURLUPART_URL, text.c_str(), CURLU_NON_SUPPORT_SCHEME);
        rc != CURLUE_OK) {
        failure = failed(FetchStatus::BadUrl, std::string("not a fetchable URL: ") + curl_url_strerror(rc), url);
        return false;
    }
    const CurlString scheme = url_part(parsed.get(), CURLUPART_SCHEME);
    const std::string lower_scheme = text::to_lower(scheme ? scheme.get() : "");
    if (lower_scheme != "http" && lower_scheme != "https") {
        failure = failed(FetchStatus::BadScheme,
                         "scheme '" + lower_scheme + "' refused: only http and https are fetched", url);
        return false;
    }
    const CurlString name = url_part(parsed.get(), CURLUPART_HOST);
    if (!name || !*name.get()) {
        failure = failed(FetchStatus::BadUrl, "URL has no host", url);
        return false;
    }
    host = text::to_lower(name.get());
    return true;
}

Transfer::Transfer(std::size_t index, const std::string& url, std::string host, const FetchOptions& options)
    : index_(index), url_(url), host_(std::move(host)), max_body_bytes_(options.max_body_bytes) {
    easy_ = curl_easy_init();
    if (!easy_) return;
    OptionSetter set{easy_};
    set(CURLOPT_URL, url_.c_str());
    set(CURLOPT_PRIVATE, static_cast<void*>(this));
    set(CURLOPT_ERRORBUFFER, error_);
    set(CURLOPT_NOSIGNAL, 1L);  // the batch may run on any thread; signals belong to the program
#if LIBCURL_VERSION_NUM >= 0x075500  // 7.85: protocols by name
    set(CURLOPT_PROTOCOLS_STR, kAllowedProtocols);
    set(CURLOPT_REDIR_PROTOCOLS_STR, kAllowedProtocols);
#else
    set(CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
    set(CURLOPT_REDIR_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    set(CURLOPT_FOLLOWLOCATION, 1L);
    set(CURLOPT_MAXREDIRS, std::max(options.max_redirects, 0L));  // curl reads -1 as "no limit"
    set(CURLOPT_AUTOREFERER, 1L);
    // An in-memory cookie jar for this transfer: some sites set a cookie and redirect to the
    // same page, and loop without it.
    set(CURLOPT_COOKIEFILE, "");
    set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
    set(CURLOPT_TIMEOUT_MS, static_cast<long>(options.total_timeout.count()));
    set(CURLOPT_LOW_SPEED_LIMIT, options.low_speed_limit);
    set(CURLOPT_LOW_SPEED_TIME, static_cast<long>(options.low_speed_time.count()));
    // Refuses early when the server announces a larger body; write_body enforces the limit
    // on what actually arrives, after decompression.
    set(CURLOPT_MAXFILESIZE_LARGE,
        static_cast<curl_off_t>(std::min<std::uintmax_t>(options.max_body_bytes, std::numeric_limits<curl_off_t>::max())));
    set(CURLOPT_USERAGENT, options.user_agent.c_str());
    set(CURLOPT_SSL_VERIFYPEER, options.verify_tls ? 1L : 0L);
    set(CURLOPT_SSL_VERIFYHOST, options.verify_tls ? 2L : 0L);
    if (options.accept_encoding) set(CURLOPT_ACCEPT_ENCODING, "");  // every encoding curl can decode
    set(CURLOPT_WRITEFUNCTION, &Transfer::write_body);
    set(CURLOPT_WRITEDATA, static_cast<void*>(this));
    if (!set.ok) {
        curl_easy_cleanup(easy_);
        easy_ = nullptr;
    }
}

Transfer::~Transfer() {
    if (easy_) curl_easy_cleanup(easy_);
}

std::size_t Transfer::write_body(char* data, std::size_t size, std::size_t count, void* self) {
    auto* transfer = static_cast<Transfer*>(self);
    const std::size_t bytes = size * count;
    if (bytes > transfer->max_body_bytes_ - transfer->body_.size()) {
        transfer->too_large_ = true;
        return 0;  // anything but `bytes` aborts the transfer
    }
    try {
        transfer->body_.append(data, bytes);
    } catch (...) {
        return 0;  // out of memory: abort this transfer, not the program
    }
    return bytes;
}

FetchResult Transfer::finish(CURLcode code) {
    FetchResult result;
    curl_easy_getinfo(easy_, CURLINFO_RESPONSE_CODE, &result.http_status);
    const char* effective = nullptr;
    if (curl_easy_getinfo(easy_, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective)
        result.final_url = effective;
    else
        result.final_url = url_;
    const char* content_type = nullptr;
    if (curl_easy_getinfo(easy_, CURLINFO_CONTENT_TYPE, &content_type) == CURLE_OK && content_type)
        result.content_type = content_type;

    if (too_large_ || code == CURLE_FILESIZE_EXCEEDED) {
        result.status = FetchStatus::TooLarge;
        result.error = "body is over the limit of " + std::to_string(max_body_bytes_) + " bytes";
        return result;
    }
    if (code != CURLE_OK) {
        result.status = status_of(code);
        // Schemes of the URL given were checked before the transfer: this one came from a redirect.
        if (result.status == FetchStatus::BadScheme)
            result.error = "redirected to " + result.final_url + ": only http and https are fetched";
        else
            result.error = *error_ ? error_ : curl_easy_strerror(code);
        return result;
    }
    result.body = std::move(body_);
    if (result.http_status < 200 || result.http_status > 299) {
        result.status = FetchStatus::HttpError;
        result.error = "HTTP status " + std::to_string(result.http_status);
    }
    return result;
}

}  // namespace webclean::http
