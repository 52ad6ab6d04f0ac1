#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dom/tree.hpp"
#include "limits/deadline.hpp"
#include "parse/html.hpp"
#include "parse/tag_syntax.hpp"
#include "text/ascii.hpp"

namespace webclean::parse {
namespace {

using detail::find_end_tag;
using detail::is_tag_space;
using detail::read_tag_name;
using detail::tag_end;
using detail::TagEnd;

using text::ascii_lower;
using text::is_ascii_alpha;

// Elements whose content is dropped whole: never article text, often most of a page's bytes.
constexpr std::string_view kDroppedElements[] = {"script", "style", "template", "svg",
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

// Formatting elements dropped, start and end tag, when they keep no attribute (see
// BareFormatting): <a> is read (links), and a <nobr> start tag closes an open <nobr>.
constexpr std::string_view kDroppedBare[] = {"b",  "big",   "code",   "em", "font", "i",
                                             "s",  "small", "strike", "strong", "tt", "u"};

// The elements whose start or end tags set or clear markers in the list of active formatting
// elements, or end a table cell.
constexpr std::string_view kTableParts[] = {"table", "caption", "td", "th", "tr", "tbody", "thead", "tfoot",
                                            "applet", "marquee"};

// Where a search for an element "in scope" stops.
constexpr std::string_view kScopeBoundaries[] = {"table", "applet", "marquee"};

// Attributes kept per tag: Gumbo checks each new attribute against all earlier ones, so a tag
// with many of them costs quadratic time. Real pages stay far below.
constexpr std::size_t kMaxAttributes = 100;

// The <link> relations a stage reads (metadata: the canonical URL, the license). Other links
// (style sheets, icons, preloads, alternates: dozens in some pages' heads, each an element and a
// few attributes for Gumbo) go: a <link> is void and the tree builder inserts it where it stands
// without closing or re-opening anything, so the tree loses that element and nothing else.
// A stage that reads another relation adds it here.
constexpr std::string_view kReadLinkRelations[] = {"canonical", "license"};

// Whether a <link> tag (as written, attributes and all) names none of kReadLinkRelations; a
// relation's name anywhere in the tag keeps it.
bool is_unread_link(std::string_view tag) {
    const std::string lower = text::to_lower(tag);
    for (std::string_view relation : kReadLinkRelations)
        if (lower.find(relation) != std::string::npos) return false;
    return true;
}

// Elements whose content Gumbo reads as text, up to their end tag (the page's end for
// <plaintext>): it goes to Gumbo as written, no tag in it read as one.
constexpr std::string_view kRawText[] = {"title", "xmp", "noembed", "noframes", "plaintext"};

// Elements inside which whitespace between tags is content, left alone (see append_text).
constexpr std::string_view kWhitespaceKept[] = {"pre", "listing", "xmp", "plaintext"};

// Preformatted elements: inside them a <span> only colours code (syntax highlighters wrap every
// token in one, five to ten a line), so Gumbo gets the code's text without them.
constexpr std::string_view kPreformatted[] = {"pre", "listing"};  // not <xmp>: its content is raw text

// The attributes a stage reads (dom::Tree::attribute calls in extract/ and metadata/), and the
// one that steers Gumbo's tree building outside foreign content (an <input type=hidden> in a
// table). Those that steer it inside (<font color|face|size>, <annotation-xml encoding>) go with
// the rest: <svg> and <math> are dropped whole, to the page's end when unclosed, so Gumbo never
// parses foreign content. Gumbo never sees the others either: framework data, event handlers,
// image sources and sizes, presentational attributes of old table layouts.
// Each costs Gumbo some 140 bytes and our tree 40: on such pages, more than the nodes.
// A stage that reads another attribute adds it here.
constexpr std::string_view kReadAttributes[] = {
    "id", "class", "style", "hidden", "aria-hidden", "role", "href", "rel", "lang", "xml:lang",
    "name", "property", "itemprop", "http-equiv", "content", "value", "datetime", "pubdate", "type"};
// An attribute value this long holds no metadata or class name anyone wrote by hand (metadata
// reads values of at most 8 KB): it is emptied.
constexpr std::size_t kLongestAttributeValue = 64 * 1024;

bool in(std::string_view name, const auto& list) {
    for (std::string_view item : list)
        if (item == name) return true;
    return false;
}

// What the lists above say of one tag name, looked up once per tag.
enum TagTraits : unsigned {
    kDropped = 1, kUncountedDepth = 2, kKeepsWhitespace = 4, kFormattingTag = 8, kSpecialTag = 16, kScopeBoundary = 32,
    kBlockLevel = 64, kPreformattedTag = 128, kRawTextTag = 256, kDroppedWhenBare = 512, kTablePart = 1024
};

unsigned tag_traits(std::string_view name) {
    static const auto traits = [] {
        std::unordered_map<std::string_view, unsigned> map;
        for (std::string_view n : kDroppedElements) map[n] |= kDropped;
        for (std::string_view n : kUncounted) map[n] |= kUncountedDepth;
        for (std::string_view n : kWhitespaceKept) map[n] |= kKeepsWhitespace;
        for (std::string_view n : kPreformatted) map[n] |= kPreformattedTag;
        for (std::string_view n : kRawText) map[n] |= kRawTextTag;
        for (std::string_view n : kFormatting) map[n] |= kFormattingTag;
        for (std::string_view n : kDroppedBare) map[n] |= kDroppedWhenBare;
        for (std::string_view n : kTableParts) map[n] |= kTablePart;
        for (std::string_view n : kSpecial) map[n] |= kSpecialTag;
        for (std::string_view n : kScopeBoundaries) map[n] |= kScopeBoundary;
        for (unsigned tag = 0; tag < GUMBO_TAG_UNKNOWN; ++tag)
            if (dom::is_block_level(static_cast<GumboTag>(tag)))
                map[gumbo_normalized_tagname(static_cast<GumboTag>(tag))] |= kBlockLevel;
        return map;
    }();
    auto found = traits.find(name);
    return found == traits.end() ? 0 : found->second;
}

constexpr bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool starts_with_lower(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t k = 0; k < prefix.size(); ++k)
        if (ascii_lower(s[k]) != prefix[k]) return false;
    return true;
}

bool is_unread_attribute(std::string_view name) {
    char lower[16];
    if (name.size() > sizeof lower) return true;  // longer than any read name
    for (std::size_t k = 0; k < name.size(); ++k) lower[k] = ascii_lower(name[k]);
    return !in(std::string_view(lower, name.size()), kReadAttributes);
}

// The code point a numeric character reference at text[0] ("&#...") stands for, and its length;
// 0 when it is none (Gumbo reads it so: decimal or x and hex digits, the semicolon optional).
std::pair<char32_t, std::size_t> numeric_reference(std::string_view text) {
    std::size_t i = 2;
    const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
    i += hex;
    const std::size_t digits = i;
    std::uint64_t value = 0;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        int digit = c >= '0' && c <= '9' ? c - '0' : -1;
        if (hex && digit < 0 && ascii_lower(c) >= 'a' && ascii_lower(c) <= 'f') digit = ascii_lower(c) - 'a' + 10;
        if (digit < 0) break;
        value = std::min<std::uint64_t>(value * (hex ? 16 : 10) + static_cast<unsigned>(digit), 0x110000);
    }
    if (i == digits) return {0, 0};
    return {static_cast<char32_t>(value), i + (i < text.size() && text[i] == ';')};
}

// Appends text without the character that stands for a <br> (see kLineBreakMark): the page's
// own goes, a reference to it becomes U+FFFD.
void append_words(std::string& out, std::string_view text) {
    while (!text.empty()) {
        std::size_t at = text.find(kLineBreakMark), length = kLineBreakMark.size();
        const char* replacement = "";
        for (std::size_t reference = text.find("&#"); reference < at; reference = text.find("&#", reference + 2)) {
            if (auto [code_point, size] = numeric_reference(text.substr(reference)); code_point == kLineBreakCodePoint) {
                at = reference, length = size, replacement = "\xEF\xBF\xBD";
                break;
            }
        }
        if (at == std::string_view::npos) break;
        out.append(text.substr(0, at));
        out.append(replacement);
        text.remove_prefix(at + length);
    }
    out.append(text);
}


// Appends text that lies between tags. Whitespace alone between two tags (indentation, often a
// large share of a page's text bytes) becomes one character, a line break when it held one,
// except where whitespace is content (preformatted elements). Text with words in it is kept as
// it is. Returns whether the text was whitespace alone and not kept as it is.
bool append_text(std::string& out, std::string_view text, bool keep_whitespace) {
    if (keep_whitespace) {
        append_words(out, text);
        return false;
    }
    bool line_break = false;
    for (char c : text) {
        if (!is_html_space(c)) {
            append_words(out, text);
            return false;
        }
        line_break |= c == '\n' || c == '\r';
    }
    if (text.size() < 2) out.append(text);
    else out.push_back(line_break ? '\n' : ' ');
    return !text.empty();
}

// One attribute of a start tag, split as an HTML tokenizer splits it: s[gap, name_begin) are the
// spaces and slashes before it, and it ends before s[end].
struct AttributeSpan {
    std::size_t gap, name_begin, end;
    std::string_view name, value;  // value: empty when there is none
};

// Calls visit(AttributeSpan) for each attribute of a start tag whose name ends at name_end and
// whose closing '>' is s[last]. Returns where the spaces and slashes after the last one begin.
template <class Visit>
std::size_t for_each_attribute(std::string_view s, std::size_t name_end, std::size_t last, Visit&& visit) {
    std::size_t i = name_end;
    while (i < last) {
        std::size_t gap = i;
        while (i < last && (is_html_space(s[i]) || s[i] == '/')) ++i;
        if (i == last) return gap;
        std::size_t name_begin = i++;
        while (i < last && !is_html_space(s[i]) && s[i] != '/' && s[i] != '=') ++i;
        std::string_view name = s.substr(name_begin, i - name_begin), value;
        std::size_t after_name = i;
        while (after_name < last && is_html_space(s[after_name])) ++after_name;
        if (after_name < last && s[after_name] == '=') {
            std::size_t v = after_name + 1;
            while (v < last && is_html_space(s[v])) ++v;
            if (v < last && (s[v] == '"' || s[v] == '\'')) {
                std::size_t close = s.find(s[v], v + 1);
                std::size_t value_end = close == std::string_view::npos || close > last ? last : close;
                value = s.substr(v + 1, value_end - v - 1);
                i = value_end == last ? last : value_end + 1;
            } else {
                std::size_t value_begin = v;
                while (v < last && !is_html_space(s[v])) ++v;
                value = s.substr(value_begin, v - value_begin);
                i = v;
            }
        }
        visit(AttributeSpan{gap, name_begin, i, name, value});
    }
    return i;
}

// Whether a tag the page closes keeps none of its attributes (see append_start_tag).
bool is_bare_start_tag(std::string_view s, std::size_t name_end, std::size_t end) {
    if (end > s.size() || s[end - 1] != '>') return false;
    bool bare = true;
    for_each_attribute(s, name_end, end - 1, [&](const AttributeSpan& a) { bare &= is_unread_attribute(a.name); });
    return bare;
}

// Appends a start tag, s[begin, end) with its name ending at name_end, without the attributes
// no stage reads and with data: URIs and overlong values emptied. What is kept reaches Gumbo
// byte for byte.
void append_start_tag(std::string& out, std::string_view s, std::size_t begin, std::size_t name_end, std::size_t end) {
    if (end > s.size() || s[end - 1] != '>') {  // a tag the page never closes: as it is
        out.append(s.substr(begin, end - begin));
        return;
    }
    std::size_t size_before = out.size();
    out.append(s.substr(begin, name_end - begin));
    bool changed = false;
    std::size_t last = end - 1;  // s[last] is the closing '>'
    std::size_t trailing = for_each_attribute(s, name_end, last, [&](const AttributeSpan& a) {
        if (is_unread_attribute(a.name)) {
            changed = true;
        } else if (a.value.size() > kLongestAttributeValue || starts_with_lower(a.value, "data:")) {
            changed = true;
            out.append(s.substr(a.gap, a.name_begin - a.gap));
            out.append(a.name);
            out.append("=\"\"");
        } else {
            out.append(s.substr(a.gap, a.end - a.gap));
        }
    });
    if (!changed) {  // nothing dropped: the tag exactly as written
        out.resize(size_before);
        out.append(s.substr(begin, end - begin));
        return;
    }
    out.append(s.substr(trailing, last - trailing));
    out.push_back('>');
}

// Formatting elements that keep no attribute (most <b>, <font>, <strong>, <i>) hold nothing a
// stage reads, yet the tree builder re-opens each one left open in every block after it, to the
// page's end: pages of old forums and portals that never close a <font> or <b> get a clone of
// each in every paragraph, more nodes than their text. So the prescan drops them, start and end
// tag. An end tag goes with the start tag it would close: the newest open formatting element of
// its name since the last marker of the list of active formatting elements (a table cell,
// caption, applet or marquee); ending a cell forgets what was opened in it, as the tree builder
// does, and an end tag with nothing of its name open there is one the tree builder ignores.
// Where the model errs (the adoption agency's limits, tags past the depth limit), a kept element
// closes early or late: what it wraps changes, never which text the page holds.
class BareFormatting {
public:
    // Whether to drop a start tag of kDroppedBare; bare: it keeps no attribute.
    bool drops_start_tag(std::string_view name, bool bare) {
        if (entries_.size() < kMostEntries)
            entries_.push_back({*std::find(std::begin(kDroppedBare), std::end(kDroppedBare), name), bare ? kBare : kKept});
        return bare;
    }

    // Whether to drop an end tag of kDroppedBare: what it closes was dropped, or nothing it can
    // close is open (the tree builder ignores it). It reaches back to the last marker, and not
    // past the start of a table it is in (a table bounds the scope an end tag searches).
    bool drops_end_tag(std::string_view name) {
        const std::size_t table_start = tables_.empty() ? 0 : tables_.back();
        const std::size_t reach = std::max(markers_.empty() ? 0 : markers_.back() + 1, table_start);
        for (std::size_t k = entries_.size(), searched = 0; k-- > reach && searched < kMostSearched; ++searched) {
            Entry& entry = entries_[k];
            if (entry.kind == kClosed || entry.name != name) continue;
            const bool bare = entry.kind == kBare;
            entry.kind = kClosed;
            while (entries_.size() > table_start && entries_.back().kind == kClosed) entries_.pop_back();
            return bare;
        }
        return true;
    }

    // A tag of kTableParts that reaches Gumbo.
    void table_part(std::string_view name, bool closing) {
        if (name == "table") {
            if (!closing) {
                tables_.push_back(entries_.size());
            } else if (!tables_.empty()) {
                // The table's open cells end; what was opened in it outside a cell (the tree
                // builder moves it in front of the table) stays on the list.
                while (in_innermost_table()) pop_to(markers_.back());
                tables_.pop_back();
            }
        } else if (name == "applet" || name == "marquee") {
            if (!closing) push_marker();
            else if (in_innermost_table()) pop_to(markers_.back());
        } else if (!tables_.empty()) {  // outside a table the tree builder ignores rows and cells
            // An end tag, or a start tag that ends the open cell (a row's, a cell's).
            if (in_innermost_table()) pop_to(markers_.back());
            if (!closing && (name == "td" || name == "th" || name == "caption")) push_marker();
        }
    }

private:
    static constexpr std::size_t kMostEntries = 8192;  // past this many open, start tags are not followed
    static constexpr std::size_t kMostSearched = 256;  // an end tag looks no further back
    enum Kind : std::uint8_t { kBare, kKept, kClosed, kMarker };
    struct Entry {
        std::string_view name;  // a kDroppedBare name ("" for a marker)
        Kind kind;
    };

    void push_marker() {
        if (entries_.size() >= kMostEntries) return;
        markers_.push_back(entries_.size());
        entries_.push_back({"", kMarker});
    }
    // Whether the newest marker was set inside the innermost open table (or with no table open).
    bool in_innermost_table() const {
        return !markers_.empty() && (tables_.empty() || markers_.back() >= tables_.back());
    }
    // Forgets the entries from position size on: a marker and what was opened after it.
    void pop_to(std::size_t size) {
        entries_.resize(size);
        while (!markers_.empty() && markers_.back() >= size) markers_.pop_back();
    }

    std::vector<Entry> entries_;
    std::vector<std::size_t> markers_;  // positions of the markers in entries_
    // For each open table, how many entries there were when it began: its cells' markers lie
    // at or past that position, and entries below it are not popped while it is open.
    std::vector<std::size_t> tables_;
};

// The counted elements Gumbo's tree builder holds open, as far as depth goes. It follows HTML's
// rules for end tags on the safe side: where they are subtle it keeps an element open that the
// parser would close, never the other way round, so depth() never understates the real depth.
class OpenElements {
public:
    std::size_t depth() const { return open_.size(); }
    void open(std::string name, unsigned traits) { open_.push_back({std::move(name), traits}); }

    void close(std::string_view name, unsigned traits) {
        const bool formatting = traits & kFormattingTag;
        const bool special = traits & kSpecialTag;
        for (std::size_t k = open_.size(); k-- > 0;) {
            const Element& element = open_[k];
            if (element.name == name) {
                if (name == "form") {
                    open_.erase(open_.begin() + static_cast<std::ptrdiff_t>(k));  // only the form goes
                } else if (formatting && has_special_above(k)) {
                    // The adoption agency moves a clone of the element under the block: same depth.
                } else {
                    open_.resize(k);
                }
                return;
            }
            if (formatting || special) {
                if (element.traits & kScopeBoundary) return;
            } else if (element.traits & kSpecialTag) {
                return;
            }
        }
    }

private:
    struct Element {
        std::string name;
        unsigned traits;
    };

    bool has_special_above(std::size_t k) const {
        for (std::size_t j = k + 1; j < open_.size(); ++j)
            if (open_[j].traits & kSpecialTag) return true;
        return false;
    }

    std::vector<Element> open_;
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
    std::size_t excess = 0, i = 0, whitespace_kept = 0, preformatted = 0;
    BareFormatting formatting;
    // Whitespace alone beside a block-level tag ("</p>\n  <p>") separates no words, so Gumbo
    // need not make a node of it (on markup-dense pages a third of all nodes): where the
    // whitespace since the last tag starts in out.html, and whether that tag was block-level.
    std::size_t blank_from = std::string::npos;
    bool after_block = false;
    auto add_text = [&](std::string_view text) {
        std::size_t before = out.html.size();
        if (!append_text(out.html, text, whitespace_kept > 0)) {
            if (!text.empty()) after_block = false;  // words (or kept whitespace) since that tag
            blank_from = std::string::npos;
        } else if (blank_from == std::string::npos) {
            blank_from = before;
        }
    };

    while (i < s.size()) {
        limits::check_deadline();
        const char* lt = static_cast<const char*>(std::memchr(s.data() + i, '<', s.size() - i));
        if (!lt) {
            add_text(s.substr(i));
            break;
        }
        std::size_t at = lt - s.data();
        add_text(s.substr(i, at - i));
        i = at;

        if (i + 3 < s.size() && s[i + 1] == '!' && s[i + 2] == '-' && s[i + 3] == '-') {
            std::size_t close = s.find("-->", i + 4);
            i = close == std::string_view::npos ? s.size() : close + 3;
            continue;
        }
        bool closing = i + 1 < s.size() && s[i + 1] == '/';
        std::size_t n = i + (closing ? 2 : 1);
        if (n >= s.size() || !is_ascii_alpha(s[n])) {
            out.html.push_back('<');
            blank_from = std::string::npos;
            after_block = false;
            ++i;
            continue;
        }
        std::string tag_name = read_tag_name(s, n);
        TagEnd tag = tag_end(s, n, kMaxAttributes);
        std::size_t end = tag.end;
        unsigned traits = tag_traits(tag_name);

        if (!closing && traits & kDropped) {
            std::size_t close = find_end_tag(s, end, tag_name);
            std::size_t content_end = close == std::string_view::npos ? s.size() : close;
            if (tag_name == "script" && is_json_ld(s.substr(i, end - i)))
                out.json_ld.emplace_back(s.substr(end, content_end - end));
            i = close == std::string_view::npos ? s.size() : tag_end(s, close + 2).end;
            continue;
        }
        if (closing && traits & kDropped) {  // a stray end tag
            i = end;
            continue;
        }
        if (!closing && tag_name == "link" && end <= s.size() && s[end - 1] == '>' && is_unread_link(s.substr(i, end - i))) {
            i = end;
            continue;
        }
        if (traits & kDroppedWhenBare &&
            (closing ? formatting.drops_end_tag(tag_name)
                     : formatting.drops_start_tag(tag_name, is_bare_start_tag(s, n, end)))) {
            i = end;
            continue;
        }
        if (preformatted > 0 && tag_name == "span") {
            i = end;
            continue;
        }
        if (traits & kPreformattedTag) {
            if (!closing) ++preformatted;
            else if (preformatted > 0) --preformatted;
        }
        // Self-closing syntax does not stop an HTML element from opening (<div/> is <div>); the
        // foreign elements where it does are dropped above.
        if (!(traits & kUncountedDepth)) {
            if (!closing) {
                if (open.depth() >= max_depth) {
                    ++excess;
                    ++out.flattened_tags;
                    i = end;
                    continue;
                }
                open.open(tag_name, traits);
            } else {
                if (excess > 0) {
                    --excess;
                    ++out.flattened_tags;
                    i = end;
                    continue;
                }
                open.close(tag_name, traits);
            }
        }
        if (traits & kTablePart) formatting.table_part(tag_name, closing);
        if (blank_from != std::string::npos && (after_block || traits & kBlockLevel)) out.html.resize(blank_from);
        blank_from = std::string::npos;
        after_block = traits & kBlockLevel;
        if (traits & kKeepsWhitespace) {
            if (!closing) ++whitespace_kept;
            else if (whitespace_kept > 0) --whitespace_kept;
        }
        const std::size_t tag_begin = out.html.size();
        if (closing) {
            out.html.append(s.substr(i, end - i));
        } else if (tag.cut != 0) {  // attributes past kMaxAttributes go
            out.html.append(s.substr(i, tag.cut - i));
            out.html.push_back('>');
            ++out.start_tags;
        } else {
            append_start_tag(out.html, s, i, n, end);
            ++out.start_tags;
        }
        // A <br> that keeps no attribute (an end tag </br> is a <br> whatever it holds).
        if (tag_name == "br" && out.html.back() == '>' && (closing || (tag.cut == 0 && is_bare_start_tag(s, n, end)))) {
            out.html.resize(tag_begin);
            out.html.append(kLineBreakMark);
            ++out.line_breaks;
            out.start_tags -= !closing;
        }
        i = end;
        if (!closing && traits & kRawTextTag) {
            const std::size_t close = tag_name == "plaintext" ? std::string_view::npos : find_end_tag(s, end, tag_name);
            i = close == std::string_view::npos ? s.size() : close;
            append_words(out.html, s.substr(end, i - end));  // its end tag is read next
        }
    }
    return out;
}

}  // namespace webclean::parse
