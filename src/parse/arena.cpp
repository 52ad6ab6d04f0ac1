#include "parse/arena.hpp"

#include <algorithm>
#include <new>

namespace webclean::parse {
namespace {

bool within(const void* p, const std::byte* begin, const std::byte* end) {
    auto at = reinterpret_cast<std::uintptr_t>(p);
    return at >= reinterpret_cast<std::uintptr_t>(begin) && at < reinterpret_cast<std::uintptr_t>(end);
}

}  // namespace

Arena::Arena(std::size_t plain_bytes) {
    if (plain_bytes > 0) add_plain_region(plain_bytes);
}

Arena::~Arena() {
    for (const Region& region : plains_) ::operator delete(region.begin);
    for (const Chunk& chunk : chunks_) ::operator delete(chunk.begin);
    while (singles_) {
        Single* next = singles_->next;
        ::operator delete(singles_);
        singles_ = next;
    }
}

void Arena::add_plain_region(std::size_t bytes) {
    bytes = (bytes + kStep - 1) & ~(kStep - 1);
    auto* begin = static_cast<std::byte*>(::operator new(bytes));
    plains_.push_back({begin, begin + bytes});
    plain_next_ = begin;
    plain_end_ = begin + bytes;
    plain_held_ += bytes;
    held_ += bytes;
}

void* Arena::allocate(std::size_t size) {
    size = (std::max<std::size_t>(size, 1) + kStep - 1) & ~(kStep - 1);
    if (size > static_cast<std::size_t>(plain_end_ - plain_next_)) {
        if (plains_.empty() || plain_held_ >= kPlainLimit || size > kLargestPaged) return allocate_from_pages(size);
        add_plain_region(std::max({size, plain_held_ / 2, kPage}));  // what is left of the last one stays unused
    }
    void* block = plain_next_;
    plain_next_ += size;
    return block;
}

void* Arena::allocate_from_pages(std::size_t size) {
    if (size > kLargestReused) {
        return size > kLargestPaged ? allocate_single(size) : cut_from_page(classes_[kShared], kShared, size);
    }
    const auto index = static_cast<std::uint8_t>(size / kStep - 1);
    SizeClass& c = classes_[index];
    if (FreeBlock* block = c.free) {
        c.free = block->next;
        return block;
    }
    if (size <= static_cast<std::size_t>(c.end - c.next)) {
        void* block = c.next;
        c.next += size;
        return block;
    }
    return cut_from_page(c, index, size);
}

void* Arena::cut_from_page(SizeClass& c, std::uint8_t index, std::size_t size) {
    if (size > static_cast<std::size_t>(c.end - c.next)) {
        if (chunks_.empty() || next_page_ == chunks_.back().end) {
            // An eighth of what the arena holds: the unused tail stays under a ninth of the whole.
            std::size_t pages = std::max(kChunkPages, (held_ / 8 + kPage - 1) / kPage);
            auto* begin = static_cast<std::byte*>(::operator new(pages * kPage));
            chunks_.push_back({begin, begin + pages * kPage, std::make_unique<std::uint8_t[]>(pages)});
            held_ += pages * kPage + pages;
            next_page_ = begin;
        }
        Chunk& chunk = chunks_.back();
        chunk.page_classes[static_cast<std::size_t>(next_page_ - chunk.begin) / kPage] = index;
        c.next = next_page_;
        c.end = next_page_ + kPage;
        next_page_ += kPage;
    }
    void* block = c.next;
    c.next += size;
    return block;
}

void Arena::release(void* block) {
    if (!block) return;
    // Newest chunk first: Gumbo mostly frees what it allocated last.
    for (auto chunk = chunks_.rbegin(); chunk != chunks_.rend(); ++chunk) {
        if (!within(block, chunk->begin, chunk->end)) continue;
        const std::uint8_t index = chunk->page_classes[static_cast<std::size_t>(static_cast<std::byte*>(block) - chunk->begin) / kPage];
        if (index == kShared) return;
        auto* freed = static_cast<FreeBlock*>(block);
        freed->next = classes_[index].free;
        classes_[index].free = freed;
        return;
    }
    for (const Region& region : plains_)
        if (within(block, region.begin, region.end)) return;  // plain regions go whole
    auto* single = reinterpret_cast<Single*>(static_cast<std::byte*>(block) - kSingleHeader);
    (single->previous ? single->previous->next : singles_) = single->next;
    if (single->next) single->next->previous = single->previous;
    held_ -= single->bytes;
    ::operator delete(single);
}

// Here, not in the header, so that the calls Gumbo makes through them are the only calls.
void* Arena::gumbo_allocate(void* arena, std::size_t size) { return static_cast<Arena*>(arena)->allocate(size); }
void Arena::gumbo_release(void* arena, void* block) { static_cast<Arena*>(arena)->release(block); }

void* Arena::allocate_single(std::size_t size) {
    auto* single = static_cast<Single*>(::operator new(kSingleHeader + size));
    single->previous = nullptr;
    single->next = singles_;
    single->bytes = kSingleHeader + size;
    if (singles_) singles_->previous = single;
    singles_ = single;
    held_ += single->bytes;
    return reinterpret_cast<std::byte*>(single) + kSingleHeader;
}

}  // namespace webclean::parse
