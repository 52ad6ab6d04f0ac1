// The metadata stage: what a page's markup and its top lines say about the page itself.
#pragma once

#include <string>
#include <string_view>

#include "dom/tree.hpp"
#include "webclean/document.hpp"

namespace webclean::metadata {

// Everything the page's markup says about itself: JSON-LD, OpenGraph and other head meta,
// itemprop, <time>, bylines near the article top, ICP numbers anywhere in the body text.
// page_url is Options::url (may be empty); it is the fallback url and a source of dates.
Metadata extract_metadata(const dom::Tree& tree, std::string_view page_url);

// Any common date string -> ISO 8601 ("2025-06-02", "2025-06-02T08:36:20", "...+08:00");
// "" when there is no date, or it is impossible or in the future. Finds the first date inside
// a longer text ("发布时间：2025年6月2日 10:20" -> "2025-06-02T10:20:00").
std::string normalize_date(std::string_view text);

// A date in a URL path: /2025/06/02/, /2025-06-02/, /20250602/ -> "2025-06-02"; "" when none.
std::string date_from_url(std::string_view url);

// The first Chinese ICP record number in a text ("京ICP备2025111695号-2", "沪ICP证123456号").
std::string find_icp(std::string_view text);
// The first public-security record number in a text ("京公网安备11010802046001号").
std::string find_public_security(std::string_view text);

// The title without a site prefix or suffix ("Article - Site", "Site | Article",
// "文章标题_新华网", "标题——网站"). sitename and h1 (either may be empty) help decide.
std::string clean_title(std::string_view title, std::string_view sitename, std::string_view h1);

// "Powered by Discuz!", "Proudly powered by WordPress", "由…驱动": software credit, never a
// site name nor part of a title.
bool looks_like_software_credit(std::string_view s);

}  // namespace webclean::metadata
