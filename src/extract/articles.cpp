#include "extract/articles.hpp"

#include <algorithm>
#include <string_view>

namespace webclean::content {
namespace {

// A byline at the start of an article: a reporter or author named in its first line.
bool starts_with_byline(std::string_view line) {
    static constexpr std::string_view kOpeners[] = {"本报讯", "本报记者", "记者", "通讯员", "作者", "文/", "文／",
                                                    "By ", "新华社"};
    for (std::string_view opener : kOpeners)
        if (line.substr(0, opener.size()) == opener) return true;
    // "(记者 张三)" within the first few characters, as newspapers print it.
    std::size_t at = line.find("记者");
    return at != std::string_view::npos && at <= 24;
}

std::string byline_of(std::string_view line) {
    if (line.size() <= 90) return std::string(line);
    for (std::string_view close : {")", "）"})
        if (std::size_t end = line.find(close); end != std::string_view::npos && end < 90)
            return std::string(line.substr(0, end + close.size()));
    return {};
}

}  // namespace

std::vector<Article> split_articles(const std::vector<Block>& blocks, bool trust_levels) {
    std::vector<bool> opens(blocks.size(), false);
    int deepest = 0, bylined = 0;
    for (const Block& b : blocks)
        if (b.kind == BlockKind::Heading) deepest = std::max(deepest, b.level);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (blocks[i].kind != BlockKind::Heading) continue;
        bool byline = i + 1 < blocks.size() && blocks[i + 1].kind == BlockKind::Paragraph && starts_with_byline(blocks[i + 1].text);
        if (byline) ++bylined;
        opens[i] = byline;
    }
    std::size_t openers = std::count(opens.begin(), opens.end(), true);
    if (bylined < 2 && trust_levels) {
        std::size_t above = 0;
        for (const Block& b : blocks) above += b.kind == BlockKind::Heading && b.level < deepest;
        if (above >= 2)
            for (std::size_t i = 0; i < blocks.size(); ++i)
                opens[i] = blocks[i].kind == BlockKind::Heading && blocks[i].level < deepest;
        openers = std::count(opens.begin(), opens.end(), true);
    } else if (bylined >= 2) {
        // Headings at the bylined articles' level open articles too, byline or not.
        int level = 0;
        for (std::size_t i = 0; i < blocks.size(); ++i)
            if (opens[i]) level = std::max(level, blocks[i].level);
        for (std::size_t i = 0; i < blocks.size(); ++i)
            if (blocks[i].kind == BlockKind::Heading && blocks[i].level <= level) opens[i] = true;
        openers = std::count(opens.begin(), opens.end(), true);
    }
    if (openers < 2) return {};

    std::vector<Article> articles;
    bool has_body = false;  // the current article has more than headings so far
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (opens[i] && !articles.empty() && !has_body) {
            // Consecutive headings are one article's kicker, section label and title: the last
            // one titles it.
            articles.back().title = blocks[i].text;
        } else if (opens[i] || articles.empty()) {
            articles.emplace_back();
            has_body = false;
            if (opens[i]) articles.back().title = blocks[i].text;
            if (opens[i] && i + 1 < blocks.size() && starts_with_byline(blocks[i + 1].text))
                articles.back().byline = byline_of(blocks[i + 1].text);
        }
        Article& a = articles.back();
        if (blocks[i].kind != BlockKind::Heading) has_body = true;
        if (opens[i] && i + 1 < blocks.size() && starts_with_byline(blocks[i + 1].text))
            a.byline = byline_of(blocks[i + 1].text);
        if (!a.text.empty()) a.text.push_back('\n');
        a.text += blocks[i].text;
    }
    return articles;
}

}  // namespace webclean::content
