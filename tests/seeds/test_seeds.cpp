// The user's five samples with what their clean text must and must not contain and the metadata
// it must carry (../shared/seeds/expectations.json). One test case per seed.
#define BOOST_TEST_MODULE seeds
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "webclean/webclean.hpp"

namespace fs = std::filesystem;

namespace {

fs::path seeds_dir() {
    if (const char* shared = std::getenv("WEBCLEAN_SHARED")) return fs::path(shared) / "seeds";
    return fs::path(WEBCLEAN_SOURCE_DIR) / ".." / "shared" / "seeds";
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Every run of white space becomes one space, as expectations.json says comparisons are made.
std::string collapse(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

std::string field(const webclean::Metadata& m, const std::string& name) {
    if (name == "title") return m.title;
    if (name == "date") return m.date;
    if (name == "author") return m.author();
    if (name == "icp") return m.icp;
    if (name == "source") return m.source;
    if (name == "sitename") return m.sitename;
    if (name == "url") return m.url;
    return "<unknown field " + name + ">";
}

void check_seed(const std::string& name, const nlohmann::json& expect) {
    auto result = webclean::extract(read_file(seeds_dir() / name));
    BOOST_REQUIRE_MESSAGE(result, name << ": " << result.message);
    std::string text = collapse(result.document.text);
    for (const auto& with : expect["with"])
        BOOST_CHECK_MESSAGE(text.find(collapse(with.get<std::string>())) != std::string::npos,
                            name << ": text lacks \"" << with.get<std::string>() << "\"");
    for (const auto& without : expect["without"])
        BOOST_CHECK_MESSAGE(text.find(collapse(without.get<std::string>())) == std::string::npos,
                            name << ": text has \"" << without.get<std::string>() << "\"");
    // Seeds 000 and 001 are newspaper pages holding several articles (issue 4): each must come
    // back as an article of its own.
    if (name.rfind("000_", 0) == 0 || name.rfind("001_", 0) == 0)
        BOOST_CHECK_MESSAGE(result.document.articles.size() >= 4,
                            name << ": " << result.document.articles.size() << " articles found, want several");
    for (const auto& [key, value] : expect["meta"].items()) {
        std::string got = field(result.document.metadata, key), want = value.get<std::string>();
        bool ok = key == "date" ? got.rfind(want, 0) == 0 : got == want;
        BOOST_CHECK_MESSAGE(ok, name << ": meta " << key << " is \"" << got << "\", want \"" << want << "\"");
    }
}

}  // namespace

BOOST_AUTO_TEST_CASE(seeds) {
    fs::path expectations = seeds_dir() / "expectations.json";
    if (!fs::exists(expectations)) {
        BOOST_TEST_MESSAGE("SKIPPED: " << expectations << " is absent (../shared is not beside this checkout)");
        BOOST_CHECK(true);
        return;
    }
    auto all = nlohmann::json::parse(read_file(expectations));
    int seeds = 0;
    for (const auto& [name, expect] : all.items()) {
        if (name.empty() || name[0] == '_') continue;
        BOOST_TEST_CONTEXT("seed " << name) { check_seed(name, expect); }
        ++seeds;
    }
    BOOST_TEST(seeds == 5);
}
