#include "command_line.hpp"

#include <chrono>
#include <cstdio>
#include <thread>

#include <CLI/CLI.hpp>

#include "documents.hpp"
#include "inputs.hpp"

namespace webclean::cli {

namespace {

constexpr const char* footer =
    "INPUT is a file, a directory (its regular files, recursively, in sorted path order;\n"
    "symlinked directories are not followed), '-' for standard input, which is also\n"
    "the default, or an http:// or https:// URL, fetched (many at once) before cleaning.\n"
    "Files ending in .gz are decompressed. Files ending in .warc, .warc.gz or\n"
    ".warc.zst are web archives: each HTML page in them (response and resource records) is\n"
    "cleaned; other records are skipped and counted on stderr.\n"
    "\n"
    "Output goes to stdout (or, with -o DIR, one file per document), diagnostics to stderr.\n"
    "  txt, markdown  each document's text, documents separated by one empty line; inputs\n"
    "                 that fail print 'webclean: INPUT: error' on stderr instead.\n"
    "  jsonl          one JSON object per document and line, in input order, failures included.\n"
    "  json           one pretty-printed object for a single file or stdin; an array of\n"
    "                 objects for several inputs, a directory, an archive or --input-list.\n"
    "  xml            a <document> for a single input, else <documents> holding one each.\n"
    "  html           the article as an HTML page; several documents need -o DIR.\n"
    "Objects hold \"input\" (as given), the metadata fields, \"text\", \"comments\" and\n"
    "\"error\" (null, or \"kind: message\" with the other fields null); pages from a WARC\n"
    "also hold \"warc_target_uri\", \"warc_record_id\" and \"warc_date\", lines of a JSONL input\n"
    "their other keys, fetched URLs \"http_status\", \"final_url\" and \"content_type\",\n"
    "failures included.\n"
    "\n"
    "Exit status: 0 all inputs succeeded, 1 some failed, 2 usage error.";

OutputFormat output_format(const std::string& name) {
    if (name == "markdown" || name == "md") return OutputFormat::Markdown;
    if (name == "json") return OutputFormat::Json;
    if (name == "jsonl") return OutputFormat::JsonLines;
    if (name == "xml") return OutputFormat::Xml;
    if (name == "html") return OutputFormat::Html;
    return OutputFormat::Text;
}

}  // namespace

int usage_error(const std::string& message) {
    std::fprintf(stderr, "webclean: %s\nRun with --help for more information.\n", message.c_str());
    return exit_usage;
}

std::optional<int> parse_command_line(int argc, char** argv, CommandLine& command_line) {
    CLI::App app{"Cleans scraped web pages into article text and metadata."};
    app.name("webclean");
    app.footer(footer);

    Settings& settings = command_line.settings;
    std::vector<std::string>& specs = command_line.specs;
    std::string format_name = "txt";
    std::string url;
    std::string input_list;
    unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
    std::string input_format = "auto";
    bool precision = false, recall = false, no_tables = false, no_comments = false;
    std::optional<std::size_t> max_bytes;
    bool captions = false, keep_byline = false;
    unsigned time_budget_ms = 0;
    FetchOptions& fetch = settings.fetch;
    double timeout = std::chrono::duration<double>(fetch.total_timeout).count();
    double connect_timeout = std::chrono::duration<double>(fetch.connect_timeout).count();
    double delay = 0;

    app.add_option("INPUT", specs, "Files, directories, web archives, or - for standard input");
    app.add_option("-f,--format", format_name, "Output format")
        ->check(CLI::IsMember({"txt", "json", "jsonl", "markdown", "md", "xml", "html"}))
        ->capture_default_str();
    app.add_flag("--with-metadata", settings.with_metadata,
                 "txt and markdown: start each document with a YAML header of its metadata");
    app.add_option("-o,--output-dir", settings.output_dir,
                   "Write one file per document under DIR (named after its input) instead of stdout")
        ->type_name("DIR");
    app.add_option("--url", url, "The page's URL (only with a single input)")->type_name("URL");
    app.add_option("--input-list", input_list, "File with one input per line; - reads it from stdin")
        ->type_name("FILE");
    app.add_option("-j,--jobs", jobs, "Worker threads (default: all cores)")->check(CLI::Range(1u, 4096u));
    app.add_option("--input-format", input_format, "What the inputs are")
        ->check(CLI::IsMember({"auto", "html", "markdown", "text", "warc", "jsonl"}))
        ->capture_default_str();
    auto* html_key = app.add_option("--html-key", settings.html_key, "jsonl input: the key holding the page")
                         ->type_name("KEY")
                         ->capture_default_str();
    auto* url_key = app.add_option("--url-key", settings.url_key, "jsonl input: the key holding the page's URL")
                        ->type_name("KEY")
                        ->capture_default_str();
    auto* precision_flag = app.add_flag("--precision", precision, "Favour precision: drop doubtful blocks");
    auto* recall_flag = app.add_flag("--recall", recall, "Favour recall: keep doubtful blocks");
    precision_flag->excludes(recall_flag);
    recall_flag->excludes(precision_flag);
    app.add_flag("--no-tables", no_tables, "Leave data tables out");
    app.add_flag("--captions", captions, "Keep figure captions in the text");
    app.add_flag("--keep-byline", keep_byline, "Keep byline lines (author, date, source) in the text");
    app.add_option("--time-budget", time_budget_ms, "Milliseconds one input may take (0: no limit)")
        ->capture_default_str();
    app.add_flag("--no-comments", no_comments, "Leave reader comments out");
    app.add_option("--max-bytes", max_bytes, "Largest input accepted, in bytes (after decompression)")
        ->check(CLI::PositiveNumber);
    app.add_flag("-q,--quiet", settings.quiet, "No diagnostics: no failure messages, counts or progress line");
    const std::string fetching = "Fetching URL inputs";
    app.add_option("--timeout", timeout, "Seconds allowed for fetching one URL, redirects included")
        ->check(CLI::PositiveNumber)->capture_default_str()->group(fetching);
    app.add_option("--connect-timeout", connect_timeout, "Seconds allowed to connect to a server")
        ->check(CLI::PositiveNumber)->capture_default_str()->group(fetching);
    app.add_option("--user-agent", fetch.user_agent, "User-Agent header sent")->capture_default_str()->group(fetching);
    app.add_option("--parallel", fetch.max_parallel, "URLs fetched at the same time")
        ->check(CLI::Range(1u, 1024u))->capture_default_str()->group(fetching);
    app.add_option("--per-host", fetch.per_host_connections, "URLs fetched at the same time from one host")
        ->check(CLI::Range(1u, 1024u))->capture_default_str()->group(fetching);
    app.add_option("--delay", delay, "Seconds between the starts of two fetches from one host")
        ->check(CLI::NonNegativeNumber)->capture_default_str()->group(fetching);
    app.add_option("--max-redirects", fetch.max_redirects, "Redirects followed; more is an error")
        ->check(CLI::Range(0L, 100L))->capture_default_str()->group(fetching);
    app.set_version_flag("--version", std::string("webclean ") + version);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // Help and version exit 0 through CLI11; every real parse error is a usage error.
        if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e);
        app.exit(e);
        return exit_usage;
    }

    if (precision) settings.options = Options::precision();
    if (recall) settings.options = Options::recall();
    if (input_format == "html") settings.options.input_format = InputFormat::Html;
    else if (input_format == "markdown") settings.options.input_format = InputFormat::Markdown;
    else if (input_format == "text") settings.options.input_format = InputFormat::Text;
    settings.force_warc = input_format == "warc";
    settings.jsonl = input_format == "jsonl";
    if ((html_key->count() > 0 || url_key->count() > 0) && !settings.jsonl)
        return usage_error("--html-key and --url-key need --input-format jsonl");
    settings.options.include_tables = !no_tables;
    settings.options.include_captions = captions;
    settings.options.keep_byline = keep_byline;
    settings.options.limits.time_budget = std::chrono::milliseconds(time_budget_ms);
    settings.options.include_comments = !no_comments;
    if (max_bytes) settings.options.limits.max_input_bytes = *max_bytes;
    auto milliseconds = [](double seconds) {
        return std::chrono::milliseconds(static_cast<long long>(seconds * 1000 + 0.5));
    };
    fetch.total_timeout = milliseconds(timeout);
    fetch.connect_timeout = milliseconds(connect_timeout);
    fetch.delay_between_requests_to_same_host = milliseconds(delay);
    fetch.max_body_bytes = settings.options.limits.max_input_bytes;
    command_line.jobs = jobs;

    command_line.list_from_stdin = input_list == "-";
    if (!input_list.empty()) {
        std::string error;
        if (!read_input_list(input_list, specs, error)) return usage_error("--input-list " + input_list + ": " + error);
    } else if (specs.empty()) {
        specs.push_back("-");
    }

    // "Single" is decided from the command line, not from what a directory happens to hold,
    // so scripts get the same output shape every run.
    settings.single = input_list.empty() && specs.size() == 1 && !is_directory(specs[0]) && !settings.jsonl &&
                      !settings.force_warc && !names_warc(specs[0]);
    if (!url.empty() && !settings.single) return usage_error("--url needs exactly one input file");
    settings.options.url = url;

    settings.format = output_format(format_name);
    if (settings.format == OutputFormat::Html && !settings.single && settings.output_dir.empty())
        return usage_error("-f html writes one page: give a single input, or --output-dir for several");
    return std::nullopt;
}

}  // namespace webclean::cli
