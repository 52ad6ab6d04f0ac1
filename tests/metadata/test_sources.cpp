// Which source wins per field, and what is never taken for a name or a title.
#include <boost/test/unit_test.hpp>

#include <string>

#include "extract_page.hpp"
#include "metadata/metadata.hpp"
#include "metadata/strings.hpp"

using namespace webclean;

using test::extract;

BOOST_AUTO_TEST_CASE(json_ld_article_node_wins_over_an_embedded_video) {
    auto md = extract(R"(<head>
        <script type="application/ld+json">{"@type":"VideoObject","name":"A clip about something else"}</script>
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"The story itself",
          "author":[{"name":"Stella Kim"},{"name":"Jennifer Jett"}]}</script></head>)");
    BOOST_TEST(md.title == "The story itself");
    BOOST_TEST(md.author() == "Stella Kim; Jennifer Jett");
    // Alone, the video is the page's subject.
    BOOST_TEST(extract(R"(<script type="application/ld+json">{"@type":"VideoObject","name":"A clip"}</script>)").title ==
               "A clip");
}

BOOST_AUTO_TEST_CASE(json_ld_name_that_is_the_site_is_no_title) {
    auto md = extract(R"(<head><title>West Ham hrozí gigantům - Aktuálně.cz</title>
        <script type="application/ld+json">{"@type":"NewsArticle","name":"Aktuálně.cz",
          "headline":"West Ham hrozí gigantům","publisher":{"@type":"Organization","name":"Aktuálně.cz"}}</script></head>)");
    BOOST_TEST(md.title == "West Ham hrozí gigantům");
}

BOOST_AUTO_TEST_CASE(character_references_are_decoded) {
    BOOST_TEST(extract(R"(<script type="application/ld+json">{"@type":"Article","headline":"Budget Traveler&#8217;s Guide &amp; more"}</script>)")
                   .title == "Budget Traveler’s Guide & more");
    // Encoded twice in the markup.
    BOOST_TEST(extract(R"(<meta property="og:title" content="And finally&amp;#8230; trouble brewing">)").title ==
               "And finally… trouble brewing");
    BOOST_TEST(metadata::detail::decode_entities("no references") == "no references");
    BOOST_TEST(metadata::detail::decode_entities("A &bull; B &lt;i&gt;") == "A • B <i>");
    BOOST_TEST(metadata::detail::decode_entities("AT&T &unknown; &") == "AT&T &unknown; &");
    // A reference past 32 bits, encoded twice: Gumbo turns it into a stray byte (found by fuzz_html).
    BOOST_TEST(extract(R"(<title>a&amp;#x090151de2;b</title>)").title == "a\uFFFDb");
}

BOOST_AUTO_TEST_CASE(dublin_core_before_opengraph_and_plain_author) {
    auto md = extract(R"(<head><title>Title Element</title>
        <meta property="og:title" content="Open Graph title">
        <meta name="DC.title" content="Dublin Core name title">
        <meta property="dc:title" content="Dublin Core property title">
        <meta name="author" content="Site Owner">
        <meta name="DC.creator" content="Dublin Core name author">
        <meta property="dc:creator" content="Dublin Core property author"></head>)");
    BOOST_TEST(md.title == "Dublin Core property title");  // RDFa property= wins over name=
    BOOST_TEST(md.author() == "Dublin Core property author");
    auto spaced = extract(R"(<meta property="x:title dc:title" content="Preferred title">
        <meta property="og:title twitter:title" content="A title">
        <meta property="dc:creator twitter:site_name" content="Creator Name"><meta name="author" content="Other">)");
    BOOST_TEST(spaced.title == "Preferred title");
    BOOST_TEST(spaced.author() == "Creator Name");
    BOOST_TEST(extract(R"(<meta name="parsely-title" content="Parsely title"><body><h1>Heading</h1></body>)").title ==
               "Parsely title");
}

BOOST_AUTO_TEST_CASE(repeated_author_meta_lists_every_author) {
    auto md = extract(R"(<meta name="DC.Creator" content="Kooman, F."><meta name="DC.Creator" content="Jong, Michiel de">)");
    BOOST_TEST(md.author() == "Kooman, F.; Jong, Michiel de");
}

BOOST_AUTO_TEST_CASE(software_and_sites_are_no_authors) {
    BOOST_TEST(extract(R"(<meta name="generator" content="Discuz! X3.4"><meta name="author" content="Discuz! Team and Comsenz UI Team">)")
                   .authors.empty());
    BOOST_TEST(extract(R"(<meta name="Generator" content="大汉版通"><meta name="Author" content="大汉网络">)").authors.empty());
    BOOST_TEST(extract(R"(<meta name="author" content="51offer.com">)").authors.empty());
    BOOST_TEST(extract(R"(<meta name="author" content="L_104485">)").authors.empty());
    BOOST_TEST(extract(R"(<script type="application/ld+json">{"@type":"Article","author":"CC7567"}</script>)").authors.empty());
    // A real name beside a generator stays.
    BOOST_TEST(extract(R"(<meta name="generator" content="WordPress 6.4"><meta name="author" content="Jane Doe">)").author() ==
               "Jane Doe");
    // Citation metadata pads two-character Chinese names; the publisher list in "Author" is no one.
    BOOST_TEST(extract(R"(<meta name="dc.creator" content="赵  培"><meta name="Author" content="中文学术期刊,汉斯出版社">)").author() ==
               "赵培");
}

BOOST_AUTO_TEST_CASE(names_split_only_between_people) {
    using metadata::detail::split_authors;
    BOOST_TEST(split_authors("Mac & i") == std::vector<std::string>{"Mac & i"});
    BOOST_TEST((split_authors("Stella Kim and Jennifer Jett") == std::vector<std::string>{"Stella Kim", "Jennifer Jett"}));
    BOOST_TEST(split_authors("Jong, Michiel de") == std::vector<std::string>{"Jong, Michiel de"});
    BOOST_TEST(split_authors("Bradley M. Kuhn (http://ebb.org/bkuhn/)") == std::vector<std::string>{"Bradley M. Kuhn"});
    BOOST_TEST(split_authors("Jane Doe <jane@example.com>") == std::vector<std::string>{"Jane Doe"});
    BOOST_TEST(split_authors("By Brenda Goodman, MA") == std::vector<std::string>{"Brenda Goodman"});
    BOOST_TEST((split_authors("实习记者 樊亮 张明超 记者惠禾") == std::vector<std::string>{"樊亮", "张明超", "惠禾"}));
}
