// Finds which phrases of a fixed list occur in a text, reading the text once. A list searched
// phrase by phrase costs one pass over the text for each phrase (and in CJK text, where most
// phrases start with one of six lead bytes, a compare at nearly every character); here the
// phrases are filed by their first two bytes, so a place where no phrase starts costs a bit test.
#pragma once

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace webclean::text {

class PhraseIndex {
public:
    // The phrases must outlive the index (lists of string literals do) and be 2 bytes or longer.
    explicit PhraseIndex(std::span<const std::string_view> phrases) : phrases_(phrases) {
        if (phrases.size() > 0xFFFF) throw std::length_error("PhraseIndex: too many phrases");
        std::array<std::uint16_t, kBuckets> counts{};
        for (std::string_view phrase : phrases) {
            if (phrase.size() < 2) throw std::invalid_argument("PhraseIndex: a phrase of under 2 bytes");
            ++counts[bucket(phrase[0], phrase[1])];
            first_pairs_.set(pair(phrase[0], phrase[1]));
        }
        for (std::size_t b = 0; b < kBuckets; ++b) starts_[b + 1] = static_cast<std::uint16_t>(starts_[b] + counts[b]);
        members_.resize(phrases.size());
        std::array<std::uint16_t, kBuckets> filled{};
        for (std::size_t k = 0; k < phrases.size(); ++k) {
            std::size_t b = bucket(phrases[k][0], phrases[k][1]);
            members_[starts_[b] + filled[b]++] = static_cast<std::uint16_t>(k);
        }
    }

    // Calls visit(k) for every phrase k that occurs in text at pos, in list order.
    template <class Visit>
    void at(std::string_view text, std::size_t pos, Visit&& visit) const {
        if (pos + 1 >= text.size() || !first_pairs_.test(pair(text[pos], text[pos + 1]))) return;
        std::size_t b = bucket(text[pos], text[pos + 1]);
        for (std::size_t m = starts_[b]; m < starts_[b + 1]; ++m) {
            std::string_view phrase = phrases_[members_[m]];
            if (text.compare(pos, phrase.size(), phrase) == 0) visit(std::size_t{members_[m]});
        }
    }

    // Calls visit(k, pos) for every occurrence of every phrase, by position; stops as soon as
    // visit returns false.
    template <class Visit>
    void scan(std::string_view text, Visit&& visit) const {
        bool go_on = true;
        for (std::size_t pos = 0; go_on && pos + 1 < text.size(); ++pos)
            at(text, pos, [&](std::size_t k) { go_on = go_on && visit(k, pos); });
    }

    // Whether any phrase occurs in text.
    bool found_in(std::string_view text) const {
        bool found = false;
        scan(text, [&](std::size_t, std::size_t) { return !(found = true); });
        return found;
    }

private:
    static constexpr std::size_t kBuckets = 4096;
    static std::size_t pair(char first, char second) {
        return static_cast<std::size_t>(static_cast<unsigned char>(first)) << 8 | static_cast<unsigned char>(second);
    }
    static std::size_t bucket(char first, char second) {
        return ((static_cast<std::size_t>(static_cast<unsigned char>(first)) << 4) ^ static_cast<unsigned char>(second)) &
               (kBuckets - 1);
    }

    std::span<const std::string_view> phrases_;
    std::bitset<65536> first_pairs_;  // the first two bytes of some phrase
    std::array<std::uint16_t, kBuckets + 1> starts_{};  // bucket b's phrases: members_[starts_[b], starts_[b + 1])
    std::vector<std::uint16_t> members_;
};

}  // namespace webclean::text
