// Chinese site registration numbers (ICP 备案 and 公网安备), which sit in page footers.
#include "metadata/metadata.hpp"
#include "metadata/strings.hpp"
#include "text/ascii.hpp"

namespace webclean::metadata {
namespace {

// The province abbreviation is the one Han character right before the marker ("京ICP备").
std::string province_before(std::string_view text, std::size_t marker) {
    if (marker < 3) return {};
    std::size_t start = marker - 3;
    std::size_t i = start;
    char32_t c = detail::next_code_point(text, i);
    return i == marker && detail::is_han(c) ? std::string(text.substr(start, 3)) : std::string();
}

void skip_separators(std::string_view text, std::size_t& i) {
    while (i < text.size()) {
        std::size_t k = i;
        char32_t c = detail::next_code_point(text, k);
        if (!detail::is_space(c) && c != ':' && c != 0xFF1A) break;  // U+FF1A full-width colon
        i = k;
    }
}

std::string_view digits_at(std::string_view text, std::size_t& i) {
    std::size_t start = i;
    while (i < text.size() && text::is_ascii_digit(text[i])) ++i;
    return text.substr(start, i - start);
}

}  // namespace

std::string find_icp(std::string_view text) {
    for (std::size_t marker = text.find("ICP"); marker != std::string_view::npos;
         marker = text.find("ICP", marker + 3)) {
        std::size_t i = marker + 3;
        std::string kind;
        for (std::string_view k : {"备", "证"})
            if (text.compare(i, k.size(), k) == 0) { kind = k; i += k.size(); break; }
        skip_separators(text, i);
        std::string_view number = digits_at(text, i);
        if (number.size() < 5) continue;  // "ICP备案号：京ICP备…" — the real number comes later
        std::string record = province_before(text, marker) + "ICP" + kind + std::string(number);
        std::size_t k = i;
        while (k < text.size() && text[k] == ' ') ++k;
        if (text.compare(k, 3, "号") == 0) { record += "号"; i = k + 3; }
        if (i + 1 < text.size() && text[i] == '-' && text::is_ascii_digit(text[i + 1])) {
            ++i;
            record += '-';
            record += digits_at(text, i);
        }
        return record;
    }
    return {};
}

std::string find_public_security(std::string_view text) {
    static constexpr std::string_view marker_text = "公网安备";
    for (std::size_t marker = text.find(marker_text); marker != std::string_view::npos;
         marker = text.find(marker_text, marker + marker_text.size())) {
        std::size_t i = marker + marker_text.size();
        skip_separators(text, i);
        std::string_view number = digits_at(text, i);
        if (number.size() < 8) continue;
        return province_before(text, marker) + std::string(marker_text) + std::string(number) + "号";
    }
    return {};
}

}  // namespace webclean::metadata
