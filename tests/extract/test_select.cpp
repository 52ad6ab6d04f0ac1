#include <boost/test/unit_test.hpp>

#include "extract/blocks.hpp"
#include "extract/select.hpp"
#include "parse/html.hpp"
#include "parse/inputs.hpp"

using namespace webclean;

namespace {

std::string article_text(const std::string& html, const Options& options = {}, std::string_view title = "") {
    dom::Tree tree;
    parse::parse_html(html, 512, 1'000'000, tree);
    auto page = content::collect_blocks(tree, options);
    auto selection = content::select_article(tree, page, options, title, true);
    std::string text;
    for (const auto& b : selection.article) text += b.text + "\n";
    return text;
}

const std::string kParagraph =
    "The harbour authority said on Tuesday that the new electric ferries will enter service next spring, "
    "cutting crossing times by a quarter and halving fuel costs for the operator.";

std::string page_with(const std::string& article) {
    return "<html><body><nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a></nav>"
           "<div class=sidebar><h3>Most read</h3><ul><li><a href=/a>Story one headline</a></li>"
           "<li><a href=/b>Story two headline</a></li></ul></div>"
           "<div class=story>" + article + "</div>"
           "<footer>Copyright 2024 Example News. All rights reserved. <a href=/privacy>Privacy Policy</a></footer>"
           "</body></html>";
}

}  // namespace

BOOST_AUTO_TEST_CASE(keeps_the_article_and_drops_the_furniture) {
    std::string text = article_text(page_with("<h1>Ferries</h1><p>" + kParagraph + "</p><p>" + kParagraph + "</p>"));
    BOOST_TEST(text.find("electric ferries") != std::string::npos);
    BOOST_TEST(text.find("Most read") == std::string::npos);
    BOOST_TEST(text.find("Story one") == std::string::npos);
    BOOST_TEST(text.find("Home") == std::string::npos);
    BOOST_TEST(text.find("Copyright") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(heading_repeating_the_title_is_dropped) {
    std::string html = page_with("<h1>Electric ferries arrive</h1><p>" + kParagraph + "</p>");
    BOOST_TEST(article_text(html, {}, "Electric ferries arrive").find("Electric ferries arrive") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(comments_are_kept_apart) {
    std::string html = page_with("<p>" + kParagraph + "</p><div class=comments><p>I took the ferry yesterday, and the "
                                 "new timetable is far better than the old one, thanks.</p></div>");
    dom::Tree tree;
    parse::parse_html(html, 512, 1'000'000, tree);
    Options options;
    auto page = content::collect_blocks(tree, options);
    auto selection = content::select_article(tree, page, options, "", true);
    std::string article, comments;
    for (const auto& b : selection.article) article += b.text;
    for (const auto& b : selection.comments) comments += b.text;
    BOOST_TEST(article.find("timetable") == std::string::npos);
    BOOST_TEST(comments.find("timetable") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_misnamed_wrapper_does_not_hide_the_article) {
    // Class names say "sidebar" around the only real text on the page: the relaxed attempt wins.
    std::string html = "<html><body><div class=\"sidebar-layout\"><p>" + kParagraph + "</p><p>" + kParagraph +
                       "</p></div><div class=footer-links><a href=/a>About</a></div></body></html>";
    BOOST_TEST(article_text(html).find("electric ferries") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(listing_pages_give_their_teasers_or_nothing_for_precision) {
    std::string cards;
    for (int i = 0; i < 8; ++i)
        cards += "<h3><a href=/s" + std::to_string(i) + ">Headline number " + std::to_string(i) +
                 " about the town</a></h3><p>The teaser tells in one sentence what the story is about, "
                 "and where it happened.</p>";
    std::string html = "<html><body><main>" + cards + "</main></body></html>";
    BOOST_TEST(article_text(html).find("Headline number 3") != std::string::npos);
    BOOST_TEST(article_text(html, Options::precision()).empty());
}

BOOST_AUTO_TEST_CASE(cjk_sentence_cut_by_br_is_joined) {
    std::string html = "<html><body><div class=content>陕西强化统筹组织，在推动责任落实上下功夫，<br>"
                       "制定统一工作台账，印发编报指南，透明审核规则，提前掌握各部门基本情况。<br><br>"
                       "第二段落的内容在这里，同样是完整的一句话，用来说明段落之间不会被合并。</div></body></html>";
    std::string text = article_text(html);
    BOOST_TEST(text.find("上下功夫，制定统一工作台账") != std::string::npos);
    BOOST_TEST(text.find("基本情况。\n第二段落") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(flat_text_keeps_the_best_run_of_lines) {
    std::string dump =
        "网站首页 | 新闻 | 体育 | 财经\n北京 天津 河北 山西 内蒙古 辽宁\n"
        "人工智能赋能千行百业\n"
        "今年以来，我省人工智能产业规模持续扩大，一批重点项目相继落地，带动上下游企业加快集聚发展。\n"
        "专家表示，下一步要在算力、数据和人才等方面持续发力，推动人工智能与实体经济深度融合。\n"
        "评论\n热门新闻标题一则\n这是另一条新闻的摘要内容，与本文无关，不应出现在正文里。\n"
        "关于我们 | 联系我们\n京ICP备12345678号\n";
    dom::Tree tree;
    parse::parse_text(dump, tree);
    Options options;
    auto page = content::collect_blocks(tree, options);
    auto selection = content::select_article(tree, page, options, "", false);
    std::string text;
    for (const auto& b : selection.article) text += b.text + "\n";
    BOOST_TEST(text.find("人工智能赋能千行百业") != std::string::npos);  // the title line heads the run
    BOOST_TEST(text.find("深度融合") != std::string::npos);
    BOOST_TEST(text.find("北京 天津") == std::string::npos);
    BOOST_TEST(text.find("与本文无关") == std::string::npos);
    BOOST_TEST(text.find("ICP") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(headline_cards_inside_a_story_do_not_make_it_a_listing) {
    // News sites drop "read also" cards between paragraphs; the story still runs on around them.
    std::string body;
    for (int i = 0; i < 6; ++i)
        body += "<p>" + kParagraph + "</p><p>" + kParagraph + "</p><ul><li><h3><a href=/other" + std::to_string(i) +
                ">Another story people read today</a></h3></li></ul>";
    std::string text = article_text(page_with(body));
    BOOST_TEST(text.find("electric ferries") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_teaser_list_after_the_story_goes_a_listicle_stays) {
    std::string cards = "<div class=group>";
    for (int i = 0; i < 5; ++i)
        cards += "<div class=card><h3><a href=/t" + std::to_string(i) + ">Teaser headline number " +
                 std::to_string(i) + "</a></h3><p>A short excerpt of another story, cut off here.</p></div>";
    cards += "</div>";
    std::string story = "<p>" + kParagraph + "</p><p>" + kParagraph + "</p><p>" + kParagraph + "</p><p>" +
                        kParagraph + "</p>";
    std::string text = article_text("<html><body><article>" + story + cards + "</article></body></html>");
    BOOST_TEST(text.find("electric ferries") != std::string::npos);
    BOOST_TEST(text.find("Teaser headline") == std::string::npos);

    // The same cards with the story going on after them are the story's own items.
    std::string listicle = "<html><body><article>" + story + cards + story + "</article></body></html>";
    BOOST_TEST(article_text(listicle).find("Teaser headline") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_linked_related_heading_inside_the_body_does_not_end_it) {
    std::string html = page_with("<div class=entry><p>" + kParagraph + "</p><h3><a href=/jam>Related post: "
                                 "Pickled sprouts</a></h3><p>The second half of the story explains the ferry "
                                 "timetable, which changes in May, and the fares, which stay the same.</p><p>" +
                                 kParagraph + "</p></div>");
    std::string text = article_text(html);
    BOOST_TEST(text.find("ferry timetable") != std::string::npos);
    BOOST_TEST(text.find("Pickled sprouts") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(figure_captions_only_by_option) {
    std::string html = page_with("<p>" + kParagraph + "</p><figure><img src=a.jpg><figcaption>The new ferry at "
                                 "the pier on Monday, seen from the harbour wall.</figcaption></figure><p>" +
                                 kParagraph + "</p>");
    BOOST_TEST(article_text(html).find("harbour wall") == std::string::npos);
    Options with_captions;
    with_captions.include_captions = true;
    BOOST_TEST(article_text(html, with_captions).find("harbour wall") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_tiny_page_is_taken_whole) {
    BOOST_TEST(article_text("<html><body><h2>Test Case 1</h2><h2>Test Case 2</h2></body></html>") ==
               "Test Case 1\nTest Case 2\n");
}

BOOST_AUTO_TEST_CASE(a_comment_thread_longer_than_the_post_stays_apart) {
    std::string replies;
    for (int i = 0; i < 12; ++i)
        replies += "<div class=reply><h4>re: ferries " + std::to_string(i) + "</h4><p>I took the new ferry this "
                   "morning and it was quiet, clean and on time, which I did not expect at all.</p></div>";
    std::string post;
    for (int i = 0; i < 6; ++i) post += "<p>" + kParagraph + "</p>";
    std::string html = "<html><body><div class=post>" + post + "</div><div id=comments>" + replies +
                       "</div></body></html>";
    std::string text = article_text(html);
    BOOST_TEST(text.find("electric ferries") != std::string::npos);
    BOOST_TEST(text.find("on time") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(bylines_leave_the_text_unless_kept) {
    const std::string html = page_with("<h1>Ferries</h1><p>By Jane Doe and John Roe</p><p>Published June 2, 2025</p><p>" +
                                       kParagraph + "</p><p>" + kParagraph + "</p>") ;
    std::string dropped = article_text(html, {}, "Ferries");
    BOOST_TEST(dropped.find("Jane Doe") == std::string::npos);
    BOOST_TEST(dropped.find("electric ferries") != std::string::npos);
    Options keep;
    keep.keep_byline = true;
    std::string kept = article_text(html, keep, "Ferries");
    BOOST_TEST(kept.find("By Jane Doe and John Roe\nPublished June 2, 2025\nThe harbour") != std::string::npos);
    const std::string chinese = page_with("<h1>渡轮</h1><div>来源：中青网 | 时间：2025-06-02 08:36:20</div><p>本报记者 王建宏</p><p>" +
                                          kParagraph + "</p><p>" + kParagraph + "</p><p>（责任编辑：王五）</p>");
    BOOST_TEST(article_text(chinese, {}, "渡轮").find("王建宏") == std::string::npos);
    std::string kept_chinese = article_text(chinese, keep, "渡轮");
    BOOST_TEST(kept_chinese.find("来源：中青网 | 时间：2025-06-02 08:36:20\n本报记者 王建宏\n") != std::string::npos);
    BOOST_TEST(kept_chinese.find("（责任编辑：王五）") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_box_misnamed_as_furniture_that_holds_most_of_the_prose_stays) {
    // Sites collapse the rest of a story into a "read more" box; its name says furniture, its
    // prose says article.
    const std::string other =
        "Operators elsewhere on the coast are watching closely, since the same hulls could serve "
        "their routes, and the unions have asked for retraining before the first crossings.";
    std::string rest;
    for (int i = 0; i < 5; ++i) rest += "<p>" + other + "</p>";
    std::string menu = "<ul class=menu>";  // a big site menu: the box is far from half the page
    for (int i = 0; i < 60; ++i) menu += "<li><a href=/s" + std::to_string(i) + ">Section number " + std::to_string(i) + "</a></li>";
    menu += "</ul>";
    std::string html = page_with("<h1>Ferries</h1><p>" + kParagraph + "</p><div id=read-more><a href=#>Read more</a>"
                                 "<div id=read-more-content>" + rest + "</div></div>"
                                 "<div class=related><h3>More stories</h3><p>Bridge repairs start in May, "
                                 "the council says.</p></div>");
    html.replace(html.find("<div class=story>"), 0, menu);
    std::string text = article_text(html);
    BOOST_TEST(text.find("electric ferries") != std::string::npos);
    BOOST_TEST(text.find("retraining") != std::string::npos);
    BOOST_TEST(text.find("Bridge repairs") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_thread_whose_posts_all_sit_in_comment_boxes_is_the_content) {
    // Forum engines name every post "comment"; beside no article of their own, the posts are
    // what the page has to read. A consent dialog's long prose is no such article.
    std::string posts;
    for (int i = 0; i < 4; ++i)
        posts += "<article class=\"cPost ipsComment\"><p>Member " + std::to_string(i) +
                 "</p><div class=comment_content><p>I took the new ferry this morning and it was quiet, clean "
                 "and on time, which I did not expect after what the papers said.</p></div></article>";
    std::string consent = "<div id=onetrust-consent-sdk><h2>Privacy Preference Center</h2>";
    for (int i = 0; i < 6; ++i)
        consent += "<p>When you visit any website, it may store or retrieve information on your browser, mostly "
                   "in the form of cookies, which is used to make the site work as you expect it to.</p>";
    consent += "</div>";
    std::string html = "<html><body><h1>New ferry timetable?</h1><div class=cTopic>" + posts + "</div>" + consent +
                       "</body></html>";
    std::string text = article_text(html);
    BOOST_TEST(text.find("quiet, clean and on time") != std::string::npos);
    BOOST_TEST(text.find("cookies") == std::string::npos);
    // A real post beside the same thread keeps the thread out.
    std::string post;
    for (int i = 0; i < 3; ++i) post += "<p>" + kParagraph + "</p>";
    std::string with_post = article_text("<html><body><div class=entry>" + post + "</div><div class=comments>" + posts +
                                         "</div>" + consent + "</body></html>");
    BOOST_TEST(with_post.find("electric ferries") != std::string::npos);
    BOOST_TEST(with_post.find("on time") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_index_of_linked_entries_gives_its_entries_or_nothing_for_precision) {
    // Every line a link and no sentence anywhere: a job board, a catalogue's records.
    std::string rows;
    for (int i = 0; i < 12; ++i)
        rows += "<tr><td>" + std::to_string(i + 1) + ".</td><td><a href=/item" + std::to_string(i) +
                ">Harbour Ferries Ltd is hiring deck officers for route " + std::to_string(i) + "</a></td></tr>";
    std::string html = "<html><body><nav><a href=/>Home</a> | <a href=/jobs>Jobs</a> | <a href=/login>Login</a></nav>"
                       "<table>" + rows + "</table><footer><a href=/legal>Legal</a> <a href=/contact>Contact</a></footer>"
                       "</body></html>";
    std::string text = article_text(html);
    BOOST_TEST(text.find("hiring deck officers for route 0") != std::string::npos);
    BOOST_TEST(text.find("hiring deck officers for route 11") != std::string::npos);
    BOOST_TEST(text.find("Login") == std::string::npos);
    BOOST_TEST(article_text(html, Options::precision()).empty());
}

BOOST_AUTO_TEST_CASE(a_catalogue_whose_only_sentence_is_a_promotion_gives_its_entries) {
    // A shop's category page: one card of the product grid is a promotion, the only prose on the
    // page. Its products (linked names, prices) are what the page has to read, not the offer.
    std::string cards =
        "<li class=card><h2>Save on your next order</h2><p>Members earn a reward voucher worth ten percent of every "
        "purchase this season, paid out at the end of the year. Terms apply.</p></li>";
    for (int i = 0; i < 16; ++i)
        cards += "<li class=card><a href=/p/" + std::to_string(i) + ">Harbour steel water bottle model " +
                 std::to_string(i) + " - 750 ml</a><div>$" + std::to_string(20 + i) + ".00</div><div>Capacity: "
                 "750 ml</div></li>";
    std::string html = "<html><body><nav><a href=/>Home</a> <a href=/shop>Shop</a> <a href=/help>Help</a></nav>"
                       "<main><h1>Water bottles</h1><ul class=grid>" + cards + "</ul></main>"
                       "<footer><a href=/legal>Legal</a> <a href=/contact>Contact</a></footer></body></html>";
    std::string text = article_text(html);
    BOOST_TEST(text.find("water bottle model 0") != std::string::npos);
    BOOST_TEST(text.find("water bottle model 15") != std::string::npos);
    BOOST_TEST(text.find("Help") == std::string::npos);
    // A short story beside a few links stays the story.
    std::string story = article_text(page_with("<h1>Ferries</h1><p>" + kParagraph + "</p>"));
    BOOST_TEST(story.find("electric ferries") != std::string::npos);
    BOOST_TEST(story.find("Story one headline") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_page_of_short_sections_gives_its_whole_main_landmark) {
    // A service page: a hero sentence, then steps and plans in short lines. No section is an
    // article; the page's <main> is what it has to read.
    std::string main =
        "<main><section class=hero><h1>Plan trips together</h1><p>Shared itineraries for teams that travel, with "
        "bookings, budgets and approvals kept in one place for everyone.</p></section>"
        "<section><h2>How it works</h2><div><h3>Invite your team</h3><div>Everyone sees the plan</div></div>"
        "<div><h3>Book in one place</h3><div>Flights, rooms and trains</div></div></section>"
        "<section><h2>Plans</h2><div>Starter</div><div>$9 per traveller</div><div>Business</div>"
        "<div>$19 per traveller</div><p>Every plan starts with a free month.</p></section></main>";
    std::string html = "<html><body><header><nav><a href=/>Home</a> <a href=/pricing>Pricing</a> <a href=/login>Log "
                       "in</a></nav></header>" + main + "<footer><a href=/legal>Legal</a> <a href=/jobs>Jobs</a>"
                       "</footer></body></html>";
    std::string text = article_text(html);
    BOOST_TEST(text.find("Shared itineraries") != std::string::npos);
    BOOST_TEST(text.find("Invite your team") != std::string::npos);
    BOOST_TEST(text.find("$19 per traveller") != std::string::npos);
    BOOST_TEST(text.find("Jobs") == std::string::npos);
    BOOST_TEST(article_text(html, Options::precision()).find("$19 per traveller") == std::string::npos);
    // An article in <main> keeps to itself: the teasers beside it in <main> stay out.
    std::string story;
    for (int i = 0; i < 8; ++i) story += "<p>" + kParagraph + "</p>";
    std::string news = "<html><body><main><article><h1>Ferries</h1>" + story + "</article><section><h2>Around the "
                       "port</h2><div>Dock works</div><div>Pilot boats</div></section></main></body></html>";
    std::string article = article_text(news);
    BOOST_TEST(article.find("electric ferries") != std::string::npos);
    BOOST_TEST(article.find("Pilot boats") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(linked_list_entries_inside_the_article_stay_at_its_edge_they_go) {
    // A reference page: members as linked terms between paragraphs; a list of links after the end.
    std::string html = page_with(
        "<h1>Sockets</h1><p>" + kParagraph + "</p><h2>Instance methods</h2><dl><dt><a href=/close>Socket.close()</a>"
        "</dt><dd>Closes the connection.</dd><dt><a href=/send>Socket.send()</a></dt><dd>Queues data to send.</dd>"
        "</dl><ul><li><a href=/guide>Writing socket clients</a></li><li><a href=/servers>Writing socket servers</a>"
        "</li></ul><p>" + kParagraph + "</p><ul><li><a href=/x>Partner hosting offer</a></li>"
        "<li><a href=/y>Partner course offer</a></li></ul>");
    std::string text = article_text(html);
    BOOST_TEST(text.find("Socket.close()") != std::string::npos);
    BOOST_TEST(text.find("Writing socket servers") != std::string::npos);
    BOOST_TEST(text.find("Partner course offer") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(sections_beside_the_best_one_join_it_the_links_between_them_do_not) {
    const std::string other =
        "Operators elsewhere on the coast are watching closely, since the same hulls could serve "
        "their routes, and the unions have asked for retraining before the first crossings.";
    std::string links = "<div>";
    for (int i = 0; i < 40; ++i) links += "<a href=/p" + std::to_string(i) + ">Partner offer " + std::to_string(i) + "</a> ";
    links += "</div>";
    std::string html = "<html><body><div class=wrap><section><h2>Timetable</h2><p>" + kParagraph + "</p><p>" +
                       kParagraph + "</p><p>" + kParagraph + "</p></section>" + links + "<section><h2>Crews</h2><p>" +
                       other + "</p></section></div></body></html>";
    std::string text = article_text(html);
    BOOST_TEST(text.find("electric ferries") != std::string::npos);
    BOOST_TEST(text.find("retraining") != std::string::npos);
    BOOST_TEST(text.find("Partner offer") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_affiliate_disclosure_goes_an_affiliate_aside_in_a_paragraph_stays) {
    std::string html = page_with("<h1>Air fryers</h1><p>We may earn commission from links on this page, but we only "
                                 "recommend products we back.</p><p>" + kParagraph + "</p><p>I love a crisp meal, and "
                                 "the air fryer is a weeknight star for me: proteins, the crispiest vegetables, and "
                                 "frozen fries on busy nights. It does it all, and it cleans up in a minute. If you want "
                                 "one, this is my pick (affiliate link).</p>");
    std::string text = article_text(html);
    BOOST_TEST(text.find("weeknight star") != std::string::npos);
    BOOST_TEST(text.find("earn commission") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_footer_of_fine_print_longer_than_the_page_stays_a_footer) {
    std::string fine_print;
    for (int i = 0; i < 8; ++i)
        fine_print += "<p>Savings figures are averages based on a six-month term and are not available in all "
                      "states; coverage is provided by third parties and subject to terms.</p>";
    std::string html = "<html><body><main><h1>Ferries</h1><p>" + kParagraph + "</p><p>" + kParagraph +
                       "</p></main><footer>" + fine_print + "</footer></body></html>";
    std::string text = article_text(html);
    BOOST_TEST(text.find("electric ferries") != std::string::npos);
    BOOST_TEST(text.find("six-month term") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_section_id_spelled_from_its_heading_names_no_box) {
    // Documentation generators name each section after its heading: "more-on-lists" is no
    // "more stories" box. A box that only carries such a word in its id stays furniture.
    std::string html = "<html><body><div class=body><section id=intro><h1>Data Structures</h1><p>" + kParagraph +
                       "</p></section><section id=more-on-lists><span id=old-anchor></span><h2>5.1. More on Lists"
                       "</h2><p>The list data type has some more methods, and here they all are, with an example "
                       "of each one and what it returns.</p></section><section id=tuples><h2>5.2. Tuples</h2><p>" +
                       kParagraph + "</p></section></div><div id=more-stories><h3>Elsewhere</h3><p>Bridge repairs "
                       "start in May, the council says, and will last a year.</p></div></body></html>";
    std::string text = article_text(html);
    BOOST_TEST(text.find("more methods") != std::string::npos);
    BOOST_TEST(text.find("Bridge repairs") == std::string::npos);
}
