#define BOOST_TEST_MODULE parse
#include <boost/test/unit_test.hpp>

#include "parse/html.hpp"

using webclean::parse::prescan;

BOOST_AUTO_TEST_CASE(drops_script_style_and_comments_but_keeps_json_ld) {
    auto r = prescan("<p>a</p><script>var x='</p>';</script><style>p{}</style><!-- c --><p>b</p>"
                     "<script type=\"application/ld+json\">{\"@type\":\"Article\"}</script>",
                     100);
    BOOST_TEST(r.html == "<p>a</p><p>b</p>");
    BOOST_REQUIRE_EQUAL(r.json_ld.size(), 1u);
    BOOST_TEST(r.json_ld[0] == "{\"@type\":\"Article\"}");
}

BOOST_AUTO_TEST_CASE(unterminated_script_drops_the_rest) {
    BOOST_TEST(prescan("<p>x</p><SCRIPT>never closed", 100).html == "<p>x</p>");
}

BOOST_AUTO_TEST_CASE(flattens_tags_beyond_max_depth_and_keeps_text) {
    std::string deep;
    for (int i = 0; i < 10; ++i) deep += "<div>";
    deep += "core";
    for (int i = 0; i < 10; ++i) deep += "</div>";
    auto r = prescan(deep, 3);
    BOOST_TEST(r.html == "<div><div><div>core</div></div></div>");
    BOOST_TEST(r.flattened_tags == 14u);
}

BOOST_AUTO_TEST_CASE(optional_end_tags_do_not_count_as_depth) {
    std::string list;
    for (int i = 0; i < 50; ++i) list += "<li>item";
    BOOST_TEST(prescan(list, 3).html == list);
}

BOOST_AUTO_TEST_CASE(quoted_gt_inside_attribute_does_not_end_tag) {
    auto r = prescan("<a class=\"a > b\" href=x>t</a>", 10);
    BOOST_TEST(r.html == "<a class=\"a > b\" href=x>t</a>");
}

BOOST_AUTO_TEST_CASE(drops_attributes_no_stage_reads_and_keeps_the_rest_verbatim) {
    auto r = prescan("<img data-src=\"a.jpg\" srcset='a 1x, b 2x' class=\"lead photo\" onclick=\"go('x')\" "
                     "id=main width=300 style=\"display:none\" alt=\"A\" ITEMPROP=image>",
                     10);
    BOOST_TEST(r.html == "<img class=\"lead photo\" id=main style=\"display:none\" ITEMPROP=image>");
    // Old table layouts: presentation only (a <font>'s colour, face and size steer the tree
    // builder only in foreign content, which never reaches Gumbo). Gumbo still gets what steers
    // its tree building.
    BOOST_TEST(prescan("<td bgcolor=#fff width=30% colspan=2 align=center><font class=c color=red size=2 face=x>a</font>"
                       "<input type=hidden name=q value=1 title=t>", 10).html ==
               "<td><font class=c>a</font><input type=hidden name=q value=1>");
}

BOOST_AUTO_TEST_CASE(empties_data_uris_but_keeps_the_attribute) {
    auto r = prescan("<a href=\"DATA:text/html;base64,PGI+\" rel=author>x</a>", 10);
    BOOST_TEST(r.html == "<a href=\"\" rel=author>x</a>");
}

BOOST_AUTO_TEST_CASE(tags_without_dropped_attributes_are_copied_as_written) {
    std::string tag = "<div  CLASS = 'a b'   ID=\"x > y\"/>";
    BOOST_TEST(prescan(tag, 10).html == tag);
}

BOOST_AUTO_TEST_CASE(whitespace_between_tags_becomes_one_character) {
    auto r = prescan("<span>a  b</span>   <q>c</q>\n\n  <abbr>d</abbr>", 10);
    BOOST_TEST(r.html == "<span>a  b</span> <q>c</q>\n<abbr>d</abbr>");
}

// Whitespace beside a block-level tag separates no words: Gumbo gets no node for it. Beside
// inline tags and text it separates words, and stays.
BOOST_AUTO_TEST_CASE(whitespace_beside_block_level_tags_is_dropped) {
    BOOST_TEST(prescan("<div>\n    <p>a  b</p>   <p>c</p>\n\n  </div>", 10).html == "<div><p>a  b</p><p>c</p></div>");
    BOOST_TEST(prescan("<li>one</li>\n<li>two</li>", 10).html == "<li>one</li><li>two</li>");
    BOOST_TEST(prescan("<div>By</div> <a href=x>Jane</a>", 10).html == "<div>By</div><a href=x>Jane</a>");
    // Comments and dropped elements between do not hide which tags the whitespace lies between.
    BOOST_TEST(prescan("</p>\n<!-- x -->\n<script>y</script>\n<p>", 10).html == "</p><p>");
    BOOST_TEST(prescan("<p>raises<!-- --> <a href=x>an</a></p>", 10).html == "<p>raises <a href=x>an</a></p>");
    BOOST_TEST(prescan("<q>a</q>\n<abbr>b</abbr><br class=k>\n<span>c</span>", 10).html == "<q>a</q>\n<abbr>b</abbr><br class=k>\n<span>c</span>");
    BOOST_TEST(prescan("<p>a <q>b</q> c</p>", 10).html == "<p>a <q>b</q> c</p>");
}

BOOST_AUTO_TEST_CASE(whitespace_in_pre_is_left_alone) {
    std::string pre = "<pre>\n  <q>x</q>\n    <abbr>y</abbr></pre>";
    BOOST_TEST(prescan(pre, 10).html == pre);
    // Tables are no exception: cells are block-level.
    BOOST_TEST(prescan("<table>\n  <tr>\n    <td>1</td>\n  </tr>\n</table>\n\n<p>z</p>", 10).html ==
               "<table><tr><td>1</td></tr></table><p>z</p>");
}

// Syntax highlighters wrap each token of code in a <span> (five to ten nodes a line); inside
// preformatted text they colour, nothing more.
BOOST_AUTO_TEST_CASE(spans_in_preformatted_text_are_dropped) {
    BOOST_TEST(prescan("<pre><code class=cpp><span class=k>int</span> <span class=n>x</span>;</code></pre><span>y</span>", 10).html ==
               "<pre><code class=cpp>int x;</code></pre><span>y</span>");
    BOOST_TEST(prescan("<listing><span>a</span></listing>", 10).html == "<listing>a</listing>");
}

namespace {

std::size_t tree_depth(const webclean::dom::Tree& tree) {
    std::size_t deepest = 0;
    for (webclean::dom::NodeId id = 0; id < tree.size(); ++id) {
        std::size_t depth = 0;
        for (webclean::dom::NodeId up = id; up != webclean::dom::none; up = tree[up].parent) ++depth;
        deepest = std::max(deepest, depth);
    }
    return deepest;
}

std::string repeated(std::string_view piece, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += piece;
    return out;
}

}  // namespace

// Whatever the markup, the tree Gumbo builds stays within a small multiple of max_depth: the
// prescan's count of open elements must never fall behind the parser's.
BOOST_AUTO_TEST_CASE(nesting_tricks_stay_within_max_depth) {
    constexpr std::size_t kMaxDepth = 64;
    const std::string_view tricks[] = {
        "<div>",          "<div></span>",  "<div/>",        "<rt>",         "<rp>",
        "<optgroup>",     "<p_x>",         "<abcdefghijklmnopqrstuvwxyz-custom-element>",
        "<b><div></b>",   "<form><div></form>", "<ul><li>",  "<table><tr><td>", "<span><li></span>",
        "<dl><dd><section>", "<font color=red><div>", "<i><section></i>", "<select><optgroup>",
    };
    for (std::string_view trick : tricks) {
        webclean::dom::Tree tree;
        webclean::parse::parse_html("<html><body>" + repeated(trick, 4000) + "x", kMaxDepth, 10'000'000, tree);
        BOOST_TEST_INFO("markup " << trick);
        BOOST_TEST(tree_depth(tree) <= 4 * kMaxDepth + 8);
    }
}

BOOST_AUTO_TEST_CASE(end_tags_of_open_elements_still_close_them) {
    // A page whose divs are closed properly never reaches the limit, however many there are.
    std::string page = repeated("<div><span>text</span><section>more</section></div>", 1000);
    BOOST_TEST(prescan(page, 3).html == page);
    BOOST_TEST(prescan(page, 3).flattened_tags == 0u);
}

BOOST_AUTO_TEST_CASE(attributes_past_the_cap_are_dropped) {
    std::string tag = "<div";
    for (int i = 0; i < 5000; ++i) tag += " a" + std::to_string(i) + "=\"v\"";
    webclean::dom::Tree tree;
    webclean::parse::parse_html(tag + ">text</div>", 64, 1'000'000, tree);
    webclean::dom::NodeId div = tree[tree.body()].first_child;
    BOOST_REQUIRE(div != webclean::dom::none);
    std::size_t attributes = tree.attributes_end(div) - tree.attributes_begin(div);
    BOOST_TEST(attributes >= 50u);
    BOOST_TEST(attributes <= 100u);
    BOOST_TEST(tree.attribute(div, "a0") == "v");
}

// A <br> with nothing a stage reads reaches Gumbo as one character (kLineBreakMark); one
// with such an attribute, or inside an element Gumbo reads as text, as it is written.
BOOST_AUTO_TEST_CASE(bare_line_breaks_reach_gumbo_as_a_character) {
    const std::string mark(webclean::parse::kLineBreakMark);
    auto r = prescan("<p>a<br>b<BR/>c<br onclick=x >d</br>e<br class=k>f</p><title>t<br>u</title>", 10);
    BOOST_TEST(r.html == "<p>a" + mark + "b" + mark + "c" + mark + "d" + mark + "e<br class=k>f</p><title>t<br>u</title>");
    BOOST_TEST(r.line_breaks == 4u);
    BOOST_TEST(r.start_tags == 3u);  // p, <br class=k> and title: no converted <br>, nor the text in the title
    // The page's own U+10FFFD goes; a reference to it would come out of Gumbo as one, so it
    // becomes U+FFFD. Other references stay for Gumbo to decode.
    BOOST_TEST(prescan("x" + mark + "y &#x10fffd; &#1114109z &#x10FFFC; &#65;", 10).html ==
               "xy \uFFFD \uFFFDz &#x10FFFC; &#65;");
}

BOOST_AUTO_TEST_CASE(links_no_stage_reads_are_dropped) {
    auto r = prescan("<head><link rel=stylesheet href=a.css><link rel=\"Canonical\" href=/c>"
                     "<link rel=preload href=f.woff2><LINK REL=license HREF=/l></head>", 10);
    BOOST_TEST(r.html == "<head><link rel=\"Canonical\" href=/c><LINK REL=license HREF=/l></head>");
    BOOST_TEST(r.start_tags == 3u);
}

// Formatting elements without an attribute a stage reads go, start and end tag; an end tag goes
// with the start tag the tree builder would close with it.
BOOST_AUTO_TEST_CASE(bare_formatting_elements_are_dropped) {
    BOOST_TEST(prescan("<p>a <b>b</b> <font color=red size=2>c</font> <STRONG>d</STRONG></p>", 10).html == "<p>a b c d</p>");
    BOOST_TEST(prescan("<b class=x>a<b>c</b>d</b>e", 10).html == "<b class=x>acd</b>e");
    BOOST_TEST(prescan("<i class=x>a<i>b</i>c</i>d</i>", 10).html == "<i class=x>abc</i>d");  // the last ends nothing
    // A cell's end forgets what was opened in it: the </b> after the table ends the outer <b>.
    BOOST_TEST(prescan("<b class=x><table><tr><td><b>y<td>w</table>z</b>after", 10).html ==
               "<b class=x><table><tr><td>y<td>w</table>z</b>after");
    // <a> is read and <nobr> closes an open <nobr>: both stay.
    BOOST_TEST(prescan("<a>x</a><nobr>y</nobr>", 10).html == "<a>x</a><nobr>y</nobr>");
    // Raw text is text.
    BOOST_TEST(prescan("<title><b>t</b></title>", 10).html == "<title><b>t</b></title>");
}

// Gumbo reads the content of <title>, <xmp>, <noembed>, <noframes> and <plaintext> as text: it
// reaches Gumbo as written, attributes, comments and all, up to the element's end tag.
BOOST_AUTO_TEST_CASE(raw_text_is_passed_on_as_written) {
    const std::string title = "<title>A <b onclick=y>B</b> <!-- c --> <script>x</script>&amp;</TITLE >";
    BOOST_TEST(prescan(title + "<p onclick=z>after</p>", 10).html == title + "<p>after</p>");
    const std::string xmp = "<xmp>\n  <span data-x=1>code</span>\n</xmp>";
    BOOST_TEST(prescan(xmp + "<b>x</b>", 10).html == xmp + "x");
    BOOST_TEST(prescan("<p>a<plaintext><b onclick=1>x</plaintext>y", 10).html == "<p>a<plaintext><b onclick=1>x</plaintext>y");
    // "</titles>" ends nothing; an element never ended runs to the page's end.
    BOOST_TEST(prescan("<title>a</titles><i>b</i>", 10).html == "<title>a</titles><i>b</i>");
}
