#include "diagnostics.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace webclean::cli {

namespace {

std::string duration(double seconds) {
    const long total = static_cast<long>(seconds + 0.5);
    char text[32];
    if (total >= 3600) std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
    else std::snprintf(text, sizeof text, "%ld:%02ld", total / 60, total % 60);
    return text;
}

}  // namespace

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

Diagnostics::Diagnostics(bool quiet, bool progress)
    : quiet_(quiet), show_progress_(progress && !quiet), start_(std::chrono::steady_clock::now()) {}

void Diagnostics::message(const std::string& text) {
    if (quiet_) return;
    clear_line();
    std::fprintf(stderr, "webclean: %s\n", text.c_str());
}

void Diagnostics::progress(const ProgressFigures& figures) {
    if (!show_progress_) return;
    const auto now = std::chrono::steady_clock::now();
    if (line_shown_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;

    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double rate = elapsed > 0 ? static_cast<double>(figures.done) / elapsed : 0;
    char text[160];
    std::size_t length = 0;
    auto append = [&](const char* format, auto... values) {
        const int n = std::snprintf(text + length, sizeof text - length, format, values...);
        if (n > 0) length = std::min(sizeof text - 1, length + static_cast<std::size_t>(n));
    };
    double left = -1;
    if (figures.total > 0) {
        append("webclean: %zu/%zu docs", figures.done, figures.total);
        if (rate > 0) left = static_cast<double>(figures.total - figures.done) / rate;
    } else {
        append("webclean: %zu docs (%.0f%%)", figures.done, figures.fraction * 100);
        if (figures.fraction > 0) left = elapsed * (1 - figures.fraction) / figures.fraction;
    }
    append(", %.1f docs/s, %zu %s", rate, figures.errors, figures.errors == 1 ? "error" : "errors");
    if (left >= 0) append(", %s left", duration(left).c_str());
    const std::string line(text, length);
    // \r returns to the start of the line, \033[K clears what a longer earlier line left.
    std::fprintf(stderr, "\r%s\033[K", line.c_str());
    std::fflush(stderr);
    line_shown_ = true;
}

void Diagnostics::finish() { clear_line(); }

void Diagnostics::clear_line() {
    if (!line_shown_) return;
    std::fputs("\r\033[K", stderr);
    line_shown_ = false;
}

}  // namespace webclean::cli
