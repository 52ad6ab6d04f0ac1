// The metadata stage's orchestrator: gathers candidates from every source once, then picks per
// field in order of trust (JSON-LD, OpenGraph/article meta, itemprop, <time>, other meta names,
// bylines in the text, the URL).
#include "metadata/metadata.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <unordered_map>
#include <unordered_set>

#include "limits/deadline.hpp"
#include "metadata/bylines.hpp"
#include "metadata/json_ld.hpp"
#include "metadata/strings.hpp"
#include "text/ascii.hpp"

namespace webclean {

std::string Metadata::author() const {
    std::string joined;
    for (const auto& a : authors) {
        if (!joined.empty()) joined += "; ";
        joined += a;
    }
    return joined;
}

namespace metadata {
namespace {

using detail::collapse_space;

// Attribute values past this length are junk or payloads, not metadata.
constexpr std::size_t max_value_bytes = 8192;
// Text gathered from one element (a title, an itemprop author, a byline element).
constexpr std::size_t max_element_text_bytes = 1024;
// Byline-looking elements whose text is read before giving up (keeps junk pages cheap).
constexpr int max_byline_elements = 8;
// Body text looked at to guess the language.
constexpr std::size_t language_sample_bytes = 32768;

// Meta names, lower case, by field and in order of trust within the field.
constexpr std::array date_meta{
    "article:published_time", "og:article:published_time", "og:published_time", "article:published",
    "datepublished", "publishdate", "pubdate", "publish-date", "publish_date", "publication_date",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created",
    "article.published", "sailthru.date", "parsely-pub-date", "og:release_date", "weibo: article:create_at",
    "citation_publication_date", "citation_date", "date", "release_date", "created", "creation_date"};
constexpr std::array modified_meta{"article:modified_time", "og:updated_time", "article:modified", "datemodified",
                                   "dcterms.modified", "dc.date.modified", "weibo: article:update_at",
                                   "last-modified", "lastmod", "modified"};
// Dublin Core names the work's creator on purpose; a bare "author" is as often the site's owner.
constexpr std::array author_meta{"article:author", "og:article:author", "dc.creator", "dcterms.creator",
                                 "author", "byl", "parsely-author", "sailthru.author", "citation_author",
                                 "citation_authors"};
// Title keys after JSON-LD: Dublin Core is the bibliographic title, og:title the social card's.
constexpr std::array title_meta{"dc.title", "dcterms.title", "og:title", "twitter:title", "parsely-title"};
constexpr std::array description_meta{"og:description", "description", "dc.description", "dcterms.description",
                                      "twitter:description"};
constexpr std::array image_meta{"og:image", "og:image:url", "og:image:secure_url", "twitter:image",
                                "twitter:image:src"};
constexpr std::array language_meta{"content-language", "og:locale", "dc.language", "dcterms.language", "language"};

// Everything read from the markup in one walk.
struct Markup {
    std::unordered_map<std::string, std::string_view> meta;  // first value per key, RDFa property first
    std::unordered_set<std::string> keys_from_property;
    // Every value per author key; those stated with property= when there are any.
    std::unordered_map<std::string, std::vector<std::string_view>> author_values;
    std::unordered_set<std::string> author_keys_from_property;
    std::vector<std::string_view> tags, sections;
    std::string title, h1, canonical, license, html_lang;
    std::string item_author, item_date, item_modified, rel_author, time_date, time_date_marked, byline_element;
    std::string account_name;  // a publishing account's name on a platform page (#js_name, .profile_nickname)
};

std::string element_text(const dom::Tree& tree, dom::NodeId id) {
    // Words on either side of a line's end are apart, whether or not the markup has whitespace
    // there ("<div>By</div><a>Jane</a>" reads "By Jane").
    auto separates = [&](dom::NodeId n) { return !tree[n].is_text && detail::ends_line(tree[n].tag); };
    std::string text;
    dom::walk(
        tree, id,
        [&](dom::NodeId n) {
            if (text.size() > max_element_text_bytes) return false;
            if (tree[n].is_text) text += tree[n].text;
            else if (separates(n)) text += ' ';
            return true;
        },
        [&](dom::NodeId n) {
            if (separates(n)) text += ' ';
        });
    return collapse_space(text);
}

bool has_token(std::string_view list, std::string_view token) {
    std::size_t i = 0;
    while (i < list.size()) {
        while (i < list.size() && text::is_ascii_space(list[i])) ++i;
        std::size_t start = i;
        while (i < list.size() && !text::is_ascii_space(list[i])) ++i;
        if (i > start && text::iequals(list.substr(start, i - start), token)) return true;
    }
    return false;
}

// Whether s holds needle (lower case), ASCII letters compared without case. Called for every
// class and id of the page: no lower-case copy is made.
bool contains_ignoring_case(std::string_view s, std::string_view needle) {
    if (needle.size() > s.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= s.size(); ++i) {
        if (text::ascii_lower(s[i]) != needle[0]) continue;
        std::size_t k = 1;
        while (k < needle.size() && text::ascii_lower(s[i + k]) == needle[k]) ++k;
        if (k == needle.size()) return true;
    }
    return false;
}

// class/id naming a byline; comment and avatar blocks also say "author" but hold other people.
bool names_byline(std::string_view class_or_id) {
    if (class_or_id.empty() || class_or_id.size() > 200) return false;
    auto has = [&](std::string_view part) { return contains_ignoring_case(class_or_id, part); };
    if (!has("byline") && !has("author") && !has("writer")) return false;
    for (std::string_view unwanted : {"comment", "avatar", "bio", "related", "more", "other", "img", "photo"})
        if (has(unwanted)) return false;
    return true;
}

// class/id of the element naming the account that published a post on a platform
// ("js_name", "profile_nickname", "account_name", "account-name").
bool names_account(std::string_view class_or_id) {
    if (class_or_id.empty() || class_or_id.size() > 200) return false;
    auto has = [&](std::string_view part) { return contains_ignoring_case(class_or_id, part); };
    return has("nickname") || has("account_name") || has("account-name") || has_token(class_or_id, "js_name");
}

// Names of publishing platforms that host many accounts' articles: as a site name they say
// nothing about who published the page, the account does.
bool generic_platform_name(std::string_view name) {
    static constexpr std::string_view platforms[] = {"微信公众平台", "微信公众号", "WeChat Official Accounts",
                                                     "WeChat", "微信", "今日头条", "头条号", "百家号",
                                                     "搜狐号", "网易号", "企鹅号", "知乎专栏"};
    name = text::trim(name);
    for (auto platform : platforms)
        if (text::iequals(name, platform)) return true;
    return false;
}

void read_meta(const dom::Tree& tree, dom::NodeId id, Markup& m) {
    std::string_view content = tree.attribute(id, "content");
    if (content.empty()) content = tree.attribute(id, "value");
    if (content.empty() || content.size() > max_value_bytes) return;
    for (std::string_view attribute : {"property", "name", "itemprop", "http-equiv"}) {
        std::string_view keys = tree.attribute(id, attribute);
        // A property attribute may list several keys ("dc:title og:title").
        std::size_t i = 0;
        while (i < keys.size()) {
            while (i < keys.size() && text::is_ascii_space(keys[i])) ++i;
            std::size_t start = i;
            while (i < keys.size() && !text::is_ascii_space(keys[i])) ++i;
            if (i == start) break;
            std::string key = text::to_lower(keys.substr(start, i - start));
            // "dc:creator" and "dc.creator" are the same key.
            if (key.size() > 3 && (key.compare(0, 3, "dc:") == 0 || key.compare(0, 8, "dcterms:") == 0))
                key[key.find(':')] = '.';
            if (key == "article:tag") m.tags.push_back(content);
            if (key == "article:section") m.sections.push_back(content);
            if (std::find(author_meta.begin(), author_meta.end(), key) != author_meta.end()) {
                auto& values = m.author_values[key];
                if (attribute == "property" && m.author_keys_from_property.insert(key).second) values.clear();
                if (attribute == "property" || !m.author_keys_from_property.count(key)) values.push_back(content);
            }
            // property= is how RDFa states og: and dc: keys; name="og:title" is a common slip
            // that a page may repeat with other content.
            if (attribute == "property" && m.keys_from_property.insert(key).second) m.meta.insert_or_assign(key, content);
            else m.meta.emplace(std::move(key), content);
        }
    }
}

Markup read_markup(const dom::Tree& tree) {
    Markup m;
    m.html_lang = collapse_space(tree.attribute(tree.root(), "lang"));
    if (m.html_lang.empty()) m.html_lang = collapse_space(tree.attribute(tree.root(), "xml:lang"));
    int byline_elements_read = 0;
    dom::walk(tree, tree.root(), [&](dom::NodeId id) {
        limits::check_deadline();
        const dom::Node& node = tree[id];
        if (node.is_text) return false;
        switch (node.tag) {
            case GUMBO_TAG_META: read_meta(tree, id, m); return false;
            case GUMBO_TAG_LINK:
            case GUMBO_TAG_A: {
                std::string_view rel = tree.attribute(id, "rel");
                std::string_view href = text::trim(tree.attribute(id, "href"));
                if (href.size() > max_value_bytes) break;
                if (node.tag == GUMBO_TAG_LINK && has_token(rel, "canonical") && m.canonical.empty()) m.canonical = href;
                if (has_token(rel, "license") && m.license.empty()) m.license = href;
                if (node.tag == GUMBO_TAG_A && has_token(rel, "author") && m.rel_author.empty())
                    m.rel_author = element_text(tree, id);
                break;
            }
            case GUMBO_TAG_TITLE:
                if (m.title.empty()) m.title = element_text(tree, id);
                return false;
            case GUMBO_TAG_H1:
                if (m.h1.empty()) m.h1 = element_text(tree, id);
                break;
            case GUMBO_TAG_TIME: {
                std::string_view when = tree.attribute(id, "datetime");
                if (when.empty() || when.size() > 100) break;
                bool marked = tree.has_attribute(id, "pubdate") || has_token(tree.attribute(id, "itemprop"), "datePublished");
                if (marked && m.time_date_marked.empty()) m.time_date_marked = when;
                if (m.time_date.empty()) m.time_date = when;
                break;
            }
            default: break;
        }
        std::string_view itemprop = tree.attribute(id, "itemprop");
        if (!itemprop.empty()) {
            auto value = [&] {
                for (std::string_view attribute : {"content", "datetime"}) {
                    std::string_view v = tree.attribute(id, attribute);
                    if (!v.empty() && v.size() <= max_value_bytes) return collapse_space(v);
                }
                return element_text(tree, id);
            };
            if ((has_token(itemprop, "author") || has_token(itemprop, "creator")) && m.item_author.empty()) {
                // <span itemprop=author><span itemprop=name>…</span></span>: the name is enough.
                dom::walk(tree, id, [&](dom::NodeId n) {
                    if (!m.item_author.empty() || tree[n].is_text) return false;
                    if (n != id && has_token(tree.attribute(n, "itemprop"), "name")) m.item_author = element_text(tree, n);
                    return true;
                });
                if (m.item_author.empty()) m.item_author = value();
            }
            if (has_token(itemprop, "datePublished") && m.item_date.empty()) m.item_date = value();
            if (has_token(itemprop, "dateModified") && m.item_modified.empty()) m.item_modified = value();
        }
        if (m.account_name.empty() && (names_account(tree.attribute(id, "id")) || names_account(tree.attribute(id, "class")))) {
            std::string text = element_text(tree, id);
            std::size_t length = detail::length_in_code_points(text);
            if (length >= 2 && length <= 40) m.account_name = std::move(text);
        }
        if (m.byline_element.empty() && byline_elements_read < max_byline_elements &&
            (names_byline(tree.attribute(id, "class")) || names_byline(tree.attribute(id, "id")) ||
             has_token(tree.attribute(id, "rel"), "author"))) {
            ++byline_elements_read;
            std::string text = element_text(tree, id);
            std::size_t length = detail::length_in_code_points(text);
            if (length >= 2 && length <= 100) m.byline_element = std::move(text);
        }
        return true;
    });
    return m;
}

std::string_view first_meta(const Markup& m, std::initializer_list<const char*> keys) {
    for (const char* key : keys)
        if (auto it = m.meta.find(key); it != m.meta.end() && !text::trim(it->second).empty()) return it->second;
    return {};
}
template <std::size_t N>
std::string_view first_meta(const Markup& m, const std::array<const char*, N>& keys) {
    for (const char* key : keys)
        if (auto it = m.meta.find(key); it != m.meta.end() && !text::trim(it->second).empty()) return it->second;
    return {};
}

// The first of the keys whose value parses as a date.
template <std::size_t N>
std::string first_meta_date(const Markup& m, const std::array<const char*, N>& keys) {
    for (const char* key : keys)
        if (auto it = m.meta.find(key); it != m.meta.end())
            if (std::string d = normalize_date(it->second); !d.empty()) return d;
    return {};
}

// The first candidate that parses as a date.
std::string first_date(std::initializer_list<std::string_view> candidates) {
    for (std::string_view c : candidates)
        if (!c.empty())
            if (std::string d = normalize_date(c); !d.empty()) return d;
    return {};
}

bool is_absolute_http(std::string_view url) {
    return detail::starts_with_ignoring_case(url, "http://") || detail::starts_with_ignoring_case(url, "https://");
}

// scheme://host of an absolute URL.
std::string_view origin_of(std::string_view url) {
    std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return {};
    return url.substr(0, url.find_first_of("/?#", scheme + 3));
}

std::string resolve(std::string_view href, std::string_view page_url) {
    href = text::trim(href);
    if (href.empty()) return {};
    if (is_absolute_http(href)) return std::string(href);
    if (href.substr(0, 2) == "//") {
        std::size_t scheme = page_url.find("://");
        return std::string(scheme == std::string_view::npos ? "https:" : page_url.substr(0, scheme + 1)) +
               std::string(href);
    }
    if (href[0] == '/' && !origin_of(page_url).empty()) return std::string(origin_of(page_url)) + std::string(href);
    return {};
}

std::string hostname_of(std::string_view url) {
    std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return {};
    std::string_view host = url.substr(scheme + 3);
    host = host.substr(0, host.find_first_of("/?#"));
    if (std::size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
    if (!host.empty() && host[0] != '[') host = host.substr(0, host.find(':'));
    return text::to_lower(host);
}

std::string language_tag(std::string_view value) {
    std::string tag = collapse_space(value);
    if (tag.size() > 35) return {};
    for (char& c : tag)
        if (c == '_') c = '-';
    // "zh-CN, en" lists several; the first is the page's own.
    tag = tag.substr(0, tag.find_first_of(", ;"));
    if (tag.empty() || !text::is_ascii_alpha(tag[0])) return {};
    return tag;
}

std::string guess_language(const std::vector<std::string>& lines) {
    std::size_t han = 0, kana = 0, hangul = 0, latin = 0, sampled = 0, words = 0, stopwords = 0;
    static constexpr std::array english{"the", "and", "of", "to", "in", "is", "that", "for", "with", "on",
                                        "it", "as", "was", "are", "this", "be", "by", "from", "at", "or"};
    for (const auto& line : lines) {
        for (std::size_t i = 0; i < line.size();) {
            std::size_t word_start = i;
            char32_t c = detail::next_code_point(line, i);
            if (detail::is_han(c)) ++han;
            else if (detail::is_kana(c)) ++kana;
            else if (detail::is_hangul(c)) ++hangul;
            else if (c < 0x80 && text::is_ascii_alpha(char(c))) {
                while (i < line.size() && text::is_ascii_alpha(line[i])) ++i;
                latin += i - word_start;
                ++words;
                std::string word = text::to_lower(std::string_view(line).substr(word_start, i - word_start));
                for (const char* s : english) stopwords += word == s;
            }
        }
        sampled += line.size();
        if (sampled > language_sample_bytes) break;
    }
    const std::size_t east_asian = han + kana + hangul;
    // One CJK character carries about as much as a short Latin word: compare with letters / 3.
    if (east_asian > 20 && east_asian * 3 > latin) {
        if (kana * 5 > east_asian) return "ja";
        if (hangul * 2 > east_asian) return "ko";
        return "zh";
    }
    if (words >= 30 && stopwords * 100 >= words * 12) return "en";
    return {};
}

// Site name from a title like "Article - Site" when nothing else names the site.
std::string site_from_title(std::string_view raw_title, std::string_view cleaned) {
    std::string title = collapse_space(raw_title);
    if (cleaned.empty() || cleaned.size() >= title.size()) return {};
    std::string_view rest;
    if (title.compare(0, cleaned.size(), cleaned) == 0) rest = std::string_view(title).substr(cleaned.size());
    else if (title.size() > cleaned.size() && title.compare(title.size() - cleaned.size(), cleaned.size(), cleaned) == 0)
        rest = std::string_view(title).substr(0, title.size() - cleaned.size());
    else return {};
    // The outermost segment of the rest names the site ("_科技_腾讯网" -> "腾讯网").
    static constexpr std::string_view separators[] = {" | ", " - ", " – ", " — ", " :: ", " » ", " · ", "——", "_", "|", "｜"};
    const bool suffix = rest.data() != title.data();
    std::size_t cut = suffix ? 0 : rest.size(), separator_at = 0;
    for (auto sep : separators) {
        if (suffix) {
            std::size_t at = rest.rfind(sep);
            if (at != std::string_view::npos && at + sep.size() > cut) { cut = at + sep.size(); separator_at = at; }
        } else {
            std::size_t at = rest.find(sep);
            if (at != std::string_view::npos && at < cut) cut = at;
        }
    }
    // "标题-频道-网站": a chain joined by bare hyphens (clean_title split there).
    if (suffix && rest.size() > 1 && rest[0] == '-' && rest[1] != ' ' && rest[1] != '-') {
        std::size_t at = rest.rfind('-');
        if (at + 1 > cut) { cut = at + 1; separator_at = at; }
    }
    std::string_view site = suffix ? rest.substr(cut) : rest.substr(0, cut);
    // "… - 绿野家园论坛 - Powered by Discuz!": the site is the segment before the credit.
    if (suffix && cut > 0 && looks_like_software_credit(site)) return site_from_title(std::string_view(title).substr(0, std::size_t(rest.data() - title.data()) + separator_at), cleaned);
    std::string out = collapse_space(site);
    return detail::length_in_code_points(out) <= 40 && !looks_like_software_credit(out) ? out : std::string();
}

// The first word of a name ("Discuz!" of "Discuz! X3.4", "大汉" of "大汉版通": two Han
// characters, as a brand's name starts).
std::string_view first_word(std::string_view s) {
    s = text::trim(s);
    std::size_t i = 0, han = 0;
    while (i < s.size()) {
        std::size_t at = i;
        char32_t c = detail::next_code_point(s, i);
        if (detail::is_space(c)) return s.substr(0, at);
        if (detail::is_han(c) && ++han == 2) return s.substr(0, i);
    }
    return s;
}

// The software that made the page, credited as its author ("Discuz! Team" beside the generator
// "Discuz! X3.4", a CMS vendor beside its product).
bool credits_generator(std::string_view author, std::string_view generator) {
    if (looks_like_software_credit(author)) return true;
    std::string_view a = first_word(author), g = first_word(generator);
    return a.size() >= 3 && text::iequals(a, g);
}

std::vector<std::string> authors_from(std::string_view value, std::string_view generator = {}) {
    std::vector<std::string> names;
    if (!generator.empty() && credits_generator(value, generator)) return names;
    for (auto& name : detail::split_authors(value))
        if (detail::plausible_author(name)) names.push_back(std::move(name));
    return names;
}

}  // namespace

Metadata extract_metadata(const dom::Tree& tree, std::string_view page_url) {
    Metadata md;
    const detail::JsonLdFacts ld = detail::read_json_ld(tree.json_ld);
    const Markup m = read_markup(tree);
    const detail::PageLines page = detail::page_lines(tree);

    // Site name first: title cleaning uses it.
    md.sitename = collapse_space(first_meta(m, {"og:site_name"}));
    if (md.sitename.empty()) md.sitename = ld.publisher;
    if (md.sitename.empty()) md.sitename = collapse_space(first_meta(m, {"application-name", "apple-mobile-web-app-title"}));
    if (md.sitename.empty()) md.sitename = ld.website_name;
    if (looks_like_software_credit(md.sitename)) md.sitename.clear();
    // On a platform page ("微信公众平台") the site is the account that published the article.
    if (generic_platform_name(md.sitename) && !m.account_name.empty()) md.sitename = m.account_name;

    // JSON-LD first, as for every field: og:title is the social-media title, often reworded.
    // Some sites put the title in "name" and a kind of page in "headline"; the <title> tells.
    // Others put their own name there.
    std::string raw_title = ld.headline;
    const bool name_is_site = text::iequals(ld.name, ld.publisher) || text::iequals(ld.name, md.sitename) ||
                              text::iequals(ld.name, ld.website_name);
    if (!ld.name.empty() && !name_is_site &&
        (raw_title.empty() ||
         (m.title.find(ld.name) != std::string::npos && m.title.find(ld.headline) == std::string::npos)))
        raw_title = ld.name;
    if (raw_title.empty()) raw_title = collapse_space(first_meta(m, title_meta));
    if (raw_title.empty()) raw_title = m.title;
    if (raw_title.empty()) raw_title = m.h1;
    md.title = clean_title(detail::decode_entities(raw_title), md.sitename, m.h1);
    if (md.sitename.empty()) md.sitename = site_from_title(m.title, clean_title(m.title, "", m.h1));

    // Authors.
    const std::string_view generator = first_meta(m, {"generator"});
    for (const auto& name : ld.authors)
        if (detail::plausible_author(name)) md.authors.push_back(name);
    // A key may be repeated, one author each.
    for (const char* key : author_meta) {
        if (!md.authors.empty()) break;
        if (auto it = m.author_values.find(key); it != m.author_values.end())
            for (std::string_view value : it->second) detail::append_unique(md.authors, authors_from(value, generator));
    }
    if (md.authors.empty()) md.authors = authors_from(m.item_author);
    const detail::Bylines bylines = detail::scan_bylines(page, md.title);
    if (md.authors.empty()) md.authors = bylines.authors;
    if (md.authors.empty()) md.authors = authors_from(m.rel_author);
    if (md.authors.empty() && !m.byline_element.empty()) {
        detail::Bylines from_element;
        detail::read_byline_line(m.byline_element, from_element);
        // An element holding only other labelled fields ("发表于 2024-04-20 20:00") names no one.
        const bool other_fields = !from_element.date.empty() || !from_element.modified.empty() ||
                                  !from_element.source.empty() || !from_element.editor.empty();
        if (!from_element.authors.empty()) md.authors = from_element.authors;
        else if (!other_fields) md.authors = authors_from(m.byline_element);
        if (md.authors.size() > 5) md.authors.clear();  // a list of links, not a byline
    }

    // Dates.
    md.date = first_date({ld.date_published, first_meta(m, {"article:published_time", "og:article:published_time", "og:published_time"}),
                          m.item_date, m.time_date_marked, first_meta_date(m, date_meta), bylines.date, m.time_date});
    md.modified = first_date({ld.date_modified, first_meta_date(m, modified_meta), m.item_modified, bylines.modified});

    md.url = resolve(m.canonical, page_url);
    if (md.url.empty()) md.url = resolve(first_meta(m, {"og:url"}), page_url);
    if (md.url.empty()) md.url = std::string(page_url);
    md.hostname = hostname_of(md.url);
    if (md.date.empty()) md.date = date_from_url(md.url);
    if (md.date.empty() && md.url != page_url) md.date = date_from_url(page_url);
    // A page that only says when it was updated ("更新时间") was published no later than that:
    // the best date there is, as the reader sees it.
    if (md.date.empty()) md.date = md.modified;

    md.description = collapse_space(first_meta(m, description_meta));
    if (md.description.empty()) md.description = ld.description;

    md.language = language_tag(m.html_lang);
    if (md.language.empty()) md.language = language_tag(first_meta(m, language_meta));
    if (md.language.empty()) md.language = language_tag(ld.language);
    if (md.language.empty()) md.language = guess_language(page.lines);

    md.image = resolve(first_meta(m, image_meta), page_url);
    if (md.image.empty()) md.image = collapse_space(first_meta(m, image_meta));
    if (md.image.empty()) md.image = ld.image;

    for (std::string_view section : m.sections) detail::append_unique(md.categories, detail::split_keywords(section));
    detail::append_unique(md.categories, ld.sections);
    for (std::string_view tag : m.tags) detail::append_unique(md.tags, detail::split_keywords(tag));
    detail::append_unique(md.tags, ld.keywords);
    if (md.tags.empty()) detail::append_unique(md.tags, detail::split_keywords(first_meta(m, {"keywords", "news_keywords"})));

    md.license = resolve(m.license, page_url);
    if (md.license.empty()) md.license = collapse_space(m.license);

    md.source = bylines.source;
    md.editor = bylines.editor;
    // "来源：尹娟": a source that is a person's name is the writer.
    if (md.authors.empty() && detail::looks_like_han_person(md.source)) md.authors = {md.source};

    // Registration numbers sit in the footer: every line of the page.
    for (const auto& line : page.lines) {
        if (md.icp.empty() && line.find("ICP") != std::string::npos) md.icp = find_icp(line);
        if (md.public_security.empty() && line.find("公网安备") != std::string::npos)
            md.public_security = find_public_security(line);
        if (!md.icp.empty() && !md.public_security.empty()) break;
    }
    return md;
}

}  // namespace metadata
}  // namespace webclean
