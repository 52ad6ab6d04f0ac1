// schema.org facts from the page's JSON-LD blobs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace webclean::metadata::detail {

struct JsonLdFacts {
    std::string headline;
    std::string name;         // the article node's name: some sites put the title here, a kind in headline
    std::vector<std::string> authors;
    std::string date_published;
    std::string date_modified;
    std::string publisher;    // publisher.name
    std::string website_name; // a WebSite node's name
    std::string description;
    std::string image;
    std::string language;
    std::vector<std::string> keywords;
    std::vector<std::string> sections;
};

// Reads every blob; invalid JSON is ignored. An article node (Article, NewsArticle, BlogPosting…)
// wins over a page node (WebPage…); within each, the first one found wins.
JsonLdFacts read_json_ld(const std::vector<std::string_view>& blobs);

}  // namespace webclean::metadata::detail
