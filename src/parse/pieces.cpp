#include "parse/pieces.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <cstring>
#include <string>

#include "limits/deadline.hpp"
#include "parse/tag_syntax.hpp"
#include "text/ascii.hpp"

namespace webclean::parse::detail {
namespace {

using text::is_ascii_alpha;

// What the tree builder's rules (HTML's "in body" and table modes) make of a tag, as far as
// deciding whether an element's content can be parsed apart goes.
enum Trait : unsigned {
    kVoid = 1u << 0,            // never open (<br>, <img>...)
    kSpecial = 1u << 1,         // HTML's "special" category: stops the search an <li> starts
    kFormatting = 1u << 2,      // kept in the list of active formatting elements
    kClosesP = 1u << 3,         // its start tag closes an open <p>
    kHeading = 1u << 4,
    kRawText = 1u << 5,         // its content is text up to its end tag
    kHazard = 1u << 6,          // changes the whole document (<body> inside the body, <frameset>...)
    kContainer = 1u << 7,       // may be cut: its content is read "in body" in a fragment too (a <p>
                                // only when nothing inside closes it, or it would not end at its end tag)
    kButtonScope = 1u << 8,     // ends the search for an element "in button scope"
    kMarker = 1u << 9,          // puts a marker on the formatting list: what is inside stays inside
    kOptionalEnd = 1u << 10,    // closed without its end tag by the next of its kind or its parent's end
    kCell = 1u << 11,           // td, th
    kRowGroup = 1u << 12,       // tbody, thead, tfoot
    kDocumentWide = 1u << 13,   // no piece at all: <frameset> and <plaintext> read the rest of the page
};

constexpr GumboTag kVoids[] = {GUMBO_TAG_AREA,  GUMBO_TAG_BASE,  GUMBO_TAG_BASEFONT, GUMBO_TAG_BGSOUND, GUMBO_TAG_BR,
                               GUMBO_TAG_COL,   GUMBO_TAG_EMBED, GUMBO_TAG_HR,       GUMBO_TAG_IMAGE,   GUMBO_TAG_IMG,
                               GUMBO_TAG_INPUT, GUMBO_TAG_KEYGEN, GUMBO_TAG_LINK,    GUMBO_TAG_META,    GUMBO_TAG_PARAM,
                               GUMBO_TAG_SOURCE, GUMBO_TAG_TRACK, GUMBO_TAG_WBR};
// As Gumbo 0.10 has it: <main> is not among them (a search for an open <li> goes past it).
constexpr GumboTag kSpecials[] = {
    GUMBO_TAG_ADDRESS, GUMBO_TAG_APPLET,  GUMBO_TAG_ARTICLE,  GUMBO_TAG_ASIDE,   GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_BODY,
    GUMBO_TAG_BUTTON,  GUMBO_TAG_CAPTION, GUMBO_TAG_CENTER,   GUMBO_TAG_COLGROUP, GUMBO_TAG_DD,        GUMBO_TAG_DETAILS,
    GUMBO_TAG_DIR,     GUMBO_TAG_DIV,     GUMBO_TAG_DL,       GUMBO_TAG_DT,      GUMBO_TAG_FIELDSET,   GUMBO_TAG_FIGCAPTION,
    GUMBO_TAG_FIGURE,  GUMBO_TAG_FOOTER,  GUMBO_TAG_FORM,     GUMBO_TAG_H1,      GUMBO_TAG_H2,         GUMBO_TAG_H3,
    GUMBO_TAG_H4,      GUMBO_TAG_H5,      GUMBO_TAG_H6,       GUMBO_TAG_HEAD,    GUMBO_TAG_HEADER,     GUMBO_TAG_HGROUP,
    GUMBO_TAG_HTML,    GUMBO_TAG_LI,      GUMBO_TAG_LISTING,  GUMBO_TAG_MARQUEE,    GUMBO_TAG_MENU,
    GUMBO_TAG_NAV,     GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_OBJECT,    GUMBO_TAG_OL,
    GUMBO_TAG_P,       GUMBO_TAG_PRE,     GUMBO_TAG_SECTION,  GUMBO_TAG_SELECT,  GUMBO_TAG_SUMMARY,    GUMBO_TAG_TABLE,
    GUMBO_TAG_TBODY,   GUMBO_TAG_TD,      GUMBO_TAG_TFOOT,    GUMBO_TAG_TH,      GUMBO_TAG_THEAD,      GUMBO_TAG_TITLE,
    GUMBO_TAG_TR,      GUMBO_TAG_UL,      GUMBO_TAG_XMP};
constexpr GumboTag kFormattings[] = {GUMBO_TAG_A,    GUMBO_TAG_B,      GUMBO_TAG_BIG,   GUMBO_TAG_CODE, GUMBO_TAG_EM,
                                     GUMBO_TAG_FONT, GUMBO_TAG_I,      GUMBO_TAG_NOBR,  GUMBO_TAG_S,    GUMBO_TAG_SMALL,
                                     GUMBO_TAG_STRIKE, GUMBO_TAG_STRONG, GUMBO_TAG_TT,  GUMBO_TAG_U};
constexpr GumboTag kPClosers[] = {
    GUMBO_TAG_ADDRESS, GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE,   GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_CENTER, GUMBO_TAG_DETAILS,
    GUMBO_TAG_DIR,     GUMBO_TAG_DIV,     GUMBO_TAG_DL,      GUMBO_TAG_FIELDSET,   GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,
    GUMBO_TAG_FOOTER,  GUMBO_TAG_HEADER,  GUMBO_TAG_HGROUP,  GUMBO_TAG_MAIN,       GUMBO_TAG_MENU,   GUMBO_TAG_NAV,
    GUMBO_TAG_OL,      GUMBO_TAG_P,       GUMBO_TAG_SECTION, GUMBO_TAG_SUMMARY,    GUMBO_TAG_UL,     GUMBO_TAG_H1,
    GUMBO_TAG_H2,      GUMBO_TAG_H3,      GUMBO_TAG_H4,      GUMBO_TAG_H5,         GUMBO_TAG_H6,     GUMBO_TAG_PRE,
    GUMBO_TAG_LISTING, GUMBO_TAG_FORM,    GUMBO_TAG_TABLE,   GUMBO_TAG_HR,         GUMBO_TAG_XMP,    GUMBO_TAG_LI,
    GUMBO_TAG_DD,      GUMBO_TAG_DT};
constexpr GumboTag kContainers[] = {GUMBO_TAG_DIV,    GUMBO_TAG_SECTION, GUMBO_TAG_ARTICLE, GUMBO_TAG_MAIN,
                                    GUMBO_TAG_ASIDE,  GUMBO_TAG_NAV,     GUMBO_TAG_HEADER,  GUMBO_TAG_FOOTER,
                                    GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_CENTER, GUMBO_TAG_TD,   GUMBO_TAG_TH,
                                    GUMBO_TAG_LI,     GUMBO_TAG_DD,      GUMBO_TAG_UL,      GUMBO_TAG_OL,
                                    GUMBO_TAG_DL,     GUMBO_TAG_FIGURE,  GUMBO_TAG_P,       GUMBO_TAG_ADDRESS,
                                    GUMBO_TAG_FIELDSET, GUMBO_TAG_DETAILS, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_MENU,
                                    GUMBO_TAG_SPAN,   GUMBO_TAG_BODY,    GUMBO_TAG_PRE,     GUMBO_TAG_LISTING,
                                    GUMBO_TAG_FORM};
constexpr GumboTag kButtonScopes[] = {GUMBO_TAG_APPLET, GUMBO_TAG_CAPTION, GUMBO_TAG_HTML,     GUMBO_TAG_TABLE,
                                      GUMBO_TAG_TD,     GUMBO_TAG_TH,      GUMBO_TAG_MARQUEE,  GUMBO_TAG_OBJECT,
                                      GUMBO_TAG_TEMPLATE, GUMBO_TAG_BUTTON};
constexpr GumboTag kMarkers[] = {GUMBO_TAG_APPLET, GUMBO_TAG_CAPTION, GUMBO_TAG_MARQUEE, GUMBO_TAG_OBJECT,
                                 GUMBO_TAG_TD,     GUMBO_TAG_TH,      GUMBO_TAG_TEMPLATE};
constexpr GumboTag kOptionalEnds[] = {GUMBO_TAG_P,        GUMBO_TAG_LI, GUMBO_TAG_DD, GUMBO_TAG_DT, GUMBO_TAG_OPTION,
                                      GUMBO_TAG_OPTGROUP, GUMBO_TAG_RB, GUMBO_TAG_RP, GUMBO_TAG_RT, GUMBO_TAG_RTC};
constexpr GumboTag kRawTexts[] = {GUMBO_TAG_TITLE, GUMBO_TAG_XMP, GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES,
                                  GUMBO_TAG_TEXTAREA, GUMBO_TAG_STYLE, GUMBO_TAG_SCRIPT, GUMBO_TAG_IFRAME};
// <html>, <head> and <body> are hazards only inside an open element; frames, <isindex> (a form
// of its own), <menuitem> (void or not depending on the parser's age) and foreign roots always.
constexpr GumboTag kHazards[] = {GUMBO_TAG_HTML, GUMBO_TAG_HEAD,    GUMBO_TAG_BODY,     GUMBO_TAG_FRAME,
                                 GUMBO_TAG_ISINDEX, GUMBO_TAG_MENUITEM, GUMBO_TAG_TEMPLATE, GUMBO_TAG_SVG,
                                 GUMBO_TAG_MATH};

const std::array<unsigned, GUMBO_TAG_LAST + 1>& traits_table() {
    static const auto table = [] {
        std::array<unsigned, GUMBO_TAG_LAST + 1> t{};
        auto add = [&](const auto& tags, unsigned trait) {
            for (GumboTag tag : tags) t[tag] |= trait;
        };
        add(kVoids, kVoid);
        add(kSpecials, kSpecial);
        add(kFormattings, kFormatting);
        add(kPClosers, kClosesP);
        add(kContainers, kContainer);
        add(kButtonScopes, kButtonScope);
        add(kMarkers, kMarker);
        add(kOptionalEnds, kOptionalEnd);
        add(kRawTexts, kRawText);
        add(kHazards, kHazard);
        for (GumboTag tag : {GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6})
            t[tag] |= kHeading;
        t[GUMBO_TAG_TD] |= kCell;
        t[GUMBO_TAG_TH] |= kCell;
        for (GumboTag tag : {GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT}) t[tag] |= kRowGroup;
        t[GUMBO_TAG_FRAMESET] |= kDocumentWide;
        t[GUMBO_TAG_PLAINTEXT] |= kDocumentWide;
        return t;
    }();
    return table;
}

// The elements the tree builder holds open, as far as a scan of tags can follow it, and for
// each whether its content has so far been free of what a fragment parse would read otherwise.
// A tag the scan cannot follow exactly (an end tag that matches nothing open, a formatting
// element left open, a table cell outside a table...) taints every element open at that moment;
// the elements opened after it start clean again.
class Scan {
public:
    Scan(std::string_view html, std::size_t budget, std::size_t smallest)
        : html_(html), budget_(budget), smallest_(smallest) {}

    // A clean element's content, and for one over the budget where its children start (where
    // the content can be split: between two children the parser has only the element open).
    struct Found {
        Cut cut;
        std::vector<std::size_t> child_starts;
    };
    std::vector<Found> candidates;  // in the order they closed
    std::size_t nodes = 0, attributes = 0;
    std::size_t text_bytes = 0;  // of text between tags and of start tags past their names (at least their attributes)

    // Reads the page; false when no piece can be cut at all.
    bool run() {
        std::size_t i = 0;
        const std::size_t n = html_.size();
        bool in_text = false;  // the bytes since the last tag were text: a '<' that starts none goes on with it
        while (i < n) {
            limits::check_deadline();
            const char* lt = static_cast<const char*>(std::memchr(html_.data() + i, '<', n - i));
            const std::size_t text_end = lt ? static_cast<std::size_t>(lt - html_.data()) : n;
            if (text_end > i) {
                nodes += !in_text;
                text_bytes += text_end - i;
                in_text = true;
            }
            if (!lt) break;
            i = text_end;
            if (i + 1 >= n) break;
            const char next = html_[i + 1];
            if (next == '!' || next == '?' || (next == '/' && (i + 2 >= n || !is_ascii_alpha(html_[i + 2])))) {
                // A comment, doctype or bogus comment: no element. (The prescan took out "<!--".)
                std::size_t close = html_.find('>', i + 2);
                if (close == std::string_view::npos) break;
                i = close + 1;
                in_text = false;
                continue;
            }
            const bool closing = next == '/';
            std::size_t name_end = i + (closing ? 2 : 1);
            if (!is_ascii_alpha(html_[name_end])) {  // a '<' in text
                ++i;
                ++text_bytes;
                in_text = true;
                continue;
            }
            in_text = false;
            if (!closing) ++nodes;
            const std::size_t name_begin = name_end;
            std::string name = read_tag_name(html_, name_end);
            const TagEnd tag = tag_end(html_, name_end);
            if (tag.end >= n && html_.back() != '>') {
                taint();  // the last tag never closes: what it holds is the parser's guess
                break;
            }
            const GumboTag id = gumbo_tagn_enum(name.data(), static_cast<unsigned>(name.size()));
            const unsigned traits = traits_table()[id];
            if (traits & kDocumentWide) return false;
            const std::string_view original = html_.substr(name_begin, name.size());
            if (closing) {
                end_tag(id, traits, original, i);
                i = tag.end;
            } else {
                attributes += tag.attributes;
                text_bytes += tag.end - name_end;
                i = start_tag(id, traits, original, name, i, tag.end);
            }
        }
        if (open_.size() == 1 && open_[0].tag == GUMBO_TAG_BODY) close_top(n);  // a body the page never closed
        return true;
    }

private:
    struct Open {
        GumboTag tag;
        unsigned traits;
        std::string_view name;  // as written, for elements Gumbo does not know
        std::size_t content_begin;
        bool form_pointer_at_start;
        std::size_t first_child_start;  // its entries in child_starts_ begin here
        unsigned searches = 0;  // Search kinds that went past it
        std::uint16_t formatting_started = 0;
        std::uint8_t formatting_nested = 0;
    };

    bool same(const Open& open, GumboTag tag, std::string_view name) const {
        return open.tag == tag && (tag != GUMBO_TAG_UNKNOWN || text::iequals(open.name, name));
    }

    void taint() { tainted_below_ = open_.size(); }

    // Closes the elements above index k (and k itself when including): a formatting element closed
    // without its end tag stays on the list of active formatting elements, and comes back around
    // the next text, wherever that is: then nothing open can be parsed apart.
    void close_down_to(std::size_t k, bool including) {
        const std::size_t keep = including ? k : k + 1;
        for (std::size_t j = keep; j < open_.size(); ++j)
            if (open_[j].traits & kFormatting && !marker_from(k, j)) taint();
        if (keep < open_.size()) child_starts_.resize(open_[keep].first_child_start);
        open_.resize(keep);
        forget_above();
    }

    // Whether an element in [below, above) put a marker on the formatting list.
    bool marker_from(std::size_t below, std::size_t above) const {
        for (std::size_t j = below; j < above; ++j)
            if (open_[j].traits & kMarker) return true;
        return false;
    }

    void forget_above() {
        tainted_below_ = std::min(tainted_below_, open_.size());
        form_below_ = std::min(form_below_, open_.size());
    }

    // The element at the top closed by its own end tag: a candidate when clean.
    void close_top(std::size_t content_end) {
        const std::size_t k = open_.size() - 1;
        const Open& e = open_[k];
        std::size_t content_begin = e.content_begin, first_child = e.first_child_start;
        if (e.tag == GUMBO_TAG_BODY) {
            // Text after </body>, or before a <body> tag that came after the body had begun, joins
            // the body's text next to it: the body's runs go from its first child to its last.
            if (child_starts_.size() - first_child < 2) {
                content_end = content_begin;
            } else {
                content_begin = child_starts_[first_child++];
                content_end = child_starts_.back();
                child_starts_.pop_back();
            }
        }
        // A form opened inside and left open leaves the parser's form pointer set for what follows
        // (a later <form> is dropped), which the skeleton would not know.
        const bool clean = !lost_ && k >= tainted_below_ && !(k < form_below_ && e.form_pointer_at_start) &&
                           form_pointer_ == e.form_pointer_at_start;
        if (clean && e.traits & kContainer && content_end - content_begin >= smallest_) {
            Found found{{content_begin, content_end, e.tag, e.searches, e.formatting_started, e.formatting_nested}, {}};
            if (content_end - content_begin > budget_)
                found.child_starts.assign(child_starts_.begin() + static_cast<std::ptrdiff_t>(first_child), child_starts_.end());
            candidates.push_back(std::move(found));
        }
        child_starts_.resize(e.first_child_start);
        open_.pop_back();
        forget_above();
    }

    // The topmost open element with this tag, searching down to (not past) an element with a
    // stopping trait; npos when none.
    std::size_t find_open(GumboTag tag, unsigned stop) const {
        for (std::size_t k = open_.size(); k-- > 0;) {
            if (open_[k].tag == tag) return k;
            if (open_[k].traits & stop) return std::string_view::npos;
        }
        return std::string_view::npos;
    }

    // The tree builder's search for an open element (see Search): the index of what it finds,
    // or npos; the elements it passes on the way are marked with it.
    std::size_t search(Search kind) {
        for (std::size_t k = open_.size(); k-- > 0;) {
            if (search_finds(kind, open_[k].tag)) return k;
            if (search_stops_at(kind, open_[k].tag)) return std::string_view::npos;
            open_[k].searches |= kind;
        }
        return std::string_view::npos;
    }

    // A formatting start tag: for each open element back to the last marker, how many like it
    // are open above (inside) it, and that its content starts one (see formatting_bit).
    void count_like(GumboTag tag) {
        const auto bit = static_cast<std::uint16_t>(1u << formatting_bit(tag));
        unsigned like = 0;
        for (std::size_t k = open_.size(); k-- > 0;) {
            Open& e = open_[k];
            e.formatting_started |= bit;
            e.formatting_nested = static_cast<std::uint8_t>(std::max<unsigned>(e.formatting_nested, std::min(like, 255u)));
            if (e.traits & kMarker) return;
            if (e.tag == tag) ++like;
        }
    }

    // A search that finds what it looks for closes it, and what is above it.
    void search_and_close(Search kind) {
        std::size_t k = search(kind);
        if (k != std::string_view::npos) close_down_to(k, true);
    }

    // Whether the nearest open table element is a table, row group or row (not a cell or caption).
    bool reading_a_table() const {
        for (std::size_t k = open_.size(); k-- > 0;) {
            const Open& e = open_[k];
            if (e.traits & kCell || e.tag == GUMBO_TAG_CAPTION) return false;
            if (e.tag == GUMBO_TAG_TABLE || e.tag == GUMBO_TAG_TR || e.traits & kRowGroup) return true;
        }
        return false;
    }

    // A table part closes the open cell, caption or column group, and a row or row group
    // closes the open row (and row group): what each closes, innermost first. A table part with
    // no table open is dropped by the parser.
    void open_table_part(GumboTag tag, unsigned traits) {
        const bool cell = traits & kCell;
        while (true) {
            std::size_t k = open_.size();
            while (k-- > 0) {
                const Open& e = open_[k];
                if (e.tag == GUMBO_TAG_TABLE || e.tag == GUMBO_TAG_TR || e.tag == GUMBO_TAG_CAPTION ||
                    e.tag == GUMBO_TAG_COLGROUP || e.traits & (kCell | kRowGroup))
                    break;
            }
            // No table open, or one below other elements (a <div> straight in a table, which the
            // parser moved out before it, while the table's mode still reads its content).
            if (k == std::string_view::npos || k + 1 != open_.size()) return taint();
            const Open& at = open_[k];
            const bool closes = at.traits & kCell || at.tag == GUMBO_TAG_CAPTION || (at.tag == GUMBO_TAG_TR && !cell) ||
                                (at.traits & kRowGroup && !cell && tag != GUMBO_TAG_TR) ||
                                (at.tag == GUMBO_TAG_COLGROUP && tag != GUMBO_TAG_COL);
            if (!closes) return;
            close_down_to(k, true);
        }
    }

    std::size_t start_tag(GumboTag tag, unsigned traits, std::string_view original, const std::string& name,
                          std::size_t at, std::size_t end) {
        if (!open_.empty() && open_.back().tag == GUMBO_TAG_COLGROUP && tag != GUMBO_TAG_COL) close_down_to(open_.size() - 1, true);
        if (traits & kHazard) {
            if (tag == GUMBO_TAG_BODY && open_.empty() && !body_seen_) {
                // The body's children can be cut into runs like any container's.
                body_seen_ = true;
                open_.push_back({tag, traits, original, end, form_pointer_, child_starts_.size()});
            } else if (!open_.empty() || (tag != GUMBO_TAG_HTML && tag != GUMBO_TAG_HEAD)) {
                taint();
            }
            return end;
        }
        if (tag == GUMBO_TAG_LI) search_and_close(kSearchItem);
        if (tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT) search_and_close(kSearchDefinition);
        if (traits & kClosesP) {
            const std::size_t p = search(kSearchP);
            // In quirks mode a <table> stays inside an open <p>: which way the page goes, the scan does not know.
            if (p != std::string_view::npos && tag == GUMBO_TAG_TABLE) taint();
            if (p != std::string_view::npos) close_down_to(p, true);
        }
        if (traits & kHeading && !open_.empty() && open_.back().traits & kHeading) close_down_to(open_.size() - 1, true);
        // An open link or <nobr> is closed by the adoption agency, an open button like a block.
        if (traits & kFormatting) count_like(tag);
        if (tag == GUMBO_TAG_A && search(kSearchLink) != std::string_view::npos) taint();
        if (tag == GUMBO_TAG_NOBR && search(kSearchNobr) != std::string_view::npos) taint();
        if (tag == GUMBO_TAG_BUTTON && search(kSearchButton) != std::string_view::npos) taint();
        if (tag == GUMBO_TAG_SELECT && find_open(tag, kMarker) != std::string_view::npos) taint();
        if ((tag == GUMBO_TAG_OPTION || tag == GUMBO_TAG_OPTGROUP) && !open_.empty() && open_.back().tag == GUMBO_TAG_OPTION)
            close_down_to(open_.size() - 1, true);
        if (tag == GUMBO_TAG_FORM) {
            form_below_ = open_.size();
            if (form_pointer_) taint();  // ignored by the parser, so its end tag closes another form
            form_pointer_ = true;
        }
        const bool table_part = traits & kCell || traits & kRowGroup || tag == GUMBO_TAG_TR || tag == GUMBO_TAG_CAPTION ||
                                tag == GUMBO_TAG_COLGROUP || tag == GUMBO_TAG_COL;
        if (table_part) open_table_part(tag, traits);
        if (!open_.empty()) child_starts_.push_back(at);  // the element on top gets a child here
        if (traits & kRawText) {
            // Its content is text: the scan goes on after its end tag, the element closed.
            std::size_t close = find_end_tag(html_, end, name);
            if (close == std::string_view::npos) {
                taint();
                return html_.size();
            }
            std::size_t after = close + 2;
            read_tag_name(html_, after);
            return tag_end(html_, after).end;
        }
        if (traits & kVoid) return end;
        // A line break right after <pre> is dropped by the parser when it reads the start tag; a
        // fragment has none to read, so the break stays with the start tag in the skeleton.
        if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING) {
            if (html_.substr(end, 2) == "\r\n") end += 2;
            else if (end < html_.size() && (html_[end] == '\n' || html_[end] == '\r')) end += 1;
        }
        // Inside a table but not in a cell (put out in front of the table, "foster parenting"),
        // an element's content is read in the table's mode, not as a fragment would read it.
        const bool in_table_mode = !table_part && reading_a_table();
        open_.push_back({tag, traits, original, end, form_pointer_, child_starts_.size()});
        if (in_table_mode) taint();
        return end;
    }

    void end_tag(GumboTag tag, unsigned traits, std::string_view original, std::size_t content_end) {
        if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_BODY) {
            if (tag != GUMBO_TAG_HEAD && open_.size() == 1 && open_[0].tag == GUMBO_TAG_BODY) return close_top(content_end);
            if (!open_.empty()) taint();
            return;
        }
        if (traits & kVoid) return;  // ignored (</br> is a <br>): no element closes
        if (tag == GUMBO_TAG_FORM) {
            form_below_ = open_.size();
            form_pointer_ = false;
        }
        if (!open_.empty() && same(open_.back(), tag, original)) return close_top(content_end);
        // The end tag of a block closes the elements above it whose end tags are optional (a
        // table's end tags close any but a table): the same in a fragment, whose end closes what
        // is open. Past anything else, and for inline elements (a formatting element's end tag
        // runs the adoption agency), the parser's answer depends on more than the scan follows.
        const bool table_end = tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TD ||
                               tag == GUMBO_TAG_TH || tag == GUMBO_TAG_CAPTION || traits & kRowGroup;
        if (traits & kSpecial) {
            for (std::size_t k = open_.size(); k-- > 0;) {
                if (same(open_[k], tag, original)) {
                    close_down_to(k, false);
                    return close_top(content_end);
                }
                const bool passes = table_end ? open_[k].tag != GUMBO_TAG_TABLE : (open_[k].traits & kOptionalEnd) != 0;
                if (!passes) break;
            }
        }
        // A table's end tag for nothing the scan has open may close a row or row group the parser
        // made up (a cell straight in a table gets both), and the cell with it: what follows is
        // then read in the table's mode, which the scan no longer knows. No more candidates.
        if (table_end && !(traits & kCell)) lost_ = true;
        taint();
        // Follow the parser as far as can be told: an end tag for an element open further down
        // closes it and what is above; one for nothing open is dropped.
        for (std::size_t k = open_.size(); k-- > 0;) {
            if (same(open_[k], tag, original)) return close_down_to(k, true);
            if (open_[k].traits & kButtonScope) return;
        }
    }

private:
    std::string_view html_;
    std::size_t budget_, smallest_;
    std::vector<Open> open_;
    std::vector<std::size_t> child_starts_;  // of the open elements, each one's after its own
    bool body_seen_ = false;
    bool lost_ = false;              // the scan can no longer tell what the parser has open
    std::size_t tainted_below_ = 0;  // the open elements below this index are tainted
    std::size_t form_below_ = 0;     // ... and those below this one hold a form tag
    bool form_pointer_ = false;      // the parser's form element pointer is set
};

}  // namespace

int formatting_bit(GumboTag tag) {
    for (std::size_t k = 0; k < std::size(kFormattings); ++k)
        if (kFormattings[k] == tag) return static_cast<int>(k);
    return -1;
}

bool is_marker(GumboTag tag) { return traits_table()[tag] & kMarker; }

bool search_finds(Search search, GumboTag tag) {
    switch (search) {
        case kSearchItem: return tag == GUMBO_TAG_LI;
        case kSearchDefinition: return tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT;
        case kSearchP: return tag == GUMBO_TAG_P;
        case kSearchLink: return tag == GUMBO_TAG_A;
        case kSearchNobr: return tag == GUMBO_TAG_NOBR;
        case kSearchButton: return tag == GUMBO_TAG_BUTTON;
    }
    return false;
}

bool search_stops_at(Search search, GumboTag tag) {
    const unsigned traits = traits_table()[tag];
    switch (search) {
        case kSearchItem:
        case kSearchDefinition:  // any special element but <address>, <div> and <p>
            return traits & kSpecial && tag != GUMBO_TAG_ADDRESS && tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_P;
        case kSearchP: return traits & kButtonScope;
        case kSearchLink:  // the last marker on the list of formatting elements
        case kSearchNobr:
        case kSearchButton:  // "in scope": the button scope but for <button> itself
            return (traits & (kMarker | kButtonScope)) && tag != GUMBO_TAG_BUTTON;
    }
    return true;
}

PiecePlan plan_pieces(std::string_view html, std::size_t budget, std::size_t smallest) {
    Scan scan(html, budget, smallest);
    PiecePlan plan;
    if (!scan.run()) return plan;
    plan.nodes = scan.nodes + 1;
    plan.attributes = scan.attributes;
    plan.text_bytes = std::min(scan.text_bytes + html.size() / 32, html.size());
    std::vector<Scan::Found> found = std::move(scan.candidates);
    // An element closes after those inside it: sorted by where they begin, the outer come first.
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.cut.begin < b.cut.begin; });
    std::vector<Cut>& cuts = plan.cuts;  // kept sorted
    auto add = [&](Cut cut, std::size_t begin, std::size_t end) {
        if (end - begin < smallest) return;
        cut.begin = begin;
        cut.end = end;
        cuts.insert(std::upper_bound(cuts.begin(), cuts.end(), begin, [](std::size_t at, const Cut& c) { return at < c.begin; }),
                    cut);
        plan.cut_bytes += end - begin;
    };
    auto inside_a_cut = [&](std::size_t at) {
        auto after = std::upper_bound(cuts.begin(), cuts.end(), at, [](std::size_t a, const Cut& c) { return a < c.begin; });
        return after != cuts.begin() && at < std::prev(after)->end;
    };
    for (const Scan::Found& f : found) {
        const Cut& cut = f.cut;
        if (inside_a_cut(cut.begin)) continue;
        if (cut.end - cut.begin <= budget) {
            add(cut, cut.begin, cut.end);
            continue;
        }
        // Too large a piece: its children in runs of at most the budget. A child larger than
        // that stays in the skeleton, where the elements inside it may be cut in turn.
        std::size_t run = cut.begin, last = cut.begin;
        auto split_at = [&](std::size_t next) {
            if (next - run <= budget) return;
            if (last > run) add(cut, run, last);
            run = last;
            if (next - last > budget) run = next;  // one child over the budget
        };
        for (std::size_t start : f.child_starts) {
            split_at(start);
            last = start;
        }
        split_at(cut.end);
        if (cut.end > run) add(cut, run, cut.end);
    }
    return plan;
}

std::string make_skeleton(std::string_view html, const std::vector<Cut>& cuts) {
    std::string out;
    std::size_t removed = 0;
    for (const Cut& cut : cuts) removed += cut.end - cut.begin;
    out.reserve(html.size() - removed + cuts.size() * (kPieceAttribute.size() + 16));
    std::size_t from = 0;
    for (std::size_t k = 0; k < cuts.size(); ++k) {
        out.append(html.substr(from, cuts[k].begin - from));
        out += "<wbr ";
        out.append(kPieceAttribute);
        out += "=\"" + std::to_string(k) + "\">";
        from = cuts[k].end;
    }
    out.append(html.substr(from));
    return out;
}

}  // namespace webclean::parse::detail
