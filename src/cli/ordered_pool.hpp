// Runs work items on a thread pool and hands the results back in item order.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace webclean::cli {

// Items come from produce(item), called on one thread at a time, until it returns false: a list
// known in advance and records streamed out of an archive look the same. Each item goes through
// work(item) on one of `jobs` threads, and emit(item, result) runs on the calling thread in
// production order, each as soon as it and all before it are done. Workers run at most `window`
// items ahead of emit, so memory holds at most `window` items and results however long the
// stream is. If work throws, recover(item, exception) supplies that item's result instead, so
// no item is ever skipped. If produce or emit throws, the workers stop and the exception
// propagates.
template <class Item, class Result, class Produce, class Work, class Recover, class Emit>
void run_in_order(unsigned jobs, std::size_t window, Produce produce, Work work, Recover recover, Emit emit) {
    jobs = std::max(jobs, 1u);
    window = std::max<std::size_t>(window, jobs);

    struct Slot {
        Item item;
        Result result;
    };
    std::vector<std::optional<Slot>> slots(window);
    std::mutex produce_mutex;             // one producer at a time; taken before `mutex`
    std::mutex mutex;
    std::condition_variable slot_filled;  // the emitting thread waits for its next item
    std::condition_variable slot_freed;   // workers wait for room in the window
    std::size_t produced = 0;             // guarded by mutex
    std::size_t emitted = 0;              // guarded by mutex
    bool exhausted = false;               // produce returned false; guarded by mutex
    bool stopping = false;                // guarded by mutex
    std::exception_ptr producer_failure;  // guarded by mutex

    auto worker = [&] {
        while (true) {
            std::optional<Item> item;
            std::size_t index = 0;
            {
                std::lock_guard produce_lock(produce_mutex);
                {
                    std::unique_lock lock(mutex);
                    // Item `index` reuses the slot of item index - window, which must be emitted first.
                    slot_freed.wait(lock, [&] { return stopping || exhausted || produced < emitted + window; });
                    if (stopping || exhausted) return;
                    index = produced;
                }
                bool more = false;
                std::exception_ptr failure;
                try {
                    item.emplace();
                    more = produce(*item);
                } catch (...) {
                    failure = std::current_exception();
                }
                if (!more) {
                    {
                        std::lock_guard lock(mutex);
                        exhausted = true;
                        producer_failure = failure;
                    }
                    slot_filled.notify_all();
                    slot_freed.notify_all();
                    return;
                }
                std::lock_guard lock(mutex);
                ++produced;
            }
            std::optional<Result> result;
            try {
                result.emplace(work(*item));
            } catch (...) {
                result.emplace(recover(*item, std::current_exception()));
            }
            {
                std::lock_guard lock(mutex);
                slots[index % window].emplace(Slot{std::move(*item), std::move(*result)});
            }
            slot_filled.notify_all();
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
        for (std::size_t index = 0;; ++index) {
            std::optional<Slot> slot;
            {
                std::unique_lock lock(mutex);
                auto& next = slots[index % window];
                slot_filled.wait(lock, [&] { return next.has_value() || (exhausted && index >= produced); });
                if (!next) {
                    if (producer_failure) std::rethrow_exception(producer_failure);
                    break;
                }
                slot = std::move(next);
                next.reset();
            }
            emit(std::move(slot->item), std::move(slot->result));
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
