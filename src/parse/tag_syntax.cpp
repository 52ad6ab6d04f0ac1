#include "parse/tag_syntax.hpp"

#include <cstring>
#include <functional>

#include "text/ascii.hpp"

namespace webclean::parse::detail {

using text::ascii_lower;
using text::is_ascii_alpha;

TagEnd tag_end(std::string_view s, std::size_t from, std::size_t max_attributes) {
    // The tokenizer's states inside a tag, as far as where it ends goes: a quote opens a value
    // only after an attribute's '=' ("a==\">" has the unquoted value =\", and ends at its '>').
    enum { kBetween, kName, kAfterName, kBeforeValue, kUnquoted } state = kBetween;
    std::size_t attributes = 0, cut = 0;
    for (std::size_t i = from; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '>' && state != kBeforeValue) return {i + 1, cut, attributes};
        const bool space = is_tag_space(c);
        switch (state) {
            case kBetween:
            case kAfterName:
                if (c == '=' && state == kAfterName) state = kBeforeValue;
                else if (c == '/') state = kBetween;
                else if (!space) {
                    if (c != '=' && ++attributes == max_attributes + 1 && cut == 0) cut = i;
                    state = kName;
                }
                break;
            case kName:
                if (space) state = kAfterName;
                else if (c == '/') state = kBetween;
                else if (c == '=') state = kBeforeValue;
                break;
            case kBeforeValue:
                if (c == '>') return {i + 1, cut, attributes};  // no value
                if (c == '"' || c == '\'') {
                    // Inside a quoted value only its closing quote counts: jump there.
                    const void* close = std::memchr(s.data() + i + 1, c, s.size() - i - 1);
                    if (!close) return {s.size(), cut, attributes};
                    i = static_cast<std::size_t>(static_cast<const char*>(close) - s.data());
                    state = kBetween;
                } else if (!space) {
                    state = kUnquoted;
                }
                break;
            case kUnquoted:
                if (space) state = kBetween;
                break;
        }
    }
    return {s.size(), cut, attributes};
}

std::size_t find_end_tag(std::string_view s, std::size_t from, std::string_view name) {
    while (true) {
        std::size_t lt = s.find("</", from);
        if (lt == std::string_view::npos) return lt;
        std::size_t i = lt + 2;
        bool match = s.size() - i >= name.size();
        for (std::size_t k = 0; match && k < name.size(); ++k)
            if (ascii_lower(s[i + k]) != name[k]) match = false;
        if (match) {
            // An end tag only where the tokenizer sees one: the name followed by whitespace, '/'
            // or '>' ("</title\xb9>" and "</titles>" are text).
            std::size_t after = i + name.size();
            if (after < s.size() && (is_tag_space(s[after]) || s[after] == '/' || s[after] == '>')) return lt;
        }
        from = lt + 2;
    }
}

constexpr std::size_t kMaxStored = 32;
std::string read_tag_name(std::string_view s, std::size_t& i) {
    std::size_t begin = i;
    while (i < s.size() && !is_tag_space(s[i]) && s[i] != '/' && s[i] != '>') ++i;
    std::string name;
    name.reserve(std::min(i - begin, kMaxStored));
    for (std::size_t k = begin; k < i && name.size() < kMaxStored; ++k) name.push_back(ascii_lower(s[k]));
    if (i - begin > kMaxStored) name += '#' + std::to_string(std::hash<std::string_view>{}(s.substr(begin, i - begin)));
    return name;
}

}  // namespace webclean::parse::detail
