// Parsing in pieces (parse/pieces.hpp): the tree must be the one the whole page's parse builds,
// whatever the budget, on markup where HTML's tree builder reads a tag by what is open around it.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../common/tree_outline.hpp"
#include "dom/tree.hpp"
#include "parse/html.hpp"
#include "parse/pieces.hpp"

using namespace webclean;
using parse::detail::PieceReport;

namespace {

constexpr std::size_t kDepth = 512, kNodes = 1u << 20;

std::string parsed(const std::string& html, std::size_t budget, PieceReport* report = nullptr) {
    dom::Tree tree;
    parse::detail::parse_html_in_pieces(html, kDepth, kNodes, budget, tree, report);
    return testing::tree_outline(tree);
}

// Budgets from a few bytes to the whole page: every way the page can be cut.
std::vector<std::size_t> budgets(std::size_t size) {
    std::vector<std::size_t> out;
    for (std::size_t b = 8; b < size; b = b * 3 / 2 + 1) out.push_back(b);
    return out;
}

// Asserts that every budget gives the whole page's tree; returns how many budgets cut the page.
int check_every_budget(const std::string& html) {
    const std::string whole = parsed(html, 0);
    int cut = 0;
    for (std::size_t budget : budgets(html.size())) {
        PieceReport report;
        const std::string pieces = parsed(html, budget, &report);
        BOOST_TEST_CONTEXT("budget " << budget << " of " << html.size() << ":\n" << html) {
            BOOST_TEST(pieces == whole);
        }
        cut += report.pieces > 1;
    }
    return cut;
}

std::string article(int paragraphs) {
    std::string html = "<!DOCTYPE html><html><head><title>T</title></head><body><div id=page><nav><ul>";
    for (int i = 0; i < 8; ++i) html += "<li><a href=/s" + std::to_string(i) + ">Section " + std::to_string(i) + "</a></li>";
    html += "</ul></nav><article class=post><h1>Title</h1>";
    for (int i = 0; i < paragraphs; ++i)
        html += "<p class=para>Paragraph " + std::to_string(i) + " with <b>bold</b> and <a href=/x>a link</a>.</p>\n";
    html += "</article><footer><p>Footer</p></footer></div></body></html>\n";
    return html;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_dense_page_is_parsed_in_pieces_within_the_budget) {
    const std::string html = article(200);
    const std::size_t budget = html.size() / 5;
    PieceReport report;
    const std::string pieces = parsed(html, budget, &report);
    BOOST_TEST(pieces == parsed(html, 0));
    BOOST_TEST(!report.refused);
    BOOST_TEST(report.pieces > 5u);
    // The paragraphs go in runs of the article's children: no piece, skeleton included, is
    // much over the budget.
    BOOST_TEST(report.largest <= budget);
}

BOOST_AUTO_TEST_CASE(every_budget_gives_the_whole_pages_tree_on_markup_read_by_context) {
    const std::vector<std::string> cases = {
        // Optional end tags: items, definitions, paragraphs, cells and rows closed by the next.
        "<ul><li>one<li>two<div><li>three</div><li>four</ul>",
        "<dl><dt>term<dd>one<dt>term<dd>two<div><dd>three</div></dl>",
        "<div><p>unclosed<div>block</div><p>again</div><p>after",
        "<table><tr><td>a<td>b<tr><td>c</table><table><caption>c<tr><th>h</table>",
        // In quirks mode (no doctype) a table stays in an open paragraph.
        "<p>before<table><tr><td>in</td></tr></table>after</p>",
        // Formatting elements left open, misnested, re-opened around later text (each with a
        // class: the prescan drops those without one).
        "<div><b class=k>open</div>after<div>more</div>",
        "<p><b class=k>bold<i class=k>both</b>italic</i></p><div>next</div>",
        "<b class=k><div>in bold</div><div><b class=k>again</b></div></b>",
        // Searches past a piece's element: a link in a link, a button in a button, an item in an item.
        "<a href=1><div>x<a href=2>inner</a></div></a><div>y</div>",
        "<button><div>x<button>inner</button></div></button>",
        "<li><div>x<li>inner</div></li>",
        "<p><span>x<div>block</div></span></p>",
        // Forms: a form inside an open form is dropped, and its end tag closes the outer one.
        "<form><div><form><input name=a></form>x</div></form><div>y</div>",
        // A line break right after <pre> is dropped; a table's stray content is moved before it.
        "<pre>\nfirst line\n<b class=k>bold</b>\n</pre><pre>\r\nsecond</pre>",
        "<table><div>moved</div><tr><td>cell</td></tr></table>",
        "<select><option>a<option>b<div>c</div></select>",
        "<h1>one<h2>two</h2></h1><ruby>a<rt>x<rt>y</ruby>",
        // A fourth <strong> drops the earliest from the list of formatting elements, so that
        // fewer come back around the text after the </div> that closed them.
        "<div><strong class=k><strong class=k><strong class=k><li><strong class=k>x</strong></li></div>after",
        // Raw text ends only at an end tag the tokenizer sees ("</title1>" is text).
        "<div><title>t</title1></div>x</title><div>after</div>",
        // Content opened inside a table but outside its cells is read in the table's mode.
        "<table><s class=k><div><form><input></form></div></s><tr><td>c</td></tr></table>",
        // Misnested formatting inside cells; a cell closed by the next cell or row over what is
        // open in it, or by a row end tag for the row the parser made up around it.
        "<table><tr><td><b class=k>x<p>y</b>z<td><i class=k>w</i></table>",
        "<table><tr><td><div><b class=k>open</div>after<table><tr><td>inner</table>x</td></tr></table>",
        "<table><tr><td><i class=k>a<div>b</i>c</div><tr><td>d</table>",
        "<table><td><d><th></td>d>-1.7</td><td>86.1</td></table>",
        "<table><td></tr>></td>6</td></table>",
        // Text after </body> joins the body's last text.
        "<div>a</div><div>b</div>last text</body>\ntail",
    };
    // Text before a <body> tag that comes after the body began joins the body's first text.
    check_every_budget("<!doctype html>late<body>\n<div>a</div><div>b</div>\n</body>");
    // Gumbo's search for an open <li> goes past a <main> (not "special" in Gumbo 0.10).
    check_every_budget("<body><li><main><li> </main>\n<p>x</p></body>");
    // A form left open in a cell keeps the form pointer set: a later <form> in the table is dropped.
    check_every_budget("<body><table><td><form a></td> <form a>x</table><div>y</div></body>");
    // A quote opens a value only after an attribute's '=': this tag ends at its first '>'.
    check_every_budget("<body><span class==\">\">m</span><div>y</div></body>");
    // </form> with an element open inside takes the form alone off the stack: the <dd>'s search
    // goes past where the form was and closes the <dt>.
    check_every_budget("<dt><d>><b>></t\"><h1 a></h3><p><form><input \"></form/d><span c><a hr</dt><dd></dd></a></span>");
    int cut = 0;
    for (const std::string& body : cases) {
        std::string html = "<html><body>";
        for (int i = 0; i < 3; ++i) html += "<div class=box>" + body + "</div>";
        const bool was_cut = check_every_budget(html + "</body></html>") > 0;
        if (!was_cut) BOOST_TEST_MESSAGE("never cut: " << body);
        cut += was_cut;
    }
    // Most were really cut, not all parsed whole. (Where a tag closes an element opened outside
    // the box, such as an item closing an item past a <div>, no box can be cut.)
    BOOST_TEST(cut >= int(cases.size()) * 2 / 3);
}

BOOST_AUTO_TEST_CASE(every_budget_gives_the_whole_pages_tree_on_the_corpus) {
    int pages = 0;
    for (const auto& entry : std::filesystem::directory_iterator(WEBCLEAN_SOURCE_DIR "/corpus")) {
        const auto input = entry.path() / "input.html";
        if (!std::filesystem::exists(input)) continue;
        std::ifstream in(input, std::ios::binary);
        std::ostringstream content;
        content << in.rdbuf();
        const std::string html = content.str();
        const std::string whole = parsed(html, 0);
        for (std::size_t budget : {html.size() / 3, html.size() / 10, html.size() / 40 + 1}) {
            BOOST_TEST_CONTEXT(input.string() << ", budget " << budget) { BOOST_TEST(parsed(html, budget) == whole); }
        }
        ++pages;
    }
    BOOST_TEST(pages > 10);
}

BOOST_AUTO_TEST_CASE(a_piece_the_skeleton_puts_elsewhere_is_not_cut) {
    // The <b> left open in the paragraph comes back around whatever the <div> gets first (HTML's
    // reconstruction of formatting elements): the <div>'s content, read apart, would not be in
    // bold. The scan cannot tell; the skeleton shows it, and the page is parsed whole. (The
    // elements have a class: the prescan drops formatting elements without one.)
    std::string html = "<html><body><p><b class=k>bold</p><div>";
    for (int i = 0; i < 40; ++i) html += "<em class=k>word " + std::to_string(i) + "</em> ";
    html += "</div></body></html>";
    PieceReport report;
    const std::string pieces = parsed(html, html.size() / 2, &report);
    BOOST_TEST(pieces == parsed(html, 0));
    BOOST_TEST(report.refused);
    BOOST_TEST(report.pieces == 1u);
    BOOST_TEST(pieces.find("<div><b class=\"k\"><em class=\"k\">") != std::string::npos);  // the bold really came back
}

BOOST_AUTO_TEST_CASE(plan_pieces_cuts_only_contents_whose_tags_pair_up) {
    // The first box ends with an element its end tag does not close: it cannot be cut; the second can.
    const std::string html =
        "<body><div id=a><span>one<em>two</span></em></div>"
        "<div id=b><span>three</span><em>four</em></div></body>";
    auto plan = parse::detail::plan_pieces(html, html.size(), 1);
    std::vector<std::string> contents;
    for (const auto& cut : plan.cuts) contents.push_back(html.substr(cut.begin, cut.end - cut.begin));
    BOOST_TEST(contents.size() == 1u);
    if (!contents.empty()) BOOST_TEST(contents[0] == "<span>three</span><em>four</em>");
}
