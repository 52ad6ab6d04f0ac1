// Placeholder pipeline: decode -> parse -> all body text. Replaced by the real stages.
#include "decode/decode.hpp"
#include "dom/tree.hpp"
#include "parse/html.hpp"
#include "webclean/extract.hpp"

namespace webclean {

Options Options::precision() { Options o; o.focus = Focus::Precision; return o; }
Options Options::recall() { Options o; o.focus = Focus::Recall; return o; }

const char* to_string(Status status) {
    switch (status) {
        case Status::Ok: return "ok";
        case Status::TooLarge: return "too-large";
        case Status::TooManyNodes: return "too-many-nodes";
        case Status::BadInput: return "bad-input";
    }
    return "unknown";
}

Result extract(std::string_view bytes, const Options& options) {
    Result result;
    auto decoded = decode::to_utf8(bytes, options.http_charset, true);
    dom::Tree tree;
    parse::parse_html(decoded.text, options.limits.max_depth, options.limits.max_nodes, tree);
    std::string text;
    dom::walk(tree, tree.body(), [&](dom::NodeId id) {
        if (tree[id].is_text) text += tree[id].text;
        return true;
    });
    result.document.text = text;
    return result;
}

}  // namespace webclean
