// Line-level cleaning of text that page layout and newspaper conventions leave behind:
// pinyin section labels, "continued from page A1" markers, figure credits, menu-like lines.
#pragma once

#include <string>
#include <string_view>

namespace webclean::content {

// "redian toushi": lower-case words that all split into pinyin syllables (a section label
// printed in pinyin beside its Chinese name). Needs two or more words.
bool is_pinyin_label(std::string_view line);

// "创新杂谈 chuangxin zatan" -> "创新杂谈": drops a pinyin tail from a line that has CJK text.
std::string strip_pinyin_tail(std::string_view line);

// Removes "(上接 A1 版)" / "（下转第3版）"-style page-continuation markers.
std::string strip_continuation_markers(std::string_view line);

// "■ 田晶娟制图", "图为…（新华社记者 张三 摄）", "▲ 资料图": a figure credit or caption line.
bool is_figure_credit(std::string_view line);

// Markup that a page escaped into its text ("<div class=…><img src=…>" inside <noscript>):
// a line that opens with a tag and closes one.
bool looks_like_markup(std::string_view line);

// A line of several short items and no sentence: "北京 天津 河北 山西", "首页 | 新闻 | 体育",
// "网站 > 科技 > 正文". What a text dump makes of a menu or breadcrumbs.
bool looks_like_menu(std::string_view line);

}  // namespace webclean::content
