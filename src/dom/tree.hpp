// The document model every later stage shares: a flat, index-linked tree built from Gumbo's
// output (HTML and markdown) or from text lines. Text and attribute values are views into
// buffers the Tree owns, so no stage copies page text until it writes output, and the parser's
// own structures can go as soon as the tree is built.
#pragma once

#include <gumbo.h>

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace webclean::dom {

using NodeId = std::uint32_t;
inline constexpr NodeId none = UINT32_MAX;

using Tag = GumboTag;  // HTML tag names; GUMBO_TAG_UNKNOWN for custom elements

struct Attribute {
    std::string_view name;  // lower case
    std::string_view value;
};

// Packed to 40 bytes: a page has tens of thousands of them.
struct Node {
    NodeId parent = none;
    NodeId first_child = none;
    NodeId last_child = none;
    NodeId next_sibling = none;
    std::string_view text;  // text nodes only: raw text, whitespace as in the source
    std::uint32_t first_attribute = 0;
    Tag tag : 16 = GUMBO_TAG_UNKNOWN;
    bool is_text = false;
    std::uint8_t attribute_count = 0;  // the parser keeps at most kMaxAttributes
};
static_assert(sizeof(Node) <= 40);

class Tree {
public:
    static constexpr std::size_t kMaxAttributes = 255;  // an element's further attributes are dropped

    Tree();
    Tree(Tree&&) noexcept = default;
    Tree& operator=(Tree&&) noexcept = default;

    NodeId root() const { return 0; }  // the <html> element
    NodeId head() const { return head_; }
    NodeId body() const { return body_; }
    std::size_t size() const { return nodes_.size(); }
    const Node& operator[](NodeId id) const { return nodes_[id]; }

    // Value of an attribute (name in lower case); empty view when absent.
    std::string_view attribute(NodeId id, std::string_view name) const;
    bool has_attribute(NodeId id, std::string_view name) const;
    const Attribute* attributes_begin(NodeId id) const { return attributes_.data() + nodes_[id].first_attribute; }
    const Attribute* attributes_end(NodeId id) const { return attributes_begin(id) + nodes_[id].attribute_count; }

    // Building. Elements and text are appended as the last child of parent. Reserving room for
    // the nodes a page will have spares the copies (and their doubled memory) of growing;
    // text_bytes is what store() will be given in all.
    void reserve(std::size_t nodes, std::size_t attributes, std::size_t text_bytes = 0);
    NodeId add_element(NodeId parent, Tag tag);
    NodeId add_text(NodeId parent, std::string_view text);
    // Attributes are added right after their element, at most kMaxAttributes of them.
    void add_attribute(NodeId element, std::string_view name, std::string_view value);
    void set_head(NodeId id) { head_ = id; }
    void set_body(NodeId id) { body_ = id; }

    // Keeps a buffer alive as long as the tree (views point into it); returns a view of it.
    std::string_view keep(std::string buffer);
    // Copies text into storage the tree owns, packed end to end; returns a view of the copy.
    std::string_view store(std::string_view text);

    // Side data found while parsing that metadata wants: raw JSON-LD blobs.
    std::vector<std::string_view> json_ld;

private:
    std::vector<Node> nodes_;
    std::vector<Attribute> attributes_;
    std::deque<std::string> buffers_;  // deque: growing it never moves a kept string
    std::string* stored_ = nullptr;    // the buffer store() appends to, never past its capacity
    std::size_t store_reserved_ = 0;
    NodeId head_ = none;
    NodeId body_ = none;
};

// Pre-order walk without recursion: calls visit(id) for every node below (and including) start;
// visit returns false to skip the node's children.
template <class Visit>
void walk(const Tree& tree, NodeId start, Visit&& visit) {
    if (start == none) return;
    NodeId id = start;
    while (true) {
        bool descend = visit(id);
        const Node& node = tree[id];
        if (descend && node.first_child != none) {
            id = node.first_child;
            continue;
        }
        while (id != start && tree[id].next_sibling == none) id = tree[id].parent;
        if (id == start) return;
        id = tree[id].next_sibling;
    }
}

// Pre-order walk with a call on the way out too: enter(id) returns false to skip the children;
// leave(id) runs after the children (or right after enter when they were skipped).
template <class Enter, class Leave>
void walk(const Tree& tree, NodeId start, Enter&& enter, Leave&& leave) {
    if (start == none) return;
    NodeId id = start;
    while (true) {
        if (enter(id) && tree[id].first_child != none) {
            id = tree[id].first_child;
            continue;
        }
        leave(id);
        while (id != start && tree[id].next_sibling == none) {
            id = tree[id].parent;
            leave(id);
        }
        if (id == start) return;
        id = tree[id].next_sibling;
    }
}

// Elements that start a new line of text (custom elements included); everything else flows
// inline. The one list every stage that turns the tree into lines shares.
bool is_block_level(Tag tag);

// Tag name for any node ("#text" for text, the lower-case name for elements).
std::string_view tag_name(Tag tag);

}  // namespace webclean::dom
