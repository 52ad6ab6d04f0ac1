// Date strings -> ISO 8601 with small hand parsers (dates are parsed on every page; no regex).
#include <array>
#include <chrono>
#include <cstdio>
#include <optional>

#include "metadata/metadata.hpp"
#include "metadata/strings.hpp"
#include "text/ascii.hpp"

namespace webclean::metadata {
namespace {

using text::is_ascii_alpha;
using text::is_ascii_digit;

struct Date {
    int year = 0, month = 0, day = 0;  // day 0: only year and month are known
    int hour = -1, minute = 0, second = 0;
    std::string zone;  // "+08:00", or empty when the text gave none
};

// Longest inputs worth scanning: a date sits in a meta value or a byline line.
constexpr std::size_t max_scanned_bytes = 4096;

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m) {
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

// Pages are written by people now, so a publication date after tomorrow is a typo or a
// placeholder; before 1990 the web did not exist.
bool plausible(const Date& d) {
    if (d.month < 1 || d.month > 12 || d.day < 0 || d.day > days_in_month(d.year, d.month)) return false;
    if (d.hour > 23 || d.minute > 59 || d.second > 60) return false;
    using namespace std::chrono;
    const year_month_day tomorrow{floor<days>(system_clock::now()) + days{1}};
    if (d.year < 1990 || d.year > int(tomorrow.year())) return false;
    const year_month_day given{year{d.year}, month{unsigned(d.month)}, day{unsigned(d.day == 0 ? 1 : d.day)}};
    return sys_days(given) <= sys_days(tomorrow);
}

struct Scanner {
    std::string_view s;
    std::size_t i = 0;
    bool at_end() const { return i >= s.size(); }
    char peek(std::size_t k = 0) const { return i + k < s.size() ? s[i + k] : '\0'; }
    bool eat(std::string_view token) {
        if (s.compare(i, token.size(), token) != 0) return false;
        i += token.size();
        return true;
    }
    // Reads 1..max_digits digits exactly (a longer run fails: "123456" is no day).
    std::optional<int> number(std::size_t min_digits, std::size_t max_digits) {
        std::size_t start = i;
        while (i < s.size() && is_ascii_digit(s[i])) ++i;
        std::size_t n = i - start;
        if (n < min_digits || n > max_digits) { i = start; return std::nullopt; }
        int value = 0;
        for (std::size_t k = start; k < i; ++k) value = value * 10 + (s[k] - '0');
        return value;
    }
    void skip_spaces() {
        while (i < s.size()) {
            std::size_t k = i;
            if (!detail::is_space(detail::next_code_point(s, k))) break;
            i = k;
        }
    }
};

int month_from_name(std::string_view word) {
    static constexpr std::array<std::string_view, 12> names{"january", "february", "march",     "april",
                                                            "may",     "june",     "july",      "august",
                                                            "september", "october", "november", "december"};
    if (word.size() < 3) return 0;
    std::string lower = text::to_lower(word);
    for (int m = 0; m < 12; ++m) {
        if (lower == names[m] || lower == names[m].substr(0, 3)) return m + 1;
        if (m == 8 && lower == "sept") return 9;
    }
    return 0;
}

// A month name at the scanner ("June", "Jun.", "Sept"); 0 when none.
int read_month_name(Scanner& sc) {
    std::size_t start = sc.i;
    while (sc.i < sc.s.size() && is_ascii_alpha(sc.s[sc.i])) ++sc.i;
    int m = month_from_name(sc.s.substr(start, sc.i - start));
    if (m == 0) { sc.i = start; return 0; }
    sc.eat(".");
    return m;
}

void skip_ordinal_suffix(Scanner& sc) {
    for (auto suffix : {"st", "nd", "rd", "th"})
        if (sc.eat(suffix)) return;
}

// "2025-06-02", "2025/6/2", "2025.06.02", "2025年6月2日", "2025年6月" (month only).
bool year_first(Scanner& sc, Date& d) {
    auto y = sc.number(4, 4);
    if (!y) return false;
    d.year = *y;
    const bool han = sc.eat("年");
    char sep = '\0';
    if (!han) {
        sep = sc.peek();
        if (sep != '-' && sep != '/' && sep != '.') return false;
        ++sc.i;
    }
    sc.skip_spaces();
    auto m = sc.number(1, 2);
    if (!m) return false;
    d.month = *m;
    if (han) {
        if (!sc.eat("月")) return false;
        sc.skip_spaces();
        std::size_t before_day = sc.i;
        auto day = sc.number(1, 2);
        if (!day || !(sc.eat("日") || sc.eat("号"))) { sc.i = before_day; d.day = 0; return true; }
        d.day = *day;
        return true;
    }
    if (sc.peek() != sep) {
        // "1998-3" alone is a month; "2025-06 something" is too unsure to be one.
        d.day = 0;
        return sc.at_end();
    }
    ++sc.i;
    auto day = sc.number(1, 2);
    if (!day) return false;
    d.day = *day;
    return true;
}

// "06/02/2025" (US order unless the first number is over 12), "2.6.2025" and "02-06-2025" day first.
bool numeric_year_last(Scanner& sc, Date& d) {
    auto a = sc.number(1, 2);
    if (!a) return false;
    char sep = sc.peek();
    if (sep != '/' && sep != '.' && sep != '-') return false;
    ++sc.i;
    auto b = sc.number(1, 2);
    if (!b || sc.peek() != sep) return false;
    ++sc.i;
    auto y = sc.number(4, 4);
    if (!y) return false;
    d.year = *y;
    bool month_first = sep == '/' ? *a <= 12 : *b > 12;
    d.month = month_first ? *a : *b;
    d.day = month_first ? *b : *a;
    return true;
}

// "June 2, 2025", "Jun. 2nd 2025".
bool month_name_first(Scanner& sc, Date& d) {
    d.month = read_month_name(sc);
    if (!d.month) return false;
    sc.skip_spaces();
    auto day = sc.number(1, 2);
    if (!day) return false;
    d.day = *day;
    skip_ordinal_suffix(sc);
    sc.eat(",");
    sc.skip_spaces();
    auto y = sc.number(4, 4);
    if (!y) return false;
    d.year = *y;
    return true;
}

// "2 June 2025", "02 Jun 2025", "2nd of June, 2025", "2. Juni" is not English and not read.
bool day_first(Scanner& sc, Date& d) {
    auto day = sc.number(1, 2);
    if (!day) return false;
    d.day = *day;
    skip_ordinal_suffix(sc);
    sc.eat(".");
    sc.skip_spaces();
    if (sc.eat("of ")) sc.skip_spaces();
    d.month = read_month_name(sc);
    if (!d.month) return false;
    sc.eat(",");
    sc.skip_spaces();
    auto y = sc.number(4, 4);
    if (!y) return false;
    d.year = *y;
    return true;
}

// The time of day and zone right after a date: "T08:36:20.000+08:00", " 08:36", ", 6:01 am", " at 10:20 UTC".
void read_time(Scanner& sc, Date& d) {
    Scanner t = sc;
    if (!t.eat("T")) {
        t.eat(",");
        t.skip_spaces();
        if (t.eat("at ") || t.eat("um ") || t.eat("@ ")) t.skip_spaces();
    }
    auto h = t.number(1, 2);
    if (!h || !(t.eat(":") || t.eat("："))) return;
    auto m = t.number(2, 2);
    if (!m || *h > 23 || *m > 59) return;  // not a time of day: keep the date alone
    d.hour = *h;
    d.minute = *m;
    if (t.peek() == ':' && is_ascii_digit(t.peek(1))) {
        ++t.i;
        if (auto s = t.number(2, 2)) d.second = *s;
    }
    if (t.peek() == '.' && is_ascii_digit(t.peek(1))) {
        ++t.i;
        while (is_ascii_digit(t.peek())) ++t.i;
    }
    Scanner after_space = t;
    after_space.skip_spaces();
    std::string_view rest = after_space.s.substr(after_space.i);
    for (auto [marker, pm] : {std::pair{"pm", true}, {"p.m.", true}, {"am", false}, {"a.m.", false}}) {
        if (detail::starts_with_ignoring_case(rest, marker) &&
            !is_ascii_alpha(rest.size() > std::string_view(marker).size() ? rest[std::string_view(marker).size()] : ' ')) {
            if (d.hour > 12 || d.hour == 0) break;
            if (pm && d.hour != 12) d.hour += 12;
            if (!pm && d.hour == 12) d.hour = 0;
            after_space.i += std::string_view(marker).size();
            t = after_space;
            break;
        }
    }
    sc = t;
    // The zone.
    if (t.eat("Z")) { d.zone = "+00:00"; sc = t; return; }
    Scanner z = t;
    z.skip_spaces();
    if (z.eat("UTC") || z.eat("GMT")) { d.zone = "+00:00"; t = z; sc = t; }
    char sign = t.peek();
    if (sign != '+' && sign != '-') return;
    ++t.i;
    std::size_t zone_start = t.i;
    auto zone_number = t.number(2, 4);
    if (!zone_number || t.i - zone_start == 3) return;
    int zh = *zone_number, zm = 0;
    if (t.i - zone_start == 4) {  // "+0800"
        zh = *zone_number / 100, zm = *zone_number % 100;
    } else if (t.peek() == ':' && is_ascii_digit(t.peek(1))) {
        ++t.i;
        auto minutes = t.number(2, 2);
        if (!minutes) return;
        zm = *minutes;
    }
    if (zh > 14 || zm > 59) return;
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", sign, zh, zm);
    d.zone = buffer;
    sc = t;
}

std::string format(const Date& d) {
    char buffer[40];
    if (d.day == 0) {
        std::snprintf(buffer, sizeof buffer, "%04d-%02d", d.year, d.month);
    } else if (d.hour < 0) {
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
    } else {
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", d.year, d.month, d.day, d.hour,
                      d.minute, d.second);
        return buffer + d.zone;
    }
    return buffer;
}

}  // namespace

std::string normalize_date(std::string_view input) {
    std::string_view s = input.substr(0, std::min(input.size(), max_scanned_bytes));
    for (std::size_t start = 0; start < s.size(); ++start) {
        const char c = s[start];
        const char previous = start ? s[start - 1] : ' ';
        const bool number_start = is_ascii_digit(c) && !is_ascii_digit(previous);
        const bool word_start = is_ascii_alpha(c) && !is_ascii_alpha(previous);
        if (!number_start && !word_start) continue;
        using Parser = bool (*)(Scanner&, Date&);
        for (Parser parse : {Parser(year_first), Parser(numeric_year_last), Parser(month_name_first), Parser(day_first)}) {
            Scanner sc{s, start};
            Date d;
            if (!parse(sc, d)) continue;
            // A date glued to more digits ("2025-06-021") is some other number; after "日" the
            // time of day may follow at once ("2005年3月11日12:12").
            if (is_ascii_digit(sc.peek()) && is_ascii_digit(s[sc.i - 1])) continue;
            if (d.day != 0) read_time(sc, d);
            if (!plausible(d)) continue;
            return format(d);
        }
    }
    return {};
}

std::string date_from_url(std::string_view url) {
    // Only the path: hosts and query strings hold ids that look like dates.
    std::size_t scheme = url.find("://");
    std::size_t path_start = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
    if (path_start == std::string_view::npos) return {};
    std::string_view path = url.substr(path_start, url.find_first_of("?#", path_start) - path_start);
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (!is_ascii_digit(path[i]) || (i && is_ascii_digit(path[i - 1]))) continue;
        Scanner sc{path, i};
        auto y = sc.number(4, 8);
        if (!y) continue;
        Date d;
        std::size_t digits = sc.i - i;
        if (digits == 8) {  // "/20250602/", "t20250602_123.html"
            d.year = *y / 10000, d.month = *y / 100 % 100, d.day = *y % 100;
        } else if (digits == 4 && (sc.peek() == '/' || sc.peek() == '-')) {
            d.year = *y;
            char sep = sc.peek();
            ++sc.i;
            std::size_t month_start = sc.i;
            auto m = sc.number(2, 4);
            if (!m) continue;
            if (sc.i - month_start == 4) {  // "/2025/0602/"
                d.month = *m / 100, d.day = *m % 100;
            } else {
                d.month = *m;
                if (sc.peek() != sep) continue;
                ++sc.i;
                auto day = sc.number(2, 2);
                if (!day) continue;
                d.day = *day;
            }
        } else {
            continue;
        }
        if (plausible(d)) return format(d);
    }
    return {};
}

}  // namespace webclean::metadata
