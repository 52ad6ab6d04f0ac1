#include "metadata/bylines.hpp"

#include <algorithm>
#include <array>

#include "metadata/metadata.hpp"
#include "metadata/strings.hpp"
#include "text/ascii.hpp"

namespace webclean::metadata::detail {
namespace {

// Where a page line ends: block-level elements, and <br> and <option>, which also end a line
// as a reader sees it.
bool ends_line(dom::Tag tag) {
    return dom::is_block_level(tag) || tag == GUMBO_TAG_BR || tag == GUMBO_TAG_OPTION || tag == GUMBO_TAG_TITLE;
}

// Lines longer than this are article prose, never a byline.
constexpr std::size_t max_byline_code_points = 200;
// How far from the h1 (or the body's start) bylines are looked for.
constexpr std::size_t lines_before_h1 = 4;
constexpr std::size_t lines_after_h1 = 40;
constexpr std::size_t lines_without_h1 = 300;

enum class Field { Author, Date, Modified, Source, Editor };

struct Label {
    std::string_view text;
    Field field;
    bool needs_separator;  // must be followed by a colon or space ("时间" alone is a common word)
    bool may_follow_word = false;  // "光明日报记者 王建宏": the outlet's name runs into the role
};

// Longest first where one label ends another ("责任编辑" before "编辑").
constexpr std::array labels{
    Label{"责任编辑", Field::Editor, false}, Label{"值班编辑", Field::Editor, false},
    Label{"责编", Field::Editor, true},      Label{"编辑", Field::Editor, true},
    Label{"本报记者", Field::Author, false}, Label{"特约记者", Field::Author, false},
    Label{"新华社记者", Field::Author, false}, Label{"记者", Field::Author, true, true},
    Label{"通讯员", Field::Author, true},    Label{"作者", Field::Author, true},
    Label{"撰文", Field::Author, true},      Label{"撰稿", Field::Author, true},
    Label{"文/", Field::Author, false},      Label{"文／", Field::Author, false},
    Label{"发布者", Field::Author, true},    Label{"发布人", Field::Author, true},
    Label{"发帖人", Field::Author, true},    Label{"发表者", Field::Author, true},
    Label{"楼主", Field::Author, true},
    Label{"来源", Field::Source, true},      Label{"稿源", Field::Source, true},
    Label{"出处", Field::Source, true},
    Label{"发布时间", Field::Date, true},    Label{"发表时间", Field::Date, true},
    Label{"发布日期", Field::Date, true},    Label{"发表日期", Field::Date, true},
    Label{"发表于", Field::Date, false},     Label{"发布于", Field::Date, false},
    Label{"时间", Field::Date, true},        Label{"日期", Field::Date, true},
    Label{"更新时间", Field::Modified, true}, Label{"更新日期", Field::Modified, true},
    Label{"修改时间", Field::Modified, true},
    Label{"Published on", Field::Date, false}, Label{"Published", Field::Date, false},
    Label{"Posted on", Field::Date, false},  Label{"Posted", Field::Date, false},
    Label{"Last updated", Field::Modified, false}, Label{"Updated", Field::Modified, false},
    Label{"Written by", Field::Author, true}, Label{"Posted by", Field::Author, true},
    Label{"By", Field::Author, true},
};

char32_t code_point_before(std::string_view s, std::size_t pos) {
    if (pos == 0) return ' ';
    std::size_t start = pos - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    return next_code_point(s, start);
}

char32_t code_point_at(std::string_view s, std::size_t pos) {
    return pos < s.size() ? next_code_point(s, pos) : U' ';
}

bool is_letter_like(char32_t c) {
    return (c < 0x80 && text::is_ascii_alnum(char(c))) || is_han(c) || is_kana(c) || is_hangul(c) ||
           (c >= 0xC0 && c < 0x2000);
}

bool is_colon(char32_t c) { return c == ':' || c == 0xFF1A; }

struct Match {
    const Label* label = nullptr;
    std::size_t begin = 0, value_begin = 0;
};

// The next label at or after from that stands on its own (not inside a word).
Match next_label(std::string_view line, std::size_t from) {
    for (std::size_t i = from; i < line.size(); ++i) {
        if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
        const bool after_word = is_letter_like(code_point_before(line, i));
        for (const Label& label : labels) {
            if (after_word && !label.may_follow_word) continue;
            if (line.compare(i, label.text.size(), label.text) != 0) continue;
            std::size_t after = i + label.text.size();
            char32_t next = code_point_at(line, after);
            if (after < line.size() && is_letter_like(next) && next < 0x80 && text::is_ascii_alpha(char(next)))
                continue;  // "Bypass", "Published2"
            if (label.needs_separator && after < line.size() && !is_colon(next) && !is_space(next)) continue;
            // An English byline starts its line: "Stand By Me" names no author.
            if (label.field == Field::Author && static_cast<unsigned char>(label.text[0]) < 0x80 && i != 0) continue;
            std::size_t value = after;
            while (value < line.size()) {
                std::size_t k = value;
                char32_t c = next_code_point(line, k);
                if (!is_space(c) && !is_colon(c) && c != '/' && c != 0xFF0F) break;
                value = k;
            }
            return {&label, i, value};
        }
    }
    return {};
}

// An unknown label at pos: a short run of letters (no digits: "16:20" is a time) ending in a
// colon, as in "点击数：", "浏览次数：", "字号:". Lines are whitespace-collapsed, so callers
// check this after a space.
bool label_like_at(std::string_view line, std::size_t pos) {
    std::size_t letters = 0;
    for (std::size_t i = pos; i < line.size() && letters <= 10;) {
        char32_t c = next_code_point(line, i);
        if (is_colon(c)) return letters >= 2;
        if (!is_letter_like(c) || (c < 0x80 && text::is_ascii_digit(char(c)))) return false;
        ++letters;
    }
    return false;
}

// Where a field's value ends: a bar, a bracket, the next label, or any other "XX：" label after
// a space ("作者：吴清扬 点击数：123" -> "吴清扬"), or a run of two spaces between fields.
std::size_t value_end(std::string_view line, std::size_t begin, std::size_t next_label_begin) {
    std::size_t end = std::min(line.size(), next_label_begin);
    bool after_space = false;
    for (std::size_t i = begin; i < end;) {
        std::size_t at = i;
        char32_t c = next_code_point(line, i);
        if (is_space(c)) {
            if (after_space) return at;  // uncollapsed text: "吴清扬  点击数" (value is trimmed)
            if (label_like_at(line, i)) return at;
            after_space = true;
            continue;
        }
        after_space = false;
        if (c == '|' || c == 0xFF5C || c == 0x4E28 || c == '[' || c == 0x3010 || c == 0x3011 || c == '(' ||
            c == 0xFF08 || c == ')' || c == 0xFF09 || c == 0x3002 || c == '<' || c == 0x300A)
            return at;
    }
    return end;
}

// "张三 2025-06-02": a name value stops where digits begin.
std::string_view until_digit(std::string_view value) {
    for (std::size_t i = 0; i < value.size(); ++i)
        if (text::is_ascii_digit(value[i])) return value.substr(0, i);
    return value;
}

// "Erin Cunningham March 3, 2015": an English name stops at a month name before a number.
std::string_view until_month(std::string_view value) {
    static constexpr std::string_view months[] = {"January", "February", "March", "April", "May", "June", "July",
                                                  "August", "September", "October", "November", "December",
                                                  "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
                                                  "Oct", "Nov", "Dec", "Updated", "Published"};
    for (std::size_t i = 1; i < value.size(); ++i) {
        if (value[i - 1] != ' ') continue;
        for (auto month : months)
            if (value.compare(i, month.size(), month) == 0) {
                std::size_t after = i + month.size();
                if (after < value.size() && text::is_ascii_alpha(value[after])) continue;
                return value.substr(0, i);
            }
    }
    return value;
}

// English bylines name people with capitalised words ("By 2025, prices…" is not a byline).
bool plausible_english_name(std::string_view name) {
    if (name.empty() || !(name[0] >= 'A' && name[0] <= 'Z')) return false;
    std::size_t words = 1;
    for (char c : name) words += c == ' ';
    return words <= 5;
}

bool plausible_name(std::string_view name) {
    std::size_t length = length_in_code_points(name);
    if (length == 0 || length > 30) return false;
    std::size_t i = 0;
    char32_t first = next_code_point(name, i);
    if (first < 0x80) return plausible_english_name(name);
    return true;
}

void read_value(Field field, std::string_view value, Bylines& found) {
    value = text::trim(value);
    if (value.empty()) return;
    switch (field) {
        case Field::Author: {
            std::vector<std::string> names;
            for (auto& name : split_authors(until_month(until_digit(value))))
                if (plausible_name(name)) names.push_back(std::move(name));
            if (names.size() <= 8) append_unique(found.authors, names);
            break;
        }
        case Field::Editor:
            if (found.editor.empty()) {
                auto names = split_authors(until_digit(value));
                if (!names.empty() && plausible_name(names.front())) found.editor = names.front();
            }
            break;
        case Field::Source:
            if (found.source.empty()) {
                std::string source = collapse_space(until_digit(value));
                if (!source.empty() && length_in_code_points(source) <= 40 && !looks_like_url_or_email(source))
                    found.source = std::move(source);
            }
            break;
        case Field::Date:
            if (found.date.empty()) found.date = normalize_date(value);
            break;
        case Field::Modified:
            if (found.modified.empty()) found.modified = normalize_date(value);
            break;
    }
}

bool complete(const Bylines& b) {
    return !b.authors.empty() && !b.date.empty() && !b.source.empty() && !b.editor.empty();
}

}  // namespace

PageLines page_lines(const dom::Tree& tree) {
    PageLines page;
    std::string current;
    auto flush = [&] {
        std::string line = collapse_space(current);
        if (!line.empty()) page.lines.push_back(std::move(line));
        current.clear();
    };
    const dom::NodeId start = tree.body();
    if (start == dom::none) return page;
    auto enter = [&](dom::NodeId id) {
        const dom::Node& node = tree[id];
        if (node.is_text) {
            if (node.parent != start) {
                current += node.text;
                return false;
            }
            // Text bare in <body> (a scraper's text lines around HTML fragments): its line
            // breaks are the only structure it has.
            std::string_view rest = node.text;
            for (std::size_t nl = rest.find('\n'); nl != std::string_view::npos; nl = rest.find('\n')) {
                current += rest.substr(0, nl);
                flush();
                rest.remove_prefix(nl + 1);
            }
            current += rest;
            return false;
        }
        if (ends_line(node.tag)) flush();
        if (node.tag == GUMBO_TAG_H1 && page.h1_line == SIZE_MAX) page.h1_line = page.lines.size();
        return node.tag != GUMBO_TAG_SELECT;
    };
    auto leave = [&](dom::NodeId id) {
        if (!tree[id].is_text && ends_line(tree[id].tag)) flush();
    };
    // The leave step makes text after a block start a line of its own.
    dom::walk(tree, start, enter, leave);
    flush();
    return page;
}

void read_byline_line(std::string_view line, Bylines& found) {
    Match match = next_label(line, 0);
    while (match.label) {
        Match following = next_label(line, match.value_begin);
        std::size_t end = value_end(line, match.value_begin, following.label ? following.begin : line.size());
        read_value(match.label->field, line.substr(match.value_begin, end - match.value_begin), found);
        match = following;
    }
}

Bylines scan_bylines(const PageLines& page) {
    Bylines found;
    const auto& lines = page.lines;
    std::size_t begin = 0, end = std::min(lines.size(), lines_without_h1);
    if (page.h1_line != SIZE_MAX) {
        begin = page.h1_line > lines_before_h1 ? page.h1_line - lines_before_h1 : 0;
        end = std::min(lines.size(), page.h1_line + lines_after_h1);
    }
    auto scan = [&](std::size_t from, std::size_t to) {
        for (std::size_t k = from; k < to && !complete(found); ++k)
            if (length_in_code_points(lines[k]) < max_byline_code_points) read_byline_line(lines[k], found);
    };
    scan(begin, end);
    // The h1 may be a logo: look at the top of the page too when the window found nothing.
    if (page.h1_line != SIZE_MAX && found.authors.empty() && found.date.empty())
        scan(0, std::min({lines.size(), lines_without_h1, begin}));
    // A bare date on a short line right under the headline.
    if (found.date.empty() && page.h1_line != SIZE_MAX) {
        for (std::size_t k = page.h1_line; k < end && found.date.empty(); ++k)
            if (length_in_code_points(lines[k]) <= 60) found.date = normalize_date(lines[k]);
    }
    // Pages without a usable headline: a short line near the top holding a date and a time of day
    // (a bare date up there is as often today's date in the site header).
    if (found.date.empty()) {
        for (std::size_t k = 0; k < std::min(lines.size(), lines_without_h1) && found.date.empty(); ++k) {
            if (length_in_code_points(lines[k]) > 40) continue;
            std::string date = normalize_date(lines[k]);
            if (date.find('T') != std::string::npos) found.date = std::move(date);
        }
    }
    return found;
}

}  // namespace webclean::metadata::detail
