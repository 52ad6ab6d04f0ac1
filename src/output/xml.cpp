// The XML format, written with pugixml. Element names and nesting are documented in README.md
// ("XML output"); every text goes through markup_safe, since XML 1.0 cannot hold every
// character a scraped page can.
#include <algorithm>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "output/common.hpp"
#include "output/markup.hpp"

namespace webclean::output {

namespace {

void set_text(pugi::xml_node node, std::string_view text) {
    node.text().set(markup_safe(trim_trailing_newlines(text)).c_str());
}

pugi::xml_node append_text_element(pugi::xml_node parent, const char* name, std::string_view text) {
    pugi::xml_node node = parent.append_child(name);
    set_text(node, text);
    return node;
}

// Nested items go into a <list> that follows the item they belong to, inside the outer <list>,
// so no element mixes text and elements.
void append_list(pugi::xml_node parent, const std::vector<Block>& blocks, const Run& run) {
    std::vector<pugi::xml_node> lists{parent.append_child("list")};
    const int base = std::max(blocks[run.first].level, 1);
    for (std::size_t k = run.first; k < run.last; ++k) {
        // A level deeper than one past the open lists still nests only one step.
        const std::size_t depth = static_cast<std::size_t>(
            std::clamp(blocks[k].level - base + 1, 1, static_cast<int>(lists.size()) + 1));
        while (lists.size() > depth) lists.pop_back();
        if (lists.size() < depth) lists.push_back(lists.back().append_child("list"));
        append_text_element(lists.back(), "item", blocks[k].text);
    }
}

void append_blocks(pugi::xml_node parent, const std::vector<Block>& blocks) {
    for (const Run& run : block_runs(blocks)) {
        const Block& first = blocks[run.first];
        switch (run.kind) {
            case BlockKind::Heading:
                append_text_element(parent, "heading", first.text)
                    .append_attribute("level")
                    .set_value(std::clamp(first.level, 1, 6));
                break;
            case BlockKind::Paragraph:
                append_text_element(parent, "p", first.text);
                break;
            case BlockKind::Quote:
                append_text_element(parent, "quote", first.text);
                break;
            case BlockKind::Caption:
                append_text_element(parent, "caption", first.text);
                break;
            case BlockKind::ListItem:
                append_list(parent, blocks, run);
                break;
            case BlockKind::Code: {
                std::string code;
                for (std::size_t k = run.first; k < run.last; ++k) {
                    if (k > run.first) code += '\n';
                    code += trim_trailing_newlines(blocks[k].text);
                }
                append_text_element(parent, "code", code);
                break;
            }
            case BlockKind::TableRow: {
                pugi::xml_node table = parent.append_child("table");
                for (std::size_t k = run.first; k < run.last; ++k) {
                    pugi::xml_node row = table.append_child("row");
                    for (std::string_view cell : split_cells(blocks[k].text)) append_text_element(row, "cell", cell);
                }
                break;
            }
        }
    }
}

void append_metadata(pugi::xml_node parent, const Document& document) {
    pugi::xml_node node = parent.append_child("metadata");
    for (const MetadataEntry& entry : metadata_entries(document.metadata)) {
        const std::string name(entry.shape == MetadataEntry::Shape::Single ? entry.name : entry.item);
        for (std::string_view value : entry.values) append_text_element(node, name.c_str(), value);
    }
    for (const auto& [name, value] : decoding_and_response(document)) append_text_element(node, name.c_str(), value);
}

struct StringWriter : pugi::xml_writer {
    std::string out;
    void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
};

}  // namespace

std::string render_xml(const Document& document, const Fields& fields) {
    pugi::xml_document xml;
    pugi::xml_node declaration = xml.append_child(pugi::node_declaration);
    declaration.append_attribute("version").set_value("1.0");
    declaration.append_attribute("encoding").set_value("UTF-8");
    pugi::xml_node root = xml.append_child("document");

    if (!fields.empty()) {
        pugi::xml_node node = root.append_child("fields");
        for (const auto& [name, value] : fields)
            append_text_element(node, "field", value).prepend_attribute("name").set_value(markup_safe(name).c_str());
    }
    append_metadata(root, document);
    pugi::xml_node main = root.append_child("main");
    // Documents built without blocks (plain-text input) still have their lines.
    if (document.blocks.empty()) {
        for (std::string_view line : split_lines(document.text))
            if (!line.empty()) append_text_element(main, "p", line);
    } else {
        append_blocks(main, document.blocks);
    }
    if (!document.articles.empty()) {
        pugi::xml_node articles = root.append_child("articles");
        for (const Article& article : document.articles) {
            pugi::xml_node node = articles.append_child("article");
            if (!article.title.empty()) append_text_element(node, "title", article.title);
            if (!article.byline.empty()) append_text_element(node, "byline", article.byline);
            for (std::string_view line : split_lines(article.text))
                if (!line.empty()) append_text_element(node, "p", line);
        }
    }
    if (const std::vector<Block> comments = comment_blocks(document); !comments.empty())
        append_blocks(root.append_child("comments"), comments);

    StringWriter writer;
    xml.save(writer, "  ", pugi::format_indent, pugi::encoding_utf8);
    return std::move(writer.out);
}

}  // namespace webclean::output
