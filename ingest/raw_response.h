#pragma once
// What a reader takes from a file: one response as the file gave it, or one
// rejected record with the reason. Readers fill what the file says; defaults from
// the command line, normalisation, redaction and ids come later in the pipeline.
#include <map>
#include <string>
#include <vector>

#include "ingest/diagnostic.h"

namespace yousaid {

struct RawResponse {
    // Where the record starts (line and column of its first field); for one of
    // several open questions in a row, where its answer is.
    SourceLocation where;
    std::string source_id;      // the id the file gave, or empty
    std::string respondent_id;  // the row's id when a row gave several responses (open questions), else empty
    std::string text;           // never empty: readers reject records without text
    std::string event;          // empty when the file does not say
    std::string channel;
    std::string date;           // YYYY-MM-DD, or empty
    std::string question;
    std::map<std::string, std::string> attributes;  // snake_case name -> value as written (trimmed)
};

struct RejectedRecord {
    Diagnostic diagnostic;      // where and why
    std::string raw;            // the record's text exactly as read, line ends included
};

struct ReadResult {
    std::vector<RawResponse> responses;
    std::vector<RejectedRecord> rejected;
    // Records read = responses.size() + rejected.size(); a header is not a record.
};

}  // namespace yousaid
