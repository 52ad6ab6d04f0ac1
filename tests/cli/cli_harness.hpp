// Runs the webclean binary through the shell on files a test writes into a scratch directory.
#pragma once

#include <boost/test/unit_test.hpp>

#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace cli_test {

namespace fs = std::filesystem;
using nlohmann::json;

inline const std::string binary = WEBCLEAN_BINARY_DIR "/webclean";

struct Run {
    int status = -1;
    std::string out;
    std::string err;
};

inline std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// A scratch directory under /tmp, removed when the test ends.
struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "webclean-cli-XXXXXX").string();
        BOOST_REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    fs::path write(const std::string& relative, const std::string& content) const {
        fs::path file = path / relative;
        fs::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << content;
        return file;
    }
    // Runs webclean with the given arguments (shell syntax) from inside this directory.
    Run run(const std::string& arguments) const {
        const fs::path err_file = path / ".stderr";
        const std::string command =
            "cd '" + path.string() + "' && '" + binary + "' " + arguments + " 2>'" + err_file.string() + "'";
        Run result;
        FILE* pipe = ::popen(command.c_str(), "r");
        BOOST_REQUIRE(pipe != nullptr);
        char buffer[4096];
        std::size_t n;
        while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
        const int status = ::pclose(pipe);
        result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        result.err = slurp(err_file);
        fs::remove(err_file);
        return result;
    }
};

inline std::string page(const std::string& title, const std::string& body) {
    return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><article><p>" + body +
           "</p></article></body></html>";
}

inline std::string body_text(int n) {
    return "Paragraph number " + std::to_string(n) +
           " of the test corpus, long enough to read as article prose rather than boilerplate, "
           "with a few commas, clauses, and a full stop at the end.";
}

inline std::vector<json> parse_lines(const std::string& text) {
    std::vector<json> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) lines.push_back(json::parse(line));
    return lines;
}

inline bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace cli_test
