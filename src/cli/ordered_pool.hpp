// Runs work items on a thread pool and hands the results back in item order.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace webclean::cli {

// Calls work(i) for every i in [0, count) on `jobs` threads and emit(i, result) on the calling
// thread in increasing i, each as soon as it and all before it are done. Workers run at most
// `window` items ahead of emit, so memory holds at most `window` finished results however
// long the list is. If work throws, recover(i, exception) supplies that item's result instead,
// so no item is ever skipped. If emit throws, the workers stop and the exception propagates.
template <class Result, class Work, class Recover, class Emit>
void run_in_order(std::size_t count, unsigned jobs, std::size_t window, Work work, Recover recover,
                  Emit emit) {
    if (count == 0) return;
    jobs = static_cast<unsigned>(std::clamp<std::size_t>(jobs, 1, count));
    window = std::max<std::size_t>(window, jobs);

    std::vector<std::optional<Result>> slots(window);
    std::mutex mutex;
    std::condition_variable slot_filled;  // the emitting thread waits for its next item
    std::condition_variable slot_freed;   // workers wait for room in the window
    std::size_t emitted = 0;              // guarded by mutex
    bool stopping = false;                // guarded by mutex
    std::atomic<std::size_t> next{0};

    auto worker = [&] {
        while (true) {
            const std::size_t index = next.fetch_add(1, std::memory_order_relaxed);
            if (index >= count) return;
            {
                std::unique_lock lock(mutex);
                // Item index reuses the slot of item index - window, which must be emitted first.
                slot_freed.wait(lock, [&] { return stopping || index < emitted + window; });
                if (stopping) return;
            }
            std::optional<Result> result;
            try {
                result.emplace(work(index));
            } catch (...) {
                result.emplace(recover(index, std::current_exception()));
            }
            {
                std::lock_guard lock(mutex);
                slots[index % window] = std::move(result);
            }
            slot_filled.notify_one();
        }
    };

    std::vector<std::thread> threads;
    threads.reserve(jobs);
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);

    auto stop_and_join = [&] {
        {
            std::lock_guard lock(mutex);
            stopping = true;
        }
        slot_freed.notify_all();
        for (auto& thread : threads) thread.join();
    };

    try {
        for (std::size_t index = 0; index < count; ++index) {
            std::optional<Result> result;
            {
                std::unique_lock lock(mutex);
                auto& slot = slots[index % window];
                slot_filled.wait(lock, [&] { return slot.has_value(); });
                result = std::move(slot);
                slot.reset();
            }
            emit(index, std::move(*result));
            {
                std::lock_guard lock(mutex);
                emitted = index + 1;
            }
            slot_freed.notify_all();
        }
    } catch (...) {
        stop_and_join();
        throw;
    }
    stop_and_join();
}

}  // namespace webclean::cli
