#include "output_names.hpp"

#include <cstdio>
#include <filesystem>

namespace webclean::cli {

namespace fs = std::filesystem;

namespace {

// "a/b.html" -> "a/b", "a.html.gz" -> "a", "crawl.warc.zst" -> "crawl".
fs::path without_extensions(fs::path path) {
    const fs::path compression = path.extension();
    if (compression == ".gz" || compression == ".zst") path.replace_extension();
    if (path.has_extension()) path.replace_extension();
    return path;
}

// True when the relative path stays below the directory it is joined to.
bool stays_inside(const fs::path& path) {
    if (path.empty() || path.is_absolute()) return false;
    for (const auto& part : path)
        if (part == ".." || part == ".") return false;
    return true;
}

}  // namespace

std::string slug(std::string_view url) {
    if (const std::size_t scheme = url.find("://"); scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
    std::string out;
    for (char c : url) {
        if (out.size() >= 80) break;
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                          c == '-' || c == '_';
        const char next = keep ? c : '_';
        if (next == '_' && !out.empty() && out.back() == '_') continue;
        if (out.empty() && next == '.') continue;
        out += next;
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out.empty() ? "page" : out;
}

std::string file_stem(const Input& input) {
    if (input.kind == Input::Kind::Stdin) return "stdin";
    if (input.kind == Input::Kind::Url) return slug(input.name);
    if (!input.root.empty()) {
        const fs::path relative = fs::path(input.name).lexically_relative(input.root);
        if (stays_inside(relative)) return without_extensions(relative).string();
    }
    const std::string name = without_extensions(fs::path(input.name).filename()).string();
    return name.empty() || name == "." || name == ".." ? "page" : name;
}

std::string page_stem(std::string_view container_stem, std::uint64_t number, std::string_view url) {
    char digits[32];
    std::snprintf(digits, sizeof digits, "%06llu", static_cast<unsigned long long>(number));
    std::string stem = std::string(container_stem) + "/" + digits;
    if (!url.empty()) {
        stem += '-';
        stem += slug(url);
    }
    return stem;
}

}  // namespace webclean::cli
