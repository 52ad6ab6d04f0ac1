#include "extract/lexicon.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <iterator>
#include <string>
#include <stdexcept>
#include <vector>

#include "text/ascii.hpp"
#include "text/phrase_index.hpp"

namespace webclean::content {
namespace {

// Class/id tokens of page furniture. Pinyin entries cover Chinese sites that name their
// blocks in pinyin (daohang = navigation, xiangguan = related, remen = popular, ...).
constexpr std::string_view kBoilerplateTokens[] = {
    "nav", "navbar", "navigation", "menu", "menus", "submenu", "megamenu", "footer", "foot", "sidebar",
    "aside", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "share", "sharing", "sharebar",
    "social", "sns", "related", "relate", "recommend", "recommended", "recommendation", "recommendations",
    "ad", "ads", "advert", "adverts", "advertisement", "advertising", "adsense", "adslot", "banner",
    "promo", "promotion", "sponsor", "sponsored", "newsletter", "subscribe", "subscription", "signup",
    "login", "cookie", "cookies", "consent", "gdpr", "popup", "modal", "overlay", "toolbar",
    "pagination", "pager", "paging", "tags", "tagcloud", "copyright", "disclaimer", "hot", "hotnews",
    "rank", "ranking", "popular", "trending", "widget", "widgets", "masthead", "topbar", "skip",
    "skiplink", "outbrain", "taboola", "byline", "meta", "author", "logo", "search", "qrcode", "qr",
    "erweima", "weixin", "wechat", "weibo", "follow", "feedback", "friendlink", "links", "sitemap",
    "daohang", "banquan", "youqing", "xiangguan", "remen", "tuijian", "fenxiang", "print", "tools",
    "bottom", "header", "masthead", "teaser", "teasers", "more", "prev", "next", "dialog", "sign", "signature",
    "avatar", "disclosure", "headerlink", "permalink", "anchor", "userinfo"};

constexpr std::string_view kCommentTokens[] = {"comment", "comments", "commentlist", "respond", "replies",
                                               "discussion", "disqus", "pinglun", "talkback"};

constexpr std::string_view kContentTokens[] = {
    "article", "content", "entry", "post", "main", "body", "text", "story", "detail", "details",
    "articlebody", "zhengwen", "neirong", "maintext", "mainbody", "artibody", "blog", "instapaper"};

// Long furniture words are also found inside run-together class names ("relatedpoststitle",
// "sharebuttons"); short ones like "ad" or "nav" only as whole tokens.
constexpr std::string_view kBoilerplateInfixes[] = {
    "related", "sidebar", "footer", "breadcrumb", "newsletter", "sharing", "sharebar", "social",
    "recommend", "advert", "sponsor", "navigation", "navbar", "pagination", "cookie", "trending",
    "popular", "subscribe", "copyright", "promo", "widget"};
constexpr std::string_view kCommentInfixes[] = {"comment", "disqus"};

// Headings that open a box of furniture: everything after them in their box is furniture.
constexpr std::string_view kFurnitureHeadings[] = {
    "related", "Related", "RELATED", "You may also like", "You might also like", "Recommended",
    "Read more", "Read More", "More from", "More stories", "More Stories", "Most popular",
    "Most Popular", "Most read", "Most Read", "Trending", "Popular posts", "Comments", "comments",
    "Leave a Reply", "Leave a reply", "Leave a comment", "Share this", "Tags", "Categories",
    "相关", "推荐", "热门", "猜你喜欢", "延伸阅读", "评论", "排行", "更多", "精彩图片", "专题"};

// The kinds of word the class/id lists know, as bits: one look-up a token instead of one a list.
enum WordKind : std::uint16_t {
    kBoilerplateWord = 1 << 0,
    kCommentWord = 1 << 1,
    kContentWord = 1 << 2,
    kNetworkWord = 1 << 3,   // a social network's name
    kStyleWord = 1 << 4,     // kStyleWords
    kEmbedWord = 1 << 5,     // "embed", "embedded"
    kConsentWord = 1 << 6,   // names a cookie or consent notice
    kPopupWord = 1 << 7,     // names a pop-up
};

// Words of utility CSS classes that say how a box is spaced or drawn ("fx-space-bottom--xl",
// "margin-bottom", "border-top"): the word after one is a side of the box, not its role.
constexpr std::string_view kStyleWords[] = {"margin", "padding", "space", "spacing", "border", "gap", "inset", "rounded"};
constexpr std::string_view kNetworkWords[] = {"social", "twitter", "tweet", "instagram", "facebook",
                                              "tiktok", "threads", "bluesky", "mastodon"};
constexpr std::string_view kEmbedWords[] = {"embed", "embedded"};
constexpr std::string_view kConsentWords[] = {"cookie", "cookies", "consent", "gdpr", "cookiebanner",
                                              "cookieconsent", "cookienotice"};
constexpr std::string_view kPopupWords[] = {"popup", "overlay", "lightbox"};

// Tokens no longer than this are looked up; every known word is shorter.
constexpr std::size_t kLongestToken = 32;

// An open-addressing table from every word of the lists above to its kinds.
class WordKinds {
public:
    WordKinds() {
        add(kBoilerplateTokens, kBoilerplateWord);
        add(kCommentTokens, kCommentWord);
        add(kContentTokens, kContentWord);
        add(kNetworkWords, kNetworkWord);
        add(kStyleWords, kStyleWord);
        add(kEmbedWords, kEmbedWord);
        add(kConsentWords, kConsentWord);
        add(kPopupWords, kPopupWord);
    }

    std::uint16_t operator()(std::string_view word) const {
        if (word.empty() || word.size() > longest_) return 0;
        for (std::size_t slot = hash(word);; slot = (slot + 1) % kSlots) {
            const Entry& entry = entries_[slot];
            if (entry.word.empty()) return 0;
            if (entry.word == word) return entry.kinds;
        }
    }

private:
    static constexpr std::size_t kSlots = 1024;  // a fifth full: probes stay short
    struct Entry {
        std::string_view word;
        std::uint16_t kinds = 0;
    };

    static std::size_t hash(std::string_view word) {
        std::uint32_t h = 2166136261u;  // FNV-1a
        for (char c : word) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
        return h % kSlots;
    }

    template <std::size_t N>
    void add(const std::string_view (&words)[N], std::uint16_t kind) {
        for (std::string_view word : words) {
            if (word.size() > kLongestToken) throw std::logic_error("lexicon: a class word longer than kLongestToken");
            longest_ = std::max(longest_, word.size());
            std::size_t slot = hash(word);
            while (!entries_[slot].word.empty() && entries_[slot].word != word) slot = (slot + 1) % kSlots;
            entries_[slot].word = word;
            entries_[slot].kinds |= kind;
            // read_name_words merges the kinds of all tokens: it relies on this.
            if (std::popcount(static_cast<unsigned>(entries_[slot].kinds & (kBoilerplateWord | kCommentWord | kContentWord))) > 1)
                throw std::logic_error("lexicon: a class word of two roles");
        }
    }

    std::array<Entry, kSlots> entries_{};
    std::size_t longest_ = 0;
};

std::uint16_t word_kinds(std::string_view word) {
    static const WordKinds kinds;
    return kinds(word);
}

// A token of a class/id attribute, lower-cased, in place: its letters up to kLongestToken (a
// longer token matches no word, alone or joined to a neighbour, so its size is all that counts).
struct Token {
    std::array<char, kLongestToken> letters;
    std::size_t size = 0;

    void push_back(char c) {
        if (size < kLongestToken) letters[size] = c;
        ++size;
    }
    std::string_view view() const { return size <= kLongestToken ? std::string_view(letters.data(), size) : std::string_view(); }
    std::uint16_t kinds() const { return word_kinds(view()); }
};

// The kinds of two neighbouring tokens joined ("side"+"bar").
std::uint16_t joined_kinds(const Token& first, const Token& second) {
    if (first.size + second.size > kLongestToken) return 0;
    std::array<char, kLongestToken> joined;
    std::copy_n(first.letters.data(), first.size, joined.data());
    std::copy_n(second.letters.data(), second.size, joined.data() + first.size);
    return word_kinds(std::string_view(joined.data(), first.size + second.size));
}

// Splits "post-body relatedNews" into lower-case tokens at punctuation, digits and camelCase
// boundaries, then offers the kinds of each token and of each pair of neighbours joined.
template <class Visit>
void for_each_token(std::string_view names, Visit&& visit) {
    Token previous, current;
    std::uint16_t previous_kinds = 0;
    auto emit = [&] {
        if (current.size == 0) return;
        const std::uint16_t kinds = current.kinds();
        if (!(previous_kinds & kStyleWord)) {
            visit(kinds);
            if (previous.size != 0) visit(joined_kinds(previous, current));
        }
        previous = current;
        previous_kinds = kinds;
        current.size = 0;
    };
    for (std::size_t i = 0; i < names.size(); ++i) {
        char c = names[i];
        if (!text::is_ascii_alpha(c)) {
            emit();
            if (c == ' ') previous.size = previous_kinds = 0;  // a new class name: no pairs across it
            continue;
        }
        bool upper = c >= 'A' && c <= 'Z';
        bool previous_lower = i > 0 && names[i - 1] >= 'a' && names[i - 1] <= 'z';
        if (upper && previous_lower) emit();
        current.push_back(text::ascii_lower(c));
    }
    emit();
}

struct Phrase {
    std::string_view text;
    PhraseSignal signal;
};

// Phrases matched anywhere in a line. Legal ones mark footers; interface ones only count in
// short lines (the pipeline decides), since words like 评论 also occur in prose.
constexpr Phrase kPhrases[] = {
    {"版权所有", PhraseSignal::Legal}, {"版权声明", PhraseSignal::Legal}, {"ICP备", PhraseSignal::Legal},
    {"ICP证", PhraseSignal::Legal}, {"公网安备", PhraseSignal::Legal}, {"网络经营许可证", PhraseSignal::Legal},
    {"经营许可证", PhraseSignal::Legal}, {"视听节目许可证", PhraseSignal::Legal},
    {"新闻信息服务许可证", PhraseSignal::Legal}, {"不良信息举报", PhraseSignal::Legal},
    {"举报电话", PhraseSignal::Legal}, {"举报邮箱", PhraseSignal::Legal}, {"爆料电话", PhraseSignal::Legal},
    {"免责声明", PhraseSignal::Legal}, {"未经授权", PhraseSignal::Legal}, {"不得转载", PhraseSignal::Legal},
    {"All rights reserved", PhraseSignal::Legal}, {"All Rights Reserved", PhraseSignal::Legal},
    {"Copyright", PhraseSignal::Legal}, {"copyright ©", PhraseSignal::Legal}, {"©", PhraseSignal::Legal},
    {"联系我们", PhraseSignal::Interface}, {"关于我们", PhraseSignal::Interface},
    {"扫一扫", PhraseSignal::Interface}, {"扫码", PhraseSignal::Interface}, {"二维码", PhraseSignal::Interface},
    {"关注公众号", PhraseSignal::Interface}, {"关注我们", PhraseSignal::Interface},
    {"分享到", PhraseSignal::Interface}, {"分享至", PhraseSignal::Interface}, {"上一篇", PhraseSignal::Interface},
    {"下一篇", PhraseSignal::Interface}, {"相关阅读", PhraseSignal::Interface},
    {"相关新闻", PhraseSignal::Interface}, {"相关文章", PhraseSignal::Interface},
    {"推荐阅读", PhraseSignal::Interface}, {"热门推荐", PhraseSignal::Interface},
    {"点击排行", PhraseSignal::Interface}, {"网友评论", PhraseSignal::Interface},
    {"发表评论", PhraseSignal::Interface}, {"文章评论", PhraseSignal::Interface},
    {"全部评论", PhraseSignal::Interface}, {"上一页", PhraseSignal::Interface},
    {"下一页", PhraseSignal::Interface}, {"打印本页", PhraseSignal::Interface},
    {"关闭窗口", PhraseSignal::Interface}, {"返回顶部", PhraseSignal::Interface},
    {"设为首页", PhraseSignal::Interface}, {"加入收藏", PhraseSignal::Interface},
    {"网站首页", PhraseSignal::Interface}, {"下载客户端", PhraseSignal::Interface},
    {"微信扫一扫", PhraseSignal::Interface}, {"阅读原文", PhraseSignal::Interface},
    {"大字号", PhraseSignal::Interface}, {"小字号", PhraseSignal::Interface},
    {"Share this", PhraseSignal::Interface}, {"Share on", PhraseSignal::Interface},
    {"Sign up", PhraseSignal::Interface}, {"Subscribe", PhraseSignal::Interface},
    {"Newsletter", PhraseSignal::Interface}, {"newsletter", PhraseSignal::Interface},
    {"Advertisement", PhraseSignal::Interface}, {"ADVERTISEMENT", PhraseSignal::Interface},
    {"Related Articles", PhraseSignal::Interface}, {"Related articles", PhraseSignal::Interface},
    {"Read more", PhraseSignal::Interface}, {"Read More", PhraseSignal::Interface},
    {"Click here", PhraseSignal::Interface}, {"Log in", PhraseSignal::Interface},
    {"Sign in", PhraseSignal::Interface}, {"Privacy Policy", PhraseSignal::Interface},
    {"Terms of Use", PhraseSignal::Interface}, {"Terms of Service", PhraseSignal::Interface},
    {"Back to top", PhraseSignal::Interface}, {"Skip to", PhraseSignal::Interface},
    {"Leave a comment", PhraseSignal::Interface}, {"Leave a Reply", PhraseSignal::Interface},
    {"Follow us", PhraseSignal::Interface}, {"cookies", PhraseSignal::Interface},
    {"点击:", PhraseSignal::Interface}, {"点击：", PhraseSignal::Interface}, {"浏览量", PhraseSignal::Interface},
    {"阅读量", PhraseSignal::Interface}, {"浏览次数", PhraseSignal::Interface}, {"今日热点", PhraseSignal::Interface},
    {"友情链接", PhraseSignal::Interface}, {"更多推荐", PhraseSignal::Interface}, {"成为会员", PhraseSignal::Interface},
    {"在看", PhraseSignal::Interface}, {"写留言", PhraseSignal::Interface}, {"只看该作者", PhraseSignal::Interface},
    {"earn a commission", PhraseSignal::Disclosure}, {"affiliate link", PhraseSignal::Disclosure},
    {"earn commission", PhraseSignal::Disclosure},
    // WeChat's interface and subscription adverts: unambiguous wherever they stand.
    {"扫码订阅", PhraseSignal::Legal}, {"邮发代号", PhraseSignal::Legal}, {"征订热线", PhraseSignal::Legal},
    {"欢迎关注", PhraseSignal::Legal}, {"点击下图", PhraseSignal::Legal}, {"预览时标签不可点", PhraseSignal::Legal},
    {"继续滑动看下一个", PhraseSignal::Legal}, {"向上滑动看下一个", PhraseSignal::Legal},
    {"使用小程序", PhraseSignal::Legal}, {"轻点两下", PhraseSignal::Legal}, {"长按识别", PhraseSignal::Legal},
    {"点击上方蓝字", PhraseSignal::Legal}, {"扫码看", PhraseSignal::Legal}, {"扫描二维码", PhraseSignal::Legal},
};

// The phrases of kPhrases with a space in them, or those without, indexed.
struct PhraseLookup {
    std::vector<std::string_view> texts;
    std::vector<PhraseSignal> signals;
    text::PhraseIndex index;

    template <std::size_t N>
    PhraseLookup(const Phrase (&phrases)[N], bool spaced)
        : texts(select(phrases, spaced, &Phrase::text)), signals(select(phrases, spaced, &Phrase::signal)), index(texts) {}
    PhraseLookup(const PhraseLookup&) = delete;  // the index points into texts

    template <std::size_t N, class Field>
    static auto select(const Phrase (&phrases)[N], bool spaced, Field Phrase::*field) {
        std::vector<Field> out;
        for (const Phrase& phrase : phrases)
            if ((phrase.text.find(' ') != std::string_view::npos) == spaced) out.push_back(phrase.*field);
        return out;
    }
};

// Staff credits that may stand anywhere in a short line ("…已渗透 编辑 余冬梅 审核 官莉").
// The role word must be followed by a separator and a name: "审核" alone is an ordinary verb.
constexpr std::string_view kCreditsAnywhere[] = {"责任编辑", "审核 ", "审核:", "审核：", "校对 ", "校对:", "校对：",
                                                 "海报设计", "编辑 ", "编辑:", "编辑："};

// Credits matched at the start of a line only: the line names staff or a source.
constexpr std::string_view kCreditPrefixes[] = {
    "责任编辑", "编辑:", "编辑：", "编辑 ", "审核:", "审核：", "审核 ", "校对", "来源:", "来源：", "作者:", "作者：",
    "记者:", "记者：", "本报记者", "通讯员", "原标题", "图片来源", "图源", "海报设计", "统筹", "策划:", "策划：",
    "摄影", "制图", "实习生", "出品", "监制", "Photo:", "Photo by", "Image:", "Credit:", "Image credit",
    "Editing by", "Reporting by", "Additional reporting", "更新时间", "发布时间", "文字记者", "【作者", "【编辑", "【责任编辑", "(责任编辑", "（责任编辑", "发布日期", "时间:", "时间：",
    "地址:", "地址：", "邮编", "电话:", "电话：", "传真", "邮箱:", "邮箱：", "E-mail:", "Email:", "当前位置", "您的位置",
    "你的位置", "所在位置", "注册时间", "发表于", "¶"};

}  // namespace

NameWords read_name_words(std::string_view names) {
    // The kinds of all tokens together: no word has two roles (WordKinds checks), so which
    // token had which kind makes no difference to classify_names.
    NameWords words;
    for_each_token(names, [&](std::uint16_t kinds) { words.kinds |= kinds; });
    return words;
}

NameSignal classify_names(std::string_view class_attr, NameWords class_words, std::string_view id_attr,
                          NameWords id_words) {
    if (class_attr.empty() && id_attr.empty()) return NameSignal::None;  // most elements
    static const text::PhraseIndex comment_infixes(kCommentInfixes), boilerplate_infixes(kBoilerplateInfixes);
    const std::uint16_t kinds = class_words.kinds | id_words.kinds;
    bool comments = kinds & kCommentWord, boilerplate = kinds & kBoilerplateWord;
    if (!boilerplate && !comments) {
        std::string names = text::to_lower(class_attr);
        names += ' ';
        names += text::to_lower(id_attr);
        comments = comment_infixes.found_in(names);
        boilerplate = boilerplate_infixes.found_in(names);
    }
    // A post embedded in the story ("social-media-embed", "tweet-embed") is quoted content,
    // not a share bar.
    bool embedded_post = (kinds & kEmbedWord) && (kinds & kNetworkWord);
    if (comments) return NameSignal::Comments;
    if (boilerplate && !embedded_post) return NameSignal::Boilerplate;
    if (kinds & kContentWord) return NameSignal::Content;
    return NameSignal::None;
}

bool is_furniture_heading(std::string_view heading) {
    if (heading.size() > 60) return false;  // a real section title, not a box label
    for (std::string_view phrase : kFurnitureHeadings)
        if (heading.find(phrase) != std::string_view::npos) return true;
    return false;
}

bool names_furniture_box(std::string_view class_attr, std::string_view id_attr) {
    static constexpr std::string_view kBoxes[] = {"related", "comment", "recommend", "popular", "trending"};
    std::string names = text::to_lower(class_attr);
    names += ' ';
    names += text::to_lower(id_attr);
    for (std::string_view box : kBoxes)
        if (names.find(box) != std::string::npos) return true;
    return false;
}

bool names_consent_box(NameWords class_words, NameWords id_words) {
    return ((class_words.kinds | id_words.kinds) & kConsentWord) != 0;
}

bool names_popup_box(NameWords class_words, NameWords id_words) {
    return ((class_words.kinds | id_words.kinds) & kPopupWord) != 0;
}

bool is_byline(std::string_view line) {
    static constexpr std::string_view kOpeners[] = {
        "作者", "记者", "本报记者", "特约记者", "通讯员", "实习生", "本报实习生", "撰文", "文", "来源", "稿源",
        "时间", "发布时间", "发表时间", "发布日期", "日期", "编辑", "责任编辑", "责编", "By ", "Written by ",
        "Posted by ", "Published ", "Posted on ", "Updated "};
    if (line.size() > 300) return false;
    for (std::string_view open : {"（", "(", "【", "["})
        if (line.substr(0, open.size()) == open) line.remove_prefix(open.size());
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    for (std::string_view opener : kOpeners) {
        if (line.substr(0, opener.size()) != opener) continue;
        // A label, not the start of a sentence ("时间过得真快"): a colon or a space follows.
        std::string_view rest = line.substr(opener.size());
        if (opener.back() == ' ' || rest.empty() || rest[0] == ' ' || rest[0] == ':' || rest[0] == '/' ||
            rest.substr(0, 3) == "：" || rest.substr(0, 3) == "／")
            return true;
    }
    return false;
}

PhraseSignal classify_phrase(std::string_view line) {
    static const text::PhraseIndex credit_prefixes(kCreditPrefixes), credits_anywhere(kCreditsAnywhere);
    static const PhraseLookup packed_phrases(kPhrases, false), spaced_phrases(kPhrases, true);
    bool credit = false;
    credit_prefixes.at(line, 0, [&](std::size_t) { credit = true; });
    if (credit) return PhraseSignal::Credit;
    // Footers space out their words ("版权 所有"): match CJK phrases without the spaces. A
    // phrase with a space can only be in the line, and one without is in the packed line
    // whenever it is in the line.
    std::string packed;
    packed.reserve(line.size());
    for (char c : line)
        if (c != ' ') packed.push_back(c);
    bool legal = false, disclosure = false, interface = false;
    auto note = [&](const PhraseLookup& lookup) {
        return [&](std::size_t k, std::size_t) {
            switch (lookup.signals[k]) {
                case PhraseSignal::Legal: legal = true; break;
                case PhraseSignal::Disclosure: disclosure = true; break;
                default: interface = true; break;
            }
            return !legal;  // nothing outranks a legal phrase
        };
    };
    packed_phrases.index.scan(packed, note(packed_phrases));
    if (!legal) spaced_phrases.index.scan(line, note(spaced_phrases));
    if (legal) return PhraseSignal::Legal;
    if (disclosure) return PhraseSignal::Disclosure;
    if (interface) return PhraseSignal::Interface;
    if (line.size() < 150 && credits_anywhere.found_in(line)) return PhraseSignal::Credit;
    return PhraseSignal::None;
}

}  // namespace webclean::content
