#pragma once
// The normalise step of ingest: a RawResponse as a reader gave it becomes a
// Response ready to index: NFC text, trimmed fields, defaults for what the file
// left out, personal data redacted, a stable id.
#include <map>
#include <string>

#include "ingest/raw_response.h"
#include "ingest/redactor.h"
#include "ingest/response.h"

namespace yousaid {

// Values from the command line for rows whose file does not give them.
struct ResponseDefaults {
    std::string event;
    std::string channel;
    std::string date;  // YYYY-MM-DD
    std::string question;
};

class ResponseNormaliser {
public:
    ResponseNormaliser(ResponseDefaults defaults, std::string batch_id);

    // Ids: with a file id, "<event slug>-<file id>" (the file name's slug when
    // there is no event: ids repeat across surveys); without, a hash of the
    // content, with "-2", "-3"... for repeats of the same content in one file,
    // so ids are stable when a file is renamed or re-ingested.
    Response normalise(const RawResponse& raw);

    // normalise() in two steps, so that the costly one (NFC, redaction) can
    // run on other threads: everything but an id that depends on the
    // responses before it, adding what redaction took out to `counts` (any
    // thread); then that id, for each response in file order (one thread).
    Response normalise_fields(const RawResponse& raw, RedactionCounts& counts) const;
    void give_id(Response& r);

    // What redaction took out of every response normalised so far (by
    // normalise(), and whatever add_redactions() was given).
    const RedactionCounts& redactions() const { return redactions_; }
    void add_redactions(const RedactionCounts& counts) { redactions_ += counts; }

private:
    ResponseDefaults defaults_;
    std::string batch_id_;
    std::map<std::string, int> seen_content_;
    RedactionCounts redactions_;
};

}  // namespace yousaid
