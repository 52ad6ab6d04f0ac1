// Where outcomes go, in input order: standard output, or one file per document under
// --output-dir.
#pragma once

#include <cstddef>
#include <memory>

#include "diagnostics.hpp"
#include "documents.hpp"
#include "outcome.hpp"
#include "settings.hpp"

namespace webclean::cli {

class Sink {
public:
    virtual ~Sink() = default;
    // Writes one outcome; a failure is also reported on stderr when the format has no place
    // for its error (txt, markdown, html).
    virtual void write(const Job& job, const Outcome& outcome) = 0;
    // Ends the output (closes a JSON array or <documents>) and flushes; false when writing failed.
    virtual bool finish() = 0;

    std::size_t written() const { return written_; }
    std::size_t failed() const { return failed_; }

protected:
    Sink(const Settings& settings, Diagnostics& diagnostics) : settings_(settings), diagnostics_(diagnostics) {}
    // Counts the outcome and reports its failure where the output cannot hold it.
    void note(const Job& job, const Outcome& outcome);

    const Settings& settings_;
    Diagnostics& diagnostics_;
    std::size_t written_ = 0;
    std::size_t failed_ = 0;
};

std::unique_ptr<Sink> make_sink(const Settings& settings, Diagnostics& diagnostics);

}  // namespace webclean::cli
