// The command line: its options, their checks and the settings they give.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "settings.hpp"

namespace webclean::cli {

constexpr int exit_ok = 0;
constexpr int exit_some_failed = 1;
constexpr int exit_usage = 2;

struct CommandLine {
    Settings settings;
    std::vector<std::string> specs;  // INPUT arguments, then the lines of --input-list
    bool list_from_stdin = false;    // --input-list -
    unsigned jobs = 1;
};

// Parses argv into command_line. Returns an exit status when the program should stop now
// (--help, --version: 0; a usage error, already reported on stderr: 2), else nothing.
std::optional<int> parse_command_line(int argc, char** argv, CommandLine& command_line);

// Reports a usage error on stderr and returns exit_usage.
int usage_error(const std::string& message);

}  // namespace webclean::cli
