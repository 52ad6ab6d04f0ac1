// Speed and memory of the C++ API over pages held in memory, and of Gumbo parsing the same pages
// alone, for bench/speed.py. Built with -DWEBCLEAN_BUILD_BENCH=ON as build/webclean_bench.
//
//   webclean_bench extract|gumbo|gumbo-quiet [--threads N] [--repeats R] LIST
//       every page of LIST (one path a line; .gz inflated while loading), R times, on N threads;
//       prints one JSON object: pages, bytes, seconds (wall time of each repeat), cpu_seconds (the
//       process's CPU time of each repeat), maxrss_kb.
//       gumbo parses the page's UTF-8 (decoded before timing) with Gumbo's default options;
//       gumbo-quiet with its error list off, as webclean runs it.
//   webclean_bench memory LIST
//       one JSON line per page: bytes; the peak resident memory extract() added (kB), the
//       process's peak reset before each page (Linux: /proc/self/clear_refs);
//       and the peak of heap bytes extract() held at once on top of what was live before the
//       call (every malloc family call of the process is counted, byte for byte: resident memory
//       moves in 4 KiB pages and with what the allocator kept from earlier pages); and the same
//       heap figure for Gumbo alone parsing the page's UTF-8, error list off. Every page
//       is extracted once, unmeasured, before the first measurement.
#include <gumbo.h>
#include <malloc.h>
#include <sys/resource.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "decode/decode.hpp"
#include "webclean/webclean.hpp"

// The process's malloc family, counted: live bytes (as the allocator sizes each block) and their
// peak. glibc's own entry points do the work; a program's malloc takes the place of the C
// library's for every library it loads.
extern "C" {
void* __libc_malloc(std::size_t);
void* __libc_calloc(std::size_t, std::size_t);
void* __libc_realloc(void*, std::size_t);
void* __libc_memalign(std::size_t, std::size_t);
void __libc_free(void*);
}

namespace heap {
bool counting = false;  // set once, before any thread starts: the timed modes pay one branch
std::atomic<long> live{0}, peak{0};

void* counted(void* p) {
    if (p && counting) {
        long now = live.fetch_add(long(malloc_usable_size(p)), std::memory_order_relaxed) + long(malloc_usable_size(p));
        for (long seen = peak.load(std::memory_order_relaxed);
             now > seen && !peak.compare_exchange_weak(seen, now, std::memory_order_relaxed);) {}
    }
    return p;
}
void uncount(void* p) {
    if (p && counting) live.fetch_sub(long(malloc_usable_size(p)), std::memory_order_relaxed);
}
}  // namespace heap

extern "C" {
void* malloc(std::size_t size) { return heap::counted(__libc_malloc(size)); }
void* calloc(std::size_t n, std::size_t size) { return heap::counted(__libc_calloc(n, size)); }
void* realloc(void* p, std::size_t size) {
    heap::uncount(p);
    void* moved = __libc_realloc(p, size);
    if (!moved && size) return heap::counted(p), nullptr;  // failed: the old block stays
    return heap::counted(moved);
}
void free(void* p) {
    heap::uncount(p);
    __libc_free(p);
}
void* memalign(std::size_t alignment, std::size_t size) { return heap::counted(__libc_memalign(alignment, size)); }
void* aligned_alloc(std::size_t alignment, std::size_t size) { return memalign(alignment, size); }
int posix_memalign(void** out, std::size_t alignment, std::size_t size) {
    void* p = memalign(alignment, size);
    if (!p) return ENOMEM;
    *out = p;
    return 0;
}
void* valloc(std::size_t size) { return memalign(4096, size); }
void* pvalloc(std::size_t size) { return memalign(4096, (size + 4095) & ~std::size_t(4095)); }
}

namespace {

struct Page {
    std::string path;
    std::string bytes;  // as extract() gets them: inflated when the file was gzip
    std::string utf8;   // for the Gumbo modes only
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

std::vector<Page> load(const std::string& list_path, bool decode) {
    std::vector<Page> pages;
    std::ifstream list(list_path);
    for (std::string path; std::getline(list, path);) {
        if (path.empty()) continue;
        Page page{path, read_file(path), {}};
        if (webclean::decode::is_gzip(page.bytes)) {
            std::string inflated;
            webclean::decode::gunzip(page.bytes, std::size_t(1) << 30, inflated);
            page.bytes = std::move(inflated);
        }
        if (decode) page.utf8 = webclean::decode::to_utf8(page.bytes, "", true).text;
        pages.push_back(std::move(page));
    }
    return pages;
}

long maxrss_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// User and system CPU time of the whole process: on a shared machine the wall time also counts
// the time other programs held the cores, the CPU time does not.
double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](timeval t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Reads a "Name:   123 kB" line of /proc/self/status.
long status_kb(const char* name) {
    std::ifstream status("/proc/self/status");
    std::string key;
    for (std::string line; std::getline(status, line);)
        if (line.rfind(name, 0) == 0 && line[std::string(name).size()] == ':')
            return std::stol(line.substr(std::string(name).size() + 1));
    return -1;
}

std::size_t run_one(const std::string& mode, const Page& page) {
    if (mode == "extract") return webclean::extract(page.bytes).document.text.size();
    GumboOptions options = kGumboDefaultOptions;
    if (mode == "gumbo-quiet") options.max_errors = 0;
    GumboOutput* output = gumbo_parse_with_options(&options, page.utf8.data(), page.utf8.size());
    std::size_t children = output->root->v.element.children.length;
    gumbo_destroy_output(&options, output);
    return children;
}

int timed(const std::string& mode, const std::vector<Page>& pages, unsigned threads, unsigned repeats) {
    std::size_t bytes = 0;
    for (const Page& p : pages) bytes += p.bytes.size();
    std::vector<double> seconds, cpu;
    std::atomic<std::size_t> sink{0};
    for (unsigned r = 0; r < repeats; ++r) {
        std::atomic<std::size_t> next{0};
        auto work = [&] {
            std::size_t local = 0;
            for (std::size_t i; (i = next.fetch_add(1)) < pages.size();) local += run_one(mode, pages[i]);
            sink += local;
        };
        double cpu_start = cpu_seconds();
        auto start = std::chrono::steady_clock::now();
        std::vector<std::thread> pool;
        for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
        work();
        for (auto& t : pool) t.join();
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        cpu.push_back(cpu_seconds() - cpu_start);
    }
    std::printf("{\"mode\": \"%s\", \"threads\": %u, \"pages\": %zu, \"bytes\": %zu, \"seconds\": [", mode.c_str(),
                threads, pages.size(), bytes);
    for (std::size_t i = 0; i < seconds.size(); ++i) std::printf("%s%.6f", i ? ", " : "", seconds[i]);
    std::printf("], \"cpu_seconds\": [");
    for (std::size_t i = 0; i < cpu.size(); ++i) std::printf("%s%.6f", i ? ", " : "", cpu[i]);
    std::printf("], \"maxrss_kb\": %ld, \"sink\": %zu}\n", maxrss_kb(), sink.load());
    return 0;
}

// Heap bytes held at the peak of f() over those held before it.
template <class F>
long heap_peak_added(F&& f) {
    long before = heap::live.load();
    heap::peak = before;
    f();
    return heap::peak.load() - before;
}

int memory(const std::vector<Page>& pages) {
    // Every page once first, unmeasured: what a process sets up once (tables built on first use,
    // the pages of ICU's and uchardet's tables that a page's charset touches) is no page's cost.
    for (const Page& page : pages) webclean::extract(page.bytes);
    for (const Page& page : pages) {
        malloc_trim(0);
        std::ofstream("/proc/self/clear_refs") << "5";  // resets the peak (VmHWM) to the current RSS
        long before = status_kb("VmRSS");
        std::size_t size = 0;
        long heap_added = heap_peak_added([&] { size = webclean::extract(page.bytes).document.text.size(); });
        long peak = status_kb("VmHWM");
        // The floor of any pipeline that hands Gumbo the whole page: Gumbo's tree of it.
        GumboOptions quiet = kGumboDefaultOptions;
        quiet.max_errors = 0;
        long gumbo_added = heap_peak_added([&] {
            gumbo_destroy_output(&quiet, gumbo_parse_with_options(&quiet, page.utf8.data(), page.utf8.size()));
        });
        std::printf("{\"path\": \"%s\", \"bytes\": %zu, \"text_bytes\": %zu, \"peak_added_kb\": %ld, "
                    "\"heap_peak_added\": %ld, \"gumbo_heap_peak_added\": %ld}\n",
                    page.path.c_str(), page.bytes.size(), size, peak - before, heap_added, gumbo_added);
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string mode, list;
    unsigned threads = 1, repeats = 1;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--threads" && i + 1 < args.size()) threads = std::stoul(args[++i]);
        else if (args[i] == "--repeats" && i + 1 < args.size()) repeats = std::stoul(args[++i]);
        else if (mode.empty()) mode = args[i];
        else list = args[i];
    }
    bool known = mode == "extract" || mode == "gumbo" || mode == "gumbo-quiet" || mode == "memory";
    if (!known || list.empty() || threads == 0 || repeats == 0) {
        std::cerr << "usage: webclean_bench extract|gumbo|gumbo-quiet|memory [--threads N] [--repeats R] LIST\n";
        return 2;
    }
    heap::counting = mode == "memory";  // from here on every block is counted when made and when freed
    std::vector<Page> pages = load(list, mode != "extract");
    if (mode == "memory") return memory(pages);
    return timed(mode, pages, threads, repeats);
}
