#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "../common/tree_outline.hpp"
#include "dom/tree.hpp"
#include "parse/html.hpp"

using namespace webclean;

BOOST_AUTO_TEST_CASE(builds_tree_with_head_body_attributes_and_text) {
    dom::Tree tree;
    auto status = parse::parse_html("<html lang=zh><head><title>T</title></head><body><p class=\"a b\">Hi <b>x</b></p></body></html>",
                                    100, 1000, tree);
    BOOST_REQUIRE(status == parse::ParseStatus::Ok);
    BOOST_TEST(tree.attribute(tree.root(), "lang") == "zh");
    BOOST_REQUIRE(tree.body() != dom::none);
    dom::NodeId p = tree[tree.body()].first_child;
    BOOST_REQUIRE(p != dom::none);
    BOOST_TEST(tree[p].tag == GUMBO_TAG_P);
    BOOST_TEST(tree.attribute(p, "class") == "a b");
    std::string text;
    dom::walk(tree, p, [&](dom::NodeId id) { if (tree[id].is_text) text += tree[id].text; return true; });
    BOOST_TEST(text == "Hi x");
}

BOOST_AUTO_TEST_CASE(references_past_the_last_code_point_become_replacement_characters) {
    // Gumbo 0.10 turns a numeric reference past 32 bits into a stray byte (found by fuzz_html):
    // at the end of an attribute value, in the middle of one, and in text.
    dom::Tree tree;
    auto status = parse::parse_html("<body><p class=\"t&#x090151de2;\" lang=\"a&#x090151de2;b\">x&#x090151de2;</p></body>",
                                    100, 1000, tree);
    BOOST_REQUIRE(status == parse::ParseStatus::Ok);
    dom::NodeId p = tree[tree.body()].first_child;
    BOOST_REQUIRE(p != dom::none);
    BOOST_TEST(tree.attribute(p, "class") == "t\uFFFD");
    BOOST_TEST(tree.attribute(p, "lang") == "a\uFFFDb");
    BOOST_REQUIRE(tree[p].first_child != dom::none);
    BOOST_TEST(tree[tree[p].first_child].text == "x\uFFFD");
}

BOOST_AUTO_TEST_CASE(node_limit_gives_status) {
    std::string many;
    for (int i = 0; i < 1000; ++i) many += "<p>x</p>";
    dom::Tree tree;
    BOOST_TEST((parse::parse_html(many, 100, 500, tree) == parse::ParseStatus::TooManyNodes));
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_parsed_iteratively) {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<div>";
    deep += "core";
    dom::Tree tree;
    BOOST_REQUIRE(parse::parse_html(deep, 512, 1'000'000, tree) == parse::ParseStatus::Ok);
    bool found = false;
    dom::walk(tree, tree.root(), [&](dom::NodeId id) { if (tree[id].is_text && tree[id].text == "core") found = true; return true; });
    BOOST_TEST(found);
}

namespace {
std::string outline(const std::string& html) {
    dom::Tree tree;
    parse::parse_html(html, 100, 10000, tree);
    return testing::tree_outline(tree);
}
}  // namespace

// A bare <br> goes through Gumbo as a character and comes back as an element (kLineBreakMark):
// the tree must be the one Gumbo builds from a real <br>, which it gets when the tag has an
// attribute a stage reads.
BOOST_AUTO_TEST_CASE(line_breaks_written_as_a_character_give_gumbos_tree) {
    const std::vector<std::string> cases = {
        "<p>a<br>b</p>",
        "a <br> <br> b<br>",
        "<p><b>bold<p>re-opened<br>around the break</b>",
        "<div><i>open</div><br>after",
        "<ul><li>one<br><li>two<br></ul>",
        "<pre>\n<br>code\n</pre>",
        "<table><tr><td>a<br>b<td><br></td></tr></table>",
        "<h1>title<br></h1><p>x</br>y",
        "<head><title>t</title></head><br><p>z",
    };
    for (const std::string& html : cases) {
        std::string real = html;
        for (std::size_t at = real.find("br>"); at != std::string::npos; at = real.find("br>", at + 12))
            real.replace(at, 3, "br class=k>");
        std::string expected = outline(real);
        for (std::size_t at = expected.find(" class=\"k\""); at != std::string::npos; at = expected.find(" class=\"k\""))
            expected.erase(at, 10);
        BOOST_TEST_CONTEXT(html) {
            BOOST_TEST(outline(html) == expected);
            BOOST_TEST(outline(html).find("<br>") != std::string::npos);
        }
    }
    // Inside a title a <br> is text, and the character never becomes one there.
    BOOST_TEST(outline("<title>a<br>b &#x10FFFD;</title>").find("<title>\"a<br>b \uFFFD\"</>") != std::string::npos);
}

namespace {
// tree_outline without the elements of class "k" (their children in their place) and with
// adjacent text joined: Gumbo's tree with those elements taken out.
std::string outline_without_k(const std::string& html) {
    dom::Tree tree;
    parse::parse_html(html, 100, 10000, tree);
    std::string out;
    auto is_k = [&](dom::NodeId id) { return !tree[id].is_text && tree.attribute(id, "class") == "k"; };
    dom::walk(
        tree, tree.root(),
        [&](dom::NodeId id) {
            const dom::Node& node = tree[id];
            if (is_k(id)) return true;
            if (node.is_text) {
                if (!out.empty() && out.back() == '"') out.pop_back();
                else out += '"';
                out += node.text;
                out += '"';
                return true;
            }
            out += '<';
            out += dom::tag_name(node.tag);
            for (const dom::Attribute* a = tree.attributes_begin(id); a != tree.attributes_end(id); ++a)
                out += ' ' + std::string(a->name) + "=\"" + std::string(a->value) + '"';
            out += '>';
            return true;
        },
        [&](dom::NodeId id) {
            if (!tree[id].is_text && !is_k(id)) out += "</>";
        });
    return out;
}
}  // namespace

// Formatting elements with no attribute a stage reads are dropped by the prescan, start and end
// tag: the tree must be Gumbo's tree of the page with them (and every clone the tree builder made
// of them) taken out, which the test gets by giving them a class and leaving those out.
BOOST_AUTO_TEST_CASE(bare_formatting_elements_leave_gumbos_tree_but_for_themselves) {
    const std::vector<std::string> cases = {
        "<p><font color=red>never closed<p>second<p>third",
        "<div><strong>open</div><p>one<p>two<ul><li>three</ul>",
        "<b class=x>a<b>c</b>d</b>e",
        "<font><font class=c>in</font>out</font>after",
        "<p><b>1<p>2</b>3</p>",
        "<em><p>a</em>b</p>",
        "<b class=x><table><tr><td><b>y</td></tr></table>z</b>after",
        "<b class=x><table><tr><td><b>y<td>w</table>z</b>after",
        "<b class=x><table><tr><td><b>y<tr><td>w</table>z</b>after",
        "<i class=x>a<td><i>b</i>c</i>d",
        "<table><tr><td><u>x</td><td>y</u></td></tr></table>",
        "<s class=x><marquee><s>m</marquee>after</s>end",
        "<b class=x><table><caption><b>c</caption><tr><td>d</table></b>out",
        "<small>a<small class=x>b<small>c</small>d</small>e</small>f",
        "<tt><code>nested <i>deep</tt> after</code> end</i>",
        "<a href=/x><font color=red><b>link</font></a><ul><li>one<li>two</ul>",
        "<strong>1<strong>2<strong>3<strong>4<p>five</strong></strong>six",
        "<table><tr><td>cell<b>bold</table><p>after the table</b>",
        "<font class=f><table><tr><td><font>in<td>next</font></td></tr></table>out</font>end",
    };
    for (const std::string& html : cases) {
        std::string marked;  // every bare formatting start tag given class=k
        for (std::size_t i = 0; i < html.size(); ++i) {
            marked += html[i];
            if (html[i] != '<' || html[i + 1] == '/') continue;
            std::size_t name_end = html.find_first_of(" >", i);
            std::string name = html.substr(i + 1, name_end - i - 1);
            const bool formatting = name == "b" || name == "i" || name == "u" || name == "s" || name == "em" ||
                                    name == "strong" || name == "font" || name == "small" || name == "tt" ||
                                    name == "code";
            if (formatting && html.substr(name_end, 7) != " class=") {
                marked += name + " class=k";
                i = name_end - 1;
            }
        }
        BOOST_TEST_CONTEXT(html << " against " << marked) {
            BOOST_TEST(outline(html) == outline_without_k(marked));
        }
    }
    // What stays: formatting elements with an attribute a stage reads, and tags in raw text.
    BOOST_TEST(outline("<b>x</b><b class=y>z</b>") == "<html><head></><body>\"x\"<b class=\"y\">\"z\"</></></>");
    BOOST_TEST(outline("<title><b>t</b></title>").find("\"<b>t</b>\"") != std::string::npos);
}
