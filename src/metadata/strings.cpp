#include "metadata/strings.hpp"

#include <algorithm>
#include <array>

#include "parse/html.hpp"
#include "text/ascii.hpp"

namespace webclean::metadata::detail {

void append_collapsed(std::string& out, bool& pending_space, std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        std::size_t start = i;
        // A run of ASCII that is not space, copied whole.
        while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80 && !is_space(char32_t(s[i]))) ++i;
        if (i > start) {
            if (pending_space && !out.empty()) out += ' ';
            pending_space = false;
            out.append(s.substr(start, i - start));
            continue;
        }
        char32_t c = next_code_point(s, i);
        if (is_space(c)) { pending_space = true; continue; }
        // Private-use characters are icon-font glyphs or a decoder's leftovers, never text.
        if (c >= 0xE000 && c <= 0xF8FF) continue;
        if (pending_space && !out.empty()) out += ' ';
        pending_space = false;
        out.append(s.substr(start, i - start));
    }
}

std::string collapse_space(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    append_collapsed(out, pending_space, s);
    return out;
}

std::string decode_entities(std::string_view s) { return parse::decode_references(s); }

std::size_t length_in_code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

bool starts_with_ignoring_case(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && text::iequals(s.substr(0, prefix.size()), prefix);
}

std::size_t find_ignoring_case(std::string_view s, std::string_view needle, std::size_t from) {
    if (needle.empty()) return from <= s.size() ? from : std::string_view::npos;
    for (std::size_t i = from; i + needle.size() <= s.size(); ++i)
        if (text::iequals(s.substr(i, needle.size()), needle)) return i;
    return std::string_view::npos;
}

bool looks_like_url_or_email(std::string_view s) {
    if (s.find("://") != std::string_view::npos || starts_with_ignoring_case(s, "www.")) return true;
    std::size_t at = s.find('@');
    return at != std::string_view::npos && at > 0 && s.find('.', at) != std::string_view::npos &&
           s.find(' ') == std::string_view::npos;
}

bool looks_like_domain(std::string_view s) {
    s = text::trim(s);
    std::size_t dot = s.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return false;
    // The common top-level domains: "sara.r.peter" is a user name.
    static constexpr std::string_view tlds[] = {"com", "net", "org", "edu", "gov", "io", "co", "cn", "uk", "de",
                                                "jp", "fr", "info", "biz", "me", "tv", "us", "ru", "in", "au",
                                                "ca", "it", "nl", "es", "br", "kr", "tw", "hk", "xyz", "ai",
                                                "app", "dev", "site", "online", "top", "cc", "eu", "ch", "se"};
    std::string tld = text::to_lower(s.substr(dot + 1));
    if (std::find(std::begin(tlds), std::end(tlds), tld) == std::end(tlds)) return false;
    for (char c : s)
        if (!text::is_ascii_alnum(c) && c != '.' && c != '-') return false;
    return true;
}

bool plausible_author(std::string_view name) {
    name = text::trim(name);
    if (name.empty() || looks_like_url_or_email(name) || looks_like_domain(name)) return false;
    if (name.find(' ') == std::string_view::npos) {
        std::size_t digits = 0, underscores = 0;
        for (char c : name) digits += text::is_ascii_digit(c), underscores += c == '_';
        if (digits * 3 >= name.size() * 2 || (digits && underscores)) return false;
    }
    for (std::size_t i = 0; i < name.size();) {
        char32_t c = next_code_point(name, i);
        // ，。！？：；“”「」 and the ideographic full stop: prose, not a name.
        if (c == 0xFF0C || c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1A || c == 0xFF1B ||
            c == 0x201C || c == 0x201D || c == 0x300C || c == 0x300D)
            return false;
    }
    return true;
}

namespace {

// Common Chinese family names (simplified and traditional forms), enough to tell a byline's
// "张倩" from "完" or "图"; a byline names people far more often than anything else of two or
// three characters.
constexpr std::string_view single_family_names =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
    "莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪"
    "梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简"
    "车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄"
    "丛仲虞敖巩明佘池查麻苑迟邝封钮储蔺荆粟谈湛逄帅萧闻祖乐习揭隆俸冀郁钟宋"
    "張陳劉黃趙吳鄭謝許韓馮鄧蕭葉蘇呂盧譚陸範賈韋鄒龔錢嚴湯溫齊喬龐顏聶魯歐蘭紀單塗駱藍羅楊孫馬賴鍾"
    "蔣魏餘閻鄺賀顧萬戴傅賴";
constexpr std::string_view compound_family_names[] = {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙",
                                                      "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "歐陽"};

bool has_single_family_name(std::string_view name) {
    std::size_t i = 0;
    next_code_point(name, i);
    return single_family_names.find(name.substr(0, i)) != std::string_view::npos;
}

}  // namespace

bool looks_like_han_person(std::string_view name) {
    std::size_t han = 0;
    for (std::size_t i = 0; i < name.size();) {
        char32_t c = next_code_point(name, i);
        if (!is_han(c)) return false;
        ++han;
    }
    for (auto compound : compound_family_names)
        if (name.substr(0, compound.size()) == compound) return han >= 3 && han <= 4;
    return han >= 2 && han <= 3 && has_single_family_name(name);
}

bool starts_with_family_name(std::string_view name) {
    if (name.empty()) return false;
    for (std::size_t i = 0; i < name.size();)
        if (!is_han(next_code_point(name, i))) return false;
    for (auto compound : compound_family_names)
        if (name.substr(0, compound.size()) == compound) return true;
    return has_single_family_name(name);
}

std::vector<std::string> han_persons(std::string_view text) {
    std::vector<std::string> names;
    bool known_family_name = false;
    std::string v = collapse_space(text);
    std::size_t start = 0;
    while (start <= v.size()) {
        std::size_t end = std::min(v.find(' ', start), v.find("、", start));
        if (end == std::string::npos) end = v.size();
        std::string_view piece = std::string_view(v).substr(start, end - start);
        if (!piece.empty()) {
            // In a list, one recognised name vouches for a three-character one under a rarer
            // family name ("赵延东、风笑天"); two characters are as often a word ("房产 汽车").
            const std::size_t length = length_in_code_points(piece);
            bool han = true;
            for (std::size_t i = 0; i < piece.size() && han;) han = is_han(next_code_point(piece, i));
            const bool known = looks_like_han_person(piece);
            if (!han || length < 2 || length > 3 || (!known && length != 3)) return {};
            known_family_name = known_family_name || known;
            names.emplace_back(piece);
        }
        start = end + (end < v.size() && v[end] == ' ' ? 1 : std::string_view("、").size());
    }
    return known_family_name ? names : std::vector<std::string>();
}

namespace {

// Words that name a role, not a person; a byline piece may start or end with them.
constexpr std::array leading_roles{
    std::string_view("written by "), std::string_view("posted by "), std::string_view("by "),
    std::string_view("par "),        std::string_view("von "),       std::string_view("por "),
    std::string_view("作者："),      std::string_view("作者:"),      std::string_view("作者"),
    std::string_view("本报记者"),    std::string_view("本报通讯员"), std::string_view("特约记者"),
    std::string_view("实习记者"),    std::string_view("见习记者"),   std::string_view("记者"),
    std::string_view("通讯员"),      std::string_view("实习生"),     std::string_view("撰文"),
    std::string_view("文／"),        std::string_view("文/"),        std::string_view("文 /"),
    std::string_view("文｜"),        std::string_view("文|"),        std::string_view("and "),
    std::string_view("：")};
constexpr std::array trailing_roles{std::string_view("报道"), std::string_view("摄影"), std::string_view("摄"),
                                    std::string_view("整理"), std::string_view("编译"), std::string_view("/文"),
                                    std::string_view("文")};

std::string_view trim_piece(std::string_view piece) {
    bool changed = true;
    while (changed) {
        changed = false;
        piece = text::trim(piece);
        for (auto role : leading_roles) {
            if (piece.size() > role.size() && starts_with_ignoring_case(piece, role)) {
                piece.remove_prefix(role.size());
                changed = true;
            }
        }
        for (auto role : trailing_roles) {
            if (piece.size() > role.size() + 3 && piece.substr(piece.size() - role.size()) == role) {
                piece.remove_suffix(role.size());
                changed = true;
            }
        }
        // "罗科苏盈发自北京": where the reporter filed from.
        if (std::size_t from = piece.find("发自"); from != std::string_view::npos && from >= 6 &&
                                                   length_in_code_points(piece.substr(from)) <= 8) {
            piece = piece.substr(0, from);
            changed = true;
        }
    }
    return piece;
}

// "王建宏 张文攀": space-separated short Han names are several people.
bool is_han_name_list(std::string_view piece) {
    if (piece.find(' ') == std::string_view::npos) return false;
    std::size_t run = 0;
    for (std::size_t i = 0; i < piece.size();) {
        char32_t c = next_code_point(piece, i);
        if (c == ' ') {
            if (run < 2 || run > 4) return false;
            run = 0;
        } else if (is_han(c) || c == 0xB7) {  // U+00B7 joins transliterated foreign names
            ++run;
        } else {
            return false;
        }
    }
    return run >= 2 && run <= 4;
}

// A role on its own ("实习生", "通讯员"), left over when a byline lists roles between names.
bool is_role_word(std::string_view piece) {
    for (auto role : leading_roles) {
        std::string_view bare = text::trim(role);
        while (!bare.empty() && (bare.back() == ':' || bare.back() == '/')) bare.remove_suffix(1);
        if (bare.size() >= 3 && piece == bare) return true;  // CJK roles; "by" and the like never stand alone
    }
    return false;
}

// "Jane Doe (https://jane.example)", "Jane Doe <jane@example.com>": the name without the contact.
std::string without_contact(std::string_view value) {
    std::string out(value);
    for (auto [open, close] : {std::pair{'(', ')'}, std::pair{'<', '>'}}) {
        std::size_t begin = out.find(open);
        if (begin == std::string::npos) continue;
        std::size_t end = out.find(close, begin);
        if (end == std::string::npos) continue;
        if (looks_like_url_or_email(text::trim(std::string_view(out).substr(begin + 1, end - begin - 1))))
            out.erase(begin, end - begin + 1);
    }
    return out;
}

std::size_t word_count(std::string_view s) {
    s = text::trim(s);
    if (s.empty()) return 0;
    std::size_t words = 1;
    for (std::size_t i = 1; i < s.size(); ++i) words += s[i] == ' ' && s[i - 1] != ' ';
    return words;
}

// The text from `from` to the next comma or semicolon.
std::string_view next_piece(std::string_view s, std::size_t from) {
    std::string_view rest = s.substr(std::min(from, s.size()));
    return rest.substr(0, rest.find_first_of(",;"));
}

// "Kooman, F.", "Jong, Michiel de": one person, family name first (how Dublin Core and
// citations write a creator), not two people.
bool is_inverted_name(std::string_view v) {
    std::size_t comma = v.find(',');
    if (comma == std::string_view::npos || v.find(',', comma + 1) != std::string_view::npos) return false;
    for (char c : v)
        if (static_cast<unsigned char>(c) >= 0x80 || c == ';' || c == '|' || c == '&') return false;
    std::string_view family = text::trim(v.substr(0, comma)), given = text::trim(v.substr(comma + 1));
    return word_count(family) == 1 && word_count(given) >= 1 && word_count(given) <= 3 &&
           text::is_ascii_alpha(family[0]) && !given.empty() && given[0] >= 'A' && given[0] <= 'Z' &&
           given.find(" and ") == std::string_view::npos;
}

// Degrees and suffixes written after a name ("Brenda Goodman, MA"): never a person.
bool is_credential(std::string_view piece) {
    static constexpr std::string_view credentials[] = {"MA", "MS", "MSc", "MD", "PhD", "Ph.D.", "MBA", "RN", "RD",
                                                       "RDN", "LD", "DVM", "NP", "CPT", "DO", "MPH", "BSc", "BA",
                                                       "Esq.", "Jr.", "Jr", "Sr.", "Sr"};
    for (auto c : credentials)
        if (piece == c) return true;
    return false;
}

// "赵  培", "李 扬": a two- or three-character name padded to line up with longer ones.
std::string unpad_han_name(std::string_view piece) {
    std::string joined;
    std::size_t run = 0, runs = 0;
    for (std::size_t i = 0; i < piece.size();) {
        std::size_t at = i;
        char32_t c = next_code_point(piece, i);
        if (c == ' ') {
            if (run != 1) return {};
            run = 0;
        } else if (is_han(c)) {
            if (run == 1) return {};
            ++run;
            ++runs;
            joined.append(piece.substr(at, i - at));
        } else {
            return {};
        }
    }
    return runs >= 2 && runs <= 3 ? joined : std::string();
}

void add_name(std::vector<std::string>& names, std::string_view piece) {
    piece = trim_piece(piece);
    if (is_credential(piece)) return;
    if (std::string unpadded = unpad_han_name(piece); !unpadded.empty()) {
        names.push_back(std::move(unpadded));
        return;
    }
    if (piece.empty() || looks_like_url_or_email(piece) || length_in_code_points(piece) > 60) return;
    bool has_letter = false;
    for (std::size_t i = 0; i < piece.size();) {
        char32_t c = next_code_point(piece, i);
        if ((c < 0x80 && text::is_ascii_alpha(char(c))) || c >= 0xC0) has_letter = true;
    }
    if (!has_letter || is_role_word(piece)) return;
    if (is_han_name_list(piece)) {
        std::size_t start = 0;
        while (start < piece.size()) {
            std::size_t space = piece.find(' ', start);
            if (space == std::string_view::npos) space = piece.size();
            // "记者 谭书远 实习生 聂小满": the role words between names are not names.
            std::string_view one = trim_piece(piece.substr(start, space - start));
            if (!is_role_word(one)) names.emplace_back(one);
            start = space + 1;
        }
        return;
    }
    names.emplace_back(piece);
}

}  // namespace

std::vector<std::string> split_authors(std::string_view value) {
    std::string v = collapse_space(without_contact(value));
    if (looks_like_url_or_email(v)) return {};  // profile links: no name to read
    if (is_inverted_name(v)) return {v};
    // Separators between people, longest first so " and " wins over a bare space.
    static constexpr std::array separators{std::string_view(", "), std::string_view(","),
                                           std::string_view(" and "), std::string_view(" & "),
                                           std::string_view("，"), std::string_view("、"),
                                           std::string_view(";"),  std::string_view("；"),
                                           std::string_view(" | "), std::string_view("|"),
                                           std::string_view(" 和 "), std::string_view("/")};
    std::vector<std::string> names;
    std::size_t start = 0;
    std::string_view rest(v);
    std::size_t i = 0;
    while (i < rest.size()) {
        std::size_t matched = 0;
        for (auto sep : separators) {
            // "文/张三" is a role marker, not a separator: only split on "/" after a name.
            if (rest.compare(i, sep.size(), sep) == 0) {
                if (sep == "/" && trim_piece(rest.substr(start, i - start)).empty()) continue;
                // "Mac & i", "Johnson & Johnson": one name; people are named in full.
                if ((sep == " and " || sep == " & ") &&
                    (word_count(rest.substr(start, i - start)) < 2 || word_count(next_piece(rest, i + sep.size())) < 2))
                    continue;
                matched = sep.size();
                break;
            }
        }
        if (matched) {
            add_name(names, rest.substr(start, i - start));
            i += matched;
            start = i;
        } else {
            ++i;
        }
    }
    add_name(names, rest.substr(start));
    std::vector<std::string> unique;
    append_unique(unique, names);
    return unique;
}

void append_unique(std::vector<std::string>& list, const std::vector<std::string>& values) {
    for (const auto& value : values) {
        if (value.empty()) continue;
        bool seen = false;
        for (const auto& existing : list) seen = seen || text::iequals(existing, value);
        if (!seen) list.push_back(value);
    }
}

std::vector<std::string> split_keywords(std::string_view value) {
    static constexpr std::array separators{std::string_view(","), std::string_view("，"), std::string_view(";"),
                                           std::string_view("；"), std::string_view("、"), std::string_view("|")};
    std::vector<std::string> out;
    std::size_t start = 0, i = 0;
    auto flush = [&](std::size_t end) {
        std::string piece = collapse_space(value.substr(start, end - start));
        if (!piece.empty() && piece.size() < 200) out.push_back(std::move(piece));
    };
    while (i < value.size()) {
        std::size_t matched = 0;
        for (auto sep : separators)
            if (value.compare(i, sep.size(), sep) == 0) { matched = sep.size(); break; }
        if (matched) { flush(i); i += matched; start = i; } else { ++i; }
    }
    flush(value.size());
    std::vector<std::string> unique;
    append_unique(unique, out);
    return unique;
}

}  // namespace webclean::metadata::detail
