#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <cstring>
#include <set>
#include <vector>

#include "parse/arena.hpp"

using webclean::parse::Arena;

namespace {

bool pointer_aligned(const void* p) { return reinterpret_cast<std::uintptr_t>(p) % alignof(void*) == 0; }

}  // namespace

BOOST_AUTO_TEST_CASE(blocks_are_aligned_and_do_not_overlap) {
    Arena arena(256);
    std::vector<std::pair<unsigned char*, std::size_t>> blocks;
    for (std::size_t size : {1, 5, 8, 13, 100, 128, 129, 300, 512, 513, 4000, 3, 64, 200}) {
        for (int copy = 0; copy < 40; ++copy) {
            auto* p = static_cast<unsigned char*>(arena.allocate(size));
            BOOST_TEST(pointer_aligned(p));
            std::memset(p, int(blocks.size() % 251), size);
            blocks.emplace_back(p, size);
        }
    }
    for (std::size_t i = 0; i < blocks.size(); ++i) {  // each block still holds what was written to it
        auto [p, size] = blocks[i];
        for (std::size_t k = 0; k < size; ++k)
            if (p[k] != i % 251) BOOST_FAIL("block " << i << " was overwritten");
    }
}

BOOST_AUTO_TEST_CASE(a_freed_small_block_goes_to_the_next_request_of_its_class) {
    Arena arena(0);
    void* first = arena.allocate(40);
    void* other = arena.allocate(40);
    arena.release(first);
    BOOST_TEST(arena.allocate(33) == first);  // 33 rounds up to the 40-byte class
    BOOST_TEST(arena.allocate(40) != other);
    std::size_t held = arena.held_bytes();
    for (int i = 0; i < 1000; ++i) arena.release(arena.allocate(24));
    BOOST_TEST(arena.held_bytes() == held);  // one block, reused a thousand times
}

BOOST_AUTO_TEST_CASE(blocks_of_the_plain_region_and_shared_pages_are_not_reused) {
    Arena arena(1024);
    void* plain = arena.allocate(100);
    arena.release(plain);
    BOOST_TEST(arena.allocate(100) != plain);
    Arena paged(0);
    void* shared = paged.allocate(300);
    paged.release(shared);
    BOOST_TEST(paged.allocate(300) != shared);
}

BOOST_AUTO_TEST_CASE(large_blocks_go_back_to_the_heap_when_freed) {
    Arena arena(0);
    std::size_t before = arena.held_bytes();
    void* large = arena.allocate(100000);
    BOOST_TEST(arena.held_bytes() >= before + 100000);
    arena.release(large);
    BOOST_TEST(arena.held_bytes() == before);
    arena.release(nullptr);
    arena.allocate(70000);  // left for the destructor
}
