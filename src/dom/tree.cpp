#include "dom/tree.hpp"

#include <algorithm>
#include <utility>

namespace webclean::dom {

Tree::Tree() {
    Node html;
    html.tag = GUMBO_TAG_HTML;
    nodes_.push_back(html);
}

void Tree::reserve(std::size_t nodes, std::size_t attributes, std::size_t text_bytes) {
    nodes_.reserve(nodes);
    attributes_.reserve(attributes);
    store_reserved_ = text_bytes;
}

std::string_view Tree::attribute(NodeId id, std::string_view name) const {
    for (auto* a = attributes_begin(id), *end = attributes_end(id); a != end; ++a)
        if (a->name == name) return a->value;
    return {};
}

bool Tree::has_attribute(NodeId id, std::string_view name) const {
    for (auto* a = attributes_begin(id), *end = attributes_end(id); a != end; ++a)
        if (a->name == name) return true;
    return false;
}

static NodeId append(std::vector<Node>& nodes, NodeId parent, Node node) {
    auto id = static_cast<NodeId>(nodes.size());
    node.parent = parent;
    nodes.push_back(node);
    Node& p = nodes[parent];
    if (p.last_child == none)
        p.first_child = id;
    else
        nodes[p.last_child].next_sibling = id;
    p.last_child = id;
    return id;
}

NodeId Tree::add_element(NodeId parent, Tag tag) {
    Node node;
    node.tag = tag;
    node.first_attribute = static_cast<std::uint32_t>(attributes_.size());
    return append(nodes_, parent, node);
}

NodeId Tree::add_text(NodeId parent, std::string_view text) {
    Node node;
    node.is_text = true;
    node.text = text;
    return append(nodes_, parent, node);
}

// Attributes must be added right after their element, before the next element is added.
void Tree::add_attribute(NodeId element, std::string_view name, std::string_view value) {
    if (nodes_[element].attribute_count == kMaxAttributes) return;
    attributes_.push_back({name, value});
    ++nodes_[element].attribute_count;
}

std::string_view Tree::keep(std::string buffer) {
    buffers_.push_back(std::move(buffer));
    return buffers_.back();
}

std::string_view Tree::store(std::string_view text) {
    if (text.empty()) return {};
    if (!stored_ || stored_->capacity() - stored_->size() < text.size()) {
        // A buffer never grows (the views into it would move): a full one is followed by the next.
        stored_ = &buffers_.emplace_back();
        stored_->reserve(std::max({text.size(), std::exchange(store_reserved_, 0), std::size_t(256)}));
    }
    std::size_t at = stored_->size();
    stored_->append(text);
    return std::string_view(*stored_).substr(at);
}

bool is_block_level(Tag tag) {
    switch (tag) {
        case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
        case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
        case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
        case GUMBO_TAG_HR: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV:
        case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
        case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
        case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_UL: case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_SUMMARY: case GUMBO_TAG_UNKNOWN: case GUMBO_TAG_HTML:
            return true;
        default:
            return false;
    }
}

std::string_view tag_name(Tag tag) {
    if (tag == GUMBO_TAG_UNKNOWN) return "unknown";
    return gumbo_normalized_tagname(tag);
}

}  // namespace webclean::dom
