#include <gumbo.h>

#include <memory>
#include <utility>
#include <vector>

#include "limits/deadline.hpp"
#include "parse/html.hpp"

namespace webclean::parse {
namespace {

struct GumboDeleter {
    void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
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

    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // Gumbo's error list is quadratic on broken pages; we never read it
    std::shared_ptr<GumboOutput> output(
        gumbo_parse_with_options(&options, scanned.html.data(), scanned.html.size()), GumboDeleter{});
    // Text and attribute values are copied by Gumbo into its own output, which the tree keeps.
    out.keep_alive(output);
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
