#pragma once
// One response as the store keeps it. The document's data holds this record as
// JSON (readable in `delve -d`), so any tool can show it without our code.
#include <array>
#include <map>
#include <string>
#include <vector>

#include "ingest/diagnostic.h"

namespace yousaid {

// A theme or group on a response, with where it came from.
struct Tag {
    std::string id;
    std::string source;       // "rule", "model" or "manual"
    double confidence = 1.0;  // 1 for rules on attributes and theme rules; lower when inferred
    bool operator==(const Tag&) const = default;
};

// Puts tags in order of source, as a response keeps them: by hand, by rule,
// by model (any other last); tags from one source keep their order.
void order_by_source(std::vector<Tag>& tags);

// What Response::polarity can hold when known, in the order tables show them.
inline constexpr std::array<const char*, 3> kPolarities = {"positive", "mixed", "negative"};

struct Response {
    std::string id;             // stable and unique in the store
    std::string batch;          // the batch that first brought it
    std::string event;
    std::string channel;
    std::string date;           // YYYY-MM-DD or empty
    std::string question;
    std::map<std::string, std::string> attributes;
    std::string original_text;  // NFC, as given; shown only on explicit request
    std::string redacted_text;  // what search, exports and reports show
    std::vector<Tag> themes;
    std::vector<Tag> groups;
    SourceLocation source;      // file and line it came from
    std::string campaign;       // the id of its campaign's first member; empty when in none
    // Who gave it: responses to several open questions from one row share a
    // respondent; otherwise the response's own id.
    std::string respondent;
    // Themes and groups an analyst took off by hand: rules never put them back.
    std::vector<std::string> removed_themes;
    std::vector<std::string> removed_groups;
    // Whether it praises or complains: one of kPolarities, or empty when not
    // known. A tag set by a model (not read from the input), with the
    // model's confidence in it.
    std::string polarity;
    double polarity_confidence = 0;

    // SHA-1 of everything read from the input (not the batch, tags or source
    // position): equal hashes mean re-ingesting would change nothing.
    std::string content_hash() const;
};

std::string to_json(const Response& response);
// Throws std::runtime_error when `json` is not a response record.
Response response_from_json(const std::string& json);

}  // namespace yousaid
