// Helpers every output format uses: the metadata field table, block runs, safe characters and
// the YAML header.
#include "output/common.hpp"

#include <algorithm>
#include <cstdio>

#include "text/ascii.hpp"
#include "text/utf8.hpp"

namespace webclean::output {

std::vector<MetadataEntry> metadata_entries(const Metadata& m) {
    using Shape = MetadataEntry::Shape;
    auto single = [](std::string_view name, const std::string& value) {
        MetadataEntry entry{name, name, Shape::Single, {}};
        if (!value.empty()) entry.values.push_back(value);
        return entry;
    };
    auto several = [](std::string_view name, std::string_view item, Shape shape,
                      const std::vector<std::string>& values) {
        MetadataEntry entry{name, item, shape, {}};
        for (const auto& value : values)
            if (!value.empty()) entry.values.push_back(value);
        return entry;
    };
    return {
        single("title", m.title),
        several("author", "author", Shape::Joined, m.authors),
        single("date", m.date),
        single("modified", m.modified),
        single("sitename", m.sitename),
        single("source", m.source),
        single("url", m.url),
        single("hostname", m.hostname),
        single("description", m.description),
        single("language", m.language),
        single("image", m.image),
        several("categories", "category", Shape::List, m.categories),
        several("tags", "tag", Shape::List, m.tags),
        single("license", m.license),
        single("editor", m.editor),
        single("icp", m.icp),
        single("public_security", m.public_security),
        single("charset", m.charset),
    };
}

std::vector<std::pair<std::string, std::string>> decoding_and_response(const Document& document) {
    std::vector<std::pair<std::string, std::string>> entries;
    if (document.metadata.replaced > 0) entries.emplace_back("replaced", std::to_string(document.metadata.replaced));
    const Response& response = document.response;
    if (response.http_status > 0) entries.emplace_back("http_status", std::to_string(response.http_status));
    if (!response.final_url.empty()) entries.emplace_back("final_url", response.final_url);
    if (!response.content_type.empty()) entries.emplace_back("content_type", response.content_type);
    return entries;
}

std::vector<Run> block_runs(const std::vector<Block>& blocks) {
    std::vector<Run> runs;
    std::size_t i = 0;
    while (i < blocks.size()) {
        const BlockKind kind = blocks[i].kind;
        const bool groups = kind == BlockKind::ListItem || kind == BlockKind::TableRow || kind == BlockKind::Code;
        std::size_t end = i + 1;
        if (groups)
            while (end < blocks.size() && blocks[end].kind == kind) ++end;
        if (groups || !trim_trailing_newlines(blocks[i].text).empty()) runs.push_back({kind, i, end});
        i = end;
    }
    return runs;
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

std::vector<std::string_view> split_cells(std::string_view row) {
    std::vector<std::string_view> cells;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = row.find('\t', start);
        cells.push_back(row.substr(start, end == std::string_view::npos ? row.npos : end - start));
        if (end == std::string_view::npos) return cells;
        start = end + 1;
    }
}

std::string_view trim_trailing_newlines(std::string_view text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
    return text;
}

namespace {

bool is_surrogate_or_nonchar(char32_t c) {
    return (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF || c > 0x10FFFF;
}

// C0 controls other than tab, LF and CR, DEL and the C1 controls: XML 1.0 forbids or
// discourages them and HTML calls them parse errors.
bool is_disallowed_control(char32_t c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
}

}  // namespace

std::string markup_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = text::next_code_point(text, i);
        if (is_disallowed_control(c)) continue;
        text::append_utf8(out, is_surrogate_or_nonchar(c) ? char32_t{0xFFFD} : c);
    }
    return out;
}

std::vector<Block> comment_blocks(const Document& document) {
    if (!document.comment_blocks.empty()) return document.comment_blocks;
    std::vector<Block> blocks;
    for (std::string_view line : split_lines(document.comments))
        if (!line.empty()) blocks.push_back({BlockKind::Paragraph, 0, std::string(line)});
    return blocks;
}

namespace {

// A YAML double-quoted scalar: the one YAML style that can hold any string, since every
// character that could end or bend it is escaped.
void append_yaml_string(std::string& out, std::string_view value) {
    out += '"';
    for (std::size_t i = 0; i < value.size();) {
        const char32_t c = text::next_code_point(value, i);
        char escape[12];
        switch (c) {
            case '"': out += "\\\""; continue;
            case '\\': out += "\\\\"; continue;
            case '\t': out += "\\t"; continue;
            case '\n': out += "\\n"; continue;
            case '\r': out += "\\r"; continue;
            case 0x85: out += "\\N"; continue;    // YAML 1.1 reads these three as line breaks
            case 0x2028: out += "\\L"; continue;
            case 0x2029: out += "\\P"; continue;
            default: break;
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFEFF) {
            std::snprintf(escape, sizeof escape, "\\u%04X", static_cast<unsigned>(c));
            out += escape;
        } else {
            text::append_utf8(out, is_surrogate_or_nonchar(c) ? char32_t{0xFFFD} : c);
        }
    }
    out += '"';
}

// Keys made of letters, digits, '_' and '-' (starting with a letter or '_') stay plain; any
// other key is quoted.
void append_yaml_key(std::string& out, std::string_view key) {
    const bool plain = !key.empty() && (text::is_ascii_alpha(key[0]) || key[0] == '_') &&
                       std::all_of(key.begin(), key.end(), [](char c) {
                           return text::is_ascii_alnum(c) || c == '_' || c == '-';
                       });
    if (plain) out += key;
    else append_yaml_string(out, key);
    out += ": ";
}

}  // namespace

std::string yaml_header(const Document& document, const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string out = "---\n";
    for (const MetadataEntry& entry : metadata_entries(document.metadata)) {
        if (entry.values.empty()) continue;
        append_yaml_key(out, entry.name);
        switch (entry.shape) {
            case MetadataEntry::Shape::Single:
                append_yaml_string(out, entry.values.front());
                break;
            case MetadataEntry::Shape::Joined: {
                std::string joined;
                for (std::string_view value : entry.values) {
                    if (!joined.empty()) joined += "; ";
                    joined += value;
                }
                append_yaml_string(out, joined);
                break;
            }
            case MetadataEntry::Shape::List:
                out += '[';
                for (std::size_t k = 0; k < entry.values.size(); ++k) {
                    if (k > 0) out += ", ";
                    append_yaml_string(out, entry.values[k]);
                }
                out += ']';
                break;
        }
        out += '\n';
    }
    auto more = decoding_and_response(document);
    more.insert(more.end(), fields.begin(), fields.end());
    for (const auto& [name, value] : more) {
        append_yaml_key(out, name);
        append_yaml_string(out, value);
        out += '\n';
    }
    out += "---\n";
    return out;
}

}  // namespace webclean::output
