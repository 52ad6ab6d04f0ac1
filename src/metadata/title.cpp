// Site names around titles: "Article - Site", "Site | Article", "文章标题_频道_新华网".
#include <array>
#include <vector>

#include "metadata/metadata.hpp"
#include "metadata/strings.hpp"
#include "text/ascii.hpp"

namespace webclean::metadata {
namespace {

struct Segment {
    std::size_t begin, end;          // the segment's text
    std::size_t separator_end = 0;   // where the separator after it ends (0 for the last one)
    bool bare_hyphen = false;        // the separator after it is a "-" without spaces
};

// Separators that join a title to a site or section name, longest first.
constexpr std::string_view title_separators[] = {
    " :: ", " -- ", " | ", " - ", " – ", " — ", " » ", " · ", " • ", " ~ ", " _ ", " / ",
    "——",   "｜",   "丨",  " |",  "| ",  "_",   "|",   "－"};

bool ascii_word_char(char c) { return text::is_ascii_alnum(c); }

// The bytes a separator can start with: every other byte of a title is passed over at once
// instead of being compared with each separator (and a bare "-" is checked on its own below).
constexpr bool may_start_separator(unsigned char c) {
    for (std::string_view sep : title_separators)
        if (static_cast<unsigned char>(sep[0]) == c) return true;
    return false;
}
constexpr auto separator_starts = [] {
    std::array<bool, 256> starts{};
    for (int c = 0; c < 256; ++c) starts[c] = may_start_separator(static_cast<unsigned char>(c));
    return starts;
}();

std::vector<Segment> split_title(std::string_view t) {
    std::vector<Segment> segments;
    std::size_t begin = 0;
    for (std::size_t i = 0; i < t.size();) {
        if (!separator_starts[static_cast<unsigned char>(t[i])] && t[i] != '-') {
            ++i;
            continue;
        }
        std::size_t matched = 0;
        for (auto sep : title_separators) {
            if (t.compare(i, sep.size(), sep) != 0) continue;
            // "snake_case" and "a|b" inside an ASCII word are not separators.
            if ((sep == "_" || sep == "|") && i > 0 && i + 1 < t.size() && ascii_word_char(t[i - 1]) &&
                ascii_word_char(t[i + 1]))
                continue;
            matched = sep.size();
            break;
        }
        // "标题-频道-网站": a bare hyphen separates where a CJK character or CJK punctuation
        // touches it; between ASCII characters it is part of a word ("COVID-19", "Wi-Fi").
        bool bare_hyphen = false;
        if (!matched && t[i] == '-' && i > 0 && i + 1 < t.size() &&
            (static_cast<unsigned char>(t[i - 1]) >= 0x80 || static_cast<unsigned char>(t[i + 1]) >= 0x80) &&
            t[i - 1] != ' ' && t[i + 1] != ' ') {
            matched = 1;
            bare_hyphen = true;
        }
        if (matched && i > begin) {
            segments.push_back({begin, i, i + matched, bare_hyphen});
            i += matched;
            begin = i;
        } else {
            i += matched ? matched : 1;
            if (matched) begin = i;
        }
    }
    if (begin < t.size()) segments.push_back({begin, t.size(), 0});
    return segments;
}

// Title weight: ASCII words count one each, Han characters half a word each.
double weight(std::string_view s) {
    double w = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < s.size();) {
        char32_t c = detail::next_code_point(s, i);
        if (detail::is_han(c) || detail::is_kana(c) || detail::is_hangul(c)) {
            w += 0.5;
            in_word = false;
        } else if (c < 0x80 ? text::is_ascii_alnum(char(c)) : !detail::is_space(c)) {
            if (!in_word) w += 1;
            in_word = true;
        } else {
            in_word = false;
        }
    }
    return w;
}

std::string_view trimmed(std::string_view s) {
    std::string_view out = text::trim(s);
    return out;
}

// The segment names the site: equal to it, or one contains the other ("新华网" / "新华网_新华社").
bool names_site(std::string_view segment, std::string_view site) {
    segment = trimmed(segment);
    if (site.empty() || segment.empty()) return false;
    if (text::iequals(segment, site)) return true;
    if (segment.size() >= 3 && detail::find_ignoring_case(site, segment) != std::string_view::npos) return true;
    return site.size() >= 3 && detail::find_ignoring_case(segment, site) != std::string_view::npos &&
           segment.size() <= site.size() + 12;
}

}  // namespace

// Software credit, not a site: "Powered by Discuz!", "Proudly powered by WordPress", "由…驱动".
bool looks_like_software_credit(std::string_view s) {
    s = text::trim(s);
    return detail::find_ignoring_case(s, "powered by") != std::string_view::npos ||
           detail::find_ignoring_case(s, "built with") != std::string_view::npos ||
           (s.find("由") != std::string_view::npos && s.find("驱动") != std::string_view::npos) ||
           s.find("技术支持") != std::string_view::npos;
}

std::string clean_title(std::string_view title_in, std::string_view sitename_in, std::string_view h1_in) {
    const std::string title = detail::collapse_space(title_in);
    const std::string site = detail::collapse_space(sitename_in);
    const std::string h1 = detail::collapse_space(h1_in);
    if (title.empty()) return h1;
    // "标题 松花江网": a site name joined by a bare space at the end, known from the site name or
    // from an h1 that is the site's logo. (At the start it is a brand's product: "Maelstrom 40L
    // Hiking Backpack" on maelstrom's own site.)
    for (std::string_view name : {std::string_view(site), std::string_view(h1)}) {
        if (name.empty() || detail::length_in_code_points(name) > 12 || title.size() <= name.size() + 1) continue;
        std::string_view rest;
        if (title.compare(title.size() - name.size(), name.size(), name) == 0 && title[title.size() - name.size() - 1] == ' ')
            rest = std::string_view(title).substr(0, title.size() - name.size() - 1);
        // With a separator as well ("Article | Site"), the segments below decide.
        if (!rest.empty() && split_title(title).size() < 2 && weight(rest) >= 2 * weight(name)) return std::string(rest);
    }
    std::string_view t(title);
    std::vector<Segment> segments = split_title(t);
    if (segments.size() < 2) return title;

    // The page's own heading, when it is a run of whole segments and outweighs the rest, is the
    // title (an h1 that is the logo, "V8", is not).
    if (!h1.empty()) {
        for (std::size_t k = 0; k + 1 < segments.size(); ++k) {
            std::string_view before = trimmed(t.substr(0, segments[k].end));
            std::string_view after = trimmed(t.substr(segments[k].separator_end));
            if (text::iequals(before, h1) && weight(before) > weight(after)) return h1;
            if (text::iequals(after, h1) && weight(after) > weight(before)) return h1;
        }
        for (const Segment& segment : segments) {
            std::string_view one = trimmed(t.substr(segment.begin, segment.end - segment.begin));
            if (text::iequals(one, h1) && weight(one) * 2 > weight(t)) return h1;
        }
    }

    std::size_t first = 0, last = segments.size() - 1;
    auto span = [&](std::size_t a, std::size_t b) { return trimmed(t.substr(segments[a].begin, segments[b].end - segments[a].begin)); };
    // A trailing software credit is never part of the title nor the site.
    while (last > first && looks_like_software_credit(span(last, last))) --last;

    // Evidence first: segments that name the site, at either end.
    bool removed = false;
    while (last > first && names_site(span(last, last), site)) { --last; removed = true; }
    while (first < last && names_site(span(first, first), site)) { ++first; removed = true; }
    if (removed) return std::string(span(first, last));

    // No evidence: a short trailing segment is a site or section name when the rest is longer
    // ("标题_科技_腾讯网", "Review - Engadget"); else a short leading one ("Site | Article").
    // "Mozilla - Wikipedia" stays whole: neither side outweighs the other.
    const bool chain =  // Chinese channel chains: "标题_频道_网站", "标题-频道-网站"
        segments[0].bare_hyphen ||
        t.substr(segments[0].end, segments[0].separator_end - segments[0].end).find('_') != std::string_view::npos;
    std::size_t dropped = 0;
    while (last > first && (chain || dropped < 2)) {
        double tail = weight(span(last, last)), rest = weight(span(first, last - 1));
        // A bare hyphen also joins words ("北京-上海高铁"): only drop what is much shorter.
        const double ratio = segments[last - 1].bare_hyphen ? 3.0 : 1.5;
        if (tail > 4 || rest < tail * ratio || rest < 2) break;
        --last;
        ++dropped;
    }
    // A leading site name is never split off at a bare hyphen.
    if (dropped == 0 && last > first && !segments[first].bare_hyphen) {
        double head = weight(span(first, first)), rest = weight(span(first + 1, last));
        if (head <= 3 && rest >= head * 1.5 && rest >= 3) ++first;
    }
    return std::string(span(first, last));
}

}  // namespace webclean::metadata
