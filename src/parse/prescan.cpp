#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "limits/deadline.hpp"
#include "parse/html.hpp"
#include "text/ascii.hpp"

namespace webclean::parse {
namespace {

using text::ascii_lower;
using text::is_ascii_alpha;

// Elements whose content is dropped whole: never article text, often most of a page's bytes.
constexpr std::string_view kDroppedElements[] = {"script", "style", "noscript", "template", "svg",
                                                  "iframe", "object", "textarea", "math"};

// Elements that never nest in the tree Gumbo builds (void), or whose start tag closes an open
// one of their kind (optional end tags): counting them would overstate the depth. (rb, rt, rp
// and optgroup are not here: outside ruby and select they nest without limit.)
constexpr std::string_view kUncounted[] = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody",
    "tfoot", "colgroup", "caption", "html", "head", "body", "a", "frame", "keygen"};

// Counted elements of HTML's "special" category: an end tag for an ordinary element never
// closes past one of them.
constexpr std::string_view kSpecial[] = {
    "address", "applet", "article", "aside", "basefont", "bgsound", "blockquote", "button", "center",
    "details", "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "frameset",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "listing", "main", "marquee", "menu",
    "nav", "noembed", "noframes", "ol", "plaintext", "pre", "section", "select", "summary", "table",
    "title", "ul", "xmp"};

// Formatting elements: their end tag runs the adoption agency, which keeps the blocks inside open.
constexpr std::string_view kFormatting[] = {"b", "big", "code", "em", "font", "i", "nobr", "s",
                                            "small", "strike", "strong", "tt", "u"};

// Where a search for an element "in scope" stops.
constexpr std::string_view kScopeBoundaries[] = {"table", "applet", "marquee"};

// Attributes kept per tag: Gumbo checks each new attribute against all earlier ones, so a tag
// with many of them costs quadratic time. Real pages stay far below.
constexpr std::size_t kMaxAttributes = 100;

bool in(std::string_view name, const auto& list) {
    for (std::string_view item : list)
        if (item == name) return true;
    return false;
}

bool is_tag_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// The end of a tag that starts at `from` (after the name), honouring quoted attribute values.
struct TagEnd {
    std::size_t end;             // just past the '>'; size() when the tag never closes
    std::size_t cut = 0;         // where attribute kMaxAttributes + 1 starts; 0 when there is none
};

TagEnd tag_end(std::string_view s, std::size_t from) {
    char quote = 0;
    std::size_t attributes = 0, cut = 0;
    bool after_separator = true;  // whitespace, '/' or a closing quote: a new attribute may start
    for (std::size_t i = from; i < s.size(); ++i) {
        char c = s[i];
        if (quote) {
            if (c == quote) {
                quote = 0;
                after_separator = true;
            }
        } else if (c == '"' || c == '\'') {
            // A quote only opens a value right after '=' (possibly with spaces).
            std::size_t j = i;
            while (j > from && is_tag_space(s[j - 1])) --j;
            if (j > from && s[j - 1] == '=') quote = c;
            else after_separator = false;
        } else if (c == '>') {
            return {i + 1, cut};
        } else if (is_tag_space(c) || c == '/') {
            after_separator = true;
        } else {
            if (after_separator && c != '=' && ++attributes == kMaxAttributes + 1 && cut == 0) cut = i;
            after_separator = false;
        }
    }
    return {s.size(), cut};
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

// A tag name as HTML's tokenizer reads it (up to whitespace, '/' or '>'), lower-cased. Names
// past kMaxStored bytes keep their start plus a hash of the whole, so two long names that differ
// late still differ.
constexpr std::size_t kMaxStored = 32;
std::string read_tag_name(std::string_view s, std::size_t& i) {
    std::size_t begin = i;
    while (i < s.size() && !is_tag_space(s[i]) && s[i] != '/' && s[i] != '>') ++i;
    std::string name;
    name.reserve(std::min(i - begin, kMaxStored));
    for (std::size_t k = begin; k < i && name.size() < kMaxStored; ++k) name.push_back(ascii_lower(s[k]));
    if (i - begin > kMaxStored) name += '#' + std::to_string(std::hash<std::string_view>{}(s.substr(begin, i - begin)));
    return name;
}

// The counted elements Gumbo's tree builder holds open, as far as depth goes. It follows HTML's
// rules for end tags on the safe side: where they are subtle it keeps an element open that the
// parser would close, never the other way round, so depth() never understates the real depth.
class OpenElements {
public:
    std::size_t depth() const { return names_.size(); }
    void open(std::string name) { names_.push_back(std::move(name)); }

    void close(std::string_view name) {
        const bool formatting = in(name, kFormatting);
        const bool special = in(name, kSpecial);
        for (std::size_t k = names_.size(); k-- > 0;) {
            const std::string& open = names_[k];
            if (open == name) {
                if (name == "form") {
                    names_.erase(names_.begin() + static_cast<std::ptrdiff_t>(k));  // only the form goes
                } else if (formatting && has_special_above(k)) {
                    // The adoption agency moves a clone of the element under the block: same depth.
                } else {
                    names_.resize(k);
                }
                return;
            }
            if (formatting || special) {
                if (in(open, kScopeBoundaries)) return;
            } else if (in(open, kSpecial)) {
                return;
            }
        }
    }

private:
    bool has_special_above(std::size_t k) const {
        for (std::size_t j = k + 1; j < names_.size(); ++j)
            if (in(names_[j], kSpecial)) return true;
        return false;
    }

    std::vector<std::string> names_;
};

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
    OpenElements open;
    std::size_t excess = 0, i = 0;

    while (i < s.size()) {
        limits::check_deadline();
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
        std::size_t n = i + (closing ? 2 : 1);
        if (n >= s.size() || !is_ascii_alpha(s[n])) {
            out.html.push_back('<');
            ++i;
            continue;
        }
        std::string tag_name = read_tag_name(s, n);
        TagEnd tag = tag_end(s, n);
        std::size_t end = tag.end;

        if (!closing && in(tag_name, kDroppedElements)) {
            std::size_t close = find_end_tag(s, end, tag_name);
            std::size_t content_end = close == std::string_view::npos ? s.size() : close;
            if (tag_name == "script" && is_json_ld(s.substr(i, end - i)))
                out.json_ld.emplace_back(s.substr(end, content_end - end));
            i = close == std::string_view::npos ? s.size() : tag_end(s, close + 2).end;
            continue;
        }
        if (closing && in(tag_name, kDroppedElements)) {  // a stray end tag
            i = end;
            continue;
        }
        // Self-closing syntax does not stop an HTML element from opening (<div/> is <div>); the
        // foreign elements where it does are dropped above.
        if (!in(tag_name, kUncounted)) {
            if (!closing) {
                if (open.depth() >= max_depth) {
                    ++excess;
                    ++out.flattened_tags;
                    i = end;
                    continue;
                }
                open.open(tag_name);
            } else {
                if (excess > 0) {
                    --excess;
                    ++out.flattened_tags;
                    i = end;
                    continue;
                }
                open.close(tag_name);
            }
        }
        if (tag.cut != 0) {
            out.html.append(s.substr(i, tag.cut - i));
            out.html.push_back('>');
        } else {
            out.html.append(s.substr(i, end - i));
        }
        i = end;
    }
    return out;
}

}  // namespace webclean::parse
