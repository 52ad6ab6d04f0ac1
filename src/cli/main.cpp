// webclean: cleans web pages into article text and metadata from the command line.
#include <chrono>
#include <cstdio>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "inputs.hpp"
#include "ordered_pool.hpp"
#include "url_fetcher.hpp"
#include "webclean/webclean.hpp"

namespace {

using webclean::cli::Input;
using Json = nlohmann::ordered_json;

constexpr int exit_ok = 0;
constexpr int exit_some_failed = 1;
constexpr int exit_usage = 2;

enum class OutputMode { Text, Markdown, JsonObject, JsonArray, JsonLines };

struct Settings {
    OutputMode mode = OutputMode::Text;
    webclean::Options options;
    webclean::FetchOptions fetch;
    bool quiet = false;
};

// One input's outcome, already formatted, so the writer only concatenates.
struct Outcome {
    bool ok = true;
    std::string record;  // text, markdown or a JSON object; may be empty for an empty page
    std::string error;
};

std::string dump(const Json& value, int indent) {
    // Input names are file names, which need not be UTF-8.
    return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

std::string trim_trailing_newlines(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
}

// render(Json) of an empty document with every value null: a failed input's fields.
const std::string& null_fields() {
    static const std::string fields = [] {
        Json object = Json::parse(webclean::render(webclean::Document{}, webclean::Format::Json));
        for (auto& [key, value] : object.items()) value = nullptr;
        return dump(object, -1);
    }();
    return fields;
}

// Wraps a compact object from render(Json) with "input" first and "error" last. The compact
// form is spliced as text rather than parsed and re-serialised, which for jsonl would double
// the JSON work on every page.
std::string json_record(const std::string& input, const std::string& fields, const std::string& error,
                        OutputMode mode) {
    std::string record = "{\"input\":" + dump(Json(input), -1) + ",";
    record.append(fields, 1, fields.size() - 2);  // render(Json) always gives a non-empty object
    record += ",\"error\":";
    record += error.empty() ? std::string("null") : dump(Json(error), -1);
    record += '}';
    if (mode == OutputMode::JsonLines) return record;

    std::string pretty = dump(Json::parse(record), 2);
    if (mode == OutputMode::JsonObject) return pretty;
    // Array elements sit one level in, so every line of the object moves right by two.
    std::string indented = "  ";
    for (char c : pretty) {
        indented += c;
        if (c == '\n') indented += "  ";
    }
    return indented;
}

bool is_json(OutputMode mode) {
    return mode == OutputMode::JsonObject || mode == OutputMode::JsonArray ||
           mode == OutputMode::JsonLines;
}

// A failed URL's fields: null, except what is known of the response.
std::string fields_of_failed_response(const webclean::Response& response) {
    if (response.empty()) return null_fields();
    webclean::Document document;
    document.response = response;
    Json object = Json::parse(webclean::render(document, webclean::Format::Json));
    for (auto& [key, value] : object.items())
        if (key != "http_status" && key != "final_url" && key != "content_type") value = nullptr;
    return dump(object, -1);
}

Outcome failure(const Input& input, std::string error, const Settings& settings,
                const webclean::Response& response = {}) {
    Outcome outcome;
    outcome.ok = false;
    outcome.error = std::move(error);
    if (is_json(settings.mode))
        outcome.record = json_record(input.name, fields_of_failed_response(response), outcome.error, settings.mode);
    return outcome;
}

Outcome rendered(const Input& input, const webclean::Result& result, const Settings& settings);

Outcome process(const Input& input, const Settings& settings) {
    std::string bytes;
    std::string error = webclean::cli::read_input(input, settings.options.limits.max_input_bytes, bytes);
    if (!error.empty()) return failure(input, std::move(error), settings);

    webclean::Result result = webclean::extract(bytes, settings.options);
    bytes = std::string();  // release the page before rendering; many workers hold one each
    return rendered(input, result, settings);
}

Outcome process_fetched(const Input& input, webclean::FetchResult&& fetched, const Settings& settings) {
    webclean::Result result = webclean::extract(fetched, settings.options);
    fetched = webclean::FetchResult();
    return rendered(input, result, settings);
}

Outcome rendered(const Input& input, const webclean::Result& result, const Settings& settings) {
    if (result.status == webclean::Status::FetchFailed)  // the message names the fetch error's kind
        return failure(input, result.message, settings, result.document.response);
    if (!result)
        return failure(input, std::string(webclean::to_string(result.status)) + ": " + result.message,
                       settings, result.document.response);

    Outcome outcome;
    switch (settings.mode) {
        case OutputMode::Text:
            outcome.record = trim_trailing_newlines(webclean::render(result.document, webclean::Format::Text));
            break;
        case OutputMode::Markdown:
            outcome.record = trim_trailing_newlines(webclean::render(result.document, webclean::Format::Markdown));
            break;
        default:
            outcome.record = json_record(
                input.name, webclean::render(result.document, webclean::Format::Json), {}, settings.mode);
    }
    return outcome;
}

// Writes outcomes to stdout in input order and tracks whether any input failed.
class Writer {
public:
    explicit Writer(const Settings& settings) : settings_(settings) {}

    void write(const Input& input, const Outcome& outcome) {
        if (!outcome.ok) {
            any_failed_ = true;
            // In JSON modes the error is part of the record; in text modes stderr is its only place.
            if (!is_json(settings_.mode) && !settings_.quiet)
                std::fprintf(stderr, "webclean: %s: %s\n", input.name.c_str(), outcome.error.c_str());
        }
        switch (settings_.mode) {
            case OutputMode::Text:
            case OutputMode::Markdown:
                // Failed and empty documents print nothing, so separators never pile up.
                if (outcome.record.empty()) return;
                if (written_ > 0) put("\n");
                put(outcome.record);
                put("\n");
                break;
            case OutputMode::JsonObject:
            case OutputMode::JsonLines:
                put(outcome.record);
                put("\n");
                break;
            case OutputMode::JsonArray:
                put(written_ == 0 ? "[\n" : ",\n");
                put(outcome.record);
                break;
        }
        ++written_;
    }

    // Closes the JSON array, flushes, and reports whether stdout took everything.
    bool finish() {
        if (settings_.mode == OutputMode::JsonArray) put(written_ == 0 ? "[]\n" : "\n]\n");
        return std::fflush(stdout) == 0 && !std::ferror(stdout);
    }

    bool any_failed() const { return any_failed_; }

private:
    void put(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

    const Settings& settings_;
    std::size_t written_ = 0;
    bool any_failed_ = false;
};

int usage_error(const std::string& message) {
    std::fprintf(stderr, "webclean: %s\nRun with --help for more information.\n", message.c_str());
    return exit_usage;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Cleans scraped web pages into article text and metadata."};
    app.name("webclean");
    app.footer(
        "INPUT is a file, a directory (its regular files, recursively, in sorted path order;\n"
        "symlinked directories are not followed), '-' for standard input, which is also\n"
        "the default, or an http:// or https:// URL, fetched (many at once) before cleaning.\n"
        "Files ending in .gz are decompressed.\n"
        "\n"
        "Output goes to stdout, diagnostics to stderr.\n"
        "  txt, markdown  each document's text, documents separated by one empty line; inputs\n"
        "                 that fail print 'webclean: INPUT: error' on stderr instead.\n"
        "  jsonl          one JSON object per input and line, in input order, failures included.\n"
        "  json           one pretty-printed object for a single file or stdin; an array of\n"
        "                 objects for several inputs, a directory or --input-list.\n"
        "Objects hold \"input\" (as given), the metadata fields, \"text\", \"comments\" and\n"
        "\"error\" (null, or \"kind: message\" with the other fields null); fetched URLs also\n"
        "\"http_status\", \"final_url\" and \"content_type\", failures included.\n"
        "\n"
        "Exit status: 0 all inputs succeeded, 1 some failed, 2 usage error.");

    std::vector<std::string> specs;
    std::string format_name = "txt";
    std::string url;
    std::string input_list;
    unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
    std::string input_format = "auto";
    bool precision = false, recall = false, no_tables = false, no_comments = false, quiet = false;
    std::optional<std::size_t> max_bytes;
    webclean::FetchOptions fetch;
    double timeout = std::chrono::duration<double>(fetch.total_timeout).count();
    double connect_timeout = std::chrono::duration<double>(fetch.connect_timeout).count();
    double delay = 0;

    app.add_option("INPUT", specs, "Files, directories, or - for standard input");
    app.add_option("-f,--format", format_name, "Output format")
        ->check(CLI::IsMember({"txt", "json", "jsonl", "markdown", "md"}))
        ->capture_default_str();
    app.add_option("--url", url, "The page's URL (only with a single input)");
    app.add_option("--input-list", input_list, "File with one input per line; - reads it from stdin");
    app.add_option("-j,--jobs", jobs, "Worker threads (default: all cores)")
        ->check(CLI::Range(1u, 4096u));
    app.add_option("--input-format", input_format, "What the inputs are")
        ->check(CLI::IsMember({"auto", "html", "markdown", "text"}))
        ->capture_default_str();
    auto* precision_flag = app.add_flag("--precision", precision, "Favour precision: drop doubtful blocks");
    auto* recall_flag = app.add_flag("--recall", recall, "Favour recall: keep doubtful blocks");
    precision_flag->excludes(recall_flag);
    recall_flag->excludes(precision_flag);
    app.add_flag("--no-tables", no_tables, "Leave data tables out");
    bool captions = false;
    app.add_flag("--captions", captions, "Keep figure captions in the text");
    app.add_flag("--no-comments", no_comments, "Leave reader comments out");
    app.add_option("--max-bytes", max_bytes, "Largest input accepted, in bytes (after decompression)")
        ->check(CLI::PositiveNumber);
    app.add_flag("-q,--quiet", quiet, "No diagnostics for failed inputs");
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
    app.set_version_flag("--version", std::string("webclean ") + webclean::version);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // Help and version exit 0 through CLI11; every real parse error is a usage error.
        if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e);
        app.exit(e);
        return exit_usage;
    }

    Settings settings;
    settings.quiet = quiet;
    settings.options = precision ? webclean::Options::precision()
                     : recall    ? webclean::Options::recall()
                                 : webclean::Options{};
    if (input_format == "html") settings.options.input_format = webclean::InputFormat::Html;
    else if (input_format == "markdown") settings.options.input_format = webclean::InputFormat::Markdown;
    else if (input_format == "text") settings.options.input_format = webclean::InputFormat::Text;
    settings.options.include_tables = !no_tables;
    settings.options.include_captions = captions;
    settings.options.include_comments = !no_comments;
    if (max_bytes) settings.options.limits.max_input_bytes = *max_bytes;
    auto milliseconds = [](double seconds) {
        return std::chrono::milliseconds(static_cast<long long>(seconds * 1000 + 0.5));
    };
    fetch.total_timeout = milliseconds(timeout);
    fetch.connect_timeout = milliseconds(connect_timeout);
    fetch.delay_between_requests_to_same_host = milliseconds(delay);
    fetch.max_body_bytes = settings.options.limits.max_input_bytes;
    settings.fetch = fetch;

    const bool list_from_stdin = input_list == "-";
    if (!input_list.empty()) {
        std::string error;
        if (!webclean::cli::read_input_list(input_list, specs, error))
            return usage_error("--input-list " + input_list + ": " + error);
    } else if (specs.empty()) {
        specs.push_back("-");
    }

    // "Single" is decided from the command line, not from what a directory happens to hold,
    // so scripts get the same JSON shape every run.
    const bool single = input_list.empty() && specs.size() == 1 && !webclean::cli::is_directory(specs[0]);
    if (!url.empty() && !single) return usage_error("--url needs exactly one input file");
    settings.options.url = url;

    if (format_name == "txt") settings.mode = OutputMode::Text;
    else if (format_name == "markdown" || format_name == "md") settings.mode = OutputMode::Markdown;
    else if (format_name == "jsonl") settings.mode = OutputMode::JsonLines;
    else settings.mode = single ? OutputMode::JsonObject : OutputMode::JsonArray;

    std::vector<Input> inputs;
    for (const auto& spec : specs) webclean::cli::expand_input(spec, inputs);
    std::size_t stdin_uses = list_from_stdin ? 1 : 0;
    for (const auto& input : inputs) stdin_uses += input.kind == Input::Kind::Stdin;
    if (stdin_uses > 1) return usage_error("standard input can be read only once");

    // A large buffer keeps the writer from making a system call per small document.
    static char stdout_buffer[1 << 16];
    std::setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);

    // URL inputs are fetched on a thread of their own, in input order, while workers clean.
    std::vector<std::string> urls;
    std::vector<std::size_t> url_of_input(inputs.size());
    for (std::size_t i = 0; i < inputs.size(); ++i)
        if (inputs[i].kind == Input::Kind::Url) {
            url_of_input[i] = urls.size();
            urls.push_back(inputs[i].name);
        }
    std::optional<webclean::cli::UrlFetcher> fetcher;
    if (!urls.empty()) fetcher.emplace(std::move(urls), settings.fetch, std::size_t{4} * jobs);

    Writer writer(settings);
    webclean::cli::run_in_order<Outcome>(
        inputs.size(), jobs, std::size_t{4} * jobs,
        [&](std::size_t index) {
            const Input& input = inputs[index];
            if (input.kind == Input::Kind::Url)
                return process_fetched(input, fetcher->take(url_of_input[index]), settings);
            return process(input, settings);
        },
        [&](std::size_t index, std::exception_ptr exception) {
            std::string message = "internal-error: unknown exception";
            try {
                std::rethrow_exception(exception);
            } catch (const std::exception& e) {
                message = std::string("internal-error: ") + e.what();
            } catch (...) {
            }
            return failure(inputs[index], message, settings);
        },
        [&](std::size_t index, Outcome&& outcome) { writer.write(inputs[index], outcome); });

    if (!writer.finish()) {
        if (!quiet) std::fprintf(stderr, "webclean: error writing to standard output\n");
        return exit_some_failed;
    }
    return writer.any_failed() ? exit_some_failed : exit_ok;
}
