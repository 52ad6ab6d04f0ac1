// The time budget of the document being extracted on this thread (Limits::time_budget).
// extract() opens a DeadlineScope; the long loops of the stages call check_deadline(), which
// throws DeadlineExceeded once the budget is spent, and extract() answers Status::TimedOut. The
// stages need no extra parameter for it, and code run outside a scope (a unit test of one stage)
// never times out. Never call it from a callback that C code (Gumbo, md4c) invokes: the exception
// cannot cross C frames.
#pragma once

#include <chrono>

namespace webclean::limits {

// Thrown by check_deadline(); deliberately not a std::exception, so only extract() catches it.
struct DeadlineExceeded {};

namespace detail {
struct DeadlineState {
    std::chrono::steady_clock::time_point deadline{};
    bool active = false;
    unsigned calls = 0;
};
inline thread_local DeadlineState deadline_state;
}  // namespace detail

// Starts the budget for this thread until the scope ends; a zero budget means none.
class DeadlineScope {
public:
    explicit DeadlineScope(std::chrono::milliseconds budget) : saved_(detail::deadline_state) {
        detail::deadline_state = {};
        if (budget.count() > 0) {
            detail::deadline_state.active = true;
            detail::deadline_state.deadline = std::chrono::steady_clock::now() + budget;
        }
    }
    ~DeadlineScope() { detail::deadline_state = saved_; }
    DeadlineScope(const DeadlineScope&) = delete;
    DeadlineScope& operator=(const DeadlineScope&) = delete;

private:
    detail::DeadlineState saved_;
};

// Throws DeadlineExceeded when the budget is spent. Reads the clock on every call: for stage
// boundaries.
inline void check_deadline_now() {
    const auto& state = detail::deadline_state;
    if (state.active && std::chrono::steady_clock::now() >= state.deadline) throw DeadlineExceeded{};
}

// The same for inner loops: reads the clock only every 256th call, so a loop can call it once per
// node or line.
inline void check_deadline() {
    auto& state = detail::deadline_state;
    if (!state.active || (++state.calls & 255u) != 0) return;
    if (std::chrono::steady_clock::now() >= state.deadline) throw DeadlineExceeded{};
}

}  // namespace webclean::limits
