// Many URLs at once on one curl multi handle: a scheduler that keeps at most max_parallel
// transfers running, per_host_connections to one host, spaces starts to a host by the delay,
// and hands results over in completion or input order.
#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <thread>
#include <unordered_map>
#include <utility>

#include "fetch/transfer.hpp"
#include "webclean/fetch.hpp"

namespace webclean {

namespace {

using Clock = std::chrono::steady_clock;
using http::Transfer;

// Longest wait for socket activity: curl's own timers are shorter when a transfer needs them.
constexpr std::chrono::milliseconds kMaxPoll{1000};

class Batch {
public:
    Batch(const std::vector<std::string>& urls, const FetchCallback& on_result, const FetchOptions& options,
          FetchOrder order)
        : urls_(urls),
          on_result_(on_result),
          options_(options),
          order_(order),
          max_parallel_(std::max(1u, options.max_parallel)),
          per_host_(std::max(1u, options.per_host_connections)),
          window_(4 * std::size_t{max_parallel_}) {}

    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;

    ~Batch() {
        // Reached early only when on_result threw: abandon what is still running.
        for (auto& transfer : running_) curl_multi_remove_handle(multi_, transfer->handle());
        running_.clear();
        if (multi_) curl_multi_cleanup(multi_);
    }

    void run() {
        if (urls_.empty()) return;
        if (!http::init_curl() || !(multi_ = curl_multi_init())) {
            for (std::size_t i = 0; i < urls_.size(); ++i)
                finish(i, http::failed(FetchStatus::Network, "libcurl could not be initialised", urls_[i]));
            return;
        }
        while (answered_ < urls_.size()) {
            const Clock::time_point now = Clock::now();
            wake_ = Clock::time_point::max();
            start_what_may_start(now);
            if (answered_ == urls_.size()) break;
            if (running_.empty()) {
                // Whatever is left waits for its host's delay to pass.
                std::this_thread::sleep_until(std::min(wake_, now + kMaxPoll));
                continue;
            }
            int still_running = 0;
            if (CURLMcode rc = curl_multi_perform(multi_, &still_running); rc != CURLM_OK) {
                fail_running(std::string("libcurl: ") + curl_multi_strerror(rc));
                continue;
            }
            if (collect_finished() > 0) continue;  // free slots: start more before waiting
            auto timeout = kMaxPoll;
            if (wake_ != Clock::time_point::max())
                timeout = std::clamp(std::chrono::ceil<std::chrono::milliseconds>(wake_ - now),
                                     std::chrono::milliseconds{0}, kMaxPoll);
            curl_multi_poll(multi_, nullptr, 0, static_cast<int>(timeout.count()), nullptr);
        }
    }

private:
    struct Waiting {
        std::size_t index;
        std::string host;
    };

    struct Host {
        unsigned running = 0;
        Clock::time_point next_start{};  // the delay's earliest next start
    };

    // In input order, a result can only wait for earlier ones within the window, which bounds
    // what is held in memory however long the list.
    bool within_window(std::size_t index) const {
        return order_ == FetchOrder::Completion || index < next_to_hand_over_ + window_;
    }

    void start_what_may_start(Clock::time_point now) {
        for (auto it = waiting_.begin(); it != waiting_.end() && running_.size() < max_parallel_;) {
            if (try_start(it->index, it->host, now)) it = waiting_.erase(it);
            else ++it;
        }
        while (running_.size() < max_parallel_ && next_unseen_ < urls_.size() && waiting_.size() < window_ &&
               within_window(next_unseen_)) {
            const std::size_t index = next_unseen_++;
            std::string host;
            FetchResult failure;
            if (!http::check_url(urls_[index], host, failure)) {
                finish(index, std::move(failure));
                continue;
            }
            if (!try_start(index, host, now)) waiting_.push_back({index, std::move(host)});
        }
    }

    // Starts the transfer unless its host is busy or in its delay; true when it was taken on
    // (started, or answered with an error).
    bool try_start(std::size_t index, const std::string& host_name, Clock::time_point now) {
        Host& host = hosts_[host_name];
        if (host.running >= per_host_) return false;
        if (now < host.next_start) {
            wake_ = std::min(wake_, host.next_start);
            return false;
        }
        auto transfer = std::make_unique<Transfer>(index, urls_[index], host_name, options_);
        if (!transfer->handle()) {
            finish(index, http::failed(FetchStatus::Network, "libcurl could not set up the transfer", urls_[index]));
            return true;
        }
        if (CURLMcode rc = curl_multi_add_handle(multi_, transfer->handle()); rc != CURLM_OK) {
            finish(index, http::failed(FetchStatus::Network, std::string("libcurl: ") + curl_multi_strerror(rc),
                                       urls_[index]));
            return true;
        }
        ++host.running;
        host.next_start = now + options_.delay_between_requests_to_same_host;
        running_.push_back(std::move(transfer));
        return true;
    }

    // Takes finished transfers off the multi handle and answers for them; returns how many.
    std::size_t collect_finished() {
        std::size_t finished = 0;
        int queued = 0;
        while (CURLMsg* message = curl_multi_info_read(multi_, &queued)) {
            if (message->msg != CURLMSG_DONE) continue;
            auto it = std::find_if(running_.begin(), running_.end(),
                                   [&](const auto& t) { return t->handle() == message->easy_handle; });
            if (it == running_.end()) continue;
            const CURLcode code = message->data.result;  // message is invalid once the handle is removed
            std::unique_ptr<Transfer> transfer = std::move(*it);
            running_.erase(it);
            curl_multi_remove_handle(multi_, transfer->handle());
            release_host(transfer->host());
            FetchResult result = transfer->finish(code);
            const std::size_t index = transfer->index();
            transfer.reset();
            ++finished;
            finish(index, std::move(result));
        }
        return finished;
    }

    void fail_running(const std::string& error) {
        std::vector<std::unique_ptr<Transfer>> running = std::move(running_);
        running_.clear();
        for (auto& transfer : running) {
            curl_multi_remove_handle(multi_, transfer->handle());
            release_host(transfer->host());
            finish(transfer->index(), http::failed(FetchStatus::Network, error, urls_[transfer->index()]));
        }
    }

    void release_host(const std::string& name) {
        auto it = hosts_.find(name);
        if (it == hosts_.end()) return;
        --it->second.running;
        // Forget idle hosts whose delay is over, so a list of many hosts does not pile them up.
        if (it->second.running == 0 && it->second.next_start <= Clock::now()) hosts_.erase(it);
    }

    void finish(std::size_t index, FetchResult&& result) {
        if (order_ == FetchOrder::Completion) {
            ++answered_;
            on_result_(index, std::move(result));
            return;
        }
        ready_.emplace(index, std::move(result));
        while (!ready_.empty() && ready_.begin()->first == next_to_hand_over_) {
            auto node = ready_.extract(ready_.begin());
            ++next_to_hand_over_;
            ++answered_;
            on_result_(node.key(), std::move(node.mapped()));
        }
    }

    const std::vector<std::string>& urls_;
    const FetchCallback& on_result_;
    const FetchOptions& options_;
    const FetchOrder order_;
    const std::size_t max_parallel_;
    const unsigned per_host_;
    const std::size_t window_;

    CURLM* multi_ = nullptr;
    std::vector<std::unique_ptr<Transfer>> running_;
    std::vector<Waiting> waiting_;  // URLs whose host was busy, in index order
    std::unordered_map<std::string, Host> hosts_;
    std::map<std::size_t, FetchResult> ready_;  // input order: finished, waiting for earlier ones
    std::size_t next_unseen_ = 0;
    std::size_t next_to_hand_over_ = 0;
    std::size_t answered_ = 0;
    Clock::time_point wake_ = Clock::time_point::max();  // when a host's delay ends
};

}  // namespace

void fetch_each(const std::vector<std::string>& urls, const FetchCallback& on_result, const FetchOptions& options,
                FetchOrder order) {
    Batch batch(urls, on_result, options, order);
    batch.run();
}

std::vector<FetchResult> fetch_many(const std::vector<std::string>& urls, const FetchOptions& options) {
    std::vector<FetchResult> results(urls.size());
    fetch_each(urls, [&](std::size_t index, FetchResult&& result) { results[index] = std::move(result); }, options);
    return results;
}

FetchResult fetch(std::string_view url, const FetchOptions& options) {
    return std::move(fetch_many({std::string(url)}, options).front());
}

}  // namespace webclean
