// The inputs as a stream of documents to clean: a file is one document, a WARC file or a JSON
// Lines file holds many, read one at a time so a crawl of any size needs no more memory than
// a few pages.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "inputs.hpp"
#include "settings.hpp"

namespace webclean::cli {

// One document to clean.
struct Job {
    enum class Kind {
        ReadFile,  // the worker reads the input's file
        Fetch,     // the worker takes the page fetched for the input's URL
        Page,      // bytes hold a page taken out of a WARC file
        JsonLine,  // bytes hold one line of a JSON Lines file, for the worker to parse
        Failed,    // error says why there is nothing to clean
    };
    Kind kind = Kind::ReadFile;
    std::size_t input = 0;  // index of the input it comes from
    std::string name;       // "input" in the output: the input as given
    std::uint64_t number = 0;  // place in its container: WARC record index, JSONL line number
    std::string bytes;
    std::string error;      // "kind: detail"
    std::string url;        // the page's URL when its container names it
    std::string http_charset;
    InputFormat input_format = InputFormat::Auto;
    Fields fields;              // shown next to the metadata: WARC header values, JSONL keys
    std::string json_members;   // the same for json output: "key":value members, comma-joined
    std::string output_stem;    // where --output-dir puts it, without extension
};

// What one container input held, for the report on standard error.
struct ContainerReport {
    bool warc = false;
    std::uint64_t records = 0;  // WARC records, or JSONL lines
    std::uint64_t pages = 0;    // handed on to be cleaned
    std::uint64_t unreadable = 0;
    std::map<std::string, std::uint64_t> skipped;  // by kind of record
};

class Container;

// True when the name ends in .warc, .warc.gz or .warc.zst: a web archive.
bool names_warc(std::string_view name);

// Produces the jobs of all inputs in order. next() is called by one thread at a time; the
// progress figures may be read from any thread.
class DocumentSource {
public:
    DocumentSource(const std::vector<Input>& inputs, const Settings& settings);
    ~DocumentSource();

    // The next job; false when every input is done.
    bool next(Job& job);

    // True when an input is a container, so the number of documents is not known in advance.
    bool has_containers() const { return has_containers_; }
    // Sums the sizes of the input files, for fraction_read; only worth it for a progress line.
    void measure_inputs();
    // Share of the input bytes read so far, 0..1; 0 when the sizes were not measured.
    double fraction_read() const;

    // One report per container input, by input index (after the run).
    const std::map<std::size_t, ContainerReport>& reports() const { return reports_; }

private:
    bool is_container(const Input& input) const;
    // Starts reading a container input; false, with job the failure, when it cannot be opened.
    bool open_container(std::size_t index, Job& job);
    std::uint64_t size_of(std::size_t index) const;

    const std::vector<Input>& inputs_;
    const Settings& settings_;
    bool has_containers_ = false;
    std::size_t next_input_ = 0;
    std::unique_ptr<Container> current_;
    std::size_t current_index_ = 0;
    std::vector<std::uint64_t> sizes_;
    std::uint64_t total_size_ = 0;
    std::uint64_t finished_size_ = 0;
    std::atomic<std::uint64_t> read_size_{0};
    std::map<std::size_t, ContainerReport> reports_;
};

}  // namespace webclean::cli
