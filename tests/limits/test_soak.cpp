// Batch soak: 10,000 inputs of every kind (good pages, markdown, text dumps, broken markup,
// empty files, binary data, corrupt gzip, oversized files) through the CLI with two workers.
// Every input gets exactly one JSON line, in input order, with the outcome its kind calls for.
// In a sanitizer build LeakSanitizer checks the CLI at exit: a leak changes its exit status.
#define BOOST_TEST_MODULE soak
#include <boost/test/unit_test.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const std::string binary = WEBCLEAN_BINARY_DIR "/webclean";
constexpr std::size_t kInputs = 10'000;
constexpr std::size_t kMaxBytes = 64 * 1024;

enum class Kind { Html, Markdown, Text, Broken, Empty, Binary, CorruptGzip, Oversized };
constexpr Kind kKinds[] = {Kind::Html,  Kind::Markdown, Kind::Text,        Kind::Broken,
                           Kind::Empty, Kind::Binary,   Kind::CorruptGzip, Kind::Oversized};

struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "webclean-soak-XXXXXX").string();
        BOOST_REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::string sentence(std::size_t n) {
    return "Item " + std::to_string(n) + " of the soak carries a sentence long enough to be article text, with a "
           "comma and a full stop.";
}

// The bytes of input n; the kind cycles so that every stretch of the batch mixes them all.
std::string make_input(std::size_t n, Kind kind, std::mt19937& random) {
    switch (kind) {
        case Kind::Html:
            return "<html><head><title>Page " + std::to_string(n) + "</title></head><body><nav><a href=/>Home</a></nav>"
                   "<article><h1>Page " + std::to_string(n) + "</h1><p>" + sentence(n) + "</p><p>" + sentence(n + 1) +
                   "</p></article></body></html>";
        case Kind::Markdown:
            return "---\ntitle: Note " + std::to_string(n) + "\n---\n# Note " + std::to_string(n) + "\n\n" + sentence(n) +
                   "\n\n- a list item\n- another one\n";
        case Kind::Text:
            return "Dump " + std::to_string(n) + "\n" + sentence(n) + "\n" + sentence(n + 2) + "\n";
        case Kind::Broken: {
            std::string page = "<html><body><div><p>" + sentence(n) + "<table><tr><td><b><i></div></span><p";
            page.resize(page.size() - random() % 20);  // cut anywhere near the end, mid-tag included
            return page;
        }
        case Kind::Empty: return {};
        case Kind::Binary: {
            std::string noise(2048, '\0');
            for (char& c : noise) c = static_cast<char>(random());
            return noise;
        }
        case Kind::CorruptGzip: return std::string("\x1f\x8b\x08\x00garbage after a gzip header", 32);
        case Kind::Oversized: return std::string(kMaxBytes + 1 + random() % 1000, 'x');
    }
    return {};
}

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace

BOOST_AUTO_TEST_CASE(ten_thousand_inputs_ten_thousand_answers_in_order) {
    TempDir dir;
    std::mt19937 random(10'000);
    std::vector<std::string> names;
    std::vector<Kind> kinds;
    for (std::size_t n = 0; n < kInputs; ++n) {
        Kind kind = kKinds[n % std::size(kKinds)];
        char name[32];
        std::snprintf(name, sizeof name, "%05zu.%s", n, kind == Kind::CorruptGzip ? "html.gz" : "in");
        std::ofstream(dir.path / name, std::ios::binary) << make_input(n, kind, random);
        names.push_back(name);
        kinds.push_back(kind);
    }
    std::ofstream list(dir.path / "inputs.txt");
    for (const auto& name : names) list << name << '\n';
    list.close();

    const fs::path out_file = dir.path / "out.jsonl";
    // A sanitizer report (a leak found at exit included) exits 23, never the CLI's own 1.
    const std::string command = "cd '" + dir.path.string() + "' && ASAN_OPTIONS=\"$ASAN_OPTIONS:exitcode=23\" " +
                                "UBSAN_OPTIONS=\"$UBSAN_OPTIONS:exitcode=23\" '" + binary + "' -f jsonl -j 2 -q --max-bytes " +
                                std::to_string(kMaxBytes) + " --input-list inputs.txt > out.jsonl 2> err.txt";
    const int status = std::system(command.c_str());
    BOOST_TEST_INFO("stderr: " << slurp(dir.path / "err.txt").substr(0, 2000));
    BOOST_REQUIRE(WIFEXITED(status));
    BOOST_TEST(WEXITSTATUS(status) == 1);  // some inputs failed, by design

    std::ifstream out(out_file);
    std::string line;
    std::size_t n = 0, ok = 0, failed = 0;
    while (std::getline(out, line)) {
        BOOST_REQUIRE_LT(n, kInputs);
        json record = json::parse(line);
        BOOST_REQUIRE_EQUAL(record["input"].get<std::string>(), names[n]);
        const json& error = record["error"];
        const std::string text = record["text"].is_string() ? record["text"].get<std::string>() : "";
        BOOST_TEST_INFO("input " << names[n] << ": " << line.substr(0, 300));
        switch (kinds[n]) {
            case Kind::Html:
            case Kind::Markdown:
            case Kind::Text:
                BOOST_TEST(error.is_null());
                BOOST_TEST(text.find("Item " + std::to_string(n) + " of the soak") != std::string::npos);
                break;
            case Kind::Broken:
            case Kind::Empty:
                BOOST_TEST(error.is_null());
                break;
            case Kind::Binary:
            case Kind::CorruptGzip:
                BOOST_TEST(error.is_string());
                BOOST_TEST(error.get<std::string>().starts_with("bad-input"));
                break;
            case Kind::Oversized:
                BOOST_TEST(error.is_string());
                BOOST_TEST(error.get<std::string>().starts_with("too-large"));
                break;
        }
        (error.is_null() ? ok : failed) += 1;
        ++n;
    }
    BOOST_TEST(n == kInputs);
    BOOST_TEST(failed == kInputs / std::size(kKinds) * 3);
    BOOST_TEST(ok + failed == kInputs);
}
