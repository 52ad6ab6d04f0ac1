// Cleaning one job and formatting its result in the output format: the part of the work that
// runs on the worker threads.
#pragma once

#include <string>

#include "documents.hpp"
#include "inputs.hpp"
#include "settings.hpp"

namespace webclean::cli {

// One job's outcome, already formatted, so writing it only copies bytes.
struct Outcome {
    bool ok = true;
    // The document in the output format: text, markdown, a JSON object (pretty for json, one
    // line for jsonl), an XML or an HTML document. For a failure, the JSON or XML record that
    // carries the error, and empty in the other formats.
    std::string record;
    std::string error;  // "kind: detail" when the job failed
};

// Reads (from input, for a whole file), parses and cleans the job's document and formats the
// result.
Outcome clean(Job& job, const Input& input, const Settings& settings);

// Cleans the page fetched for a URL input and formats the result.
Outcome clean_fetched(const Job& job, FetchResult&& fetched, const Settings& settings);

// The outcome of a job that failed with error; response holds what is known of a fetched
// page's response.
Outcome failure(const Job& job, std::string error, const Settings& settings, const Response& response = {});

}  // namespace webclean::cli
