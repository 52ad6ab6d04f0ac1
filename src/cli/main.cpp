// webclean: cleans web pages into article text and metadata from the command line.
// command_line.cpp reads the options, documents.cpp turns the inputs into documents (files,
// WARC records, JSONL lines, URLs that url_fetcher.cpp fetches), outcome.cpp cleans and formats
// each on a worker thread, and sinks.cpp writes the results in input order.
#include <cstdio>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include "command_line.hpp"
#include "diagnostics.hpp"
#include "documents.hpp"
#include "inputs.hpp"
#include "ordered_pool.hpp"
#include "outcome.hpp"
#include "sinks.hpp"
#include "url_fetcher.hpp"

namespace {

using namespace webclean::cli;

std::string describe_exception(std::exception_ptr exception) {
    try {
        std::rethrow_exception(exception);
    } catch (const std::exception& e) {
        return std::string("internal-error: ") + e.what();
    } catch (...) {
    }
    return "internal-error: unknown exception";
}

// "crawl.warc.gz: 451 records: 130 pages, 1 unreadable; skipped 320: 120 request, ..."
std::string summary(const Input& input, const ContainerReport& report) {
    std::string line = input.name + ": " + std::to_string(report.records) + (report.warc ? " records: " : " lines: ") +
                       std::to_string(report.pages) + " pages";
    if (report.unreadable > 0) line += ", " + std::to_string(report.unreadable) + " unreadable";
    std::uint64_t skipped = 0;
    for (const auto& [kind, count] : report.skipped) skipped += count;
    if (skipped > 0) {
        line += "; skipped " + std::to_string(skipped) + ":";
        const char* separator = " ";
        for (const auto& [kind, count] : report.skipped) {
            line += separator + std::to_string(count) + " " + kind;
            separator = ", ";
        }
    }
    return line;
}

}  // namespace

int main(int argc, char** argv) {
    CommandLine command_line;
    if (const auto stop = parse_command_line(argc, argv, command_line)) return *stop;
    const Settings& settings = command_line.settings;

    std::vector<Input> inputs;
    for (const auto& spec : command_line.specs) expand_input(spec, inputs);
    std::size_t stdin_uses = command_line.list_from_stdin ? 1 : 0;
    for (const auto& input : inputs) stdin_uses += input.kind == Input::Kind::Stdin;
    if (stdin_uses > 1) return usage_error("standard input can be read only once");

    DocumentSource source(inputs, settings);
    Diagnostics diagnostics(settings.quiet, stderr_is_terminal());
    const bool show_progress = !settings.quiet && stderr_is_terminal();
    if (show_progress && source.has_containers()) source.measure_inputs();
    auto sink = make_sink(settings, diagnostics);

    const unsigned jobs = command_line.jobs;

    // URL inputs are fetched on a thread of their own, in input order, while workers clean.
    std::vector<std::string> urls;
    std::vector<std::size_t> url_of_input(inputs.size());
    for (std::size_t i = 0; i < inputs.size(); ++i)
        if (inputs[i].kind == Input::Kind::Url) {
            url_of_input[i] = urls.size();
            urls.push_back(inputs[i].name);
        }
    std::optional<UrlFetcher> fetcher;
    if (!urls.empty()) fetcher.emplace(std::move(urls), settings.fetch, std::size_t{4} * jobs);

    std::size_t done = 0;
    run_in_order<Job, Outcome>(
        jobs, std::size_t{4} * jobs, [&](Job& job) { return source.next(job); },
        [&](Job& job) {
            if (job.kind == Job::Kind::Fetch)
                return clean_fetched(job, fetcher->take(url_of_input[job.input]), settings);
            return clean(job, inputs[job.input], settings);
        },
        [&](Job& job, std::exception_ptr exception) { return failure(job, describe_exception(exception), settings); },
        [&](Job&& job, Outcome&& outcome) {
            sink->write(job, outcome);
            ++done;
            if (show_progress)
                diagnostics.progress(
                    {done, source.has_containers() ? 0 : inputs.size(), sink->failed(), source.fraction_read()});
        });
    diagnostics.finish();

    for (const auto& [index, report] : source.reports())
        if (report.warc) diagnostics.message(summary(inputs[index], report));

    if (!sink->finish()) {
        diagnostics.message("error writing to standard output");
        return exit_some_failed;
    }
    return sink->failed() > 0 ? exit_some_failed : exit_ok;
}
