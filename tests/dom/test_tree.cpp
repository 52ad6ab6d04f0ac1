#define BOOST_TEST_MODULE dom
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "dom/tree.hpp"

using namespace webclean;

BOOST_AUTO_TEST_CASE(stored_text_stays_valid_past_what_was_reserved) {
    dom::Tree tree;
    tree.reserve(8, 8, 10);
    std::vector<std::string> texts;
    std::vector<dom::NodeId> ids;
    for (int i = 0; i < 200; ++i) {
        texts.push_back(std::string(std::size_t(i % 37), char('a' + i % 26)) + std::to_string(i));
        ids.push_back(tree.add_text(tree.root(), tree.store(texts.back())));
    }
    for (std::size_t i = 0; i < ids.size(); ++i) BOOST_TEST(tree[ids[i]].text == texts[i]);
    BOOST_TEST(tree.store("").empty());
}

BOOST_AUTO_TEST_CASE(moved_tree_keeps_its_text_and_attributes) {
    dom::Tree tree;
    dom::NodeId p = tree.add_element(tree.root(), GUMBO_TAG_P);
    std::string value = "lead story";
    tree.add_attribute(p, tree.store("class"), tree.store(value));
    dom::NodeId text = tree.add_text(p, tree.store("Hello"));
    value.assign("overwritten");
    dom::Tree moved = std::move(tree);
    BOOST_TEST(moved.attribute(p, "class") == "lead story");
    BOOST_TEST(moved[text].text == "Hello");
    BOOST_TEST(moved[moved.root()].first_child == p);
}

BOOST_AUTO_TEST_CASE(an_element_keeps_at_most_kMaxAttributes) {
    dom::Tree tree;
    dom::NodeId p = tree.add_element(tree.root(), GUMBO_TAG_P);
    std::vector<std::string> names;
    for (std::size_t i = 0; i < dom::Tree::kMaxAttributes + 10; ++i) names.push_back("a" + std::to_string(i));
    for (const std::string& name : names) tree.add_attribute(p, name, "v");
    BOOST_TEST(std::size_t(tree.attributes_end(p) - tree.attributes_begin(p)) == dom::Tree::kMaxAttributes);
    BOOST_TEST(tree.has_attribute(p, names[dom::Tree::kMaxAttributes - 1]));
    BOOST_TEST(!tree.has_attribute(p, names[dom::Tree::kMaxAttributes]));
    dom::NodeId text = tree.add_text(p, "x");
    BOOST_TEST(tree.attributes_begin(text) == tree.attributes_end(text));
}
