#include "url_fetcher.hpp"

#include <algorithm>
#include <utility>

namespace webclean::cli {

namespace {

// Thrown from the result callback to end fetch_each early when the program stops.
struct Stopped {};

}  // namespace

UrlFetcher::UrlFetcher(std::vector<std::string> urls, FetchOptions options, std::size_t backlog)
    : urls_(std::move(urls)), options_(std::move(options)), backlog_(std::max<std::size_t>(backlog, 1)) {
    thread_ = std::thread([this] { run(); });
}

UrlFetcher::~UrlFetcher() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    taken_.notify_all();
    thread_.join();
}

void UrlFetcher::run() {
    try {
        fetch_each(
            urls_,
            [this](std::size_t index, FetchResult&& result) {
                std::unique_lock lock(mutex_);
                taken_.wait(lock, [&] { return stopping_ || ready_.size() < backlog_; });
                if (stopping_) throw Stopped{};
                ready_.emplace(index, std::move(result));
                arrived_.notify_all();
            },
            options_, FetchOrder::Input);
    } catch (...) {
        // Stopped, or out of memory: take() answers for whatever did not arrive.
    }
    std::lock_guard lock(mutex_);
    finished_ = true;
    arrived_.notify_all();
}

FetchResult UrlFetcher::take(std::size_t index) {
    std::unique_lock lock(mutex_);
    arrived_.wait(lock, [&] { return finished_ || ready_.count(index) > 0; });
    auto node = ready_.extract(index);
    if (node.empty()) {
        FetchResult lost;
        lost.status = FetchStatus::Network;
        lost.error = "fetching stopped before this URL was answered";
        lost.final_url = urls_[index];
        return lost;
    }
    lock.unlock();
    taken_.notify_one();
    return std::move(node.mapped());
}

}  // namespace webclean::cli
