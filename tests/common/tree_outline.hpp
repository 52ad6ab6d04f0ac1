// A dom::Tree written out whole (elements with their attributes, text, nesting), so that two
// trees can be compared in one step and a difference shown where it starts.
#pragma once

#include <string>

#include "dom/tree.hpp"

namespace webclean::testing {

inline std::string tree_outline(const dom::Tree& tree) {
    std::string out;
    dom::walk(
        tree, tree.root(),
        [&](dom::NodeId id) {
            const dom::Node& node = tree[id];
            if (node.is_text) {
                out += '"';
                out += node.text;
                out += "\"";
                return true;
            }
            out += '<';
            out += dom::tag_name(node.tag);
            for (const dom::Attribute* a = tree.attributes_begin(id); a != tree.attributes_end(id); ++a) {
                out += ' ';
                out += a->name;
                out += "=\"";
                out += a->value;
                out += '"';
            }
            out += '>';
            return true;
        },
        [&](dom::NodeId id) {
            if (!tree[id].is_text) out += "</>";
        });
    return out;
}

}  // namespace webclean::testing
