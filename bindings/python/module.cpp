// webclean._core: the compiled half of the Python package. The Python side (src/webclean/)
// checks options and shapes results; this side turns pages into text with the GIL released, so
// Python threads and extract_many's native threads run extractions side by side.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <pybind11/pybind11.h>

#include "webclean/webclean.hpp"

namespace py = pybind11;

namespace {

// Everything one extraction needs, read from a webclean.Options while the GIL is held, so that
// workers never touch a Python object.
struct Settings {
    webclean::Options options;
    webclean::Format format = webclean::Format::Text;
    bool with_metadata = false;
    std::string target_language;
};

// One page as bytes: a view into a Python bytes object the page holds (the page's own, or a str
// encoded to UTF-8), so that a batch is not copied before it is cleaned; a bytearray, which
// another thread could change while the GIL is released, is copied. Made and destroyed with the
// GIL held. A Python str arrives already decoded: its UTF-8 must not be re-read in the charset
// that a <meta> tag inside it names.
struct Page {
    py::object owner;  // a bytes object, or null for a copy
    std::string copy;
    bool from_str = false;
    std::string url;

    std::string_view bytes() const {
        if (!owner) return copy;
        return {PyBytes_AS_STRING(owner.ptr()), static_cast<std::size_t>(PyBytes_GET_SIZE(owner.ptr()))};
    }
};

// Output format names in the order they are listed to users; "md" is an alias of "markdown".
// A name the library does not know is left out by output_formats().
constexpr std::string_view format_candidates[] = {"txt", "markdown", "json", "xml", "html"};

std::vector<std::string> output_formats() {
    std::vector<std::string> names;
    webclean::Format ignored;
    for (std::string_view name : format_candidates)
        if (webclean::parse_format(name, ignored)) names.emplace_back(name);
    return names;
}

webclean::InputFormat input_format_from(const std::string& name) {
    if (name == "auto") return webclean::InputFormat::Auto;
    if (name == "html") return webclean::InputFormat::Html;
    if (name == "markdown") return webclean::InputFormat::Markdown;
    if (name == "text") return webclean::InputFormat::Text;
    throw py::value_error("unknown input_format '" + name + "': use auto, html, markdown or text");
}

Settings settings_from(py::handle py_options) {
    auto flag = [&](const char* name) { return py_options.attr(name).cast<bool>(); };
    Settings settings;
    // The presets, not just the focus, so that whatever else they come to change comes along.
    settings.options = flag("favor_precision") ? webclean::Options::precision()
                     : flag("favor_recall")    ? webclean::Options::recall()
                                               : webclean::Options{};
    auto format_name = py_options.attr("output_format").cast<std::string>();
    if (!webclean::parse_format(format_name, settings.format))
        throw py::value_error("unknown output_format '" + format_name + "'");
    settings.with_metadata = flag("with_metadata");
    settings.options.include_comments = flag("include_comments");
    settings.options.include_tables = flag("include_tables");
    settings.options.include_captions = flag("include_captions");
    settings.options.keep_byline = flag("keep_byline");
    settings.options.include_images = flag("include_images");
    settings.options.include_links = flag("include_links");
    settings.options.deduplicate = flag("deduplicate");
    settings.options.input_format = input_format_from(py_options.attr("input_format").cast<std::string>());
    if (py::object max_bytes = py_options.attr("max_bytes"); !max_bytes.is_none())
        settings.options.limits.max_input_bytes = max_bytes.cast<std::size_t>();
    if (py::object language = py_options.attr("target_language"); !language.is_none())
        settings.target_language = language.cast<std::string>();
    return settings;
}

std::string type_name(py::handle object) { return py::str(py::type::handle_of(object).attr("__name__")); }

Page page_from(py::handle html, py::handle url) {
    Page page;
    PyObject* object = html.ptr();
    if (PyUnicode_Check(object)) {
        // Lone surrogates cannot be UTF-8; they become '?' rather than an exception mid-batch.
        page.owner = py::reinterpret_steal<py::object>(PyUnicode_AsEncodedString(object, "utf-8", "replace"));
        page.from_str = true;
    } else if (PyBytes_Check(object)) {
        page.owner = py::reinterpret_borrow<py::object>(html);
    } else if (PyByteArray_Check(object)) {
        page.copy.assign(PyByteArray_AS_STRING(object), static_cast<std::size_t>(PyByteArray_GET_SIZE(object)));
    } else if (PyMemoryView_Check(object)) {
        page.owner = py::reinterpret_steal<py::object>(PyBytes_FromObject(object));
    } else {
        throw py::type_error("html must be str or bytes, not " + type_name(html));
    }
    if (!page.owner && PyErr_Occurred()) throw py::error_already_set();  // encoding failed
    if (!url.is_none()) {
        if (!PyUnicode_Check(url.ptr())) throw py::type_error("url must be str or None, not " + type_name(url));
        page.url = url.cast<std::string>();
    }
    return page;
}

// "en" matches "en-US" and "EN": only the primary language subtag is compared.
std::string primary_subtag(std::string_view tag) {
    std::string primary(tag.substr(0, tag.find_first_of("-_")));
    for (char& c : primary)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return primary;
}

// The page through the library, then the binding's own gate; nullopt becomes None. A page whose
// language is unknown passes the target_language gate: only a known, different language fails it.
std::optional<webclean::Document> clean(const Page& page, const Settings& settings) {
    webclean::Options options = settings.options;
    options.url = page.url;
    if (page.from_str) options.http_charset = "utf-8";
    webclean::Result result = webclean::extract(page.bytes(), options);
    if (!result || result.document.empty()) return std::nullopt;
    const std::string& language = result.document.metadata.language;
    if (!settings.target_language.empty() && !language.empty() &&
        primary_subtag(language) != primary_subtag(settings.target_language))
        return std::nullopt;
    return std::move(result.document);
}

using Json = nlohmann::ordered_json;

std::string render(const webclean::Document& document, const Settings& settings) {
    if (settings.format == webclean::Format::Json && !settings.with_metadata) {
        Json object = {{"text", document.text},
                       {"comments", document.comments.empty() ? Json(nullptr) : Json(document.comments)}};
        return object.dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    webclean::RenderOptions render_options;
    render_options.with_metadata = settings.with_metadata;
    std::string out = webclean::render(document, settings.format, render_options);
    // Json, xml and html carry the comments themselves; txt and markdown get them after the text
    // and a blank line, one line each in txt, one paragraph each in markdown.
    if (settings.format != webclean::Format::Text && settings.format != webclean::Format::Markdown) return out;
    while (!out.empty() && out.back() == '\n') out.pop_back();
    if (document.comments.empty()) return out;
    if (settings.format == webclean::Format::Text) {
        out += "\n\n" + document.comments;
    } else {
        for (const webclean::Block& block : document.comment_blocks) out += "\n\n" + block.text;
    }
    return out;
}

// A Python str from UTF-8 that the library made; a broken sequence becomes U+FFFD, never an error.
py::str to_python(const std::string& text) {
    PyObject* object = PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), "replace");
    if (!object) throw py::error_already_set();
    return py::reinterpret_steal<py::str>(object);
}

py::object string_or_none(const std::string& value) { return value.empty() ? py::object(py::none()) : to_python(value); }

py::list string_list(const std::vector<std::string>& values) {
    py::list list;
    for (const auto& value : values) list.append(to_python(value));
    return list;
}

// The fields of webclean.Document, as keyword arguments for it.
py::dict document_fields(const webclean::Document& document) {
    const webclean::Metadata& m = document.metadata;
    py::dict fields;
    fields["title"] = string_or_none(m.title);
    fields["author"] = string_or_none(m.author());
    fields["authors"] = string_list(m.authors);
    fields["date"] = string_or_none(m.date);
    fields["modified"] = string_or_none(m.modified);
    fields["sitename"] = string_or_none(m.sitename);
    fields["source"] = string_or_none(m.source);
    fields["url"] = string_or_none(m.url);
    fields["hostname"] = string_or_none(m.hostname);
    fields["description"] = string_or_none(m.description);
    fields["language"] = string_or_none(m.language);
    fields["image"] = string_or_none(m.image);
    fields["categories"] = string_list(m.categories);
    fields["tags"] = string_list(m.tags);
    fields["license"] = string_or_none(m.license);
    fields["editor"] = string_or_none(m.editor);
    fields["icp"] = string_or_none(m.icp);
    fields["public_security"] = string_or_none(m.public_security);
    fields["charset"] = string_or_none(m.charset);
    fields["replaced"] = m.replaced;
    fields["text"] = to_python(document.text);
    fields["comments"] = string_or_none(document.comments);
    py::list articles;
    for (const webclean::Article& article : document.articles) {
        py::dict entry;
        entry["title"] = string_or_none(article.title);
        entry["byline"] = string_or_none(article.byline);
        entry["text"] = to_python(article.text);
        articles.append(std::move(entry));
    }
    fields["articles"] = std::move(articles);
    return fields;
}

py::object extract(py::handle html, py::handle url, py::handle py_options) {
    const Settings settings = settings_from(py_options);
    const Page page = page_from(html, url);
    std::optional<std::string> output;
    {
        py::gil_scoped_release release;
        if (auto document = clean(page, settings)) output = render(*document, settings);
    }
    return output ? py::object(to_python(*output)) : py::object(py::none());
}

py::object bare_extraction(py::handle html, py::handle url, py::handle py_options) {
    const Settings settings = settings_from(py_options);
    const Page page = page_from(html, url);
    std::optional<webclean::Document> document;
    {
        py::gil_scoped_release release;
        document = clean(page, settings);
    }
    return document ? py::object(document_fields(*document)) : py::object(py::none());
}

// Runs work(0..count-1) on `threads` threads (the caller's among them), handing out indices in
// order. The first exception stops the hand-out and is rethrown once every thread has finished.
template <class Work>
void run_parallel(std::size_t count, std::size_t threads, const Work& work) {
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto worker = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < count;) {
            try {
                work(i);
            } catch (...) {
                std::lock_guard lock(failure_mutex);
                if (!failure) failure = std::current_exception();
                next.store(count);
            }
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (std::thread& thread : pool) thread.join();
    if (failure) std::rethrow_exception(failure);
}

py::list extract_many(py::sequence htmls, py::object urls, std::size_t threads, py::handle py_options, bool bare) {
    const Settings settings = settings_from(py_options);
    const std::size_t count = py::len(htmls);
    if (!urls.is_none() && py::len(urls) != count)
        throw py::value_error("urls has " + std::to_string(py::len(urls)) + " entries for " + std::to_string(count) +
                              " pages; give one URL (or None) per page");
    std::vector<Page> pages;
    pages.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        py::object url = urls.is_none() ? py::object(py::none()) : py::object(py::reinterpret_borrow<py::sequence>(urls)[i]);
        pages.push_back(page_from(htmls[i], url));
    }

    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = std::min(threads, std::max<std::size_t>(count, 1));
    std::vector<std::optional<webclean::Document>> documents(bare ? count : 0);
    std::vector<std::optional<std::string>> outputs(bare ? 0 : count);
    {
        py::gil_scoped_release release;
        run_parallel(count, threads, [&](std::size_t i) {
            auto document = clean(pages[i], settings);
            // The page is done with: a copy goes now, not when the whole batch is.
            std::string().swap(pages[i].copy);
            if (bare) documents[i] = std::move(document);
            else if (document) outputs[i] = render(*document, settings);
        });
    }
    py::list results;
    for (std::size_t i = 0; i < count; ++i) {
        if (bare) results.append(documents[i] ? py::object(document_fields(*documents[i])) : py::object(py::none()));
        else results.append(outputs[i] ? py::object(to_python(*outputs[i])) : py::object(py::none()));
    }
    return results;
}

// The charset webclean decodes a fetched page with (Content-Type, BOM, <meta>, detection), or ""
// when the body is not a web page. The library has no decode-only entry point, so this runs the
// cheapest extraction there is (text input: no HTML parse) and reads the charset it recorded.
std::string page_charset(const webclean::FetchResult& fetched) {
    webclean::Options options;
    options.input_format = webclean::InputFormat::Text;
    options.include_comments = false;
    webclean::Result result = webclean::extract(fetched, options);
    return result.status == webclean::Status::BadInput ? std::string() : result.document.metadata.charset;
}

// Fetches one URL with the GIL released: (body, charset) for a 2xx answer, else None. charset is
// filled only when asked for (see page_charset).
py::object fetch(const std::string& url, double timeout, py::object max_bytes, py::object user_agent, bool verify_tls,
                 long max_redirects, bool want_charset) {
    webclean::FetchOptions options;
    const auto total = std::chrono::milliseconds(static_cast<long long>(timeout * 1000));
    options.total_timeout = total;
    options.connect_timeout = std::min(options.connect_timeout, total);
    options.verify_tls = verify_tls;
    options.max_redirects = max_redirects;
    if (!max_bytes.is_none()) options.max_body_bytes = max_bytes.cast<std::size_t>();
    if (!user_agent.is_none()) options.user_agent = user_agent.cast<std::string>();
    webclean::FetchResult fetched;
    std::string charset;
    {
        py::gil_scoped_release release;
        fetched = webclean::fetch(url, options);
        if (fetched && want_charset) charset = page_charset(fetched);
    }
    if (!fetched) return py::none();
    return py::make_tuple(py::bytes(fetched.body), charset);
}

}  // namespace

PYBIND11_MODULE(_core, m) {
    m.doc() = "The compiled core of webclean; use the functions of the webclean package instead.";
    m.attr("__version__") = webclean::version;
    py::list formats;
    for (const std::string& name : output_formats()) formats.append(name);
    m.attr("OUTPUT_FORMATS") = py::tuple(formats);

    m.def(
        "is_output_format",
        [](const std::string& name) {
            webclean::Format ignored;
            return webclean::parse_format(name, ignored);
        },
        py::arg("name"), "True when the library renders the output format of this name.");
    m.def("extract", &extract, py::arg("html"), py::arg("url"), py::arg("options"),
          "The page rendered in options.output_format, or None.");
    m.def("bare_extraction", &bare_extraction, py::arg("html"), py::arg("url"), py::arg("options"),
          "The fields of a webclean.Document for the page, or None.");
    m.def("extract_many", &extract_many, py::arg("htmls"), py::arg("urls"), py::arg("threads"), py::arg("options"),
          py::arg("bare"),
          "extract (or, with bare, bare_extraction) of every page on native threads; results in input order.");
    m.def("fetch", &fetch, py::arg("url"), py::arg("timeout"), py::arg("max_bytes"), py::arg("user_agent"),
          py::arg("verify_tls"), py::arg("max_redirects"), py::arg("want_charset"),
          "(body, charset) of a URL answered with 2xx, else None.");
}
