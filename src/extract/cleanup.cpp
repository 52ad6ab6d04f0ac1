#include "extract/cleanup.hpp"

#include <algorithm>
#include <vector>

#include "text/ascii.hpp"
#include "text/utf8.hpp"

namespace webclean::content {
namespace {

constexpr std::string_view kInitials[] = {"zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k",
                                          "h", "j", "q", "x", "r", "z", "c", "s", "y", "w", ""};
constexpr std::string_view kFinals[] = {"iang", "iong", "uang", "ueng", "ang", "eng", "ing", "ong", "iao", "ian",
                                        "uai", "uan", "ai", "ei", "ui", "ao", "ou", "iu", "ie", "ve", "ue", "er",
                                        "an", "en", "in", "un", "vn", "ia", "ua", "uo", "a", "o", "e", "i", "u", "v"};

// Whether word[from..] splits into initial+final syllables (small DP over positions).
bool splits_into_syllables(std::string_view word) {
    std::vector<bool> reachable(word.size() + 1, false);
    reachable[0] = true;
    for (std::size_t at = 0; at < word.size(); ++at) {
        if (!reachable[at]) continue;
        for (std::string_view initial : kInitials) {
            if (word.substr(at, initial.size()) != initial) continue;
            std::size_t after_initial = at + initial.size();
            for (std::string_view final : kFinals)
                if (word.substr(after_initial, final.size()) == final)
                    reachable[after_initial + final.size()] = true;
        }
    }
    return reachable[word.size()];
}

std::vector<std::string_view> words(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && line[i] == ' ') ++i;
        std::size_t start = i;
        while (i < line.size() && line[i] != ' ') ++i;
        if (i > start) out.push_back(line.substr(start, i - start));
    }
    return out;
}

bool is_pinyin_word(std::string_view w) {
    if (w.empty() || w.size() > 24) return false;
    for (char c : w)
        if (c < 'a' || c > 'z') return false;
    return splits_into_syllables(w);
}

}  // namespace

bool is_pinyin_label(std::string_view line) {
    auto ws = words(text::trim(line));
    if (ws.size() < 2 || ws.size() > 6) return false;
    for (auto w : ws)
        if (!is_pinyin_word(w)) return false;
    return true;
}

std::string strip_pinyin_tail(std::string_view line) {
    auto ws = words(line);
    std::size_t keep = ws.size();
    while (keep > 0 && is_pinyin_word(ws[keep - 1])) --keep;
    if (keep == ws.size() || ws.size() - keep < 2 || keep == 0) return std::string(line);
    bool has_cjk = false;
    for (std::size_t k = 0; k < keep; ++k) {
        std::size_t i = 0;
        while (i < ws[k].size())
            if (text::is_cjk(text::next_code_point(ws[k], i))) has_cjk = true;
    }
    if (!has_cjk) return std::string(line);
    std::size_t end = ws[keep - 1].data() + ws[keep - 1].size() - line.data();
    return std::string(line.substr(0, end));
}

std::string strip_continuation_markers(std::string_view line) {
    static constexpr std::string_view kOpen[] = {"(", "（"};
    static constexpr std::string_view kClose[] = {")", "）"};
    static constexpr std::string_view kVerbs[] = {"上接", "下转", "接第", "转第", "紧接"};
    std::string out(line);
    for (std::string_view open : kOpen) {
        for (std::size_t at = out.find(open); at != std::string::npos; at = out.find(open, at + 1)) {
            std::string_view inner = std::string_view(out).substr(at + open.size(), 40);
            std::string_view trimmed = text::trim(inner);
            bool verb = false;
            for (std::string_view v : kVerbs) verb |= trimmed.substr(0, v.size()) == v;
            if (!verb) continue;
            for (std::string_view close : kClose) {
                std::size_t end = out.find(close, at);
                if (end == std::string::npos || end - at > 40) continue;
                std::string_view marker = std::string_view(out).substr(at, end - at);
                if (marker.find("版") == std::string_view::npos) continue;
                out.erase(at, end - at + close.size());
                break;
            }
        }
    }
    return std::string(text::trim(out));
}

bool is_figure_credit(std::string_view line) {
    line = text::trim(line);
    if (line.size() > 90) return false;  // about 30 CJK characters
    static constexpr std::string_view kMarks[] = {"■", "▲", "△", "●", "▼", "◆"};
    static constexpr std::string_view kEndings[] = {"制图", "摄", "摄影", "供图", "绘图", "图片来源", "资料图", "视觉中国"};
    for (std::string_view mark : kMarks)
        if (line.substr(0, mark.size()) == mark) return true;
    for (std::string_view ending : kEndings)
        if (line.size() >= ending.size() && line.substr(line.size() - ending.size()) == ending) return true;
    return false;
}

bool looks_like_markup(std::string_view line) {
    line = text::trim(line);
    return line.size() >= 3 && line.front() == '<' && (text::is_ascii_alpha(line[1]) || line[1] == '/') &&
           line.back() == '>';
}

bool looks_like_menu(std::string_view line) {
    line = text::trim(line);
    if (line.size() > 400) return false;
    std::size_t items = 1, separators = 0, arrows = 0, punct = 0, chars = 0, cjk = 0;
    std::size_t item_chars = 0, longest_before_last = 0;
    std::size_t i = 0;
    bool in_gap = false;
    while (i < line.size()) {
        char32_t c = text::next_code_point(line, i);
        bool arrow = c == '>' || c == 0xBB || c == 0x203A;
        bool separator = text::is_space(c) || c == '|' || c == 0x2022 || c == 0xB7 || arrow || c == '/';
        if (separator) {
            if (c != ' ') ++separators;
            if (arrow) {
                ++arrows;
                longest_before_last = std::max(longest_before_last, item_chars);
                item_chars = 0;
            }
            if (!in_gap) ++items;
            in_gap = true;
            continue;
        }
        in_gap = false;
        ++chars;
        ++item_chars;
        if (text::is_cjk(c)) ++cjk;
        if (text::is_clause_punct(c)) ++punct;
    }
    // A breadcrumb: short section names, then the page's own title, whatever it holds.
    if (arrows >= 2 && longest_before_last <= 10) return true;  // "网站 > 科技 > 加快赋能千行百业，…"
    if (punct > 0) return false;
    if (separators > 0 && items >= 2 && chars / items <= 8) return true;  // "a | b", "site > section"
    // Space-separated short items only mean a menu in CJK text; in English they are words.
    return cjk * 2 > chars && items >= 4 && chars / items <= 5;                // "北京 天津 河北 山西"
}

}  // namespace webclean::content
