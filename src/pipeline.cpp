// The one place that knows the order of the stages:
// bytes -> (gunzip) -> UTF-8 -> document model -> metadata -> blocks -> article selection -> text.
#include <initializer_list>

#include "decode/decode.hpp"
#include "dom/tree.hpp"
#include "extract/articles.hpp"
#include "extract/blocks.hpp"
#include "extract/repeats.hpp"
#include "extract/select.hpp"
#include "limits/deadline.hpp"
#include "metadata/metadata.hpp"
#include "parse/html.hpp"
#include "parse/inputs.hpp"
#include "webclean/extract.hpp"

namespace webclean {

Options Options::precision() {
    Options o;
    o.focus = Focus::Precision;
    return o;
}

Options Options::recall() {
    Options o;
    o.focus = Focus::Recall;
    return o;
}

const char* to_string(Status status) {
    switch (status) {
        case Status::Ok: return "ok";
        case Status::TooLarge: return "too-large";
        case Status::TooManyNodes: return "too-many-nodes";
        case Status::BadInput: return "bad-input";
        case Status::FetchFailed: return "fetch-failed";
        case Status::TimedOut: return "timed-out";
    }
    return "unknown";
}

namespace {

Result failure(Status status, std::string message) {
    Result r;
    r.status = status;
    r.message = std::move(message);
    return r;
}

std::string join_lines(const std::vector<Block>& blocks) {
    std::size_t size = blocks.size();
    for (const Block& b : blocks) size += b.text.size();
    std::string text;
    text.reserve(size);  // grown by doubling it would hold up to twice the article
    for (const Block& b : blocks) {
        if (!text.empty()) text.push_back('\n');
        text += b.text;
    }
    return text;
}

// Emphasis markers that CommonMark leaves as text when they touch CJK punctuation
// ("**“人工智能+”**"): never meant for the reader.
void strip_markup_left_over(std::vector<Block>& blocks) {
    for (Block& b : blocks) {
        if (b.kind == BlockKind::Code) continue;
        for (std::string_view marker : {"**", "__"})
            for (std::size_t at = b.text.find(marker); at != std::string::npos; at = b.text.find(marker, at))
                b.text.erase(at, marker.size());
    }
}

// Front matter is the scraper's own record of the page: it outranks what the markup says.
void apply_front_matter(const parse::FrontMatter& fm, Metadata& m) {
    auto set = [&](std::string& field, std::initializer_list<std::string_view> keys) {
        for (std::string_view key : keys)
            if (auto value = fm.get(key); !value.empty()) {
                field = std::string(value);
                return;
            }
    };
    set(m.title, {"title"});
    set(m.url, {"url", "link", "canonical"});
    set(m.sitename, {"source", "sitename", "site", "site_name", "account"});
    set(m.date, {"date", "published", "publish_date", "pubdate"});
    set(m.description, {"description", "summary"});
    set(m.language, {"lang", "language"});
    if (auto author = fm.get("author"); !author.empty()) m.authors = {std::string(author)};
    if (auto date = metadata::normalize_date(m.date); !date.empty()) m.date = date;
}

Result run_stages(std::string_view bytes, const Options& options) {
    const Limits& limits = options.limits;
    if (bytes.size() > limits.max_input_bytes)
        return failure(Status::TooLarge, "input is " + std::to_string(bytes.size()) + " bytes, over the limit of " +
                                             std::to_string(limits.max_input_bytes));
    std::string inflated;
    if (decode::is_gzip(bytes)) {
        switch (decode::gunzip(bytes, limits.max_input_bytes, inflated)) {
            case decode::GunzipStatus::Ok: break;
            case decode::GunzipStatus::TooLarge:
                return failure(Status::TooLarge, "decompressed input is over the limit of " +
                                                     std::to_string(limits.max_input_bytes) + " bytes");
            case decode::GunzipStatus::Corrupt: return failure(Status::BadInput, "corrupt gzip data");
        }
        bytes = inflated;
    }

    decode::Decoded decoded = decode::to_utf8(bytes, options.http_charset, true);
    inflated.clear();
    inflated.shrink_to_fit();
    if (decode::looks_binary(decoded.text)) return failure(Status::BadInput, "binary data, not a text document");
    limits::check_deadline_now();

    InputFormat format = options.input_format;
    if (format == InputFormat::Auto) format = parse::detect_format(decoded.text);
    parse::FrontMatter front_matter;
    dom::Tree tree;
    if (format == InputFormat::Text) {
        parse::parse_text(decoded.text, tree);
    } else {
        std::string html;  // the parser takes it: the page and the trees are never held at once
        if (format == InputFormat::Markdown) {
            front_matter = parse::split_front_matter(decoded.text);
            html = parse::markdown_to_html(front_matter.body);
        } else {
            html = std::move(decoded.text);
        }
        if (parse::parse_html(std::move(html), limits.max_depth, limits.max_nodes, tree) == parse::ParseStatus::TooManyNodes)
            return failure(Status::TooManyNodes, "page has more than " + std::to_string(limits.max_nodes) + " nodes");
    }
    limits::check_deadline_now();

    Result result;
    Document& doc = result.document;
    // The caller's URL comes back in url and hostname, which are UTF-8 like every other field.
    doc.metadata = metadata::extract_metadata(tree, decode::repair_utf8(options.url));
    apply_front_matter(front_matter, doc.metadata);
    doc.metadata.charset = decoded.charset;
    doc.metadata.replaced = decoded.replaced;
    limits::check_deadline_now();

    content::Page page = content::collect_blocks(tree, options);
    limits::check_deadline_now();
    content::Selection selection = content::select_article(tree, page, options, doc.metadata.title, format == InputFormat::Html);
    doc.blocks = std::move(selection.article);
    doc.comment_blocks = std::move(selection.comments);
    if (format == InputFormat::Markdown) strip_markup_left_over(doc.blocks);
    if (options.deduplicate) {
        content::drop_repeated_blocks(doc.blocks);
        content::drop_repeated_blocks(doc.comment_blocks);
    }
    // Text dumps and markdown have no <title>: the heading over the article names it.
    if (doc.metadata.title.empty()) doc.metadata.title = selection.heading_before;
    if (doc.metadata.title.empty())
        for (const Block& b : doc.blocks)
            if (b.kind == BlockKind::Heading) {
                doc.metadata.title = b.text;
                break;
            }
    doc.text = join_lines(doc.blocks);
    // A web page's several articles are usually teasers; newspaper dumps really hold several.
    if (format != InputFormat::Html) doc.articles = content::split_articles(doc.blocks, format == InputFormat::Markdown);
    doc.comments = join_lines(doc.comment_blocks);
    return result;
}

}  // namespace

Result extract(std::string_view bytes, const Options& options) {
    limits::DeadlineScope deadline(options.limits.time_budget);
    try {
        return run_stages(bytes, options);
    } catch (const limits::DeadlineExceeded&) {
        return failure(Status::TimedOut,
                       "not done within the time budget of " + std::to_string(options.limits.time_budget.count()) + " ms");
    }
}

}  // namespace webclean
