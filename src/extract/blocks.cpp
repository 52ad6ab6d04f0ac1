#include "extract/blocks.hpp"

#include "extract/lexicon.hpp"
#include "limits/deadline.hpp"
#include "text/ascii.hpp"
#include "text/utf8.hpp"

namespace webclean::content {
namespace {

bool is_skipped_tag(dom::Tag tag) {
    switch (tag) {
        case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
        case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
        case GUMBO_TAG_OPTION: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_DATALIST:
        case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_MAP: case GUMBO_TAG_MATH:
        case GUMBO_TAG_TITLE: case GUMBO_TAG_BASE: case GUMBO_TAG_META: case GUMBO_TAG_LINK:
            return true;
        default:
            return false;
    }
}

bool is_hidden(const dom::Tree& tree, dom::NodeId id) {
    if (tree.has_attribute(id, "hidden")) return true;
    if (text::iequals(tree.attribute(id, "aria-hidden"), "true")) return true;
    std::string_view style = tree.attribute(id, "style");
    if (style.empty()) return false;
    std::string compact;
    for (char c : style)
        if (!text::is_ascii_space(c)) compact.push_back(text::ascii_lower(c));
    return compact.find("display:none") != std::string::npos ||
           compact.find("visibility:hidden") != std::string::npos;
}

// A dialog over the page (consent notices, sign-in and newsletter pop-ups): skipped like hidden
// parts, since its prose (a consent notice runs to paragraphs) would otherwise pass for content.
bool is_overlay(const dom::Tree& tree, dom::NodeId id, NameWords class_words, NameWords id_words) {
    // <body> and <html> classes describe the page's state ("cookies-not-set"), not a box.
    if (tree[id].tag == GUMBO_TAG_BODY || tree[id].tag == GUMBO_TAG_HTML) return false;
    std::string_view role = tree.attribute(id, "role");
    if (role == "dialog" || role == "alertdialog") return true;
    return names_consent_box(class_words, id_words);
}

// Landmarks that hold page furniture rather than the article.
bool is_structural(const dom::Tree& tree, dom::NodeId id) {
    switch (tree[id].tag) {
        case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER:
        case GUMBO_TAG_MENU:
            return true;
        default:
            break;
    }
    std::string_view role = tree.attribute(id, "role");
    return role == "navigation" || role == "banner" || role == "contentinfo" || role == "complementary" ||
           role == "search" || role == "menu" || role == "menubar" || role == "dialog" || role == "alert";
}

// A table of data: at least two rows of two cells, no table inside, and header cells or short
// cells. Layout grids (a sidebar cell beside a content cell) fail the last test. The look stops
// after a bounded number of nodes so nested tables cannot make this quadratic.
bool is_data_table(const dom::Tree& tree, dom::NodeId table) {
    int rows = 0, max_cells = 0, cells = 0, row_cells = 0, visited = 0;
    std::size_t text_bytes = 0;
    bool header = false, nested = false, too_big = false;
    dom::walk(tree, table, [&](dom::NodeId id) {
        if (++visited > 20000) { too_big = true; return false; }
        const dom::Node& n = tree[id];
        if (n.is_text) { text_bytes += n.text.size(); return false; }
        switch (n.tag) {
            case GUMBO_TAG_TABLE:
                if (id != table) nested = true;
                break;
            case GUMBO_TAG_TR:
                ++rows;
                row_cells = 0;
                break;
            case GUMBO_TAG_TH: case GUMBO_TAG_THEAD: case GUMBO_TAG_CAPTION:
                header = true;
                [[fallthrough]];
            case GUMBO_TAG_TD:
                if (n.tag == GUMBO_TAG_TD || n.tag == GUMBO_TAG_TH) {
                    ++cells;
                    if (++row_cells > max_cells) max_cells = row_cells;
                }
                break;
            default:
                break;
        }
        return !nested;
    });
    if (nested || too_big || rows < 2 || max_cells < 2) return false;
    return header || text_bytes / std::max(cells, 1) <= 80;
}

// Whether an element holds at most `limit` bytes of text (the look stops past the limit).
bool short_text(const dom::Tree& tree, dom::NodeId element, std::size_t limit) {
    std::size_t bytes = 0;
    dom::walk(tree, element, [&](dom::NodeId id) {
        if (tree[id].is_text) bytes += text::trim(tree[id].text).size();
        return bytes <= limit;
    });
    return bytes <= limit;
}

// Component names run to two or three words; an id of four or more words joined by hyphens
// was spelled from a heading.
bool is_text_anchor(std::string_view id) {
    constexpr std::size_t anchor_words = 4;
    std::size_t words = 1;
    for (char c : id) words += c == '-';
    return words >= anchor_words;
}

bool is_heading_tag(dom::Tag tag) { return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6; }

// Lower-case ASCII words of a name or a heading ("5.1. More on Lists" -> 5, 1, more, on, lists).
std::vector<std::string> ascii_words(std::string_view text) {
    std::vector<std::string> words(1);
    for (char c : text) {
        if (text::is_ascii_alpha(c) || (c >= '0' && c <= '9')) words.back().push_back(text::ascii_lower(c));
        else if (!words.back().empty()) words.emplace_back();
    }
    if (words.back().empty()) words.pop_back();
    return words;
}

// Documentation generators give each section the id of its heading ("more-on-lists" over
// "5.1. More on Lists"): the id spells the heading, it names no box. True when the element's
// first child with content is a heading whose words end with the id's words.
bool id_spells_its_heading(const dom::Tree& tree, dom::NodeId id, std::string_view id_name) {
    // Skip blank text and empty anchors (<span id="old-name"></span>) before the heading.
    auto blank = [&](dom::NodeId n) {
        if (tree[n].is_text) return text::trim(tree[n].text).empty();
        return tree[n].first_child == dom::none;
    };
    dom::NodeId first = tree[id].first_child;
    while (first != dom::none && blank(first)) first = tree[first].next_sibling;
    if (first == dom::none || !is_heading_tag(tree[first].tag)) return false;
    std::vector<std::string> id_words = ascii_words(id_name);
    if (id_words.size() < 2) return false;
    std::string heading;
    dom::walk(tree, first, [&](dom::NodeId n) {
        if (tree[n].is_text) heading += std::string(tree[n].text) + " ";
        return heading.size() < 400;
    });
    std::vector<std::string> heading_words = ascii_words(heading);
    return heading_words.size() >= id_words.size() &&
           std::equal(id_words.rbegin(), id_words.rend(), heading_words.rbegin());
}

BlockKind kind_of(dom::Tag tag, int& level, int list_depth) {
    switch (tag) {
        case GUMBO_TAG_H1: level = 1; return BlockKind::Heading;
        case GUMBO_TAG_H2: level = 2; return BlockKind::Heading;
        case GUMBO_TAG_H3: level = 3; return BlockKind::Heading;
        case GUMBO_TAG_H4: level = 4; return BlockKind::Heading;
        case GUMBO_TAG_H5: level = 5; return BlockKind::Heading;
        case GUMBO_TAG_H6: level = 6; return BlockKind::Heading;
        case GUMBO_TAG_LI: level = list_depth; return BlockKind::ListItem;
        case GUMBO_TAG_BLOCKQUOTE: return BlockKind::Quote;
        case GUMBO_TAG_PRE: return BlockKind::Code;
        case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION: return BlockKind::Caption;
        case GUMBO_TAG_TR: return BlockKind::TableRow;
        default: level = 0; return BlockKind::Paragraph;
    }
}

// Accumulates the inline text of one block while the walk goes through it.
class BlockBuilder {
public:
    void append(std::string_view raw, bool in_link, bool preformatted) {
        std::size_t i = 0;
        while (i < raw.size()) {
            // Letters and digits of ASCII right after a character: they only add themselves.
            if (!pending_space_ && text::is_ascii_alnum(raw[i])) {
                std::size_t start = i;
                while (i < raw.size() && text::is_ascii_alnum(raw[i])) ++i;
                const auto run = static_cast<std::uint32_t>(i - start);
                current_.text.append(raw.substr(start, run));
                current_.chars += run;
                if (in_link) current_.link_chars += run;
                cjk_run_ = 0;
                last_ = char32_t(raw[i - 1]);
                continue;
            }
            char32_t c = text::next_code_point(raw, i);
            if (preformatted && (c == '\n' || c == '\t' || c == ' ')) {
                current_.text.push_back(char(c));  // code keeps its layout
                continue;
            }
            if (text::is_space(c)) {
                pending_space_ = true;
                pending_newline_ |= (c == '\n' || c == '\r');
                continue;
            }
            if (c < 0x20 || c == 0xFFFD || (c >= 0x7F && c < 0xA0)) continue;  // controls, junk
            bool cjk = text::is_cjk(c);
            if (pending_space_ && !current_.text.empty() && current_.text.back() != '\t') {  // a cell starts with its words
                // A line break between two CJK characters is layout, not a word gap.
                bool between_cjk = cjk && text::is_cjk(text::last_code_point(current_.text));
                bool joins_cjk = pending_newline_ && between_cjk;
                if (!joins_cjk) current_.text.push_back(' ');
                // Chinese has no word spaces: one between two clause-long runs of characters
                // stands for a comma in informal writing ("一來到美樹馬上眼睛為之一亮 也會深深地…");
                // menus space out words of two to four characters.
                gap_after_clause_ = between_cjk && !pending_newline_ && !in_link && cjk_run_ >= clause_chars;
                cjk_run_ = 0;
            }
            pending_space_ = pending_newline_ = false;
            text::append_utf8(current_.text, c);
            ++current_.chars;
            if (cjk) ++current_.cjk;
            if (in_link) ++current_.link_chars;
            if (text::is_clause_punct(c)) ++current_.punct;
            cjk_run_ = cjk && !text::is_clause_punct(c) ? cjk_run_ + 1 : 0;
            if (gap_after_clause_ && cjk_run_ >= clause_chars) {
                ++current_.punct;
                gap_after_clause_ = false;
            }
            last_ = c;
        }
    }
    void separate_cells() {
        if (!current_.text.empty()) current_.text.push_back('\t');
        pending_space_ = pending_newline_ = false;
    }
    void line_break_in_code() { current_.text.push_back('\n'); }
    void count_break() { ++breaks_; }

    // Ends the block: returns true and fills out when there was text.
    bool finish(dom::NodeId owner, BlockKind kind, int level, TextBlock& out) {
        pending_space_ = pending_newline_ = false;
        while (!current_.text.empty() && (current_.text.back() == ' ' || current_.text.back() == '\t' ||
                                          current_.text.back() == '\n'))
            current_.text.pop_back();
        bool has_text = current_.chars > 0;
        if (has_text) {
            current_.owner = owner;
            current_.kind = kind;
            current_.level = level;
            current_.sentence_end = text::ends_sentence(last_);
            current_.breaks_before = breaks_ > 255 ? 255 : std::uint8_t(breaks_);
            out = std::move(current_);
            breaks_ = 0;
        }
        current_ = TextBlock{};
        last_ = 0;
        cjk_run_ = 0;
        gap_after_clause_ = false;
        return has_text;
    }

private:
    TextBlock current_;
    bool pending_space_ = false, pending_newline_ = false;
    static constexpr unsigned clause_chars = 6;
    char32_t last_ = 0;
    unsigned cjk_run_ = 0;  // CJK characters since the last space or mark
    bool gap_after_clause_ = false;
    unsigned breaks_ = 0;
};

}  // namespace

Page collect_blocks(const dom::Tree& tree, const Options& options) {
    Page page;
    page.flags.assign(tree.size(), 0);
    page.subtree_end.resize(tree.size());
    for (std::size_t i = tree.size(); i-- > 0;) {
        dom::NodeId last = tree[dom::NodeId(i)].last_child;
        page.subtree_end[i] = last == dom::none ? dom::NodeId(i + 1) : page.subtree_end[last];
    }

    // Text bytes before each node in document order: a subtree's text is a difference of two.
    std::vector<std::size_t> text_before(tree.size() + 1, 0);
    for (std::size_t i = 0; i < tree.size(); ++i) {
        const dom::Node& node = tree[dom::NodeId(i)];
        text_before[i + 1] = text_before[i] + (node.is_text ? node.text.size() : 0);
    }
    // Some pages hide themselves whole until their scripts have run (a "visibility:hidden"
    // wrapper against a flash of unstyled content): what hides nearly all of the page hides
    // nothing. A hidden section, even a long one, is still hidden.
    auto hides_the_page = [&](dom::NodeId id) {
        std::size_t inside = text_before[page.subtree_end[id]] - text_before[id];
        return 10 * inside > 9 * text_before[tree.size()];
    };
    // React's streaming server rendering sends late parts of the page in <div hidden id="S:n">
    // and has a script move each one into its place: they are the page, not hidden furniture.
    // A pop-up that holds less than a fifth of the page's text sits over the page (a newsletter
    // offer, an exit-intent coupon); one that holds more is a story opened over its listing.
    auto is_small_popup = [&](dom::NodeId id, NameWords class_words, NameWords id_words) {
        // Inline "popup" links are glossary notes inside the prose; pop-ups are boxes.
        if (!dom::is_block_level(tree[id].tag) || tree[id].tag == GUMBO_TAG_BODY) return false;
        if (!names_popup_box(class_words, id_words)) return false;
        std::size_t inside = text_before[page.subtree_end[id]] - text_before[id];
        return 5 * inside < text_before[tree.size()];
    };
    // A tab panel hidden until its tab is chosen (the code sample in another language, the
    // other plan) is content the reader has one click away.
    auto is_closed_tab = [&](dom::NodeId id) { return tree.attribute(id, "role") == "tabpanel"; };
    auto is_streamed_segment = [&](dom::NodeId id) {
        std::string_view name = tree.attribute(id, "id");
        if (tree[id].tag != GUMBO_TAG_DIV || name.size() < 3 || name.substr(0, 2) != "S:") return false;
        return name.find_first_not_of("0123456789", 2) == std::string_view::npos;
    };

    struct Owner {
        dom::NodeId id;
        BlockKind kind;
        int level;
    };
    std::vector<Owner> owners{{tree.body(), BlockKind::Paragraph, 0}};
    BlockBuilder builder;
    int link_depth = 0, pre_depth = 0, list_depth = 0, table_row_depth = 0;
    auto flush = [&] {
        const Owner& o = owners.back();
        TextBlock block;
        if (builder.finish(o.id, o.kind, o.level, block)) page.blocks.push_back(std::move(block));
    };

    // Inside a data-table row a block's edges part words, as its cells' tabs do
    // ("<td><div>Flag</div><div>Coat of arms</div></td>").
    auto part_words_in_row = [&](dom::Tag tag) {
        if (dom::is_block_level(tag)) builder.append(" ", false, false);
    };
    auto enter = [&](dom::NodeId id) -> bool {
        limits::check_deadline();
        const dom::Node& node = tree[id];
        if (node.is_text) {
            if (node.parent == tree.body() && pre_depth == 0) {
                // Text lying bare in <body>, as in a scraper's mix of text lines and HTML
                // fragments: its line breaks are the only structure it has.
                std::string_view rest = node.text;
                for (std::size_t nl = rest.find('\n'); nl != std::string_view::npos; nl = rest.find('\n')) {
                    builder.append(rest.substr(0, nl), link_depth > 0, false);
                    flush();
                    rest.remove_prefix(nl + 1);
                }
                builder.append(rest, link_depth > 0, false);
            } else {
                builder.append(node.text, link_depth > 0, pre_depth > 0);
            }
            return false;
        }
        std::uint8_t& flags = page.flags[id];
        if (is_skipped_tag(node.tag)) {
            flags |= kSkip;
            return false;
        }
        const std::string_view class_attr = tree.attribute(id, "class"), id_attr = tree.attribute(id, "id");
        const NameWords class_words = read_name_words(class_attr), id_words = read_name_words(id_attr);
        if (((is_hidden(tree, id) || is_overlay(tree, id, class_words, id_words)) && !hides_the_page(id) &&
             !is_streamed_segment(id) && !is_closed_tab(id)) ||
            is_small_popup(id, class_words, id_words)) {
            flags |= kSkip;
            return false;
        }
        if (is_structural(tree, id)) flags |= kStructural;
        // A heading's id is an anchor spelled from its own words ("travel-related-coverage"),
        // not the name of a box; so is a section's id that runs to a phrase
        // ("sharing-with-a-single-developer").
        const bool id_names_no_box = is_heading_tag(node.tag) || is_text_anchor(id_attr) ||
                                     (!id_attr.empty() && id_spells_its_heading(tree, id, id_attr));
        switch (id_names_no_box ? classify_names(class_attr, class_words, {}, {})
                                : classify_names(class_attr, class_words, id_attr, id_words)) {
            case NameSignal::Boilerplate:
                // <article> and <main> say what they hold more reliably than their class names.
                if (node.tag != GUMBO_TAG_ARTICLE && node.tag != GUMBO_TAG_MAIN && node.tag != GUMBO_TAG_BODY)
                    flags |= kNamedFurniture;
                break;
            case NameSignal::Comments: flags |= kComments; break;
            case NameSignal::Content: flags |= kNamedContent; break;
            case NameSignal::None: break;
        }
        if (node.tag == GUMBO_TAG_TABLE && is_data_table(tree, id)) {
            if (!options.include_tables) {
                flags |= kSkip;
                return false;
            }
            flags |= kDataTable;
        }

        if (node.tag == GUMBO_TAG_A) ++link_depth;
        if (node.tag == GUMBO_TAG_BR || node.tag == GUMBO_TAG_HR) {
            if (pre_depth > 0) builder.line_break_in_code();
            else if (table_row_depth > 0) builder.append(" ", false, false);
            else {
                flush();
                builder.count_break();
            }
            return false;
        }
        if (table_row_depth > 0) {  // inside a data-table row everything is one line of cells
            if (node.tag == GUMBO_TAG_TD || node.tag == GUMBO_TAG_TH) builder.separate_cells();
            else part_words_in_row(node.tag);
            return true;
        }
        if (node.tag == GUMBO_TAG_IMG) return false;
        if (!dom::is_block_level(node.tag)) {
            // Short furniture inside a line ("¶" anchors, share icons, ad labels) goes with its
            // element; longer inline text and block-level furniture are judged later.
            if (flags & (kNamedFurniture | kStructural) && short_text(tree, id, 24)) {
                if (node.tag == GUMBO_TAG_A && link_depth > 0) --link_depth;
                flags |= kSkip;
                return false;
            }
            return true;
        }

        flush();
        if (node.tag == GUMBO_TAG_UL || node.tag == GUMBO_TAG_OL) ++list_depth;
        if (node.tag == GUMBO_TAG_PRE) ++pre_depth;
        bool data_row = node.tag == GUMBO_TAG_TR && node.parent != dom::none &&
                        (page.flags[node.parent] & kDataTable ||
                         (tree[node.parent].parent != dom::none && page.flags[tree[node.parent].parent] & kDataTable));
        if (data_row) ++table_row_depth;
        int level = 0;
        BlockKind kind = kind_of(node.tag, level, list_depth);
        if (kind == BlockKind::TableRow && !data_row) kind = BlockKind::Paragraph;
        // Themes write image captions as classed paragraphs ("wp-caption-text").
        if (kind == BlockKind::Paragraph && text::to_lower(tree.attribute(id, "class")).find("caption") != std::string::npos)
            kind = BlockKind::Caption;
        // Text directly in a list item or heading keeps that kind; a plain <div>/<td> inherits
        // nothing, so a paragraph inside a list item stays a list item only if it is the item.
        owners.push_back({id, kind, level});
        return true;
    };
    auto leave = [&](dom::NodeId id) {
        const dom::Node& node = tree[id];
        if (node.is_text || page.flags[id] & kSkip) return;
        if (node.tag == GUMBO_TAG_A && link_depth > 0) --link_depth;
        if (node.tag == GUMBO_TAG_BR || node.tag == GUMBO_TAG_HR) return;
        if (table_row_depth > 0 && !(node.tag == GUMBO_TAG_TR && owners.back().id == id)) {
            if (node.tag != GUMBO_TAG_TD && node.tag != GUMBO_TAG_TH) part_words_in_row(node.tag);
            return;
        }
        if (!dom::is_block_level(node.tag) || owners.back().id != id) return;
        flush();
        owners.pop_back();
        if (node.tag == GUMBO_TAG_UL || node.tag == GUMBO_TAG_OL) --list_depth;
        if (node.tag == GUMBO_TAG_PRE) --pre_depth;
        if (node.tag == GUMBO_TAG_TR && table_row_depth > 0) --table_row_depth;
    };
    dom::walk(tree, tree.body(), enter, leave);
    flush();
    return page;
}

}  // namespace webclean::content
