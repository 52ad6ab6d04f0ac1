#include "metadata/strings.hpp"

#include <array>

#include "text/ascii.hpp"

namespace webclean::metadata::detail {

std::string collapse_space(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    // Runs of spaces and runs of other characters in turn; a run of others is copied whole.
    auto at_space = [&](std::size_t i, std::size_t& next) { return is_space(next_code_point(s, next = i)); };
    std::size_t i = 0, next = 0;
    while (i < s.size()) {
        bool pending_space = false;
        while (i < s.size() && at_space(i, next)) {
            pending_space = true;
            i = next;
        }
        std::size_t start = i;
        while (i < s.size() && !at_space(i, next)) i = next;
        if (i == start) break;
        if (pending_space && !out.empty()) out += ' ';
        out.append(s.substr(start, i - start));
    }
    return out;
}

std::size_t length_in_code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

bool starts_with_ignoring_case(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && text::iequals(s.substr(0, prefix.size()), prefix);
}

std::size_t find_ignoring_case(std::string_view s, std::string_view needle, std::size_t from) {
    if (needle.empty()) return from <= s.size() ? from : std::string_view::npos;
    for (std::size_t i = from; i + needle.size() <= s.size(); ++i)
        if (text::iequals(s.substr(i, needle.size()), needle)) return i;
    return std::string_view::npos;
}

bool looks_like_url_or_email(std::string_view s) {
    if (s.find("://") != std::string_view::npos || starts_with_ignoring_case(s, "www.")) return true;
    std::size_t at = s.find('@');
    return at != std::string_view::npos && at > 0 && s.find('.', at) != std::string_view::npos &&
           s.find(' ') == std::string_view::npos;
}

namespace {

// Words that name a role, not a person; a byline piece may start or end with them.
constexpr std::array leading_roles{
    std::string_view("written by "), std::string_view("posted by "), std::string_view("by "),
    std::string_view("par "),        std::string_view("von "),       std::string_view("por "),
    std::string_view("作者："),      std::string_view("作者:"),      std::string_view("作者"),
    std::string_view("本报记者"),    std::string_view("本报通讯员"), std::string_view("特约记者"),
    std::string_view("实习记者"),    std::string_view("见习记者"),   std::string_view("记者"),
    std::string_view("通讯员"),      std::string_view("实习生"),     std::string_view("撰文"),
    std::string_view("文／"),        std::string_view("文/"),        std::string_view("文 /"),
    std::string_view("文｜"),        std::string_view("文|"),        std::string_view("and "),
    std::string_view("：")};
constexpr std::array trailing_roles{std::string_view("报道"), std::string_view("摄影"), std::string_view("摄"),
                                    std::string_view("整理"), std::string_view("编译"), std::string_view("/文"),
                                    std::string_view("文")};

std::string_view trim_piece(std::string_view piece) {
    bool changed = true;
    while (changed) {
        changed = false;
        piece = text::trim(piece);
        for (auto role : leading_roles) {
            if (piece.size() > role.size() && starts_with_ignoring_case(piece, role)) {
                piece.remove_prefix(role.size());
                changed = true;
            }
        }
        for (auto role : trailing_roles) {
            if (piece.size() > role.size() + 3 && piece.substr(piece.size() - role.size()) == role) {
                piece.remove_suffix(role.size());
                changed = true;
            }
        }
    }
    return piece;
}

// "王建宏 张文攀": space-separated short Han names are several people.
bool is_han_name_list(std::string_view piece) {
    if (piece.find(' ') == std::string_view::npos) return false;
    std::size_t run = 0;
    for (std::size_t i = 0; i < piece.size();) {
        char32_t c = next_code_point(piece, i);
        if (c == ' ') {
            if (run < 2 || run > 4) return false;
            run = 0;
        } else if (is_han(c) || c == 0xB7) {  // U+00B7 joins transliterated foreign names
            ++run;
        } else {
            return false;
        }
    }
    return run >= 2 && run <= 4;
}

// A role on its own ("实习生", "通讯员"), left over when a byline lists roles between names.
bool is_role_word(std::string_view piece) {
    for (auto role : leading_roles) {
        std::string_view bare = text::trim(role);
        while (!bare.empty() && (bare.back() == ':' || bare.back() == '/')) bare.remove_suffix(1);
        if (bare.size() >= 3 && piece == bare) return true;  // CJK roles; "by" and the like never stand alone
    }
    return false;
}

void add_name(std::vector<std::string>& names, std::string_view piece) {
    piece = trim_piece(piece);
    if (piece.empty() || looks_like_url_or_email(piece) || length_in_code_points(piece) > 60) return;
    bool has_letter = false;
    for (std::size_t i = 0; i < piece.size();) {
        char32_t c = next_code_point(piece, i);
        if ((c < 0x80 && text::is_ascii_alpha(char(c))) || c >= 0xC0) has_letter = true;
    }
    if (!has_letter || is_role_word(piece)) return;
    if (is_han_name_list(piece)) {
        std::size_t start = 0;
        while (start < piece.size()) {
            std::size_t space = piece.find(' ', start);
            if (space == std::string_view::npos) space = piece.size();
            // "记者 谭书远 实习生 聂小满": the role words between names are not names.
            if (!is_role_word(piece.substr(start, space - start))) names.emplace_back(piece.substr(start, space - start));
            start = space + 1;
        }
        return;
    }
    names.emplace_back(piece);
}

}  // namespace

std::vector<std::string> split_authors(std::string_view value) {
    std::string v = collapse_space(value);
    if (looks_like_url_or_email(v)) return {};  // profile links: no name to read
    // Separators between people, longest first so " and " wins over a bare space.
    static constexpr std::array separators{std::string_view(", "), std::string_view(","),
                                           std::string_view(" and "), std::string_view(" & "),
                                           std::string_view("，"), std::string_view("、"),
                                           std::string_view(";"),  std::string_view("；"),
                                           std::string_view(" | "), std::string_view("|"),
                                           std::string_view(" 和 "), std::string_view("/")};
    std::vector<std::string> names;
    std::size_t start = 0;
    std::string_view rest(v);
    std::size_t i = 0;
    while (i < rest.size()) {
        std::size_t matched = 0;
        for (auto sep : separators) {
            // "文/张三" is a role marker, not a separator: only split on "/" after a name.
            if (rest.compare(i, sep.size(), sep) == 0) {
                if (sep == "/" && trim_piece(rest.substr(start, i - start)).empty()) continue;
                matched = sep.size();
                break;
            }
        }
        if (matched) {
            add_name(names, rest.substr(start, i - start));
            i += matched;
            start = i;
        } else {
            ++i;
        }
    }
    add_name(names, rest.substr(start));
    std::vector<std::string> unique;
    append_unique(unique, names);
    return unique;
}

void append_unique(std::vector<std::string>& list, const std::vector<std::string>& values) {
    for (const auto& value : values) {
        if (value.empty()) continue;
        bool seen = false;
        for (const auto& existing : list) seen = seen || text::iequals(existing, value);
        if (!seen) list.push_back(value);
    }
}

std::vector<std::string> split_keywords(std::string_view value) {
    static constexpr std::array separators{std::string_view(","), std::string_view("，"), std::string_view(";"),
                                           std::string_view("；"), std::string_view("、"), std::string_view("|")};
    std::vector<std::string> out;
    std::size_t start = 0, i = 0;
    auto flush = [&](std::size_t end) {
        std::string piece = collapse_space(value.substr(start, end - start));
        if (!piece.empty() && piece.size() < 200) out.push_back(std::move(piece));
    };
    while (i < value.size()) {
        std::size_t matched = 0;
        for (auto sep : separators)
            if (value.compare(i, sep.size(), sep) == 0) { matched = sep.size(); break; }
        if (matched) { flush(i); i += matched; start = i; } else { ++i; }
    }
    flush(value.size());
    std::vector<std::string> unique;
    append_unique(unique, out);
    return unique;
}

}  // namespace webclean::metadata::detail
