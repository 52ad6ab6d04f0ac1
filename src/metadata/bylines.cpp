#include "metadata/bylines.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <optional>

#include "metadata/metadata.hpp"
#include "metadata/strings.hpp"
#include "text/ascii.hpp"

namespace webclean::metadata::detail {

bool ends_line(dom::Tag tag) {
    return dom::is_block_level(tag) || tag == GUMBO_TAG_BR || tag == GUMBO_TAG_OPTION || tag == GUMBO_TAG_TITLE;
}

namespace {

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
    Label{"本报实习生", Field::Author, false}, Label{"实习生", Field::Author, true, true},
    Label{"撰文", Field::Author, true},      Label{"撰稿", Field::Author, true},
    Label{"执笔人", Field::Author, true},    Label{"执笔", Field::Author, true},
    Label{"文/", Field::Author, false},      Label{"文／", Field::Author, false},
    Label{"文：", Field::Author, false},     Label{"文:", Field::Author, false},
    Label{"发文机关", Field::Author, true},  // government documents: the issuing body
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
    Label{"By", Field::Author, true},        Label{"by", Field::Author, true},
};

// Labels that name the writer's role rather than ask for a value ("本报记者", "实习生").
bool is_role_noun(std::string_view label) {
    for (std::string_view role : {std::string_view("记者"), std::string_view("实习生"), std::string_view("通讯员")})
        if (label.size() >= role.size() && label.substr(label.size() - role.size()) == role) return true;
    return false;
}

// Forum and blog bylines give a handle after the time: "发布时间 2005/03/15 22:36:13 by duscha".
bool after_time_of_day(std::string_view line, std::size_t pos) {
    while (pos > 0 && line[pos - 1] == ' ') --pos;
    return pos > 0 && text::is_ascii_digit(line[pos - 1]);
}

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

// The labels, in their order, that start with each byte: a line is read once, not once a label.
using LabelSet = std::uint64_t;
static_assert(labels.size() <= 64, "one bit a label");
constexpr std::array<LabelSet, 256> labels_by_first_byte = [] {
    std::array<LabelSet, 256> sets{};
    for (std::size_t k = 0; k < labels.size(); ++k) sets[static_cast<unsigned char>(labels[k].text[0])] |= LabelSet(1) << k;
    return sets;
}();

// The next label at or after from that stands on its own (not inside a word).
Match next_label(std::string_view line, std::size_t from) {
    for (std::size_t i = from; i < line.size(); ++i) {
        LabelSet candidates = labels_by_first_byte[static_cast<unsigned char>(line[i])];
        if (candidates == 0) continue;  // also every UTF-8 continuation byte
        std::optional<bool> after_word;
        for (; candidates != 0; candidates &= candidates - 1) {
            const Label& label = labels[static_cast<std::size_t>(std::countr_zero(candidates))];
            if (line.compare(i, label.text.size(), label.text) != 0) continue;
            if (!after_word) after_word = is_letter_like(code_point_before(line, i));
            if (*after_word && !label.may_follow_word) continue;
            std::size_t after = i + label.text.size();
            char32_t next = code_point_at(line, after);
            if (after < line.size() && is_letter_like(next) && next < 0x80 && text::is_ascii_alpha(char(next)))
                continue;  // "Bypass", "Published2"
            if (label.needs_separator && after < line.size() && !is_colon(next) && !is_space(next)) continue;
            // An English byline starts its line ("Stand By Me" names no author), or names a
            // poster after the time of posting; "by" in lower case only there.
            if (label.field == Field::Author && static_cast<unsigned char>(label.text[0]) < 0x80) {
                const bool lower = label.text[0] == 'b';
                if (lower ? !after_time_of_day(line, i) : (i != 0 && !after_time_of_day(line, i))) continue;
            }
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
            c == 0xFF08 || c == ')' || c == 0xFF09 || c == 0x3002 || c == '<' || c == 0x300A || c == 0x3013)
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
    for (std::size_t i = 0; i < name.size();) {
        char32_t c = next_code_point(name, i);
        words += c == ' ';
        // Letters (any script), spaces and the marks inside names: "Mary-Jane O’Neil Jr."
        if (!is_letter_like(c) && c != ' ' && c != '.' && c != '-' && c != '\'' && c != 0x2019) return false;
    }
    return words <= 5;
}

// A user name as forums print it: one run of letters, digits and "_", no spaces.
bool plausible_handle(std::string_view name) {
    std::size_t length = length_in_code_points(name);
    if (length < 2 || length > 20) return false;
    for (std::size_t i = 0; i < name.size();) {
        char32_t c = next_code_point(name, i);
        if (!is_letter_like(c) && c != '_' && c != '-' && c != '.') return false;
    }
    return plausible_author(name);
}

bool plausible_name(std::string_view name, bool handle_allowed) {
    std::size_t length = length_in_code_points(name);
    if (length == 0 || length > 30 || !plausible_author(name)) return false;
    std::size_t i = 0;
    char32_t first = next_code_point(name, i);
    if (first < 0x80) return plausible_english_name(name) || (handle_allowed && plausible_handle(name));
    // Han text past a dozen characters is a clause ("告诉记者：被称之为最缺乏……的肺癌"), not a
    // person nor an office ("吉林省人民政府").
    std::size_t han = 0;
    for (i = 0; i < name.size();) han += is_han(next_code_point(name, i));
    return han <= 12;
}

// Names given after a label. A byline may spread over a few lines ("本报实习生" / "刘国栋 周炜" /
// "本报记者" / "王燕平"); the scan settles the list once it has moved on.
void read_names(std::string_view value, Bylines& found, bool handle_allowed = false) {
    if (found.authors_settled) return;
    // Quotes, full stops and exclamations belong to sentences: "告诉记者：……肺癌，“我的……化疗了”".
    for (std::string_view mark : {"“", "”", "。", "！", "？"})
        if (value.find(mark) != std::string_view::npos) return;
    std::vector<std::string> names;
    for (auto& name : split_authors(until_month(until_digit(value))))
        if (plausible_name(name, handle_allowed)) names.push_back(std::move(name));
    if (names.size() + found.authors.size() <= 8) append_unique(found.authors, names);
}

void read_value(Field field, std::string_view value, Bylines& found, bool handle_allowed = false) {
    value = text::trim(value);
    if (value.empty()) return;
    switch (field) {
        case Field::Author:
            read_names(value, found, handle_allowed);
            break;
        case Field::Editor:
            if (found.editor.empty()) {
                auto names = split_authors(until_digit(value));
                if (!names.empty() && plausible_name(names.front(), false)) found.editor = names.front();
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

bool has_day(std::string_view iso_date) { return iso_date.size() >= 10; }

// Code points of a line, not counting the addresses in it ("http://www.qianlong.com/ 2005-07-18
// 13:03:17" is a short dateline).
std::size_t length_without_addresses(std::string_view line) {
    std::size_t length = 0, i = 0;
    while (i < line.size()) {
        std::size_t end = line.find(' ', i);
        if (end == std::string_view::npos) end = line.size();
        std::string_view word = line.substr(i, end - i);
        if (!looks_like_url_or_email(word) && !looks_like_domain(word)) length += length_in_code_points(word) + 1;
        i = end + 1;
    }
    return length;
}

// "由大卫于2005年8月12日16:12:21在〖论坛〗发表": poster and time in a forum's own sentence.
void read_posted_by_sentence(std::string_view line, Bylines& found) {
    if (length_in_code_points(line) > 80 || (line.find("发表") == std::string_view::npos &&
                                             line.find("发布") == std::string_view::npos))
        return;
    std::size_t by = line.find("由");
    if (by == std::string_view::npos) return;
    std::size_t name_begin = by + std::string_view("由").size();
    std::size_t at = line.find("于", name_begin);
    if (at == std::string_view::npos || at == name_begin || length_in_code_points(line.substr(name_begin, at - name_begin)) > 16)
        return;
    std::string date = normalize_date(line.substr(at + std::string_view("于").size()));
    if (!has_day(date)) return;
    std::string_view name = text::trim(line.substr(name_begin, at - name_begin));
    if (found.authors.empty() && !found.authors_settled && (plausible_handle(name) || looks_like_han_person(name)))
        found.authors.emplace_back(name);
    if (found.date.empty()) found.date = std::move(date);
}

// "[ 黄宇 ] 来源：[ 国际金融报 ]": on a line of labelled fields, a bracketed Chinese name is the
// writer's.
void read_bracketed_name(std::string_view line, Bylines& found) {
    for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"[", "]"}, {"【", "】"}}) {
        for (std::size_t at = line.find(open); at != std::string_view::npos; at = line.find(open, at + 1)) {
            std::size_t end = line.find(close, at);
            if (end == std::string_view::npos) break;
            std::string_view inside = text::trim(line.substr(at + open.size(), end - at - open.size()));
            if (looks_like_han_person(inside)) {
                found.authors.emplace_back(inside);
                return;
            }
        }
    }
}

// Reads one line's labelled fields. Returns the field of a label that ends the line without a
// value ("编辑：" alone in a table cell), for the next line to give.
std::optional<Field> read_fields(std::string_view line, Bylines& found) {
    Match match = next_label(line, 0);
    std::optional<Field> dangling;
    bool labelled = false, dated = false;
    while (match.label) {
        Match following = next_label(line, match.value_begin);
        std::size_t end = value_end(line, match.value_begin, following.label ? following.begin : line.size());
        std::string_view value = text::trim(line.substr(match.value_begin, end - match.value_begin));
        const Field field = match.label->field;
        if (value.empty() && !following.label && match.begin == 0) dangling = field;
        // "本报记者王建宏" runs the name into the role; "新华社记者看东北" is a menu item.
        if (field == Field::Author && is_role_noun(match.label->text) && match.value_begin == match.begin + match.label->text.size()) {
            auto names = split_authors(until_digit(value));
            if (names.empty() || !starts_with_family_name(names.front())) value = {};
        }
        // "ggjjzhzz 发表于 2005-9-15 11:46:00": the poster stands before "posted on".
        const bool posted_on = match.label->text == "发表于" || match.label->text == "发布于";
        if (posted_on && !labelled && match.begin > 0 && found.authors.empty() && !found.authors_settled) {
            std::string_view name = text::trim(line.substr(0, match.begin));
            if (plausible_handle(name) || looks_like_han_person(name)) found.authors.emplace_back(name);
        }
        labelled = true;
        dated = dated || field == Field::Date;
        read_value(field, value, found, match.label->text == "by");
        match = following;
    }
    if (!labelled) {
        read_posted_by_sentence(line, found);
        return dangling;
    }
    // A dateline among labelled fields: "2005年08月16日 来源：新华网".
    if (!dated && found.dateline.empty()) {
        std::string date = normalize_date(line);
        if (has_day(date)) found.dateline = std::move(date);
    }
    if (found.authors.empty() && !found.authors_settled) read_bracketed_name(line, found);
    return dangling;
}

// The text inside a closing bracket pair that ends the line: "……佳节。（常书香 马丹阳 ）".
std::string_view closing_group(std::string_view line) {
    line = text::trim(line);
    for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"}, {"(", ")"}}) {
        if (line.size() <= close.size() || line.substr(line.size() - close.size()) != close) continue;
        std::size_t at = line.rfind(open);
        if (at == std::string_view::npos) continue;
        std::string_view inside = line.substr(at + open.size(), line.size() - close.size() - at - open.size());
        if (length_in_code_points(inside) <= 40) return text::trim(inside);
    }
    return {};
}

// An article's closing credit without a label: "姚峰 上海报道" (name, place, "reported"), or the
// names alone, "常书香 马丹阳".
std::vector<std::string> unlabelled_credit(std::string_view group) {
    std::string credit = collapse_space(group);
    std::string_view view(credit);
    static constexpr std::string_view reported = "报道";
    if (view.size() > reported.size() && view.substr(view.size() - reported.size()) == reported) {
        std::size_t space = view.rfind(' ');
        if (space == std::string_view::npos) return {};
        view = view.substr(0, space);  // the place reported from
    }
    return han_persons(view);
}

// "——《北京之春》1998年3月号", "原载《读书》2004年第5期": the print source a text was taken from.
bool read_print_source(std::string_view line, Bylines& found) {
    line = text::trim(line);
    std::size_t open = line.find("《");
    if (open == std::string_view::npos || open > 12 || length_in_code_points(line) > 60) return false;
    std::string_view before = line.substr(0, open);
    if (before.find("——") == std::string_view::npos && before.find("原载") == std::string_view::npos &&
        before.find("摘自") == std::string_view::npos)
        return false;
    std::size_t close = line.find("》", open);
    if (close == std::string_view::npos) return false;
    std::string date = normalize_date(line.substr(close));
    if (date.empty()) return false;
    if (found.date.empty()) found.date = std::move(date);
    if (found.source.empty()) found.source = std::string(line.substr(open + std::string_view("《").size(), close - open - std::string_view("《").size()));
    return true;
}

// A line of the article's prose: with sentence punctuation, and long (old pages break lines
// every thirty-odd characters with <br>).
bool is_prose(std::string_view line) {
    const std::size_t length = length_in_code_points(line);
    if (length < 30) return false;
    return line.find("。") != std::string_view::npos || line.find(". ") != std::string_view::npos ||
           (length >= 60 && line.find("，") != std::string_view::npos);
}

bool ends_sentence(std::string_view line) {
    for (std::string_view mark : {"。", "！", "？", "”"})
        if (line.size() >= mark.size() && line.substr(line.size() - mark.size()) == mark) return true;
    return false;
}

// Where the article's prose starts at line k: a prose line, or the first of a paragraph that
// the page broke into short lines ("……理论(这派理论又被称为理性选择理论)提出之前，" / "不少西方…").
bool starts_prose(const std::vector<std::string>& lines, std::size_t k) {
    if (is_prose(lines[k])) return true;
    auto wrapped = [&](std::size_t i) { return i < lines.size() && length_in_code_points(lines[i]) >= 25; };
    return wrapped(k) && wrapped(k + 1) &&
           (lines[k].find("，") != std::string::npos || lines[k].find("。") != std::string::npos);
}

// The line the article's headline stands on: the h1 when it repeats the title (or nothing says
// otherwise), else the first line near the top that is the title (after the h1, a logo, when
// there is one; later repeats are lists of the latest articles), else the h1.
std::size_t find_headline(const PageLines& page, std::string_view title) {
    const auto& lines = page.lines;
    const bool has_h1 = page.h1_line < lines.size();
    if (has_h1 && (title.empty() || lines[page.h1_line] == title)) return page.h1_line;
    std::size_t titled = SIZE_MAX;
    for (std::size_t k = 0; !title.empty() && k < std::min(lines.size(), lines_without_h1); ++k)
        if (lines[k] == title && (titled == SIZE_MAX || (has_h1 && titled < page.h1_line && k > page.h1_line))) titled = k;
    return titled != SIZE_MAX ? titled : has_h1 ? page.h1_line : SIZE_MAX;
}

}  // namespace

PageLines page_lines(const dom::Tree& tree) {
    PageLines page;
    std::string current;  // the line so far, its spaces collapsed as it grows
    bool pending_space = false;
    int quote_depth = 0;
    auto append = [&](std::string_view text) { append_collapsed(current, pending_space, text); };
    auto flush = [&] {
        if (!current.empty()) {
            page.lines.push_back(std::move(current));
            page.quoted.push_back(quote_depth > 0);
        }
        current.clear();
        pending_space = false;
    };
    const dom::NodeId start = tree.body();
    if (start == dom::none) return page;
    auto enter = [&](dom::NodeId id) {
        const dom::Node& node = tree[id];
        if (node.is_text) {
            if (node.parent != start) {
                append(node.text);
                return false;
            }
            // Text bare in <body> (a scraper's text lines around HTML fragments): its line
            // breaks are the only structure it has.
            std::string_view rest = node.text;
            for (std::size_t nl = rest.find('\n'); nl != std::string_view::npos; nl = rest.find('\n')) {
                append(rest.substr(0, nl));
                flush();
                rest.remove_prefix(nl + 1);
            }
            append(rest);
            return false;
        }
        if (ends_line(node.tag)) flush();
        if (node.tag == GUMBO_TAG_H1 && page.h1_line == SIZE_MAX) page.h1_line = page.lines.size();
        quote_depth += node.tag == GUMBO_TAG_BLOCKQUOTE;
        return node.tag != GUMBO_TAG_SELECT;
    };
    auto leave = [&](dom::NodeId id) {
        if (!tree[id].is_text && ends_line(tree[id].tag)) flush();
        quote_depth -= !tree[id].is_text && tree[id].tag == GUMBO_TAG_BLOCKQUOTE;
    };
    // The leave step makes text after a block start a line of its own.
    dom::walk(tree, start, enter, leave);
    flush();
    return page;
}

void read_byline_line(std::string_view line, Bylines& found) {
    read_fields(line, found);
    if (found.date.empty()) found.date = found.dateline;
}

Bylines scan_bylines(const PageLines& page, std::string_view title) {
    Bylines found;
    const auto& lines = page.lines;
    const std::size_t headline = find_headline(page, title);
    std::size_t begin = 0, end = std::min(lines.size(), lines_without_h1);
    if (headline != SIZE_MAX) {
        begin = headline > lines_before_h1 ? headline - lines_before_h1 : 0;
        end = std::min(lines.size(), headline + lines_after_h1);
    }
    std::size_t last_author_line = SIZE_MAX;
    auto read_line = [&](std::size_t k, std::string_view line) {
        if (page.quoted[k]) return;  // a quoted post's header names the quoted poster
        if (read_print_source(line, found)) return;
        if (!found.authors.empty() && k > last_author_line + 2) found.authors_settled = true;
        const std::size_t names_before = found.authors.size();
        std::optional<Field> dangling = read_fields(line, found);
        // A label alone on its line (a table's label cell): the next short line is its value.
        if (dangling && k + 1 < lines.size() && length_in_code_points(lines[k + 1]) <= 30 &&
            !next_label(lines[k + 1], 0).label) {
            bool short_names = true;
            for (const auto& name : split_authors(lines[k + 1])) short_names = short_names && length_in_code_points(name) <= 12;
            if (*dangling != Field::Author || short_names) read_value(*dangling, lines[k + 1], found);
        }
        if (found.authors.size() > names_before) last_author_line = k + (dangling ? 1 : 0);
    };
    auto scan = [&](std::size_t from, std::size_t to) {
        for (std::size_t k = from; k < to && !complete(found); ++k)
            if (length_in_code_points(lines[k]) < max_byline_code_points) read_line(k, lines[k]);
    };
    scan(begin, end);
    // The h1 may be a logo, or the fields stand in a table above the headline: look at the top
    // of the page too when the window named no one.
    if (headline != SIZE_MAX && found.authors.empty()) scan(0, std::min({lines.size(), lines_without_h1, begin}));
    found.authors_settled = found.authors_settled || !found.authors.empty();

    // The article's first paragraph: long enough, with sentence punctuation.
    std::size_t prose = headline == SIZE_MAX ? 0 : headline + 1;
    while (prose < end && !starts_prose(lines, prose)) ++prose;
    // A line of names alone, just before it ("胡平" under the headline).
    if (found.authors.empty() && prose < end)
        for (std::size_t k = prose > 3 ? prose - 3 : 0; k < prose && found.authors.empty(); ++k)
            if (headline == SIZE_MAX || k > headline) found.authors = han_persons(lines[k]);

    // A bare date on a short line just under the headline, else just above it (newspapers print
    // the date there); a month alone is prose.
    if (found.date.empty() && headline != SIZE_MAX) {
        auto bare_date = [&](std::size_t k) {
            if (length_without_addresses(lines[k]) > 60) return;
            std::string date = normalize_date(lines[k]);
            if (has_day(date)) found.date = std::move(date);
        };
        // Down to the article's prose: past one prose-like line (a standfirst, an author's bio),
        // the second is the article.
        std::size_t prose_lines = 0;
        for (std::size_t k = headline; k < std::min(end, headline + 12) && found.date.empty(); ++k) {
            if (k > headline && is_prose(lines[k]) && ++prose_lines == 2) break;
            bare_date(k);
        }
        for (std::size_t k = headline; k > 0 && k + 2 > headline && found.date.empty(); --k) bare_date(k - 1);
    }
    if (found.date.empty()) found.date = found.dateline;
    // Else a short line holding a date and a time of day, above the headline (a forum post's
    // header) or, without one, near the top (a bare date up there is as often today's date in
    // the site header; below a headline, a list of other articles').
    if (found.date.empty()) {
        for (std::size_t k = 0; k < std::min({lines.size(), lines_without_h1, headline}) && found.date.empty(); ++k) {
            if (length_without_addresses(lines[k]) > 40) continue;
            std::string date = normalize_date(lines[k]);
            if (date.find('T') != std::string::npos) found.date = std::move(date);
        }
    }

    // Down to the page's end: what closes the article, for the fields the top left open.
    const bool wants_author = found.authors.empty();
    found.authors_settled = !wants_author;
    last_author_line = SIZE_MAX;
    for (std::size_t k = end; k < lines.size() && !complete(found); ++k)
        if (length_in_code_points(lines[k]) < max_byline_code_points) read_line(k, lines[k]);
    // Credits in brackets closing a paragraph: "……佳节。（记者 张三）", then unlabelled ones,
    // "（姚峰 上海报道）", "（袁源）".
    const std::size_t body = headline == SIZE_MAX ? 0 : headline + 1;
    for (std::size_t k = body; k < lines.size() && found.authors.empty() && wants_author; ++k)
        if (length_in_code_points(lines[k]) >= max_byline_code_points)
            if (std::string_view group = closing_group(lines[k]); !group.empty()) read_line(k, group);
    for (std::size_t k = std::max(body, prose == end ? body : prose); k < lines.size() && found.authors.empty() && wants_author; ++k) {
        std::string_view group = page.quoted[k] ? std::string_view() : closing_group(lines[k]);
        // Closing a paragraph, or alone right under one: not a list item's "(房产)".
        const bool alone = group.size() + 6 >= lines[k].size();
        if (!group.empty() && (is_prose(lines[k]) || (alone && k > 0 && ends_sentence(lines[k - 1]))))
            found.authors = unlabelled_credit(group);
    }
    found.authors_settled = true;
    return found;
}

}  // namespace webclean::metadata::detail
