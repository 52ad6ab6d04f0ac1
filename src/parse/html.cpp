#include <gumbo.h>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

#include "decode/decode.hpp"
#include "limits/deadline.hpp"
#include "parse/arena.hpp"
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

void copy_attributes(const GumboElement& element, dom::NodeId id, dom::Tree& tree) {
    for (unsigned i = 0; i < element.attributes.length; ++i) {
        auto* attr = static_cast<const GumboAttribute*>(element.attributes.data[i]);
        tree.add_attribute(id, tree.store(attr->name), store_utf8(tree, attr->value));
    }
}

// Copies Gumbo's tree below <html> into out: elements, attributes and text; comments go.
ParseStatus copy_tree(const GumboNode* html, std::size_t max_nodes, dom::Tree& out) {
    Census census = take_census(html);
    out.reserve(std::min(census.nodes + 2, max_nodes), census.attributes, census.bytes);
    copy_attributes(html->v.element, out.root(), out);

    // Iterative pre-order copy: (gumbo node, our parent) pairs, children pushed in reverse.
    std::vector<std::pair<const GumboNode*, dom::NodeId>> stack;
    auto push_children = [&](const GumboNode* node, dom::NodeId parent) {
        const GumboVector& children = children_of(node);
        for (unsigned i = children.length; i-- > 0;)
            stack.emplace_back(static_cast<const GumboNode*>(children.data[i]), parent);
    };
    push_children(html, out.root());

    while (!stack.empty()) {
        auto [node, parent] = stack.back();
        stack.pop_back();
        limits::check_deadline();
        if (out.size() >= max_nodes) return ParseStatus::TooManyNodes;
        if (has_children(node)) {
            dom::NodeId id = out.add_element(parent, node->v.element.tag);
            copy_attributes(node->v.element, id, out);
            if (node->v.element.tag == GUMBO_TAG_HEAD && out.head() == dom::none) out.set_head(id);
            if (node->v.element.tag == GUMBO_TAG_BODY && out.body() == dom::none) out.set_body(id);
            push_children(node, id);
        } else if (becomes_text(node)) {
            out.add_text(parent, store_utf8(out, node->v.text.text));
        }  // else a comment
    }
    if (out.body() == dom::none) out.set_body(out.add_element(out.root(), GUMBO_TAG_BODY));
    if (out.head() == dom::none) out.set_head(out.add_element(out.root(), GUMBO_TAG_HEAD));
    return ParseStatus::Ok;
}

// Parses what the prescan kept: Gumbo copies what it keeps of the prescanned page, which goes once
// Gumbo is done, and Gumbo's tree goes once ours is copied from it, so that peak memory is the
// largest of the phases, not their sum.
ParseStatus parse_prescanned(PrescanResult scanned, std::size_t max_nodes, dom::Tree& out) {
    for (auto& blob : scanned.json_ld) out.json_ld.push_back(out.keep(std::move(blob)));
    Arena arena(arena_plain_bytes(scanned.html.size()));
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = &Arena::gumbo_allocate;
    options.deallocator = &Arena::gumbo_release;
    options.userdata = &arena;
    options.max_errors = 0;  // Gumbo's error list is quadratic on broken pages; we never read it
    const GumboOutput* output = gumbo_parse_with_options(&options, scanned.html.data(), scanned.html.size());
    std::string().swap(scanned.html);
    return copy_tree(output->root, max_nodes, out);
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
    return parse_prescanned(prescan(utf8, max_depth), max_nodes, out);
}

ParseStatus parse_html(std::string&& utf8, std::size_t max_depth, std::size_t max_nodes, dom::Tree& out) {
    out = dom::Tree();
    PrescanResult scanned = prescan(utf8, max_depth);
    std::string().swap(utf8);
    return parse_prescanned(std::move(scanned), max_nodes, out);
}

}  // namespace webclean::parse
