// The one place that knows the order of the stages:
// bytes -> (gunzip) -> UTF-8 -> document model -> metadata -> blocks -> article selection -> text.
#include "decode/decode.hpp"
#include "dom/tree.hpp"
#include "extract/blocks.hpp"
#include "extract/select.hpp"
#include "parse/html.hpp"
#include "text/ascii.hpp"
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
    std::string text;
    for (const Block& b : blocks) {
        if (!text.empty()) text.push_back('\n');
        text += b.text;
    }
    return text;
}

// Stand-in until the metadata stage lands: the <title> text.
Metadata basic_metadata(const dom::Tree& tree, const Options& options) {
    Metadata m;
    dom::walk(tree, tree.head(), [&](dom::NodeId id) {
        if (tree[id].tag == GUMBO_TAG_TITLE && m.title.empty() && tree[id].first_child != dom::none)
            m.title = std::string(text::trim(tree[tree[id].first_child].text));
        return true;
    });
    m.url = options.url;
    m.language = std::string(tree.attribute(tree.root(), "lang"));
    return m;
}

}  // namespace

Result extract(std::string_view bytes, const Options& options) {
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

    dom::Tree tree;
    if (parse::parse_html(decoded.text, limits.max_depth, limits.max_nodes, tree) == parse::ParseStatus::TooManyNodes)
        return failure(Status::TooManyNodes, "page has more than " + std::to_string(limits.max_nodes) + " nodes");

    Result result;
    Document& doc = result.document;
    doc.metadata = basic_metadata(tree, options);
    doc.metadata.charset = decoded.charset;

    content::Page page = content::collect_blocks(tree, options);
    content::Selection selection = content::select_article(tree, page, options, doc.metadata.title);
    doc.blocks = std::move(selection.article);
    doc.comment_blocks = std::move(selection.comments);
    doc.text = join_lines(doc.blocks);
    doc.comments = join_lines(doc.comment_blocks);
    return result;
}

}  // namespace webclean
