// The memory Gumbo builds its tree in: cheap to allocate from, reuses what Gumbo frees while it
// parses, and goes all at once when the tree has been copied out.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace webclean::parse {

// Gumbo allocates every node, attribute and string on its own (tens of thousands of blocks on a
// large page, nearly all of 128 bytes or less) and frees about a fifth of what it allocates while
// it parses: string buffers and vectors that grew, in sizes up to 128 bytes nearly all. Those
// sizes come in classes of 8-byte steps, each class from 1 KiB pages of its own, so that a block
// freed without its size is put back on its class's list from its address alone (the chunk it
// lies in records the class of each page) and goes to the next request of that class; blocks
// carry no header. Blocks of 129 to 512 bytes (mostly copies of text, which Gumbo keeps) share
// pages and are not reused; larger ones are heap blocks of their own, freed when Gumbo frees
// them. The first KiB are plain regions that blocks of any size are cut from, each half as large
// as those before it: what a small page needs, without a page per class and with little left over.
class Arena {
public:
    // plain_bytes: the first plain region's size (0: none at all).
    explicit Arena(std::size_t plain_bytes);
    ~Arena();
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;

    void* allocate(std::size_t size);  // aligned for pointers; never null (throws std::bad_alloc)
    void release(void* block);         // a block from allocate(), or null

    std::size_t held_bytes() const { return held_; }  // what the arena has taken from the heap

    // Gumbo's allocator and deallocator, with the arena as their user data.
    static void* gumbo_allocate(void* arena, std::size_t size);
    static void gumbo_release(void* arena, void* block);

private:
    static constexpr std::size_t kPage = 1024;
    static constexpr std::size_t kStep = 8;
    static constexpr std::size_t kLargestReused = 128;
    static constexpr std::size_t kLargestPaged = 512;
    static constexpr std::uint8_t kShared = kLargestReused / kStep;  // the class of the shared pages
    static constexpr std::size_t kChunkPages = 16;  // the fewest pages taken from the heap at once
    static constexpr std::size_t kPlainLimit = 64 * 1024;  // no new plain region past this much

    struct FreeBlock {
        FreeBlock* next;
    };
    struct SizeClass {
        FreeBlock* free = nullptr;
        std::byte* next = nullptr;  // bump pointer into the class's newest page
        std::byte* end = nullptr;
    };
    struct Region {
        std::byte* begin;
        std::byte* end;
    };
    struct Chunk {
        std::byte* begin;
        std::byte* end;
        std::unique_ptr<std::uint8_t[]> page_classes;
    };
    // A block over kLargestPaged: its own heap allocation behind this header, linked to the
    // others so that the arena frees what Gumbo did not.
    struct Single {
        Single* previous;
        Single* next;
        std::size_t bytes;  // with the header
    };
    static constexpr std::size_t kSingleHeader = (sizeof(Single) + kStep - 1) & ~(kStep - 1);

    void* allocate_from_pages(std::size_t size);
    void* cut_from_page(SizeClass& c, std::uint8_t index, std::size_t size);
    void* allocate_single(std::size_t size);

    void add_plain_region(std::size_t bytes);

    std::vector<Region> plains_;
    std::byte* plain_next_ = nullptr;  // in the newest plain region
    std::byte* plain_end_ = nullptr;
    std::size_t plain_held_ = 0;
    std::array<SizeClass, kShared + 1> classes_{};
    std::vector<Chunk> chunks_;
    std::byte* next_page_ = nullptr;  // in the newest chunk
    Single* singles_ = nullptr;       // doubly linked, so a freed one leaves at once
    std::size_t held_ = 0;
};

}  // namespace webclean::parse
