// Standard error: messages about inputs, and a progress line while stderr is a terminal.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace webclean::cli {

struct ProgressFigures {
    std::size_t done = 0;      // documents written
    std::size_t total = 0;     // documents in all, 0 when not known (containers)
    std::size_t errors = 0;    // documents that failed
    double fraction = 0;       // share of the input read, 0..1, when total is not known
};

class Diagnostics {
public:
    // quiet: no messages and no progress line; progress: draw the line (stderr is a terminal).
    Diagnostics(bool quiet, bool progress);

    // Prints "webclean: TEXT" on a line of its own, unless quiet.
    void message(const std::string& text);

    // Redraws the progress line, at most ten times a second.
    void progress(const ProgressFigures& figures);

    // Removes the progress line.
    void finish();

private:
    void clear_line();

    bool quiet_;
    bool show_progress_;
    bool line_shown_ = false;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_;
};

// True when standard error is a terminal.
bool stderr_is_terminal();

}  // namespace webclean::cli
