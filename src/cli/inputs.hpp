// Turning command-line input specs into a flat list of documents, and reading their bytes.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace webclean::cli {

struct Input {
    enum class Kind { File, Stdin, Url, Failed };
    Kind kind = Kind::File;
    std::string name;   // as given (or as joined under a directory); shown in output as "input"
    std::string error;  // for Kind::Failed: why the input could not even be listed
    std::string root;   // the directory given on the command line that this file was found in
};

// Appends the documents named by one spec: "-" is standard input, "scheme://..." a URL (fetched
// if http or https, refused otherwise), a directory contributes its
// regular files recursively in sorted path order, anything else is taken as a file (a missing
// one fails when read, so it keeps its place in the output). Symlinked directories are not
// followed, so a link cycle cannot make the walk endless.
void expand_input(const std::string& spec, std::vector<Input>& out);

// True when spec names an existing directory.
bool is_directory(const std::string& spec);

// Reads the input into bytes, never holding more than max_bytes + 1 of it: a regular file
// is sized before reading. Compressed input stays compressed: extract() inflates gzip under the
// same limit. Returns an empty
// string on success, else an error message of the form "kind: detail".
std::string read_input(const Input& input, std::size_t max_bytes, std::string& bytes);

// Reads the lines of an input list (path "-" for standard input); blank lines are skipped and
// a trailing '\r' is dropped. False when the list cannot be read, with the reason in error.
bool read_input_list(const std::string& path, std::vector<std::string>& lines, std::string& error);

}  // namespace webclean::cli
