// Bylines in the page text: where they stand around the headline and the article's end, and
// what is never taken for one.
#include <boost/test/unit_test.hpp>

#include <string>

#include "extract_page.hpp"
#include "metadata/metadata.hpp"
#include "metadata/strings.hpp"

using namespace webclean;

using test::extract;

namespace {

// A paragraph long enough to read as the article's prose.
const std::string prose = "<p>这是正文的第一段，讲述了事情的经过和背景，内容比较长，足以被看作文章的正文段落。记者在现场看到，很多人在排队。</p>";
}  // namespace

BOOST_AUTO_TEST_CASE(headline_is_the_title_line_when_the_h1_is_a_logo) {
    auto md = extract("<html><head><title>拿出十万元投资房产_新浪房产</title></head><body><h1>新浪房产</h1>"
                      "<div>首页 &gt; 房产</div><div>拿出十万元投资房产</div>"
                      "<div>http://house.example.cn 2005年03月31日03:18 北京娱乐信报</div>" + prose +
                      "<ul><li>央行调高房贷利率2005-03-28 11:29:36</li></ul></body></html>");
    BOOST_TEST(md.title == "拿出十万元投资房产");
    BOOST_TEST(md.date == "2005-03-31T03:18:00");
}

BOOST_AUTO_TEST_CASE(credits_that_close_an_article) {
    auto labelled = extract("<body><h1>标题</h1>" + prose + "<p>最后一段也很长，讲的是结论和展望，内容同样足以构成正文的段落，一直写到这里为止。（总台记者 张倩）</p></body>");
    BOOST_TEST(labelled.author() == "张倩");
    auto reported = extract("<body><h1>标题</h1>" + prose + "<p>最后一段也很长，讲的是结论和展望，内容同样足以构成正文的段落，一直写到这里为止。（姚峰 上海报道）</p></body>");
    BOOST_TEST(reported.author() == "姚峰");
    auto names = extract("<body><h1>标题</h1>" + prose + "<p>最后一段也很长，讲的是结论和展望，内容同样足以构成正文的段落，一直写到这里为止。（常书香 马丹阳 ）</p></body>");
    BOOST_TEST(names.author() == "常书香; 马丹阳");
    auto alone = extract("<body><h1>标题</h1>" + prose + "<p>到头来，一位自甘清贫的外科医生。</p><p>（袁源）</p></body>");
    BOOST_TEST(alone.author() == "袁源");
    auto editor = extract("<body><h1>标题</h1>" + prose + "<p>（ 责任编辑：魏喆 ）</p></body>");
    BOOST_TEST(editor.editor == "魏喆");
    BOOST_TEST(editor.authors.empty());
    // A list item's bracket names a channel, not a person.
    auto list = extract("<body><h1>标题</h1>" + prose + "<ul><li>歌坛大哥的家：充满了个性色彩(组图)(房产)</li></ul></body>");
    BOOST_TEST(list.authors.empty());
}

BOOST_AUTO_TEST_CASE(labels_alone_in_table_cells) {
    auto md = extract("<body><h1>关于某事的通告</h1><table><tr><td>发文机关：</td><td>某省人民政府</td></tr>"
                      "<tr><td>发布日期：</td><td>2022年01月28日</td></tr></table>" + prose +
                      "<div>编辑：</div><div>金金</div></body>");
    BOOST_TEST(md.author() == "某省人民政府");
    BOOST_TEST(md.date == "2022-01-28");
    BOOST_TEST(md.editor == "金金");
    // "联系记者" ends a menu line: the next line is no reporter.
    auto menu = extract("<body><h1>标题</h1><div>在线荐稿 联系记者</div><div>郭荣梅指挥乐团练习</div>" + prose + "</body>");
    BOOST_TEST(menu.authors.empty());
}

BOOST_AUTO_TEST_CASE(a_byline_over_several_lines_then_settled) {
    auto md = extract("<body><h1>谁来为无序拆房埋单</h1><p>本报实习生</p><p>刘国栋 周炜</p><p>本报记者</p>"
                      "<p>王燕平 方云凤</p><p>2003-7-24 钱江晚报</p>" + prose + prose + prose +
                      "<p>- 作者： 流泉 访问统计： 2005年08月30日 13:22</p></body>");
    BOOST_TEST(md.author() == "刘国栋; 周炜; 王燕平; 方云凤");
    BOOST_TEST(md.date == "2003-07-24");  // the dateline under the headline, not the blog's footer
}

BOOST_AUTO_TEST_CASE(forum_and_blog_posters) {
    BOOST_TEST(extract("<body><h1>陈天华《警世钟》</h1><p>ggjjzhzz 发表于 2005-9-15 11:46:00</p>" + prose + "</body>").author() ==
               "ggjjzhzz");
    auto sentence = extract("<body>" + prose + "<p>本贴由大卫于2005年8月12日16:12:21在〖心灵体操〗发表.</p></body>");
    BOOST_TEST(sentence.author() == "大卫");
    BOOST_TEST(sentence.date == "2005-08-12T16:12:21");
    auto handle = extract("<body><h1>惊爆黑幕(转载)</h1>" + prose + "<p>〓 网易娱乐 明星话题 发布时间 2005/03/15 22:36:13 by duscha 〓</p></body>");
    BOOST_TEST(handle.author() == "duscha");
    // A quoted post's header names the quoted poster, not this page's.
    auto quoted = extract("<body><h1>阳台种菜记录</h1><blockquote>青禾 发表于 2024-04-21 09:12<br>请问是盆栽吗？</blockquote>" + prose + "</body>");
    BOOST_TEST(quoted.authors.empty());
}

BOOST_AUTO_TEST_CASE(print_source_with_its_issue) {
    auto md = extract("<html><head><title>显示</title></head><body><p>犬儒病(上)</p>" + prose +
                      "<p>——《北京之春》1998年3月号</p></body></html>");
    BOOST_TEST(md.date == "1998-03");
    BOOST_TEST(md.source == "北京之春");
}

BOOST_AUTO_TEST_CASE(a_line_of_names_before_the_first_paragraph) {
    auto md = extract("<html><head><title>显示</title></head><body><p>显示</p><p>比赛革命的革命</p><p>胡平</p>"
                      "<p>——对文化革命的政治心理学分析</p>" + prose + "</body></html>");
    BOOST_TEST(md.author() == "胡平");
    auto list = extract("<body><h1>社会资本与再就业</h1><p>赵延东、风笑天</p>" + prose + "</body>");
    BOOST_TEST(list.author() == "赵延东; 风笑天");  // one known family name vouches for a rarer one
    auto nav = extract("<body><h1>标题</h1><p>房产 汽车</p>" + prose + "</body>");
    BOOST_TEST(nav.authors.empty());  // words that are no names
}

BOOST_AUTO_TEST_CASE(names_run_into_their_role) {
    BOOST_TEST(extract("<body><h1>标题</h1><p>本报记者罗科苏盈发自北京</p>" + prose + "</body>").author() == "罗科苏盈");
    BOOST_TEST(extract("<body><h1>标题</h1><p>首页｜新华社记者看东北｜人物专访</p>" + prose + "</body>").authors.empty());
    // A reporter told something in the prose is no byline.
    BOOST_TEST(extract("<body><h1>标题</h1><p>医生微笑着告诉记者：被称之为最缺乏信心的肺癌，“我的病人术后可以不做放、化疗了。”</p>" +
                       prose + "</body>").authors.empty());
}

BOOST_AUTO_TEST_CASE(datelines_and_bare_dates) {
    auto dateline = extract("<body><h1>农机专家李金泽</h1><p>2005年08月16日 来源：新华网</p>" + prose + "</body>");
    BOOST_TEST(dateline.date == "2005-08-16");
    BOOST_TEST(dateline.source == "新华网");
    auto above = extract("<html><head><title>厕所革命改善人居环境</title></head><body><p>往期</p><p>2022年02月13日</p>"
                         "<p>厕所革命改善人居环境</p><p>去年改造户用卫生厕所4.66万座</p>" + prose + "</body></html>");
    BOOST_TEST(above.date == "2022-02-13");
    // A month in the prose, or a list of other articles under the text, dates nothing.
    auto none = extract("<body><h1>标题</h1><p>2022年1月，疫情再次袭击了郑州。</p>" + prose + prose +
                        "<ul><li>少年时代(1)(2004/10/10 17:06)</li></ul>" + std::string(20, ' ') + "</body>");
    BOOST_TEST(none.date == "");
}

BOOST_AUTO_TEST_CASE(a_source_that_is_a_person_is_the_writer) {
    auto md = extract("<body><h1>标题</h1>" + prose + "<p>来源: 尹娟</p></body>");
    BOOST_TEST(md.author() == "尹娟");
    auto outlet = extract("<body><h1>标题</h1>" + prose + "<p>来源：千龙新闻网</p></body>");
    BOOST_TEST(outlet.authors.empty());
    BOOST_TEST(outlet.source == "千龙新闻网");
}

BOOST_AUTO_TEST_CASE(han_person_lexicon) {
    using metadata::detail::han_persons;
    using metadata::detail::looks_like_han_person;
    BOOST_TEST(looks_like_han_person("张倩"));
    BOOST_TEST(looks_like_han_person("欧阳修远"));
    BOOST_TEST(!looks_like_han_person("完"));
    BOOST_TEST(!looks_like_han_person("看东北"));
    BOOST_TEST(!looks_like_han_person("吉林省人民政府"));
    BOOST_TEST((han_persons("常书香 马丹阳") == std::vector<std::string>{"常书香", "马丹阳"}));
    BOOST_TEST(han_persons("常书香 在这里说").empty());
}
