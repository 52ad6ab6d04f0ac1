#define BOOST_TEST_MODULE text
#include <boost/test/unit_test.hpp>

#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/phrase_index.hpp"

using webclean::text::PhraseIndex;

namespace {

using Occurrences = std::set<std::pair<std::size_t, std::size_t>>;  // (position, phrase)

Occurrences by_find(const std::vector<std::string_view>& phrases, std::string_view text) {
    Occurrences found;
    for (std::size_t k = 0; k < phrases.size(); ++k)
        for (std::size_t pos = text.find(phrases[k]); pos != std::string_view::npos; pos = text.find(phrases[k], pos + 1))
            found.insert({pos, k});
    return found;
}

Occurrences by_index(const PhraseIndex& index, std::string_view text) {
    Occurrences found;
    index.scan(text, [&](std::size_t k, std::size_t pos) {
        found.insert({pos, k});
        return true;
    });
    return found;
}

}  // namespace

BOOST_AUTO_TEST_CASE(finds_what_a_search_per_phrase_finds) {
    // Phrases that share first bytes (CJK lead bytes, prefixes of each other) and random texts
    // made of their pieces, so that matches, near misses and overlaps are frequent.
    const std::vector<std::string_view> phrases = {"版权所有", "版权声明", "ICP备", "ICP证", "扫一扫", "扫码",
                                                   "Share this", "Share on", "©", "ab", "abc", "bc", "上一页"};
    const std::vector<std::string> pieces = {"版权", "所有", "声明", "ICP", "备", "证", "扫", "一", "码", "Share",
                                             " ", "this", "on", "©", "a", "b", "c", "上", "页", "x"};
    PhraseIndex index(phrases);
    std::mt19937 random(20261122);
    for (int round = 0; round < 2000; ++round) {
        std::string text;
        for (int k = random() % 30; k > 0; --k) text += pieces[random() % pieces.size()];
        BOOST_TEST((by_index(index, text) == by_find(phrases, text)), "text: " << text);
    }
}

BOOST_AUTO_TEST_CASE(at_reports_every_phrase_starting_there_in_list_order) {
    const std::vector<std::string_view> phrases = {"abc", "zz", "ab", "abcd"};
    PhraseIndex index(phrases);
    std::vector<std::size_t> found;
    index.at("xabcd", 1, [&](std::size_t k) { found.push_back(k); });
    BOOST_TEST((found == std::vector<std::size_t>{0, 2, 3}));
    found.clear();
    index.at("xabcd", 4, [&](std::size_t k) { found.push_back(k); });  // one byte left: no phrase fits
    index.at("ab", 7, [&](std::size_t k) { found.push_back(k); });     // past the end
    BOOST_TEST(found.empty());
}

BOOST_AUTO_TEST_CASE(scan_stops_when_asked_and_found_in_answers) {
    const std::vector<std::string_view> phrases = {"备案", "举报"};
    PhraseIndex index(phrases);
    std::size_t calls = 0;
    index.scan("举报 备案 举报", [&](std::size_t, std::size_t) { return ++calls < 2; });
    BOOST_TEST(calls == 2u);
    BOOST_TEST(index.found_in("京ICP备案号"));
    BOOST_TEST(!index.found_in("京ICP备"));  // a lead byte alone matches nothing
    BOOST_TEST(!index.found_in(""));
}

BOOST_AUTO_TEST_CASE(refuses_phrases_it_cannot_file) {
    const std::vector<std::string_view> short_phrase = {"ok", "x"};
    BOOST_CHECK_THROW(PhraseIndex{short_phrase}, std::invalid_argument);
}
