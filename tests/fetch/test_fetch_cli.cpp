// The webclean binary given URLs: it fetches them from the test's own server on 127.0.0.1 and
// answers for every input, in input order, failures included.
#define BOOST_TEST_MODULE fetch_cli
#include <boost/test/unit_test.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "local_server.hpp"
#include "routes.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using nlohmann::json;
using webclean::test::LocalServer;
using webclean::test::routes::handle;

namespace {

struct Run {
    int status = -1;
    std::string out;
    std::string err;
};

std::string read_and_remove(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    in.close();
    fs::remove(path);
    return text.str();
}

// Runs webclean with arguments (shell syntax), both output streams caught in scratch files.
Run webclean_cli(const std::string& arguments) {
    const fs::path scratch = fs::temp_directory_path() / ("webclean-fetch-cli-" + std::to_string(::getpid()));
    const fs::path out = scratch.string() + ".out", err = scratch.string() + ".err";
    const std::string command =
        "'" WEBCLEAN_BINARY_DIR "/webclean' " + arguments + " >'" + out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(command.c_str());
    Run result;
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = read_and_remove(out);
    result.err = read_and_remove(err);
    return result;
}

std::vector<json> json_lines(const std::string& out) {
    std::vector<json> lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
    return lines;
}

std::string error_kind(const json& record) {
    if (record.at("error").is_null()) return "";
    const std::string error = record.at("error");
    return error.substr(0, error.find(':'));
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_mixed_batch_gives_one_record_per_url_in_order) {
    LocalServer server(handle);
    const std::vector<std::pair<std::string, std::string>> inputs = {
        {server.url("/page"), ""},
        {server.url("/unfinished"), "timeout"},
        {server.url("/status/404"), "http-error"},
        {server.url("/slow"), ""},
        {server.url("/to-ftp"), "bad-scheme"},
        {"ftp://127.0.0.1/x", "bad-scheme"},
        {server.url("/gbk-labelled-latin1"), ""},
        {server.url("/endless"), "too-large"},
        {server.url("/redirect/2"), ""},
    };
    std::string arguments = "-f jsonl --timeout 1.5 --max-bytes 1000000";
    for (const auto& [url, kind] : inputs) arguments += " '" + url + "'";

    const auto started = std::chrono::steady_clock::now();
    const Run run = webclean_cli(arguments);
    const auto took = std::chrono::steady_clock::now() - started;
    BOOST_TEST(run.status == 1);  // some failed
    const std::vector<json> records = json_lines(run.out);
    BOOST_REQUIRE(records.size() == inputs.size());
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        BOOST_TEST(records[i].at("input") == inputs[i].first, i);
        BOOST_TEST(error_kind(records[i]) == inputs[i].second, i << ": " << records[i].at("error").dump());
    }
    // Answers carry how the page was served, failures included.
    BOOST_TEST(records[0].at("http_status") == 200);
    BOOST_TEST(records[0].at("content_type") == "text/html; charset=utf-8");
    BOOST_TEST(records[0].at("text").get<std::string>().find("flood barriers") != std::string::npos);
    BOOST_TEST(records[2].at("http_status") == 404);
    BOOST_TEST(records[2].at("final_url") == server.url("/status/404"));
    BOOST_TEST(records[2].at("text").is_null());
    BOOST_TEST(records[6].at("charset") == "gbk");
    BOOST_TEST(records[6].at("text").get<std::string>().find(webclean::test::routes::kChineseParagraph) !=
               std::string::npos);
    BOOST_TEST(records[8].at("final_url") == server.url("/page"));
    BOOST_TEST(records[8].at("url") == server.url("/page"));
    // The two stalled URLs waited side by side, not one after the other.
    BOOST_TEST((took < 6s));
}

BOOST_AUTO_TEST_CASE(urls_and_files_keep_their_order) {
    LocalServer server(handle);
    const fs::path file = fs::temp_directory_path() / ("webclean-fetch-cli-page-" + std::to_string(::getpid()) + ".html");
    std::ofstream(file) << "<html><head><title>Local file</title></head><body><article><p>"
                        << webclean::test::routes::kEnglishParagraph << " From disk.</p></article></body></html>";
    const Run run = webclean_cli("-f jsonl '" + server.url("/slow") + "' '" + file.string() + "' '" +
                                 server.url("/page") + "'");
    fs::remove(file);
    BOOST_TEST(run.status == 0, run.err);
    const std::vector<json> records = json_lines(run.out);
    BOOST_REQUIRE(records.size() == 3u);
    BOOST_TEST(records[0].at("input") == server.url("/slow"));
    BOOST_TEST(records[1].at("input") == file.string());
    BOOST_TEST(records[1].contains("http_status") == false);  // not fetched: no response fields
    BOOST_TEST(records[2].at("input") == server.url("/page"));
}

BOOST_AUTO_TEST_CASE(text_output_reports_failed_fetches_on_stderr) {
    LocalServer server(handle);
    const Run run = webclean_cli("'" + server.url("/page") + "' '" + server.url("/status/500") + "'");
    BOOST_TEST(run.status == 1);
    BOOST_TEST(run.out.find("flood barriers") != std::string::npos);
    BOOST_TEST(run.err.find(server.url("/status/500") + ": http-error: HTTP status 500") != std::string::npos, run.err);
}

BOOST_AUTO_TEST_CASE(fetch_flags_reach_the_server) {
    LocalServer server(handle);
    std::string arguments = "-f jsonl --user-agent 'probe/1.0' --per-host 1 --delay 0.1";
    for (int i = 0; i < 3; ++i) arguments += " '" + server.url("/page") + "'";
    const Run run = webclean_cli(arguments);
    BOOST_TEST(run.status == 0, run.err);
    BOOST_TEST(json_lines(run.out).size() == 3u);
    const auto requests = server.requests();
    BOOST_REQUIRE(requests.size() == 3u);
    for (const auto& request : requests) BOOST_TEST(request.header("user-agent") == "probe/1.0");
    BOOST_TEST(server.peak_concurrency() == 1u);
    for (std::size_t i = 1; i < requests.size(); ++i)
        BOOST_TEST((requests[i].arrived - requests[i - 1].arrived >= 90ms));
}

BOOST_AUTO_TEST_CASE(max_redirects_flag_limits_redirects) {
    LocalServer server(handle);
    const Run run = webclean_cli("-f json --max-redirects 1 '" + server.url("/redirect/3") + "'");
    BOOST_TEST(run.status == 1);
    const json record = json::parse(run.out);
    BOOST_TEST(error_kind(record) == "too-many-redirects");
}
