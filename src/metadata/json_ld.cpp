#include "metadata/json_ld.hpp"

#include <nlohmann/json.hpp>

#include "metadata/strings.hpp"

namespace webclean::metadata::detail {
namespace {

using Json = nlohmann::json;

// Blobs past this size are not metadata (some sites inline whole product catalogues).
constexpr std::size_t max_blob_bytes = 1 << 20;
// Nodes looked at per page, and how deep: enough for @graph, arrays and mainEntity.
constexpr std::size_t max_nodes = 256;
constexpr int max_depth = 4;

bool type_matches(const Json& node, bool (*accept)(std::string_view)) {
    auto it = node.find("@type");
    if (it == node.end()) return false;
    if (it->is_string()) return accept(it->get_ref<const std::string&>());
    if (it->is_array())
        for (const auto& t : *it)
            if (t.is_string() && accept(t.get_ref<const std::string&>())) return true;
    return false;
}

bool is_article_type(std::string_view t) {
    // Article and its schema.org subtypes all end in "Article" or are among these.
    return (t.size() >= 7 && t.substr(t.size() - 7) == "Article") || t == "BlogPosting" ||
           t == "LiveBlogPosting" || t == "SocialMediaPosting" || t == "DiscussionForumPosting" || t == "Report";
}
// Works that are the page's subject when no article node is there; beside an article node they
// are usually embedded media or teasers (a news page's video player).
bool is_other_work_type(std::string_view t) {
    return t == "Review" || t == "Recipe" || t == "HowTo" || t == "VideoObject";
}
bool is_page_type(std::string_view t) {
    return (t.size() >= 7 && t.substr(t.size() - 7) == "WebPage") || t == "QAPage" || t == "FAQPage" ||
           t == "ProfilePage" || t == "CollectionPage";
}
bool is_website_type(std::string_view t) { return t == "WebSite"; }

std::string string_of(const Json& value) {
    if (value.is_string()) return collapse_space(decode_entities(value.get_ref<const std::string&>()));
    if (value.is_number_integer()) return std::to_string(value.get<long long>());
    return {};
}

std::string field(const Json& node, const char* name) {
    auto it = node.find(name);
    return it == node.end() ? std::string() : string_of(*it);
}

// "name" of an object, or the string itself.
std::string name_of(const Json& value) {
    if (value.is_string()) return string_of(value);
    if (value.is_object()) {
        std::string name = field(value, "name");
        if (name.empty()) {
            std::string given = field(value, "givenName"), family = field(value, "familyName");
            name = collapse_space(given + " " + family);
        }
        return name;
    }
    return {};
}

void read_authors(const Json& value, std::vector<std::string>& out) {
    if (value.is_array()) {
        for (const auto& item : value) read_authors(item, out);
        return;
    }
    std::string name = name_of(value);
    if (!name.empty()) append_unique(out, split_authors(name));
}

std::string image_of(const Json& value) {
    if (value.is_string()) return string_of(value);
    if (value.is_object()) {
        std::string url = field(value, "url");
        return url.empty() ? field(value, "contentUrl") : url;
    }
    if (value.is_array() && !value.empty()) return image_of(value.front());
    return {};
}

void read_list(const Json& value, std::vector<std::string>& out) {
    if (value.is_string()) {
        append_unique(out, split_keywords(value.get_ref<const std::string&>()));
    } else if (value.is_array()) {
        for (const auto& item : value)
            if (item.is_string()) append_unique(out, split_keywords(item.get_ref<const std::string&>()));
    }
}

// Fills what is still empty from one node.
void take(const Json& node, JsonLdFacts& facts) {
    if (facts.headline.empty() && facts.name.empty()) {
        facts.headline = field(node, "headline");
        facts.name = field(node, "name");
    }
    if (facts.authors.empty()) {
        auto it = node.find("author");
        if (it == node.end()) it = node.find("creator");
        if (it != node.end()) read_authors(*it, facts.authors);
    }
    if (facts.date_published.empty()) facts.date_published = field(node, "datePublished");
    if (facts.date_modified.empty()) facts.date_modified = field(node, "dateModified");
    if (facts.publisher.empty())
        if (auto it = node.find("publisher"); it != node.end())
            facts.publisher = name_of(it->is_array() && !it->empty() ? it->front() : *it);
    if (facts.description.empty()) facts.description = field(node, "description");
    if (facts.image.empty())
        if (auto it = node.find("image"); it != node.end()) facts.image = image_of(*it);
    if (facts.image.empty())
        if (auto it = node.find("thumbnailUrl"); it != node.end()) facts.image = image_of(*it);
    if (facts.language.empty()) facts.language = field(node, "inLanguage");
    if (facts.keywords.empty())
        if (auto it = node.find("keywords"); it != node.end()) read_list(*it, facts.keywords);
    if (facts.sections.empty())
        if (auto it = node.find("articleSection"); it != node.end()) read_list(*it, facts.sections);
}

// Every object worth a look, breadth limited: top level, arrays, @graph, mainEntity.
void collect(const Json& value, int depth, std::vector<const Json*>& nodes) {
    if (depth > max_depth || nodes.size() >= max_nodes) return;
    if (value.is_array()) {
        for (const auto& item : value) collect(item, depth + 1, nodes);
        return;
    }
    if (!value.is_object()) return;
    nodes.push_back(&value);
    for (const char* key : {"@graph", "mainEntity", "mainEntityOfPage"})
        if (auto it = value.find(key); it != value.end() && (it->is_array() || it->is_object()))
            collect(*it, depth + 1, nodes);
}

std::string_view trim_wrappers(std::string_view blob) {
    auto trim = [](std::string_view s) {
        while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
        while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
        return s;
    };
    blob = trim(blob);
    for (std::string_view open : {"//<![CDATA[", "<![CDATA[", "<!--"})
        if (blob.substr(0, open.size()) == open) blob = trim(blob.substr(open.size()));
    for (std::string_view close : {"//]]>", "]]>", "-->"})
        if (blob.size() >= close.size() && blob.substr(blob.size() - close.size()) == close)
            blob = trim(blob.substr(0, blob.size() - close.size()));
    return blob;
}

}  // namespace

JsonLdFacts read_json_ld(const std::vector<std::string_view>& blobs) {
    JsonLdFacts facts;
    std::vector<Json> documents;
    for (std::string_view blob : blobs) {
        if (blob.size() > max_blob_bytes) continue;
        // Raw newlines and tabs inside strings are common and make strict JSON fail; outside
        // strings a space is as good as them.
        // Some pages wrap the JSON in CDATA or an HTML comment for old XHTML parsers.
        blob = trim_wrappers(blob);
        std::string cleaned(blob);
        for (char& c : cleaned)
            if (static_cast<unsigned char>(c) < 0x20) c = ' ';
        Json parsed = Json::parse(cleaned, nullptr, /*allow_exceptions=*/false);
        if (!parsed.is_discarded()) documents.push_back(std::move(parsed));
    }
    std::vector<const Json*> nodes;
    for (const auto& document : documents) collect(document, 0, nodes);

    // Only the first article node: later ones are often related articles.
    const Json* article = nullptr;
    for (const Json* node : nodes)
        if (type_matches(*node, is_article_type)) { article = node; break; }
    if (!article)
        for (const Json* node : nodes)
            if (type_matches(*node, is_other_work_type)) { article = node; break; }
    if (article) take(*article, facts);
    // A page node only fills what no article node gave; its name is often the site's title.
    for (const Json* node : nodes)
        if (type_matches(*node, is_page_type)) {
            JsonLdFacts page;
            take(*node, page);
            if (facts.headline.empty() && facts.name.empty()) facts.headline = page.headline, facts.name = page.name;
            if (facts.authors.empty()) facts.authors = page.authors;
            if (facts.date_published.empty()) facts.date_published = page.date_published;
            if (facts.date_modified.empty()) facts.date_modified = page.date_modified;
            if (facts.publisher.empty()) facts.publisher = page.publisher;
            if (facts.description.empty()) facts.description = page.description;
            if (facts.image.empty()) facts.image = page.image;
            if (facts.language.empty()) facts.language = page.language;
            if (facts.keywords.empty()) facts.keywords = page.keywords;
            if (facts.sections.empty()) facts.sections = page.sections;
        }
    for (const Json* node : nodes)
        if (facts.website_name.empty() && type_matches(*node, is_website_type))
            facts.website_name = field(*node, "name");
    return facts;
}

}  // namespace webclean::metadata::detail
