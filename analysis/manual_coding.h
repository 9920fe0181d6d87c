#pragma once
// Manual coding: an analyst adds or removes a response's themes and groups by
// hand. A manual add is a tag with source "manual" and confidence 1, which
// re-tagging keeps (tagger.h recomputes rule tags only); a removal takes the tag
// off whatever its source and is remembered in the response's removed_themes or
// removed_groups, so rules never put it back. Every change is checked before
// anything is written, and all the changes of one call land in one transaction
// with their audit entries (audit_log.h).
#include <string>
#include <vector>

#include <xapian.h>

#include "ingest/diagnostic.h"
#include "ingest/response.h"

namespace yousaid {

struct CodeChange {
    bool add = true;     // else remove
    bool group = false;  // a group ("group:ID"), else a theme
    std::string id;
    SourceLocation at;        // where it was written; file empty for a command-line argument
    std::string source_line;  // the line it is on, for the caret; empty for an argument
};

// The changes to one response.
struct CodingRequest {
    std::string response_id;  // the store's response id, as search prints it
    SourceLocation at;        // where the id was written
    std::string source_line;
    std::vector<CodeChange> changes;
    std::string note;  // empty: CodingOptions::note
};

// A command-line change: "+theme", "-theme", "+group:ID" or "-group:ID". Throws
// std::invalid_argument with a message fit to print when it is none of these.
CodeChange parse_code_argument(const std::string& argument);

struct CodingFile {
    std::vector<CodingRequest> requests;  // one per row
    std::vector<Diagnostic> errors;       // every problem of form found; empty when good
};

// Reads a bulk coding file: CSV (csv_grammar.h) with a header naming columns
// `id` (required), `add` and `remove` (at least one; each a ';'-separated list
// of theme ids and `group:ID`s) and `note` (optional), in any order and case.
// Blank items are skipped. Checks form only; check_coding checks the store.
CodingFile read_coding_file(const std::string& text, const std::string& file_name);

// Every problem with the requests against the store: an unknown response id, a
// theme or group not in the store's codebook (with close matches), the same id
// both added and removed, a response coded twice. Empty when all are good.
std::vector<Diagnostic> check_coding(const Xapian::Database& db, const std::vector<CodingRequest>& requests);

struct CodingOptions {
    std::string user;  // who is coding, for the audit log
    std::string note;  // for requests without their own
    std::string time;  // UTC ISO 8601; empty: now
};

struct CodingSummary {
    int responses = 0;  // responses whose codes changed
    int added = 0;      // tags that became manual
    int removed = 0;    // tags taken off or newly barred
    // "coded 12 responses: 15 added, 4 removed"
    std::string counts_line() const;
};

struct CodingResult {
    std::vector<Diagnostic> errors;  // from check_coding: when any, nothing was written
    CodingSummary summary;
};

// Checks the requests and, when all are good, applies them and writes one
// audit entry per changed response, all in one transaction. Xapian errors are
// let through with the store as it was.
CodingResult apply_coding(Xapian::WritableDatabase& db, const std::vector<CodingRequest>& requests,
                          const CodingOptions& options);

// Reads a bulk coding file and, when every row is good both in form and against
// the store, applies it as apply_coding does. Otherwise `errors` holds every
// problem in file order and nothing is written.
CodingResult code_from_file(Xapian::WritableDatabase& db, const std::string& text, const std::string& file_name,
                            const CodingOptions& options);

// Applies `changes` to `response`, counting what changed in `summary`'s added
// and removed.
void apply_changes(Response& response, const std::vector<CodeChange>& changes, CodingSummary& summary);

// For ingest replacing a response with a new version of it: the old version's
// manual tags and removals carry over to the new one, so a corrected file does
// not undo an analyst's coding.
void carry_manual_codes(const Response& old_version, Response& new_version);

}  // namespace yousaid
