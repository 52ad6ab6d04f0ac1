#include "outcome.hpp"

#include <set>

#include <nlohmann/json.hpp>

#include "inputs.hpp"

namespace webclean::cli {

namespace {

using Json = nlohmann::ordered_json;

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
        Json object = Json::parse(render(Document{}, Format::Json));
        for (auto& [key, value] : object.items()) value = nullptr;
        return dump(object, -1);
    }();
    return fields;
}

// Keys a JSON record holds whatever the input: a JSONL key with one of these names is renamed.
const std::set<std::string>& record_keys() {
    static const std::set<std::string> keys = [] {
        std::set<std::string> names = {"input", "error", "articles", "warc_target_uri", "warc_record_id", "warc_date"};
        const Json fields = Json::parse(null_fields());
        for (const auto& [key, value] : fields.items()) names.insert(key);
        return names;
    }();
    return keys;
}

// "input" first, then the job's own members, the document's fields and "error" last. The
// compact object from render(Json) is spliced as text rather than parsed and re-serialised,
// which for jsonl would double the JSON work on every page.
std::string json_record(const Job& job, const std::string& fields, const std::string& error, OutputFormat format) {
    std::string record = "{\"input\":" + dump(Json(job.name), -1) + ",";
    if (!job.json_members.empty()) record += job.json_members + ",";
    record.append(fields, 1, fields.size() - 2);  // render(Json) always gives a non-empty object
    record += ",\"error\":";
    record += error.empty() ? std::string("null") : dump(Json(error), -1);
    record += '}';
    if (format == OutputFormat::JsonLines) return record;
    return dump(Json::parse(record), 2);
}

// A failed URL's fields: null, except what is known of the response.
std::string fields_of_failed_response(const Response& response) {
    if (response.empty()) return null_fields();
    Document document;
    document.response = response;
    Json object = Json::parse(render(document, Format::Json));
    for (auto& [key, value] : object.items())
        if (key != "http_status" && key != "final_url" && key != "content_type") value = nullptr;
    return dump(object, -1);
}

Fields record_fields(const Job& job, const std::string& error) {
    Fields fields{{"input", job.name}};
    fields.insert(fields.end(), job.fields.begin(), job.fields.end());
    if (!error.empty()) fields.emplace_back("error", error);
    return fields;
}

// Takes the page and its URL out of a JSON Lines line; every other key passes through. Returns
// an error, or an empty string.
std::string take_json_line(Job& job, const Settings& settings) {
    const std::string where = "line " + std::to_string(job.number);
    const auto line = nlohmann::json::parse(job.bytes, nullptr, false);
    job.bytes.clear();
    if (line.is_discarded() || !line.is_object()) return "bad-input: " + where + ": not a JSON object";
    const nlohmann::json* html = nullptr;
    for (const auto& [key, value] : line.items()) {
        if (key == settings.html_key) {
            html = &value;
            continue;
        }
        if (key == settings.url_key) {
            if (value.is_string()) job.url = value.get<std::string>();
            continue;
        }
        const std::string name = record_keys().count(key) ? "input_" + key : key;
        if (!job.json_members.empty()) job.json_members += ',';
        job.json_members += dump(Json(name), -1) + ":" + value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        job.fields.emplace_back(name, value.is_string() ? value.get<std::string>() : value.dump());
    }
    if (!html || !html->is_string()) return "bad-input: " + where + ": no string \"" + settings.html_key + "\" value";
    job.bytes = html->get<std::string>();
    job.kind = Job::Kind::Page;
    return {};
}

Outcome formatted(const Job& job, const Result& result, const Settings& settings);

}  // namespace

Outcome failure(const Job& job, std::string error, const Settings& settings, const Response& response) {
    Outcome outcome;
    outcome.ok = false;
    outcome.error = std::move(error);
    if (is_json(settings.format))
        outcome.record = json_record(job, fields_of_failed_response(response), outcome.error, settings.format);
    else if (settings.format == OutputFormat::Xml)
        outcome.record = render(Document{}, Format::Xml, {false, record_fields(job, outcome.error)});
    return outcome;
}

Outcome clean(Job& job, const Input& input, const Settings& settings) {
    if (job.kind == Job::Kind::Failed) return failure(job, job.error, settings);
    if (job.kind == Job::Kind::JsonLine)
        if (std::string error = take_json_line(job, settings); !error.empty()) return failure(job, std::move(error), settings);
    if (job.kind == Job::Kind::ReadFile)
        if (std::string error = read_input(input, settings.options.limits.max_input_bytes, job.bytes); !error.empty())
            return failure(job, std::move(error), settings);

    Options options = settings.options;
    if (!job.url.empty()) options.url = job.url;
    if (!job.http_charset.empty()) options.http_charset = job.http_charset;
    if (job.input_format != InputFormat::Auto) options.input_format = job.input_format;
    const Result result = extract(job.bytes, options);
    job.bytes = std::string();  // release the page before rendering; many workers hold one each
    return formatted(job, result, settings);
}

Outcome clean_fetched(const Job& job, FetchResult&& fetched, const Settings& settings) {
    const Result result = extract(fetched, settings.options);
    fetched = FetchResult();
    return formatted(job, result, settings);
}

namespace {

Outcome formatted(const Job& job, const Result& result, const Settings& settings) {
    if (result.status == Status::FetchFailed)  // the message names the fetch error's kind
        return failure(job, result.message, settings, result.document.response);
    if (!result)
        return failure(job, std::string(to_string(result.status)) + ": " + result.message, settings,
                       result.document.response);

    Outcome outcome;
    const Document& document = result.document;
    switch (settings.format) {
        case OutputFormat::Text:
        case OutputFormat::Markdown: {
            const Format format = settings.format == OutputFormat::Text ? Format::Text : Format::Markdown;
            outcome.record = trim_trailing_newlines(
                render(document, format, {settings.with_metadata, record_fields(job, {})}));
            break;
        }
        case OutputFormat::Json:
        case OutputFormat::JsonLines:
            outcome.record = json_record(job, render(document, Format::Json), {}, settings.format);
            break;
        case OutputFormat::Xml:
            outcome.record = render(document, Format::Xml, {false, record_fields(job, {})});
            break;
        case OutputFormat::Html:
            outcome.record = render(document, Format::Html, {false, record_fields(job, {})});
            break;
    }
    return outcome;
}

}  // namespace

}  // namespace webclean::cli
