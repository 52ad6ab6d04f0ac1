#include <cstring>

#include "parse/html.hpp"
#include "text/ascii.hpp"

namespace webclean::parse {
namespace {

using text::ascii_lower;
using text::is_ascii_alpha;

// Elements whose content is dropped whole: never article text, often most of a page's bytes.
constexpr std::string_view kDroppedElements[] = {"script", "style", "template", "svg",
                                                  "iframe", "object", "textarea", "math"};

// Elements that never nest in the tree Gumbo builds (void), or whose start tag closes an open
// one of their kind (optional end tags): counting them would overstate the depth.
constexpr std::string_view kUncounted[] = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody",
    "tfoot", "colgroup", "caption", "html", "head", "body", "a", "rb", "rt", "rp", "frame", "keygen"};

bool in(std::string_view name, const auto& list) {
    for (std::string_view item : list)
        if (item == name) return true;
    return false;
}

// Position just past the '>' closing a tag that starts at `from` (after the name), honouring
// quoted attribute values; size() when the tag never closes.
std::size_t tag_end(std::string_view s, std::size_t from) {
    char quote = 0;
    for (std::size_t i = from; i < s.size(); ++i) {
        char c = s[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            // A quote only opens a value right after '=' (possibly with spaces).
            std::size_t j = i;
            while (j > from && (s[j - 1] == ' ' || s[j - 1] == '\t' || s[j - 1] == '\n')) --j;
            if (j > from && s[j - 1] == '=') quote = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return s.size();
}

// Finds "</name" case-insensitively at or after from; npos when absent.
std::size_t find_end_tag(std::string_view s, std::size_t from, std::string_view name) {
    while (true) {
        std::size_t lt = s.find("</", from);
        if (lt == std::string_view::npos) return lt;
        std::size_t i = lt + 2;
        bool match = s.size() - i >= name.size();
        for (std::size_t k = 0; match && k < name.size(); ++k)
            if (ascii_lower(s[i + k]) != name[k]) match = false;
        if (match) {
            std::size_t after = i + name.size();
            if (after >= s.size() || !is_ascii_alpha(s[after])) return lt;
        }
        from = lt + 2;
    }
}

bool is_json_ld(std::string_view tag) {
    std::string lower;
    lower.reserve(tag.size());
    for (char c : tag) lower.push_back(ascii_lower(c));
    return lower.find("ld+json") != std::string::npos;
}

}  // namespace

PrescanResult prescan(std::string_view s, std::size_t max_depth) {
    PrescanResult out;
    out.html.reserve(s.size());
    std::size_t depth = 0, excess = 0, i = 0;
    char name[16];

    while (i < s.size()) {
        const char* lt = static_cast<const char*>(std::memchr(s.data() + i, '<', s.size() - i));
        if (!lt) {
            out.html.append(s.substr(i));
            break;
        }
        std::size_t at = lt - s.data();
        out.html.append(s.substr(i, at - i));
        i = at;

        if (s.compare(i, 4, "<!--") == 0) {
            std::size_t close = s.find("-->", i + 4);
            i = close == std::string_view::npos ? s.size() : close + 3;
            continue;
        }
        bool closing = i + 1 < s.size() && s[i + 1] == '/';
        std::size_t n0 = i + (closing ? 2 : 1);
        if (n0 >= s.size() || !is_ascii_alpha(s[n0])) {
            out.html.push_back('<');
            ++i;
            continue;
        }
        std::size_t n = n0, len = 0;
        while (n < s.size() && (text::is_ascii_alnum(s[n]) || s[n] == '-' || s[n] == ':')) {
            if (len < sizeof name) name[len] = ascii_lower(s[n]);
            ++len;
            ++n;
        }
        std::string_view tag_name(name, len < sizeof name ? len : 0);  // long names never match
        std::size_t end = tag_end(s, n);

        if (!closing && in(tag_name, kDroppedElements)) {
            std::size_t close = find_end_tag(s, end, tag_name);
            std::size_t content_end = close == std::string_view::npos ? s.size() : close;
            if (tag_name == "script" && is_json_ld(s.substr(i, end - i)))
                out.json_ld.emplace_back(s.substr(end, content_end - end));
            i = close == std::string_view::npos ? s.size() : tag_end(s, close + 2);
            continue;
        }
        if (closing && in(tag_name, kDroppedElements)) {  // a stray end tag
            i = end;
            continue;
        }
        bool counted = !tag_name.empty() && !in(tag_name, kUncounted);
        if (counted && !closing) {
            bool self_closing_foreign = end >= 2 && s[end - 2] == '/';
            if (!self_closing_foreign) {
                if (depth >= max_depth) {
                    ++excess;
                    ++out.flattened_tags;
                    i = end;
                    continue;
                }
                ++depth;
            }
        } else if (counted && closing) {
            if (excess > 0) {
                --excess;
                ++out.flattened_tags;
                i = end;
                continue;
            }
            if (depth > 0) --depth;
        }
        out.html.append(s.substr(i, end - i));
        i = end;
    }
    return out;
}

}  // namespace webclean::parse
