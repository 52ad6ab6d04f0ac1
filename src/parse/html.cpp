#include <gumbo.h>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

#include "limits/deadline.hpp"
#include "parse/html.hpp"

namespace webclean::parse {
namespace {

// Gumbo allocates every node, attribute and string on its own, and frees some as it parses. A
// bump arena turns each allocation into a pointer increment and frees everything at once with
// the tree; what Gumbo frees early stays until then (about a sixth more on the bench pages), and
// small blocks cost no allocator header. Gumbo's structures hold pointers, sizes and chars:
// pointer alignment is enough. Chunks are large, so the kernel backs only the pages written.
class Arena {
public:
    explicit Arena(std::size_t first_chunk) : next_chunk_(std::max<std::size_t>(first_chunk, 64 * 1024)) {}

    void* allocate(std::size_t size) {
        size = (size + alignof(void*) - 1) & ~(alignof(void*) - 1);
        if (size > left_) {
            std::size_t chunk = std::max(size, next_chunk_);
            next_chunk_ = std::min<std::size_t>(next_chunk_ * 2, 16u << 20);
            chunks_.emplace_back(new std::byte[chunk]);
            free_ = chunks_.back().get();
            left_ = chunk;
        }
        void* p = free_;
        free_ += size;
        left_ -= size;
        return p;
    }

    static void* allocate(void* arena, std::size_t size) { return static_cast<Arena*>(arena)->allocate(size); }
    static void release(void*, void*) {}  // everything goes with the arena

private:
    std::vector<std::unique_ptr<std::byte[]>> chunks_;
    std::byte* free_ = nullptr;
    std::size_t left_ = 0;
    std::size_t next_chunk_;
};

void copy_attributes(const GumboElement& element, dom::NodeId id, dom::Tree& tree) {
    for (unsigned i = 0; i < element.attributes.length; ++i) {
        auto* attr = static_cast<const GumboAttribute*>(element.attributes.data[i]);
        tree.add_attribute(id, attr->name, attr->value);
    }
}

}  // namespace

ParseStatus parse_html(std::string_view utf8, std::size_t max_depth, std::size_t max_nodes, dom::Tree& out) {
    out = dom::Tree();
    PrescanResult scanned = prescan(utf8, max_depth);

    // Gumbo's output lives in the arena; text and attribute values are copied by Gumbo into it,
    // and the tree keeps the arena. The prescanned page itself is needed only while parsing.
    auto arena = std::make_shared<Arena>(scanned.html.size() * 2);
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = &Arena::allocate;
    options.deallocator = &Arena::release;
    options.userdata = arena.get();
    options.max_errors = 0;  // Gumbo's error list is quadratic on broken pages; we never read it
    const GumboOutput* output = gumbo_parse_with_options(&options, scanned.html.data(), scanned.html.size());
    out.keep_alive(arena);
    // About one text node per element, and a few attributes each: a guess, not a limit.
    out.reserve(std::min(2 * scanned.start_tags + 16, max_nodes), 2 * scanned.start_tags + 16);
    for (auto& blob : scanned.json_ld) out.json_ld.push_back(out.keep(std::move(blob)));

    const GumboNode* html = output->root;
    copy_attributes(html->v.element, out.root(), out);

    // Iterative pre-order copy: (gumbo node, our parent) pairs, children pushed in reverse.
    std::vector<std::pair<const GumboNode*, dom::NodeId>> stack;
    auto push_children = [&](const GumboNode* node, dom::NodeId parent) {
        const GumboVector& children = node->v.element.children;
        for (unsigned i = children.length; i-- > 0;)
            stack.emplace_back(static_cast<const GumboNode*>(children.data[i]), parent);
    };
    push_children(html, out.root());

    while (!stack.empty()) {
        auto [node, parent] = stack.back();
        stack.pop_back();
        limits::check_deadline();
        if (out.size() >= max_nodes) return ParseStatus::TooManyNodes;
        switch (node->type) {
            case GUMBO_NODE_ELEMENT:
            case GUMBO_NODE_TEMPLATE: {
                dom::NodeId id = out.add_element(parent, node->v.element.tag);
                copy_attributes(node->v.element, id, out);
                if (node->v.element.tag == GUMBO_TAG_HEAD && out.head() == dom::none) out.set_head(id);
                if (node->v.element.tag == GUMBO_TAG_BODY && out.body() == dom::none) out.set_body(id);
                push_children(node, id);
                break;
            }
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_WHITESPACE:
            case GUMBO_NODE_CDATA:
                out.add_text(parent, node->v.text.text);
                break;
            default:  // comments, the document node
                break;
        }
    }
    if (out.body() == dom::none) out.set_body(out.add_element(out.root(), GUMBO_TAG_BODY));
    if (out.head() == dom::none) out.set_head(out.add_element(out.root(), GUMBO_TAG_HEAD));
    return ParseStatus::Ok;
}

}  // namespace webclean::parse
