#include "extract/select.hpp"

#include <algorithm>

#include "extract/cleanup.hpp"
#include "extract/lexicon.hpp"
#include "limits/deadline.hpp"
#include "text/ascii.hpp"
#include "text/utf8.hpp"

namespace webclean::content {
namespace {

// Tunables in one place. Lengths are in reading weight (TextBlock::weight()).
struct Settings {
    double long_block = 120;         // a block this long with little linking is content on its own
    double sentence_block = 40;      // shorter blocks count as content when they carry punctuation
    double link_heavy = 0.5;         // link density above which a block is navigation
    double furniture_share = 0.5;    // a flagged element holding more of the page than this is not furniture
    double comments_share = 0.9;     // the same for an element named as comments beside a post
    double post_weight = 600;        // prose outside a comment box that makes a post of its own
    double thread_opener = 200;      // below this much prose outside comment boxes, the comments are the page
    double short_interface = 60;     // interface phrases only condemn lines shorter than this
    double credit_line = 120;        // credit prefixes only condemn lines shorter than this
    double legal_line = 600;         // legal phrases condemn lines shorter than this
    double disclosure_line = 150;    // affiliate disclosures condemn lines shorter than this
    double relax_gain = 2.0;         // the relaxed attempt must find this many times more article
    // An index page's headlines and teasers are what it has to read (its human gold keeps them);
    // only the precision preset returns nothing for them.
    bool empty_listings = false;
    double stretch_gain = 2.0;
    double tiny_page = 100;          // a page with less text than this is taken whole       // the best stretch of blocks must outscore the best element this much
    bool captions = false;           // keep figure captions (a table's caption is its title: always kept)
    double sibling_share = 0.1;      // a sibling of the container scoring this share of it joins the article
    double sibling_floor = 100;      // ... and at least this much
    bool listing = false;            // the last attempt: linked items count as text (an index page's entries)
    double listing_item = 20;        // the shortest line that is an entry of such an index
    double fragment = 300;           // an article lighter than this may be a fragment of an index page
    double listing_gain = 4.0;       // ... whose entries, read as text, outweigh it this many times
    double landing_prose = 1000;     // a container with less prose than this is a section, not an article
};

Settings settings_for(const Options& options) {
    Settings s;
    s.captions = options.include_captions;
    if (options.focus == Focus::Precision) {
        s.empty_listings = true;
        s.landing_prose = 0;
        s.link_heavy = 0.35;
        s.short_interface = 100;
    } else if (options.focus == Focus::Recall) {
        s.link_heavy = 0.65;
        s.sentence_block = 25;
        s.short_interface = 40;
    }
    return s;
}

enum class Role { Content, Furniture, Comment };

struct Attempt {
    bool use_names = true;  // trust class/id tokens (the relaxed attempt does not)
};

// What the element flags above a block say about it.
// Sentences outside a box: the page's own post, when there is one.
struct Weights {
    std::vector<double> subtree, subtree_prose;  // by node
    double total = 0, total_prose = 0;
    // Prose outside every box named or built as furniture: a cookie-consent dialog's paragraphs
    // are no post for a thread of comments to sit beside.
    std::vector<double> subtree_free_prose;
    double total_free_prose = 0;
};

bool is_prose(const TextBlock& b) { return b.punct > 0 && b.weight() >= 80 && b.link_density() < 0.3; }

// A landmark (<footer>, <nav>, a navigation role) says what it is more reliably than a class
// name: fine print can outweigh the page it closes and still be the footer. <header> is the
// exception: site builders wrap whole articles in it.
bool is_landmark(const dom::Tree& tree, dom::NodeId id, std::uint8_t flags) {
    return flags & kStructural && tree[id].tag != GUMBO_TAG_HEADER;
}

Role role_of(const dom::Tree& tree, const Page& page, const TextBlock& block, const Weights& w, const Settings& s,
             const Attempt& attempt) {
    const auto& subtree_weight = w.subtree;
    double total_weight = w.total;
    Role role = Role::Content;
    bool inside_article = false;
    for (dom::NodeId id = block.owner; id != dom::none; id = tree[id].parent) {
        std::uint8_t f = page.flags[id];
        // A wrapper around an <article> or <main> is layout, whatever its class says
        // ("sticky-sidebar" around the post on some themes).
        if (tree[id].tag == GUMBO_TAG_ARTICLE || tree[id].tag == GUMBO_TAG_MAIN) inside_article = true;
        if (inside_article && !(f & (kStructural | kComments))) continue;
        if (!(f & (kStructural | kNamedFurniture | kComments))) continue;
        // An element holding most of the page's text is the page's frame, whatever its name.
        // A comment thread may well outweigh the post it follows: beside a post of some length,
        // only a box holding nearly all of the page is a frame misnamed "comments". (Beside a
        // one-line question, the "comments" are a forum thread's posts: the content.)
        bool beside_a_post = w.total_free_prose - w.subtree_free_prose[id] >= s.post_weight;
        double frame_share =
            (f & kComments && beside_a_post) || is_landmark(tree, id, f) ? s.comments_share : s.furniture_share;
        if (subtree_weight[id] > frame_share * total_weight) continue;
        if (f & kComments) return Role::Comment;
        // A box whose name says furniture but which holds most of the page's prose is the
        // article under a misleading name ("read-more" around the collapsed rest of a story).
        if (!(f & kStructural) && w.subtree_prose[id] >= s.post_weight &&
            w.subtree_prose[id] > s.furniture_share * w.total_prose)
            continue;
        if (f & kStructural || (attempt.use_names && f & kNamedFurniture)) role = Role::Furniture;
    }
    return role;
}

// Lines that <br> split inside one element are judged together: a list of short lines in
// one paragraph (a schedule, an address, verse) is content when the whole is.
struct Unit {
    double weight = 0, link_chars = 0, chars = 0;
    std::uint32_t punct = 0;
};

std::vector<Unit> paragraph_units(const std::vector<TextBlock>& blocks) {
    std::vector<Unit> units(blocks.size());
    std::size_t start = 0;
    for (std::size_t i = 0; i <= blocks.size(); ++i) {
        bool continues = i < blocks.size() && i > start && blocks[i].owner == blocks[i - 1].owner &&
                         blocks[i].breaks_before > 0 && blocks[i].kind == BlockKind::Paragraph;
        if (i < blocks.size() && (continues || i == start)) continue;
        Unit u;
        for (std::size_t k = start; k < i; ++k) {
            u.weight += blocks[k].weight();
            u.link_chars += blocks[k].link_chars;
            u.chars += blocks[k].chars;
            u.punct += blocks[k].punct;
        }
        for (std::size_t k = start; k < i; ++k) units[k] = u;
        start = i;
        if (i < blocks.size()) --i;  // re-examine block i as the start of the next unit
    }
    return units;
}

// A heading that labels a furniture box ("Related stories", a heading inside a box named
// "related-posts") condemns what follows it inside its parent: the rest of the box. A heading
// that is itself a link ("Related post: <a>…</a>") is a one-item card inside the story: it
// goes, the story around it stays. So does a heading that only its wording condemns when its
// parent holds most of the page: that parent is the article body and the heading one of its
// sections ("Travel-related coverage").
void mark_furniture_sections(const dom::Tree& tree, const Page& page, const std::vector<double>& subtree_weight,
                             double total_weight, const Settings& s, std::vector<Role>& roles) {
    const auto& blocks = page.blocks;
    dom::NodeId box_begin = 0, box_end = 0;
    Role box_role = Role::Furniture;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const TextBlock& b = blocks[i];
        if (b.owner >= box_begin && b.owner < box_end) {
            if (roles[i] == Role::Content) roles[i] = box_role;
            continue;
        }
        if (b.kind != BlockKind::Heading) continue;
        bool named_box = roles[i] != Role::Content &&
                         names_furniture_box(tree.attribute(b.owner, "class"), tree.attribute(b.owner, "id"));
        if (!named_box && !is_furniture_heading(b.text)) continue;
        dom::NodeId parent = tree[b.owner].parent;
        if (parent == dom::none || parent == tree.body()) continue;
        bool body_section = !named_box && subtree_weight[parent] > s.furniture_share * total_weight;
        if (b.link_density() > 0.5 || body_section) {
            roles[i] = Role::Furniture;
            continue;
        }
        box_begin = parent;
        box_end = page.subtree_end[parent];
        box_role = roles[i] == Role::Comment ? Role::Comment : Role::Furniture;
        roles[i] = box_role;
    }
}

// Whether the link on a headline (inside it, or the headline inside the link) leads to another
// page; "#faq-3" and "javascript:" links open and close things on this one (accordions, tabs).
bool links_to_another_page(const dom::Tree& tree, dom::NodeId heading) {
    auto leads_away = [&](dom::NodeId id) {
        if (tree[id].tag != GUMBO_TAG_A) return false;
        std::string_view href = text::trim(tree.attribute(id, "href"));
        return !href.empty() && href.front() != '#' && href.substr(0, 11) != "javascript:";
    };
    for (dom::NodeId id = tree[heading].parent, up = 0; id != dom::none && up < 2; id = tree[id].parent, ++up)
        if (leads_away(id)) return true;
    bool found = false;
    dom::walk(tree, heading, [&](dom::NodeId id) {
        if (!found && !tree[id].is_text && leads_away(id)) found = true;
        return !found;
    });
    return found;
}

// A card's headline: a heading that is a link to another page, or a block whose first words
// are such a link of headline length ("<a>Title</a> Excerpt…").
bool opens_with_headline_link(const dom::Tree& tree, const TextBlock& b) {
    constexpr std::size_t headline_bytes = 20;
    if (b.kind == BlockKind::Heading) return b.link_density() > 0.5 && links_to_another_page(tree, b.owner);
    if (b.link_chars == 0) return false;
    dom::NodeId first_text = dom::none;
    dom::walk(tree, b.owner, [&](dom::NodeId id) {
        if (first_text != dom::none) return false;
        if (tree[id].is_text && !text::trim(tree[id].text).empty()) first_text = id;
        return true;
    });
    if (first_text == dom::none) return false;
    for (dom::NodeId id = tree[first_text].parent; id != b.owner && id != dom::none; id = tree[id].parent) {
        if (tree[id].tag != GUMBO_TAG_A) continue;
        std::size_t bytes = 0;
        dom::walk(tree, id, [&](dom::NodeId t) {
            if (tree[t].is_text) bytes += text::trim(tree[t].text).size();
            return true;
        });
        std::string_view href = text::trim(tree.attribute(id, "href"));
        return bytes >= headline_bytes && !href.empty() && href.front() != '#' && href.substr(0, 11) != "javascript:";
    }
    return false;
}

// A list of teaser cards ("More from …": headline link, byline, date, excerpt, again and
// again): an element with three or more children that each hold a linked headline and little
// else, and whose text is mostly those cards (a story quoting three headlines is not a list).
// Such lists are furniture on a page that has an article of its own beside them: paragraphs of
// prose outside every list. On an index page the lists are all there is, and they stay.
void mark_teaser_lists(const dom::Tree& tree, const Page& page, const std::vector<double>& subtree_weight,
                       std::vector<Role>& roles) {
    constexpr int max_climb = 6;             // from a headline up to the list holding its card
    constexpr std::size_t min_cards = 3;
    constexpr double max_card_weight = 800;  // a card is a headline and an excerpt, not a story
    constexpr double cards_share = 0.7;
    constexpr double article_prose = 800;    // prose outside the lists that makes an article
    constexpr std::size_t article_paragraphs = 3;
    const auto& blocks = page.blocks;
    // For each candidate list: the cards seen, as the child of the list each headline sits in.
    std::vector<std::pair<dom::NodeId, dom::NodeId>> seen;  // (list, card)
    for (const TextBlock& b : blocks) {
        if (!opens_with_headline_link(tree, b)) continue;
        dom::NodeId card = b.owner;
        for (int climb = 0; climb < max_climb; ++climb) {
            dom::NodeId list = tree[card].parent;
            if (list == dom::none || list == tree.body()) break;
            if (subtree_weight[card] <= max_card_weight) seen.emplace_back(list, card);
            card = list;
        }
    }
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    std::vector<std::pair<dom::NodeId, dom::NodeId>> lists;  // [begin, end) node ranges
    for (std::size_t i = 0; i < seen.size();) {
        std::size_t j = i;
        while (j < seen.size() && seen[j].first == seen[i].first) ++j;
        dom::NodeId list = seen[i].first;
        double in_cards = 0;
        for (std::size_t k = i; k < j; ++k) in_cards += subtree_weight[seen[k].second];
        if (j - i >= min_cards && in_cards >= cards_share * subtree_weight[list])
            lists.emplace_back(list, page.subtree_end[list]);
        i = j;
    }
    if (lists.empty()) return;
    std::vector<bool> in_list(blocks.size());
    std::vector<std::size_t> prose;  // block indices of article-like paragraphs outside every list
    double prose_weight = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        for (const auto& [begin, end] : lists)
            if (blocks[i].owner >= begin && blocks[i].owner < end) in_list[i] = true;
        const TextBlock& b = blocks[i];
        if (in_list[i] || roles[i] != Role::Content || b.punct == 0 || b.weight() < 80 || b.link_density() > 0.3) continue;
        prose.push_back(i);
        prose_weight += b.weight();
    }
    if (prose_weight < article_prose || prose.size() < article_paragraphs) return;
    // A list that the article's prose runs around (a listicle's items, "Read also" cards in the
    // middle of a story) belongs to the article. Look in the nearest ancestor that holds prose.
    auto inside_article = [&](dom::NodeId list) {
        dom::NodeId end = page.subtree_end[list];
        for (dom::NodeId a = tree[list].parent; a != dom::none; a = tree[a].parent) {
            dom::NodeId a_end = page.subtree_end[a];
            bool before = false, after = false;
            for (std::size_t i : prose) {
                if (blocks[i].owner < a || blocks[i].owner >= a_end) continue;
                (blocks[i].owner >= end ? after : before) = true;
            }
            if (before || after) return before && after;
        }
        return false;
    };
    for (const auto& [begin, end] : lists) {
        if (inside_article(begin)) continue;
        for (std::size_t i = 0; i < blocks.size(); ++i)
            if (blocks[i].owner >= begin && blocks[i].owner < end && roles[i] == Role::Content) roles[i] = Role::Furniture;
    }
}

bool looks_like_content(const Unit& u, const Settings& s) {
    double link_density = u.chars > 0 ? u.link_chars / u.chars : 0;
    if (link_density > s.link_heavy) return false;
    return u.weight >= s.long_block || (u.weight >= s.sentence_block && u.punct > 0);
}

// What the lexicon says of each block's wording. It is the same in every attempt, so it is
// judged once a page.
struct Wording {
    std::vector<PhraseSignal> phrase;
    std::vector<bool> menu;  // text dumps have no links: a line of short items is what is left of a menu
};

Wording judge_wording(const std::vector<TextBlock>& blocks, const Settings& s) {
    // A block this heavy is condemned by no phrase (condemned_by_phrase), so its wording is not read.
    const double heaviest = std::max({s.legal_line, s.credit_line, s.disclosure_line, s.short_interface});
    Wording wording;
    wording.phrase.reserve(blocks.size());
    wording.menu.reserve(blocks.size());
    for (const TextBlock& b : blocks) {
        bool code = b.kind == BlockKind::Code;
        wording.phrase.push_back(code || b.weight() >= heaviest ? PhraseSignal::None : classify_phrase(b.text));
        wording.menu.push_back(!code && b.kind != BlockKind::TableRow && looks_like_menu(b.text));
    }
    return wording;
}

// Lexicon verdict on one block: true when its wording marks it as boilerplate.
bool condemned_by_phrase(const TextBlock& b, PhraseSignal signal, const Settings& s) {
    switch (signal) {
        case PhraseSignal::Legal: return b.weight() < s.legal_line;
        case PhraseSignal::Credit: return b.weight() < s.credit_line;
        case PhraseSignal::Disclosure: return b.weight() < s.disclosure_line;
        case PhraseSignal::Interface: return b.weight() < s.short_interface && !b.sentence_end;
        case PhraseSignal::None: return false;
    }
    return false;
}

std::string fold(std::string_view s) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        char32_t c = text::next_code_point(s, i);
        if (text::is_space(c) || text::is_clause_punct(c)) continue;
        if (c < 0x80 && c >= 'A' && c <= 'Z') c += 32;
        text::append_utf8(out, c);
    }
    return out;
}

// A linked line shorter than this is an entry or a label, not a paragraph that links a lot.
constexpr double kShortLinkLine = 200;

// Short lines at the article's edges that are not sentences: bylines, dates, "Photo", labels.
bool weak_edge(const TextBlock& b) {
    if (b.kind == BlockKind::Code || b.kind == BlockKind::TableRow) return false;
    if (b.link_density() > 0.3 && b.weight() < kShortLinkLine) return true;
    return b.weight() < 50 && b.punct == 0;
}

// [begin, end) of the contiguous stretch of blocks with the largest sum of weights (Kadane).
std::pair<std::size_t, std::size_t> best_stretch(const std::vector<double>& weights, double& best) {
    double current = 0;
    best = 0;
    std::size_t best_begin = 0, best_end = 0, begin = 0;
    for (std::size_t k = 0; k < weights.size(); ++k) {
        if (current <= 0) {
            current = 0;
            begin = k;
        }
        current += weights[k];
        if (current > best) {
            best = current;
            best_begin = begin;
            best_end = k + 1;
        }
    }
    return {best_begin, best_end};
}

// A short linked entry of a list, a table or a definition list: inside the article it is the
// article's own list (an API reference's members, a guide's list of topics); at the article's
// edges weak_edge trims it like any linked label.
bool is_list_entry(const dom::Tree& tree, const TextBlock& b) {
    bool listed = b.kind == BlockKind::ListItem || b.kind == BlockKind::TableRow || tree[b.owner].tag == GUMBO_TAG_DT;
    return listed && b.weight() < kShortLinkLine;
}

// The page's main landmark (<main> or role=main) holding `id`, or none.
dom::NodeId main_landmark_around(const dom::Tree& tree, dom::NodeId id) {
    for (; id != dom::none; id = tree[id].parent)
        if (tree[id].tag == GUMBO_TAG_MAIN || tree.attribute(id, "role") == "main") return id;
    return dom::none;
}

dom::NodeId common_ancestor(const dom::Tree& tree, dom::NodeId a, dom::NodeId b) {
    // Pre-order ids: an ancestor's id is smaller than its descendants'.
    while (a != b) {
        if (a > b) a = tree[a].parent;
        else b = tree[b].parent;
    }
    return a;
}

// The contiguous stretch of `kept` (block indices) with the largest sum of weights (Kadane).
// Lines dropped earlier sit between kept ones and cost nothing here; they were judged already.
std::vector<std::size_t> best_run(const std::vector<std::size_t>& kept, const std::vector<double>& weights,
                                  const std::vector<TextBlock>& blocks) {
    std::vector<double> kept_weights(kept.size());
    for (std::size_t k = 0; k < kept.size(); ++k) kept_weights[k] = weights[kept[k]];
    double best = 0;
    auto [best_begin, best_end] = best_stretch(kept_weights, best);
    // The heading right before the run heads it, also across a short label line or two
    // ("热点透视" under a page's headline).
    for (std::size_t back = 1; back <= 3 && back <= best_begin; ++back) {
        const TextBlock& b = blocks[kept[best_begin - back]];
        if (weights[kept[best_begin - back]] <= -1e5 || (b.kind != BlockKind::Heading && b.weight() >= 60)) break;
        if (b.kind == BlockKind::Heading) {
            best_begin -= back;
            back = 0;
        }
    }
    return {kept.begin() + best_begin, kept.begin() + best_end};
}

// An index of other pages rather than an article: many headings that are links (headline
// cards), against few paragraphs of their own, none of them article-length. Returning
// nothing beats returning teasers.
// Teasers come one or two to a headline; an article runs on for paragraphs between the links
// it embeds ("Read also: …" cards inside the story).
bool is_listing(const std::vector<TextBlock>& blocks, const std::vector<std::size_t>& article) {
    constexpr std::size_t article_run = 5;  // sentences in a row that no teaser card has
    std::size_t linked_headings = 0, others = 0, sentences = 0, sentences_in_row = 0;
    for (std::size_t i : article) {
        const TextBlock& b = blocks[i];
        if (b.kind == BlockKind::Heading && b.link_density() > 0.5) {
            ++linked_headings;
            sentences_in_row = 0;
            continue;
        }
        if (b.weight() >= 400) return false;  // a real paragraph: an article
        ++others;
        bool sentence = b.punct > 0 && b.link_density() < 0.3;
        sentences += sentence;
        sentences_in_row = sentence ? sentences_in_row + 1 : 0;
        if (sentences_in_row >= article_run) return false;
    }
    if (sentences >= 2 * linked_headings && sentences >= article_run) return false;
    return linked_headings >= 5 && linked_headings * 10 >= others * 3;
}

struct Scored {
    std::vector<std::size_t> article;   // block indices
    std::vector<std::size_t> comments;
    double weight = 0;
    dom::NodeId container = dom::none;
};

Scored run_attempt(const dom::Tree& tree, const Page& page, const Wording& wording, const Settings& s,
                   const Attempt& attempt, std::string_view title, bool drop_title_heading) {
    const auto& blocks = page.blocks;
    Weights page_weights;
    page_weights.subtree.assign(tree.size(), 0.0);
    page_weights.subtree_prose.assign(tree.size(), 0.0);
    std::vector<bool> prose(blocks.size());  // by block: judged once, read three times below
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const TextBlock& b = blocks[i];
        prose[i] = is_prose(b);
        page_weights.total += b.weight();
        if (prose[i]) page_weights.total_prose += b.weight();
        for (dom::NodeId id = b.owner; id != dom::none; id = tree[id].parent) {
            page_weights.subtree[id] += b.weight();
            if (prose[i]) page_weights.subtree_prose[id] += b.weight();
        }
    }
    // Which nodes sit in a furniture box (one that is not the page's frame, as in role_of).
    // Pre-order ids: a parent is decided before its children.
    std::vector<bool> in_furniture(tree.size(), false);
    for (dom::NodeId id = 0; id < tree.size(); ++id) {
        std::uint8_t f = page.flags[id];
        bool flagged = f & kStructural || (attempt.use_names && f & kNamedFurniture);
        double frame_share = is_landmark(tree, id, f) ? s.comments_share : s.furniture_share;  // as in role_of
        bool frame = page_weights.subtree[id] > frame_share * page_weights.total;
        in_furniture[id] = (tree[id].parent != dom::none && in_furniture[tree[id].parent]) || (flagged && !frame);
    }
    page_weights.subtree_free_prose.assign(tree.size(), 0.0);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const TextBlock& b = blocks[i];
        if (!prose[i] || in_furniture[b.owner]) continue;
        page_weights.total_free_prose += b.weight();
        for (dom::NodeId id = b.owner; id != dom::none; id = tree[id].parent) page_weights.subtree_free_prose[id] += b.weight();
    }
    const std::vector<double>& subtree_weight = page_weights.subtree;
    const double total = page_weights.total;

    std::vector<Unit> units = paragraph_units(blocks);
    std::vector<Role> roles(blocks.size());
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        limits::check_deadline();
        roles[i] = role_of(tree, page, blocks[i], page_weights, s, attempt);
    }
    // A page whose prose is all in comment boxes is a thread (a forum topic, a Q&A): its
    // posts are what it has to read, not comments beside an article.
    double content_prose = 0, comment_prose = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (!prose[i]) continue;
        if (roles[i] == Role::Content) content_prose += blocks[i].weight();
        if (roles[i] == Role::Comment) comment_prose += blocks[i].weight();
    }
    if (content_prose < s.thread_opener && comment_prose > content_prose)
        for (Role& role : roles)
            if (role == Role::Comment) role = Role::Content;
    mark_furniture_sections(tree, page, subtree_weight, total, s, roles);
    mark_teaser_lists(tree, page, subtree_weight, roles);
    const std::vector<bool>& menu = wording.menu;
    std::vector<double> score(tree.size(), 0.0);
    std::vector<double> weights(blocks.size());
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const TextBlock& b = blocks[i];
        double w;
        if (roles[i] != Role::Content) w = -b.weight();
        else if (b.kind == BlockKind::Heading) w = 0;
        else if (menu[i]) w = -b.weight();
        else if (looks_like_content(units[i], s)) w = b.weight() * (1.0 - b.link_density());
        else if (s.listing && b.weight() >= s.listing_item) w = b.weight();
        // Prose that links many names (hover cards, wiki-style) is not a menu: the more of it
        // is unlinked sentences, the less it counts against the element around it.
        else if (b.link_density() > s.link_heavy) w = -b.weight() * (b.punct >= 3 ? (b.link_density() - s.link_heavy) / (1.0 - s.link_heavy) : 1.0);
        else w = -0.25 * b.weight();
        weights[i] = w;
        limits::check_deadline();
        for (dom::NodeId id = b.owner; id != dom::none; id = tree[id].parent) score[id] += w;
    }

    Scored out;
    for (std::size_t i = 0; i < blocks.size(); ++i)
        if (roles[i] == Role::Comment && blocks[i].link_density() < s.link_heavy && !condemned_by_phrase(blocks[i], wording.phrase[i], s))
            out.comments.push_back(i);

    dom::NodeId best = dom::none;
    for (dom::NodeId id = 0; id < tree.size(); ++id)
        if (!tree[id].is_text && (best == dom::none || score[id] > score[best])) best = id;
    // A subtree's blocks are a contiguous stretch of the page, so the best stretch of all
    // (Kadane) scores at least as high as the best element. When it scores far higher, the
    // element that holds the article also holds piles of link lists (old table layouts put
    // the story and the "related" rows in one cell): the stretch is the article.
    std::size_t run_begin = 0, run_end = blocks.size();
    {
        double run_score = 0;
        auto [b, e] = best_stretch(weights, run_score);
        if (run_score > s.stretch_gain * std::max(0.0, best == dom::none ? 0.0 : score[best]) && e > b) {
            run_begin = b;
            run_end = e;
            best = blocks[b].owner;
            for (std::size_t i = b + 1; i < e; ++i) best = common_ancestor(tree, best, blocks[i].owner);
        }
    }
    // A page with next to no text (a note, a stub, a test case) is all content: no density
    // to judge by, and nothing around it to confuse it with.
    auto whole_tiny_page = [&] {
        if (total >= s.tiny_page) return;
        for (std::size_t i = 0; i < blocks.size(); ++i)
            if (roles[i] == Role::Content && !condemned_by_phrase(blocks[i], wording.phrase[i], s) && !menu[i]) out.article.push_back(i);
        for (std::size_t i : out.article) out.weight += blocks[i].weight();
    };
    if (best == dom::none || (score[best] <= 0 && run_end - run_begin == blocks.size())) {
        whole_tiny_page();
        return out;
    }

    out.container = best;
    std::string folded_title = fold(title);
    // The container's siblings that score well on their own are more of the article: a page
    // built as sections side by side (a service page's blocks, a story split around a figure).
    std::vector<std::pair<dom::NodeId, dom::NodeId>> ranges{{best, page.subtree_end[best]}};
    if (s.sibling_share > 0 && run_end - run_begin == blocks.size() && tree[best].parent != dom::none &&
        best != tree.body()) {
        double floor = std::max(s.sibling_floor, s.sibling_share * score[best]);
        for (dom::NodeId sib = tree[tree[best].parent].first_child; sib != dom::none; sib = tree[sib].next_sibling)
            if (sib != best && !tree[sib].is_text && score[sib] >= floor) ranges.emplace_back(sib, page.subtree_end[sib]);
    }
    // A container with little prose is no article but one section of a page built of many (a
    // service or product page: features, plans, steps, testimonials). When the page marks its
    // main landmark, all of that landmark is the content. Only the container's own lines count
    // as the attempt's weight, so the widening never decides between attempts.
    const auto evidence = ranges;
    double container_prose = 0;
    for (const auto& range : ranges) container_prose += page_weights.subtree_prose[range.first];
    if (run_end - run_begin == blocks.size() && container_prose < s.landing_prose)
        if (dom::NodeId main = main_landmark_around(tree, best); main != dom::none && main != best)
            ranges = {{main, page.subtree_end[main]}};
    auto in_container = [&](dom::NodeId owner) {
        for (const auto& [begin, end] : ranges)
            if (owner >= begin && owner < end) return true;
        return false;
    };
    std::vector<std::size_t> kept;
    bool below_headings = false;  // a non-heading block is kept: the title heading is behind us
    for (std::size_t i = run_begin; i < run_end; ++i) {
        const TextBlock& b = blocks[i];
        if (!in_container(b.owner)) continue;
        if (roles[i] != Role::Content) continue;
        if (b.kind == BlockKind::Caption && tree[b.owner].tag != GUMBO_TAG_CAPTION && !s.captions) continue;
        if (b.link_density() > s.link_heavy && b.kind != BlockKind::Heading && !is_list_entry(tree, b)) continue;
        if (condemned_by_phrase(b, wording.phrase[i], s) || menu[i] || is_figure_credit(b.text) || is_pinyin_label(b.text)) continue;
        if (b.kind != BlockKind::Code && looks_like_markup(b.text)) continue;
        // Only the heading over the article is the title; a wrong title never costs a section heading.
        if (b.kind == BlockKind::Heading && drop_title_heading && !below_headings && !folded_title.empty() &&
            fold(b.text) == folded_title)
            continue;
        below_headings = below_headings || b.kind != BlockKind::Heading;
        kept.push_back(i);
    }
    // A page with no structure around its article (a text dump, fragments in <body>): keep the
    // contiguous run of lines with the most content, the one-dimensional form of the container.
    if (best == tree.body() || best == tree.root()) {
        // A label line (no sentence, one mark at most) naming furniture ("评论", "相关阅读") ends the article
        // on a flat page; a sentence that happens to say 更多 does not.
        std::vector<double> flat = weights;
        for (std::size_t i : kept)
            if (blocks[i].weight() < 60 && blocks[i].punct <= 1 && !blocks[i].sentence_end &&
                is_furniture_heading(blocks[i].text))
                flat[i] = -1e6;
        kept = best_run(kept, flat, blocks);
    }
    // Trim furniture-like lines at both edges; a heading left last heads nothing.
    std::size_t first = 0, last = kept.size();
    while (first < last && weak_edge(blocks[kept[first]]) && blocks[kept[first]].kind != BlockKind::Heading) ++first;
    while (last > first && (weak_edge(blocks[kept[last - 1]]) || blocks[kept[last - 1]].kind == BlockKind::Heading)) --last;
    out.article.assign(kept.begin() + first, kept.begin() + last);
    if (s.empty_listings && is_listing(blocks, out.article)) out.article.clear();
    if (out.article.empty()) {
        whole_tiny_page();
        return out;
    }
    for (std::size_t i : out.article)
        for (const auto& [begin, end] : evidence)
            if (blocks[i].owner >= begin && blocks[i].owner < end) {
                out.weight += blocks[i].weight();
                break;
            }
    return out;
}

bool is_cjk_text(const TextBlock& b) { return b.cjk * 2 > b.chars; }

// Whether a CJK paragraph stops mid-sentence: on a character or a comma, not on an end mark
// or a colon that introduces what follows.
bool stops_mid_sentence(std::string_view text) {
    char32_t last = text::last_code_point(text);
    return text::is_cjk(last) || last == 0xFF0C || last == ',' || last == 0x3001 || last == 0x201C;
}

// Titles carry colons and dashes but seldom commas: only a fragment with a comma or full stop
// is prose that a break can have cut.
bool has_comma_or_stop(std::string_view text) {
    for (std::string_view mark : {"，", ",", "。", "、"})
        if (text.find(mark) != std::string_view::npos) return true;
    return false;
}

// Paragraph repair: joins the halves of a CJK sentence that the page layout broke: a single
// <br> inside one element, or a column or figure break between two paragraphs (at most two
// dropped lines, such as a figure credit, between them). Never joins headings or list items.
std::vector<Block> to_blocks(const Page& page, const std::vector<std::size_t>& indices) {
    std::vector<Block> out;
    const TextBlock* previous = nullptr;
    std::size_t previous_index = 0;
    for (std::size_t i : indices) {
        const TextBlock& b = page.blocks[i];
        bool join = false;
        if (previous && b.kind == BlockKind::Paragraph && previous->kind == BlockKind::Paragraph &&
            is_cjk_text(b) && is_cjk_text(*previous) && !previous->sentence_end && stops_mid_sentence(out.back().text)) {
            bool same_element = previous->owner == b.owner && b.breaks_before == 1;
            bool across_break = i - previous_index <= 3 && has_comma_or_stop(previous->text) && previous->weight() >= 30;
            join = same_element || across_break;
        }
        std::string line = strip_continuation_markers(b.kind == BlockKind::Heading ? strip_pinyin_tail(b.text) : b.text);
        if (b.kind == BlockKind::Code) line = b.text;
        if (join) out.back().text += line;
        else if (!line.empty()) out.push_back(Block{b.kind, b.level, std::move(line)});
        previous = &b;
        previous_index = i;
    }
    return out;
}

// Options::keep_byline: the byline lines that selection left out between the headline and the
// article, and right after its end ("（责任编辑：王五）"), go back in their places.
void restore_bylines(const Page& page, std::vector<std::size_t>& article) {
    const auto& blocks = page.blocks;
    std::vector<std::size_t> bylines;
    for (std::size_t back = 1; back <= 6 && back <= article.front(); ++back) {
        const TextBlock& b = blocks[article.front() - back];
        if (b.kind == BlockKind::Heading) break;
        if (is_byline(b.text)) bylines.push_back(article.front() - back);
    }
    for (std::size_t i = article.back() + 1; i < blocks.size() && i <= article.back() + 3; ++i)
        if (blocks[i].kind != BlockKind::Heading && is_byline(blocks[i].text)) bylines.push_back(i);
    article.insert(article.end(), bylines.begin(), bylines.end());
    std::sort(article.begin(), article.end());
}

}  // namespace

Selection select_article(const dom::Tree& tree, const Page& page, const Options& options, std::string_view title,
                         bool drop_title_heading) {
    Settings s = settings_for(options);
    const Wording wording = judge_wording(page.blocks, s);
    Scored best = run_attempt(tree, page, wording, s, Attempt{true}, title, drop_title_heading);
    // Relaxation cascade: class names mislead on some sites (a content wrapper called
    // "has-sidebar"); an attempt without them that finds far more article wins.
    // When the strict container lies inside the relaxed one, the difference is exactly what
    // class names called furniture (a related-posts box beside the article): trust them.
    Scored relaxed = run_attempt(tree, page, wording, s, Attempt{false}, title, drop_title_heading);
    bool nested = best.container != dom::none && relaxed.container != dom::none &&
                  best.container >= relaxed.container && best.container < page.subtree_end[relaxed.container];
    if (!nested && relaxed.weight > best.weight * s.relax_gain) best = std::move(relaxed);
    // Little or nothing reads as prose: an index of entries (job ads, catalogue records, search
    // results, a shop's product grid) whose every line is a link, perhaps around one promotion
    // card. Its entries are what it has to read when they outweigh that fragment several times
    // over; the precision preset still returns nothing for it.
    if (best.weight < s.fragment && !s.empty_listings) {
        Settings listing = s;
        listing.listing = true;
        listing.link_heavy = 1.0;
        Scored entries = run_attempt(tree, page, wording, listing, Attempt{true}, title, drop_title_heading);
        if (best.article.empty() || entries.weight > s.listing_gain * best.weight) best = std::move(entries);
    }
    if (options.keep_byline && !best.article.empty()) restore_bylines(page, best.article);
    Selection selection;
    if (!best.article.empty())
        for (std::size_t back = 1; back <= 6 && back <= best.article.front(); ++back)
            if (const TextBlock& b = page.blocks[best.article.front() - back]; b.kind == BlockKind::Heading) {
                selection.heading_before = b.text;
                break;
            }
    selection.article = to_blocks(page, best.article);
    if (options.include_comments) selection.comments = to_blocks(page, best.comments);
    return selection;
}

}  // namespace webclean::content
