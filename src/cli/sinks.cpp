#include "sinks.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

namespace webclean::cli {

namespace fs = std::filesystem;

const char* extension(OutputFormat format) {
    switch (format) {
        case OutputFormat::Text: return ".txt";
        case OutputFormat::Markdown: return ".md";
        case OutputFormat::Json: return ".json";
        case OutputFormat::JsonLines: return ".jsonl";
        case OutputFormat::Xml: return ".xml";
        case OutputFormat::Html: return ".html";
    }
    return ".txt";
}

bool is_json(OutputFormat format) { return format == OutputFormat::Json || format == OutputFormat::JsonLines; }

void Sink::note(const Job& job, const Outcome& outcome) {
    if (outcome.ok) return;
    ++failed_;
    // json, jsonl and xml carry the error in the record; the other formats have no place for it.
    if (!is_json(settings_.format) && settings_.format != OutputFormat::Xml)
        diagnostics_.message(job.name + ": " + outcome.error);
}

namespace {

constexpr std::string_view xml_declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

class StdoutSink final : public Sink {
public:
    StdoutSink(const Settings& settings, Diagnostics& diagnostics) : Sink(settings, diagnostics) {
        // A large buffer keeps the writer from making a system call per small document.
        std::setvbuf(stdout, buffer_, _IOFBF, sizeof buffer_);
    }

    void write(const Job& job, const Outcome& outcome) override {
        note(job, outcome);
        const std::string& record = outcome.record;
        switch (settings_.format) {
            case OutputFormat::Text:
            case OutputFormat::Markdown:
                // Failed and empty documents print nothing, so separators never pile up.
                if (record.empty()) return;
                if (written_ > 0) put("\n");
                put(record);
                put("\n");
                break;
            case OutputFormat::JsonLines:
                put(record);
                put("\n");
                break;
            case OutputFormat::Json:
                if (settings_.single) {
                    put(record);
                    put("\n");
                    break;
                }
                // Array elements sit one level in, so every line of the object moves right by two.
                put(written_ == 0 ? "[\n  " : ",\n  ");
                for (char c : record) {
                    std::fputc(c, stdout);
                    if (c == '\n') put("  ");
                }
                break;
            case OutputFormat::Xml:
                if (settings_.single) {
                    put(record);
                    break;
                }
                if (written_ == 0) put(std::string(xml_declaration) + "<documents>\n");
                // Lines are not indented: that would change the text of multi-line elements.
                put(record.rfind(xml_declaration, 0) == 0 ? record.substr(xml_declaration.size()) : record);
                break;
            case OutputFormat::Html:
                put(record);
                break;
        }
        ++written_;
    }

    bool finish() override {
        if (settings_.format == OutputFormat::Json && !settings_.single) put(written_ == 0 ? "[]\n" : "\n]\n");
        if (settings_.format == OutputFormat::Xml && !settings_.single)
            put(written_ == 0 ? std::string(xml_declaration) + "<documents>\n</documents>\n" : "</documents>\n");
        return std::fflush(stdout) == 0 && !std::ferror(stdout);
    }

private:
    void put(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

    char buffer_[1 << 16];
};

class DirectorySink final : public Sink {
public:
    DirectorySink(const Settings& settings, Diagnostics& diagnostics) : Sink(settings, diagnostics) {}

    void write(const Job& job, const Outcome& outcome) override {
        note(job, outcome);
        if (!outcome.ok && outcome.record.empty()) return;
        std::string content = outcome.record;
        if (!content.empty() && content.back() != '\n') content += '\n';
        if (std::string error = write_new_file(job.output_stem, content); !error.empty()) {
            if (outcome.ok) ++failed_;
            diagnostics_.message(job.name + ": write-error: " + error);
            return;
        }
        ++written_;
    }

    bool finish() override { return true; }

private:
    // Creates DIR/stem.ext, or DIR/stem-1.ext, DIR/stem-2.ext ... when that exists: an existing
    // file is never replaced. Returns an error, or an empty string.
    std::string write_new_file(const std::string& stem, const std::string& content) {
        const fs::path base = fs::path(settings_.output_dir) / stem;
        std::error_code ec;
        fs::create_directories(base.parent_path(), ec);
        if (ec) return base.parent_path().string() + ": " + ec.message();
        for (unsigned n = 0; n < 100000; ++n) {
            std::string suffix = n == 0 ? std::string() : std::to_string(n).insert(0, 1, '-');
            suffix += extension(settings_.format);
            fs::path path = base;
            path += suffix;
            const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
            if (fd < 0 && errno == EEXIST) continue;
            if (fd < 0) return path.string() + ": " + std::strerror(errno);
            std::size_t done = 0;
            while (done < content.size()) {
                const ssize_t n_written = ::write(fd, content.data() + done, content.size() - done);
                if (n_written < 0 && errno == EINTR) continue;
                if (n_written < 0) {
                    const int error = errno;
                    ::close(fd);
                    return path.string() + ": " + std::strerror(error);
                }
                done += static_cast<std::size_t>(n_written);
            }
            if (::close(fd) != 0) return path.string() + ": " + std::strerror(errno);
            return {};
        }
        return base.string() + ": too many files of this name";
    }
};

}  // namespace

std::unique_ptr<Sink> make_sink(const Settings& settings, Diagnostics& diagnostics) {
    if (settings.output_dir.empty()) return std::make_unique<StdoutSink>(settings, diagnostics);
    return std::make_unique<DirectorySink>(settings, diagnostics);
}

}  // namespace webclean::cli
