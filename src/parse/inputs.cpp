#include "parse/inputs.hpp"

#include <md4c-html.h>

#include "limits/deadline.hpp"
#include "text/ascii.hpp"
#include "text/utf8.hpp"

namespace webclean::parse {
namespace {

std::size_t count(std::string_view haystack, std::string_view needle) {
    std::size_t n = 0;
    for (std::size_t at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

InputFormat detect_format(std::string_view s) {
    std::string_view head = text::trim(s.substr(0, 8192));
    std::string lower = text::to_lower(head.substr(0, 512));
    if (starts_with(lower, "<!doctype") || starts_with(lower, "<html") || starts_with(lower, "<?xml")) return InputFormat::Html;
    if (starts_with(head, "---\n") || starts_with(head, "---\r\n")) return InputFormat::Markdown;
    std::string sample = text::to_lower(head);
    // A document's own structure, further down when a script or a stray tag comes first
    // (old portals put a <script> before <html>): never in a text dump or in markdown.
    if (count(sample, "<html") + count(sample, "<head>") + count(sample, "<body") + count(sample, "</title>") > 0)
        return InputFormat::Html;
    // Paired block tags mean HTML, even when text lines surround them (a scraper's fragments).
    std::size_t tags = count(sample, "<p") + count(sample, "<div") + count(sample, "<br") + count(sample, "</p>") +
                       count(sample, "<span") + count(sample, "<a ") + count(sample, "<table") + count(sample, "<li");
    if (tags >= 3) return InputFormat::Html;
    std::size_t markdown = count(head, "\n# ") + count(head, "\n## ") + count(head, "\n### ") + count(head, "](") +
                           count(head, "\n- ") + count(head, "\n* ") + count(head, "**") / 2 + count(head, "\n> ") +
                           count(head, "|---") + count(head, "| --- |") + (starts_with(head, "# ") ? 2 : 0);
    if (markdown >= 3) return InputFormat::Markdown;
    return InputFormat::Text;
}

std::string_view FrontMatter::get(std::string_view key) const {
    for (const auto& [k, v] : fields)
        if (k == key) return v;
    return {};
}

FrontMatter split_front_matter(std::string_view md) {
    FrontMatter fm;
    fm.body = md;
    std::string_view rest = md;
    auto next_line = [&](std::string_view& from) {
        std::size_t nl = from.find('\n');
        std::string_view line = from.substr(0, nl);
        from = nl == std::string_view::npos ? std::string_view{} : from.substr(nl + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        return line;
    };
    if (next_line(rest) != "---") return fm;
    std::vector<std::pair<std::string, std::string>> fields;
    for (int lines = 0; !rest.empty() && lines < 200; ++lines) {
        std::string_view line = next_line(rest);
        if (line == "---" || line == "...") {
            fm.fields = std::move(fields);
            fm.body = rest;
            return fm;
        }
        std::size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0) continue;
        std::string key = text::to_lower(text::trim(line.substr(0, colon)));
        std::string_view value = text::trim(line.substr(colon + 1));
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
            value = value.substr(1, value.size() - 2);
        fields.emplace_back(std::move(key), std::string(value));
    }
    return fm;  // no closing line: not front matter after all
}

std::string markdown_to_html(std::string_view md) {
    std::string html;
    html.reserve(md.size() + md.size() / 4);
    auto sink = [](const MD_CHAR* data, MD_SIZE size, void* out) { static_cast<std::string*>(out)->append(data, size); };
    md_html(md.data(), static_cast<MD_SIZE>(md.size()), sink, &html,
            MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS, 0);
    return html;
}

namespace {

// Whether a line reads like prose: long, with commas or full stops (not just the colons of
// a "来源: | 时间:" line).
bool is_prose(std::string_view line) {
    std::size_t chars = 0, commas = 0, i = 0;
    while (i < line.size()) {
        char32_t c = text::next_code_point(line, i);
        ++chars;
        if (c == ',' || c == 0xFF0C || c == 0x3001 || c == 0x3002 || c == '.') ++commas;
    }
    return chars >= 40 && commas >= 2;
}

// A title in a text dump: a short line that does not end like a sentence, followed by prose
// within three lines (a byline may stand between).
bool is_title_line(const std::vector<std::string_view>& lines, std::size_t k) {
    std::size_t chars = 0, i = 0, stops = 0;
    char32_t last = 0;
    while (i < lines[k].size()) {
        last = text::next_code_point(lines[k], i);
        ++chars;
        if (last == 0x3002 || last == 0xFF0C || last == ',' || last == 0xFF1B || last == 0xFF01 || last == 0xFF1F) ++stops;
    }
    if (chars < 4 || chars > 60 || stops > 1 || text::is_clause_punct(last) || text::ends_sentence(last)) return false;
    // Breadcrumbs and menus are not titles; nor is the second half of a sentence cut in two.
    if (lines[k].find(" > ") != std::string_view::npos || lines[k].find(" | ") != std::string_view::npos) return false;
    if (k > 0 && is_prose(lines[k - 1])) {
        char32_t before = text::last_code_point(lines[k - 1]);
        if (text::is_cjk(before) || before == ',' || before == 0xFF0C || before == 0x3001) return false;
    }
    for (std::size_t next = k + 1; next < lines.size() && next <= k + 3; ++next)
        if (is_prose(lines[next])) return true;
    return false;
}

}  // namespace

void parse_text(std::string_view utf8, dom::Tree& out) {
    out = dom::Tree();
    std::string_view text = out.keep(std::string(utf8));
    out.set_head(out.add_element(out.root(), GUMBO_TAG_HEAD));
    dom::NodeId body = out.add_element(out.root(), GUMBO_TAG_BODY);
    out.set_body(body);
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        limits::check_deadline();
        std::size_t nl = text.find('\n');
        std::string_view line = text::trim(text.substr(0, nl));
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        if (!line.empty()) lines.push_back(line);
    }
    for (std::size_t k = 0; k < lines.size(); ++k) {
        limits::check_deadline();
        dom::Tag tag = is_title_line(lines, k) ? GUMBO_TAG_H2 : GUMBO_TAG_P;
        out.add_text(out.add_element(body, tag), lines[k]);
    }
}

}  // namespace webclean::parse
