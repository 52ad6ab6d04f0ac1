#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "decode/decode.hpp"
#include "limits/deadline.hpp"
#include "parse/arena.hpp"
#include "parse/pieces.hpp"
#include "parse/html.hpp"

namespace webclean::parse {
namespace {

// What Gumbo needs comes to about 2.5 KiB plus six to ten bytes per byte it parses: the arena's
// first plain region holds a small page's least, later ones the rest.
std::size_t arena_plain_bytes(std::size_t html_bytes) { return std::min<std::size_t>(5 * html_bytes + 2048, 48 * 1024); }

const GumboVector& children_of(const GumboNode* node) { return node->v.element.children; }
bool has_children(const GumboNode* node) {
    return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}
bool becomes_text(const GumboNode* node) {
    return node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA;
}

// What the copy of a Gumbo tree will hold, so the dom::Tree is sized once: nodes, attributes
// and, from their lengths in the source, about the bytes of text and attribute names and values.
struct Census {
    std::size_t nodes = 1, attributes = 0, bytes = 0;
};

Census take_census(const GumboNode* html) {
    Census census;
    std::vector<const GumboNode*> stack{html};
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        if (becomes_text(node)) {
            ++census.nodes;
            census.bytes += node->v.text.original_text.length;
        } else if (has_children(node)) {
            ++census.nodes;
            const GumboVector& attributes = node->v.element.attributes;
            census.attributes += attributes.length;
            for (unsigned i = 0; i < attributes.length; ++i) {
                auto* attr = static_cast<const GumboAttribute*>(attributes.data[i]);
                census.bytes += attr->original_name.length + attr->original_value.length;
            }
            const GumboVector& children = children_of(node);
            for (unsigned i = 0; i < children.length; ++i) stack.push_back(static_cast<const GumboNode*>(children.data[i]));
        }
    }
    return census;
}

// Gumbo 0.10 decodes a numeric character reference past 32 bits ("&#x090151de2;") into a stray
// byte, though its input is valid UTF-8 (decode made it so): what it hands over is checked and
// repaired on its way into the tree, and out of decode_references. (Gumbo's original_text
// cannot tell which text held a reference: the prescanned page it points into is gone by now.)
std::string_view store_utf8(dom::Tree& tree, std::string_view decoded) {
    if (decode::is_utf8(decoded)) return tree.store(decoded);
    return tree.store(decode::repair_utf8(decoded));
}

// Whether Gumbo read the element's content as text, where no <br> was written as kLineBreakMark.
bool reads_raw_text(const GumboNode* element) {
    if (!element || element->type != GUMBO_NODE_ELEMENT) return false;
    switch (element->v.element.tag) {
        case GUMBO_TAG_TITLE: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_XMP: case GUMBO_TAG_NOEMBED:
        case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_STYLE: case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_IFRAME: return true;
        default: return false;
    }
}

// A text node's text, with a <br> element for each kLineBreakMark in it.
void add_text_and_line_breaks(dom::Tree& tree, dom::NodeId parent, std::string_view text) {
    for (std::size_t mark = text.find(kLineBreakMark); mark != std::string_view::npos; mark = text.find(kLineBreakMark)) {
        if (mark > 0) tree.add_text(parent, store_utf8(tree, text.substr(0, mark)));
        tree.add_element(parent, GUMBO_TAG_BR);
        text.remove_prefix(mark + kLineBreakMark.size());
    }
    if (!text.empty()) tree.add_text(parent, store_utf8(tree, text));
}

void copy_attributes(const GumboElement& element, dom::NodeId id, dom::Tree& tree) {
    for (unsigned i = 0; i < element.attributes.length; ++i) {
        auto* attr = static_cast<const GumboAttribute*>(element.attributes.data[i]);
        if (detail::kPieceAttribute == attr->name) continue;
        tree.add_attribute(id, tree.store(attr->name), store_utf8(tree, attr->value));
    }
}

enum class CopyStatus { Ok, TooManyNodes, Refused };

// The skeleton's stand-in for a piece: a <wbr> with the mark (a void element, so it holds nothing).
bool is_piece_place(const GumboNode* node) {
    return node->v.element.tag == GUMBO_TAG_WBR &&
           gumbo_get_attribute(&node->v.element.attributes, detail::kPieceAttribute.data()) != nullptr;
}

// Copies the nodes below a Gumbo element under parent in out, in pre-order: elements,
// attributes and text; comments go. A piece's stand-in is handed to fill(our parent node),
// which puts the piece's nodes there, and returns the status of doing so.
template <class Fill>
CopyStatus copy_children(const GumboNode* from, dom::NodeId parent, std::size_t max_nodes, dom::Tree& out, Fill&& fill) {
    // Iterative: (gumbo node, our parent) pairs, children pushed in reverse.
    std::vector<std::pair<const GumboNode*, dom::NodeId>> stack;
    auto push_children = [&](const GumboNode* node, dom::NodeId to) {
        const GumboVector& children = children_of(node);
        for (unsigned i = children.length; i-- > 0;)
            stack.emplace_back(static_cast<const GumboNode*>(children.data[i]), to);
    };
    push_children(from, parent);
    while (!stack.empty()) {
        auto [node, to] = stack.back();
        stack.pop_back();
        limits::check_deadline();
        if (out.size() >= max_nodes) return CopyStatus::TooManyNodes;
        if (has_children(node)) {
            if (is_piece_place(node)) {
                if (CopyStatus status = fill(to); status != CopyStatus::Ok) return status;
                continue;
            }
            dom::NodeId id = out.add_element(to, node->v.element.tag);
            copy_attributes(node->v.element, id, out);
            if (node->v.element.tag == GUMBO_TAG_HEAD && out.head() == dom::none) out.set_head(id);
            if (node->v.element.tag == GUMBO_TAG_BODY && out.body() == dom::none) out.set_body(id);
            push_children(node, id);
        } else if (becomes_text(node)) {
            if (reads_raw_text(node->parent)) out.add_text(to, store_utf8(out, node->v.text.text));
            else add_text_and_line_breaks(out, to, node->v.text.text);
        }  // else a comment
    }
    return CopyStatus::Ok;
}

void add_missing_head_and_body(dom::Tree& out) {
    if (out.body() == dom::none) out.set_body(out.add_element(out.root(), GUMBO_TAG_BODY));
    if (out.head() == dom::none) out.set_head(out.add_element(out.root(), GUMBO_TAG_HEAD));
}

const GumboOutput* gumbo_parse_in(Arena& arena, std::string_view html, GumboTag fragment_context = GUMBO_TAG_LAST) {
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = &Arena::gumbo_allocate;
    options.deallocator = &Arena::gumbo_release;
    options.userdata = &arena;
    options.max_errors = 0;  // Gumbo's error list is quadratic on broken pages; we never read it
    options.fragment_context = fragment_context;
    options.fragment_namespace = GUMBO_NAMESPACE_HTML;
    return gumbo_parse_with_options(&options, html.data(), html.size());
}

// Copies Gumbo's tree below <html> into out.
ParseStatus copy_tree(const GumboNode* html, std::size_t line_breaks, std::size_t max_nodes, dom::Tree& out) {
    Census census = take_census(html);
    census.nodes += 2 * line_breaks;  // a <br> and the text after it
    out.reserve(std::min(census.nodes + 2, max_nodes), census.attributes, census.bytes);
    copy_attributes(html->v.element, out.root(), out);
    auto no_pieces = [](dom::NodeId) { return CopyStatus::Refused; };
    if (copy_children(html, out.root(), max_nodes, out, no_pieces) == CopyStatus::TooManyNodes)
        return ParseStatus::TooManyNodes;
    add_missing_head_and_body(out);
    return ParseStatus::Ok;
}

// Whether Gumbo's tree for a page, with ours beside it, would come near the memory bound of ten
// times the page: Gumbo needs about 2.4 bytes a byte plus some 300 a tag (fitted over the bench
// pages), ours about 3 a byte; pages where Gumbo's estimate passes 5.6 bytes a byte go in pieces.
bool worth_pieces(const PrescanResult& scanned) {
    constexpr std::size_t kMinimum = 4096;  // below it, Gumbo's fixed needs outweigh the tree
    const std::size_t bytes = scanned.html.size();
    return bytes >= kMinimum && 12 * bytes + 1500 * scanned.start_tags > 28 * bytes;
}

// Whether no formatting start tag inside the cut can drop an entry of the list of formatting
// elements from outside it (see detail::formatting_bit): fewer than three of its kind open
// around the element back to the last marker, counting those the content nests.
bool noahs_ark_stays_inside(const GumboNode* element, const detail::Cut& cut) {
    std::array<unsigned, 16> outside{};
    for (const GumboNode* up = element->parent; up && up->type == GUMBO_NODE_ELEMENT; up = up->parent) {
        if (detail::is_marker(up->v.element.tag)) break;
        if (int bit = detail::formatting_bit(up->v.element.tag); bit >= 0) ++outside[static_cast<std::size_t>(bit)];
    }
    for (std::size_t bit = 0; bit < outside.size(); ++bit)
        if (cut.formatting_started & (1u << bit) && outside[bit] + cut.formatting_nested >= 3) return false;
    return true;
}

// Whether Gumbo put the skeleton's stand-in for a cut where a fragment parse of the cut content
// builds what the whole page's parse would: straight in the element the content was cut from
// (a formatting element left open earlier would have come back around it; an unclosed <p>
// would hold it), that element under <body> or in a table cell, with no ancestor on the way
// that reads its content in a mode of its own (a select, table, template or ruby); and none
// that a search from inside the content (see detail::Search) would find.
bool piece_in_place(const GumboNode* place, const detail::Cut& cut) {
    const GumboNode* node = place->parent;
    if (!node || node->type != GUMBO_NODE_ELEMENT) return false;
    const GumboElement& element = node->v.element;
    if (element.tag != cut.tag || element.tag_namespace != GUMBO_NAMESPACE_HTML) return false;
    if (element.tag == GUMBO_TAG_BODY)
        return node->parent && node->parent->type == GUMBO_NODE_ELEMENT && node->parent->v.element.tag == GUMBO_TAG_HTML;
    // A cell's content is read the same in any row: every search from inside stops at the cell.
    if (element.tag == GUMBO_TAG_TD || element.tag == GUMBO_TAG_TH)
        return node->parent && node->parent->type == GUMBO_NODE_ELEMENT && node->parent->v.element.tag == GUMBO_TAG_TR;
    if (cut.formatting_started && !noahs_ark_stays_inside(node, cut)) return false;
    unsigned searching = cut.searches;
    for (const GumboNode* up = node->parent; up && up->type == GUMBO_NODE_ELEMENT; up = up->parent) {
        const GumboElement& e = up->v.element;
        if (e.tag_namespace != GUMBO_NAMESPACE_HTML) return false;
        for (unsigned bit = 1; bit <= detail::kSearchButton; bit <<= 1) {
            if (!(searching & bit)) continue;
            const auto search = static_cast<detail::Search>(bit);
            if (detail::search_finds(search, e.tag)) return false;
            // A form in the tree may no longer be open: a </form> with elements open inside takes
            // the form alone off the stack, and the searches go past where it was. Taking them past
            // any form only refuses more cuts.
            if (detail::search_stops_at(search, e.tag) && e.tag != GUMBO_TAG_FORM) searching &= ~bit;
        }
        switch (e.tag) {
            case GUMBO_TAG_BODY: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION:
                return true;  // nothing any search looks for lies past these
            case GUMBO_TAG_SELECT: case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_TABLE:
            case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
            case GUMBO_TAG_COLGROUP: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD: case GUMBO_TAG_HTML:
            case GUMBO_TAG_RUBY: case GUMBO_TAG_RB: case GUMBO_TAG_RT: case GUMBO_TAG_RP: case GUMBO_TAG_RTC:
                return false;
            default: break;
        }
    }
    return false;
}

// The skeleton's first stand-in that Gumbo did not put where its piece can be parsed apart (the
// index of its cut); cuts.size() when all are in place; kLostPieces when one is missing or out
// of order (a <wbr> the tree builder dropped), which leaves no cut to trust.
constexpr std::size_t kLostPieces = SIZE_MAX;
std::size_t first_misplaced_piece(const GumboNode* root, const std::vector<detail::Cut>& cuts) {
    std::size_t next = 0;
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        if (!has_children(node)) continue;
        if (is_piece_place(node)) {
            const GumboAttribute* mark = gumbo_get_attribute(&node->v.element.attributes, detail::kPieceAttribute.data());
            if (next >= cuts.size() || std::string_view(mark->value) != std::to_string(next)) return kLostPieces;
            if (!piece_in_place(node, cuts[next])) return next;
            ++next;
            continue;
        }
        const GumboVector& children = children_of(node);
        for (unsigned i = children.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(children.data[i]));
    }
    return next == cuts.size() ? cuts.size() : kLostPieces;
}

// Parses the page as a skeleton and pieces (see pieces.hpp). A cut the skeleton refuses stays in
// it, which is parsed again (an element inside a link, a formatting element left open before
// it): a few times, then nothing is returned and the page is left for a whole parse. Once the
// skeleton is right, the page goes but for the pieces' contents.
std::optional<ParseStatus> parse_pieces(std::string& html, detail::PiecePlan plan, std::size_t max_nodes, dom::Tree& out,
                                        detail::PieceReport* report) {
    std::vector<detail::Cut>& cuts = plan.cuts;
    constexpr int kAttempts = 4;
    for (int attempt = 0; attempt < kAttempts && !cuts.empty(); ++attempt) {
        std::string text = detail::make_skeleton(html, cuts);
        Arena arena(arena_plain_bytes(text.size()));
        const GumboOutput* skeleton = gumbo_parse_in(arena, text);
        const std::size_t skeleton_bytes = text.size();
        std::string().swap(text);
        const std::size_t misplaced = first_misplaced_piece(skeleton->root, cuts);
        if (misplaced == kLostPieces) break;
        if (misplaced < cuts.size()) {
            cuts.erase(cuts.begin() + static_cast<std::ptrdiff_t>(misplaced));
            continue;
        }
        std::string contents;
        contents.reserve(plan.cut_bytes);
        for (detail::Cut& cut : cuts) {
            const std::size_t at = contents.size();
            contents.append(html, cut.begin, cut.end - cut.begin);
            cut.end = at + (cut.end - cut.begin);
            cut.begin = at;
        }
        std::string().swap(html);
        if (report) *report = {cuts.size() + 1, skeleton_bytes, false};

        // The nodes and attributes the plan counted, with room for what the parser adds (<tbody>...).
        out.reserve(std::min(plan.nodes + plan.nodes / 16 + 16, max_nodes), plan.attributes + plan.attributes / 16 + 4,
                    plan.text_bytes);
        std::size_t next = 0;
        auto fill = [&](dom::NodeId id) {
            const detail::Cut& cut = cuts[next++];
            std::string_view content(contents.data() + cut.begin, cut.end - cut.begin);
            if (report) report->largest = std::max(report->largest, content.size());
            Arena piece_arena(arena_plain_bytes(content.size()));
            const GumboOutput* piece = gumbo_parse_in(piece_arena, content, cut.tag);
            auto no_pieces = [](dom::NodeId) { return CopyStatus::Refused; };
            return copy_children(piece->root, id, max_nodes, out, no_pieces);
        };
        copy_attributes(skeleton->root->v.element, out.root(), out);
        if (copy_children(skeleton->root, out.root(), max_nodes, out, fill) == CopyStatus::TooManyNodes)
            return ParseStatus::TooManyNodes;
        add_missing_head_and_body(out);
        return ParseStatus::Ok;
    }
    if (report) report->refused = true;
    return std::nullopt;
}

// A piece's budget: an eighth of the page, so that Gumbo's trees held at once (the skeleton's
// and one piece's) stay well under what the whole page's would need; past that, the skeleton's
// leftovers (what cannot be cut) matter more than the size of the pieces. On small pages no less
// than 1.5 KB: Gumbo's fixed needs for each parse (some 10 KB) would outweigh what a smaller
// piece spares.
std::size_t piece_budget(const PrescanResult& scanned) {
    return worth_pieces(scanned) ? std::max<std::size_t>(scanned.html.size() / 8, 1536) : 0;
}
// Smaller pieces spare too little to pay for one more parser start.
std::size_t smallest_piece(std::size_t budget) { return std::max<std::size_t>(budget / 32, 64); }

// Parses what the prescan kept: Gumbo copies what it keeps of the prescanned page, which goes once
// Gumbo is done, and Gumbo's tree goes once ours is copied from it, so that peak memory is the
// largest of the phases, not their sum. With a budget, the page goes through Gumbo in pieces of
// about that many bytes where it can (see pieces.hpp): when the pieces it can be cut into hold
// a good share of it (else the skeleton's tree is nearly the whole page's, and the pieces' contents
// held beside it cost more than they spare).
ParseStatus parse_prescanned(PrescanResult scanned, std::size_t max_nodes, std::size_t budget, std::size_t smallest,
                             bool any_share, dom::Tree& out, detail::PieceReport* report) {
    std::optional<ParseStatus> status;
    if (budget > 0) {
        detail::PiecePlan plan = detail::plan_pieces(scanned.html, budget, smallest);
        plan.nodes += 2 * scanned.line_breaks;  // a <br> and the text after it
        if (any_share || plan.cut_bytes * 5 >= scanned.html.size() * 2)
            status = parse_pieces(scanned.html, std::move(plan), max_nodes, out, report);
        if (!status) out = dom::Tree();
    }
    if (!status) {
        if (report) report->pieces = 1, report->largest = scanned.html.size();
        Arena arena(arena_plain_bytes(scanned.html.size()));
        const GumboOutput* output = gumbo_parse_in(arena, scanned.html);
        std::string().swap(scanned.html);
        status = copy_tree(output->root, scanned.line_breaks, max_nodes, out);
    }
    for (auto& blob : scanned.json_ld) out.json_ld.push_back(out.keep(std::move(blob)));
    return *status;
}

}  // namespace

std::string decode_references(std::string_view text) {
    if (text.find('&') == std::string_view::npos) return std::string(text);
    std::string markup = "<title>";
    markup.append(text);
    markup += "</title>";
    auto destroy = [](GumboOutput* output) { gumbo_destroy_output(&kGumboDefaultOptions, output); };
    std::unique_ptr<GumboOutput, decltype(destroy)> output(
        gumbo_parse_with_options(&kGumboDefaultOptions, markup.data(), markup.size()), destroy);
    std::string decoded;
    auto find_title = [&](auto&& self, const GumboNode* node) -> void {
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
        const GumboVector& children =
            node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
        const bool title = node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_TITLE;
        for (unsigned k = 0; k < children.length; ++k) {
            const auto* child = static_cast<const GumboNode*>(children.data[k]);
            if (title && child->type == GUMBO_NODE_TEXT) decoded += child->v.text.text;
            else self(self, child);
        }
    };
    find_title(find_title, output->root);
    // The same stray byte as in the tree's text (store_utf8 above).
    return decode::is_utf8(decoded) ? decoded : decode::repair_utf8(decoded);
}

ParseStatus parse_html(std::string_view utf8, std::size_t max_depth, std::size_t max_nodes, dom::Tree& out) {
    out = dom::Tree();
    PrescanResult scanned = prescan(utf8, max_depth);
    const std::size_t budget = piece_budget(scanned);
    return parse_prescanned(std::move(scanned), max_nodes, budget, smallest_piece(budget), false, out, nullptr);
}

ParseStatus detail::parse_html_in_pieces(std::string_view utf8, std::size_t max_depth, std::size_t max_nodes,
                                         std::size_t budget, dom::Tree& out, PieceReport* report) {
    out = dom::Tree();
    return parse_prescanned(prescan(utf8, max_depth), max_nodes, budget, 1, true, out, report);
}

ParseStatus parse_html(std::string&& utf8, std::size_t max_depth, std::size_t max_nodes, dom::Tree& out) {
    out = dom::Tree();
    PrescanResult scanned = prescan(utf8, max_depth);
    std::string().swap(utf8);
    const std::size_t budget = piece_budget(scanned);
    return parse_prescanned(std::move(scanned), max_nodes, budget, smallest_piece(budget), false, out, nullptr);
}

}  // namespace webclean::parse
