// The result of extraction: clean text as blocks and lines, plus metadata.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace webclean {

// Page metadata. Empty strings mean "not found"; dates are ISO 8601.
struct Metadata {
    std::string title;
    std::vector<std::string> authors;
    std::string date;           // publication date
    std::string modified;       // last modification date
    std::string sitename;
    std::string source;         // original publisher of a reposted article (来源)
    std::string url;            // canonical URL, else the URL given in the options
    std::string hostname;
    std::string description;
    std::string language;       // BCP 47 tag, e.g. "en", "zh-CN"
    std::string image;
    std::vector<std::string> categories;
    std::vector<std::string> tags;
    std::string license;
    std::string editor;
    std::string icp;              // Chinese ICP record number, e.g. 京ICP备12345678号
    std::string public_security;  // Chinese public-security record number (公网安备)
    std::string charset;          // the encoding the input was decoded from
    std::size_t replaced = 0;     // invalid byte sequences decoded as U+FFFD

    // Authors joined with "; " (the form trafilatura users expect).
    std::string author() const;
};

enum class BlockKind { Heading, Paragraph, ListItem, Quote, Code, TableRow, Caption };

// One line of the clean text.
struct Block {
    BlockKind kind = BlockKind::Paragraph;
    int level = 0;  // heading level 1..6, list nesting depth, 0 otherwise
    std::string text;
};

// One of several articles on a page (a newspaper page holds several).
struct Article {
    std::string title;
    std::string byline;  // the line naming its reporter, when there is one ("本报记者 张三")
    std::string text;    // its blocks' text, one block a line, title included
};

// How a fetched page was served; all empty for pages that were not fetched.
struct Response {
    long http_status = 0;      // status code of the last response
    std::string final_url;     // after redirects
    std::string content_type;  // Content-Type header, as sent
    bool empty() const { return http_status == 0 && final_url.empty() && content_type.empty(); }
};

struct Document {
    Metadata metadata;
    Response response;          // set by extract(FetchResult)
    std::vector<Block> blocks;  // the article, in reading order
    std::string text;           // the blocks' text, one block a line
    std::vector<Article> articles;  // filled only when the page holds two or more articles
    std::vector<Block> comment_blocks;
    std::string comments;       // reader comments, when found and wanted
    bool empty() const { return text.empty(); }
};

}  // namespace webclean
