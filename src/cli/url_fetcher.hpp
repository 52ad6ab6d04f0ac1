// Fetches the command line's URL inputs on a thread of its own while the workers clean the
// pages that have arrived.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "webclean/fetch.hpp"

namespace webclean::cli {

class UrlFetcher {
public:
    // Starts fetching at once, in the order given. At most `backlog` fetched pages wait to be
    // taken; past that, fetching pauses until a worker takes one.
    UrlFetcher(std::vector<std::string> urls, FetchOptions options, std::size_t backlog);
    UrlFetcher(const UrlFetcher&) = delete;
    UrlFetcher& operator=(const UrlFetcher&) = delete;
    ~UrlFetcher();  // abandons what is still being fetched

    // The result for urls[index], waiting for it if need be. Each index is taken once.
    FetchResult take(std::size_t index);

private:
    void run();

    const std::vector<std::string> urls_;
    const FetchOptions options_;
    const std::size_t backlog_;
    std::mutex mutex_;
    std::condition_variable arrived_;  // takers wait for their page
    std::condition_variable taken_;    // the fetching thread waits for room
    std::map<std::size_t, FetchResult> ready_;
    bool stopping_ = false;
    bool finished_ = false;  // the fetching thread has returned, normally or not
    std::thread thread_;
};

}  // namespace webclean::cli
