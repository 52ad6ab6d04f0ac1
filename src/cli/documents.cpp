#include "documents.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <nlohmann/json.hpp>

#include "output_names.hpp"
#include "webclean/warc.hpp"

namespace webclean::cli {

namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// "truncated: detail" with a location: "truncated: record 17: detail".
std::string located(std::string_view message, const std::string& location) {
    const std::size_t colon = message.find(": ");
    if (colon == std::string_view::npos) return "bad-input: " + location + ": " + std::string(message);
    return std::string(message.substr(0, colon)) + ": " + location + ": " + std::string(message.substr(colon + 2));
}

std::string json_string(std::string_view text) {
    return nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

bool names_warc(std::string_view name) {
    return ends_with(name, ".warc") || ends_with(name, ".warc.gz") || ends_with(name, ".warc.zst");
}

// The pages of one container input, one at a time.
class Container {
public:
    virtual ~Container() = default;
    // The next job; false when the container has no more.
    virtual bool next(Job& job) = 0;
    // Bytes of the file read so far.
    virtual std::uint64_t bytes_read() const = 0;
};

namespace {

class WarcContainer final : public Container {
public:
    WarcContainer(webclean::warc::Reader reader, const Input& input, std::size_t index, const Settings& settings,
                  ContainerReport& report)
        : reader_(std::move(reader)), input_(input), index_(index), settings_(settings), report_(report),
          stem_(file_stem(input)) {
        report_.warc = true;
    }

    bool next(Job& job) override {
        while (true) {
            webclean::warc::Record record;
            const webclean::warc::ReadResult read = reader_.next(record);
            if (read.status == webclean::warc::ReadStatus::End) return false;
            ++report_.records;
            const std::string location = "record " + std::to_string(record.index);
            if (read.status == webclean::warc::ReadStatus::Error) {
                ++report_.unreadable;
                start(job, record.index, record.target_uri(), record.record_id(), record.date());
                job.kind = Job::Kind::Failed;
                job.error = located(read.message, location);
                return true;
            }
            const std::uint64_t number = record.index;
            webclean::warc::Page page;
            const webclean::warc::PageResult taken =
                webclean::warc::take_page(std::move(record), settings_.options.limits.max_input_bytes, page);
            if (taken.status == webclean::warc::PageStatus::Skipped) {
                ++report_.skipped[taken.reason];
                continue;
            }
            start(job, number, page.target_uri, page.record_id, page.date);
            if (taken.status == webclean::warc::PageStatus::Error) {
                ++report_.unreadable;
                job.kind = Job::Kind::Failed;
                job.error = located(taken.reason, location);
                return true;
            }
            ++report_.pages;
            job.kind = Job::Kind::Page;
            job.bytes = std::move(page.body);
            job.url = page.target_uri;
            job.http_charset = page.http_charset;
            // The record's Content-Type said HTML; sniffing could take a page with little markup for text.
            job.input_format = InputFormat::Html;
            return true;
        }
    }

    std::uint64_t bytes_read() const override { return reader_.bytes_read(); }

private:
    void start(Job& job, std::uint64_t number, std::string_view uri, std::string_view id, std::string_view date) {
        job.input = index_;
        job.name = input_.name;
        job.number = number;
        job.output_stem = page_stem(stem_, number, uri);
        auto add = [&](const char* key, std::string_view value) {
            if (!job.json_members.empty()) job.json_members += ',';
            job.json_members += json_string(key) + ":" + (value.empty() ? std::string("null") : json_string(value));
            if (!value.empty()) job.fields.emplace_back(key, std::string(value));
        };
        add("warc_target_uri", uri);
        add("warc_record_id", id);
        add("warc_date", date);
    }

    webclean::warc::Reader reader_;
    const Input& input_;
    std::size_t index_;
    const Settings& settings_;
    ContainerReport& report_;
    std::string stem_;
};

// Lines of a file, each at most max_bytes long: a longer line is skipped and reported, so one
// huge line cannot take all memory.
class LineReader {
public:
    LineReader(int fd, bool owns_fd) : fd_(fd), owns_fd_(owns_fd) {}
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;
    ~LineReader() {
        if (owns_fd_) ::close(fd_);
    }

    // The next line without its line break; too_long when it was over max_bytes (line is then
    // empty). False at the end of the file or on a read error (see error()).
    bool next(std::string& line, std::size_t max_bytes, bool& too_long) {
        too_long = false;
        std::size_t searched = pos_;
        while (true) {
            const std::size_t end = buffer_.find('\n', searched);
            if (end != std::string::npos || (eof_ && pos_ < buffer_.size())) {
                const std::size_t stop = end == std::string::npos ? buffer_.size() : end;
                if (too_long || stop - pos_ > max_bytes) {
                    too_long = true;
                    line.clear();
                } else {
                    line.assign(buffer_, pos_, stop - pos_);
                    if (!line.empty() && line.back() == '\r') line.pop_back();
                }
                pos_ = end == std::string::npos ? buffer_.size() : end + 1;
                return true;
            }
            if (eof_) return false;
            if (buffer_.size() - pos_ > max_bytes) {
                too_long = true;  // keep reading only to find where the line ends
                pos_ = buffer_.size();
            }
            searched = buffer_.size() - pos_;
            buffer_.erase(0, pos_);
            pos_ = 0;
            if (!fill()) eof_ = true;
        }
    }

    std::uint64_t bytes_read() const { return bytes_read_; }
    const std::string& error() const { return error_; }

private:
    bool fill() {
        constexpr std::size_t chunk = 1u << 16;
        const std::size_t old = buffer_.size();
        buffer_.resize(old + chunk);
        while (true) {
            const ssize_t n = ::read(fd_, buffer_.data() + old, chunk);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) error_ = std::string("read-error: ") + std::strerror(errno);
            buffer_.resize(old + static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
            bytes_read_ += static_cast<std::uint64_t>(std::max<ssize_t>(n, 0));
            return n > 0;
        }
    }

    int fd_;
    bool owns_fd_;
    std::string buffer_;
    std::size_t pos_ = 0;
    bool eof_ = false;
    std::uint64_t bytes_read_ = 0;
    std::string error_;
};

// JSON Lines: each line goes to a worker as it is; the worker parses it (see outcome.cpp), so
// the one thread that reads the file only splits lines.
class JsonLinesContainer final : public Container {
public:
    JsonLinesContainer(int fd, bool owns_fd, const Input& input, std::size_t index, const Settings& settings,
                       ContainerReport& report)
        : lines_(fd, owns_fd), input_(input), index_(index), settings_(settings), report_(report),
          stem_(file_stem(input)) {}

    bool next(Job& job) override {
        while (true) {
            std::string line;
            bool too_long = false;
            if (!lines_.next(line, max_line_bytes(), too_long)) {
                if (lines_.error().empty() || reported_error_) return false;
                reported_error_ = true;
                fill(job, Job::Kind::Failed);
                job.error = located(lines_.error(), "line " + std::to_string(line_number_ + 1));
                return true;
            }
            ++line_number_;
            if (!too_long && line.find_first_not_of(" \t\r") == std::string::npos) continue;
            ++report_.records;
            fill(job, Job::Kind::JsonLine);
            if (too_long) {
                job.kind = Job::Kind::Failed;
                job.error = "too-large: line " + std::to_string(line_number_) + ": over the limit of " +
                            std::to_string(max_line_bytes()) + " bytes";
            }
            job.bytes = std::move(line);
            return true;
        }
    }

    std::uint64_t bytes_read() const override { return lines_.bytes_read(); }

private:
    // JSON escapes can make a page six times longer ("\u4e2d" for one CJK character).
    std::size_t max_line_bytes() const { return settings_.options.limits.max_input_bytes * 6 + (1u << 16); }

    void fill(Job& job, Job::Kind kind) {
        job.kind = kind;
        job.input = index_;
        job.name = input_.name;
        job.number = line_number_;
        job.output_stem = page_stem(stem_, line_number_, {});
    }

    LineReader lines_;
    const Input& input_;
    std::size_t index_;
    const Settings& settings_;
    ContainerReport& report_;
    std::string stem_;
    std::uint64_t line_number_ = 0;
    bool reported_error_ = false;
};

}  // namespace

DocumentSource::DocumentSource(const std::vector<Input>& inputs, const Settings& settings)
    : inputs_(inputs), settings_(settings) {
    has_containers_ = std::any_of(inputs.begin(), inputs.end(), [&](const Input& input) { return is_container(input); });
}

DocumentSource::~DocumentSource() = default;

bool DocumentSource::is_container(const Input& input) const {
    if (input.kind == Input::Kind::Failed || input.kind == Input::Kind::Url) return false;
    if (settings_.jsonl || settings_.force_warc) return true;
    return names_warc(input.name);
}

std::uint64_t DocumentSource::size_of(std::size_t index) const { return sizes_.empty() ? 0 : sizes_[index]; }

bool DocumentSource::next(Job& job) {
    while (true) {
        if (current_) {
            if (current_->next(job)) {
                read_size_.store(finished_size_ + current_->bytes_read(), std::memory_order_relaxed);
                return true;
            }
            current_.reset();
            finished_size_ += size_of(current_index_);
            read_size_.store(finished_size_, std::memory_order_relaxed);
        }
        if (next_input_ >= inputs_.size()) return false;
        const std::size_t index = next_input_++;
        const Input& input = inputs_[index];
        job.input = index;
        job.name = input.name;
        job.output_stem = file_stem(input);
        if (!is_container(input) || !open_container(index, job)) {
            if (!is_container(input)) {
                job.kind = input.kind == Input::Kind::Failed ? Job::Kind::Failed
                           : input.kind == Input::Kind::Url  ? Job::Kind::Fetch
                                                             : Job::Kind::ReadFile;
                job.error = input.error;
            }
            finished_size_ += size_of(index);
            read_size_.store(finished_size_, std::memory_order_relaxed);
            return true;
        }
        current_index_ = index;
    }
}

bool DocumentSource::open_container(std::size_t index, Job& job) {
    const Input& input = inputs_[index];
    ContainerReport& report = reports_[index];
    job.kind = Job::Kind::Failed;
    if (settings_.jsonl) {
        const bool is_stdin = input.kind == Input::Kind::Stdin;
        const int fd = is_stdin ? STDIN_FILENO : ::open(input.name.c_str(), O_RDONLY | O_CLOEXEC);
        struct stat info {};
        if (fd < 0 || (::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode))) {
            const int error = fd < 0 ? errno : EISDIR;
            if (fd >= 0 && !is_stdin) ::close(fd);
            job.error = std::string("read-error: ") + std::strerror(error);
            return false;
        }
        current_ = std::make_unique<JsonLinesContainer>(fd, !is_stdin, input, index, settings_, report);
        return true;
    }
    webclean::warc::ReaderOptions options;
    options.max_block_bytes = settings_.options.limits.max_input_bytes;
    webclean::warc::Reader reader(options);
    if (const auto opened = reader.open(input.kind == Input::Kind::Stdin ? "-" : input.name); !opened) {
        job.error = opened.message;
        return false;
    }
    current_ = std::make_unique<WarcContainer>(std::move(reader), input, index, settings_, report);
    return true;
}

void DocumentSource::measure_inputs() {
    sizes_.assign(inputs_.size(), 0);
    total_size_ = 0;
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
        struct stat info {};
        if (inputs_[i].kind == Input::Kind::File && ::stat(inputs_[i].name.c_str(), &info) == 0 && S_ISREG(info.st_mode))
            sizes_[i] = static_cast<std::uint64_t>(info.st_size);
        total_size_ += sizes_[i];
    }
}

double DocumentSource::fraction_read() const {
    if (total_size_ == 0) return 0;
    return std::min(1.0, static_cast<double>(read_size_.load(std::memory_order_relaxed)) / static_cast<double>(total_size_));
}

}  // namespace webclean::cli
