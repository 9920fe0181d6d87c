#pragma once
// The audit log of manual coding, kept in the store's metadata: one entry per
// response a `code` command changed, written in the same transaction as the
// change. Keys are `audit:<sequence>`, the sequence zero-padded so the keys list
// in the order the entries were written.
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "ingest/response.h"

namespace yousaid {

// A response's codes at one moment: tags with their sources, and removals.
struct CodeState {
    std::vector<Tag> themes;
    std::vector<Tag> groups;
    std::vector<std::string> removed_themes;
    std::vector<std::string> removed_groups;
    bool operator==(const CodeState&) const = default;
};

CodeState code_state(const Response& response);

struct AuditEntry {
    long sequence = 0;     // 1, 2, ... in the order written; set by append_audit_entries
    std::string time;      // UTC, ISO 8601: 2014-08-01T09:30:00Z
    std::string user;
    std::string response;  // the response id
    CodeState before;
    CodeState after;
    std::string note;      // may be empty
};

std::string to_json(const AuditEntry& entry);
// Throws std::runtime_error when `json` is not an audit entry.
AuditEntry audit_entry_from_json(const std::string& json);

// "audit:0000000042".
std::string audit_key(long sequence);

// The current time as UTC ISO 8601, to the second.
std::string utc_timestamp_now();

// Numbers the entries after the last one in the store and writes them. Does not
// commit: the caller's transaction holds them with the change they record.
void append_audit_entries(Xapian::WritableDatabase& db, std::vector<AuditEntry>& entries);

// Every entry, oldest first; only those of `response` when given.
std::vector<AuditEntry> list_audit_entries(const Xapian::Database& db,
                                           const std::optional<std::string>& response = std::nullopt);

// "transport-rural (rule), carers (manual)"; "(none)" when there are no tags.
std::string describe_tags(const std::vector<Tag>& tags);

}  // namespace yousaid
