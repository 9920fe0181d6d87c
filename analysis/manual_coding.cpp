#include "analysis/manual_coding.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <stdexcept>

#include "analysis/audit_log.h"
#include "analysis/document_builder.h"
#include "analysis/model_tags.h"
#include "analysis/tagger.h"
#include "ingest/csv_grammar.h"

namespace yousaid {

namespace {

constexpr const char* kGroupMarker = "group:";

std::string trimmed(const std::string& s) {
    std::size_t begin = s.find_first_not_of(" \t");
    if (begin == std::string::npos) return "";
    return s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

const char* kind(const CodeChange& change) { return change.group ? "group" : "theme"; }

// ---- reading the bulk file ----

// The column of byte `offset` of a field's value, past its opening quote.
int value_column(const CsvRecord& record, const CsvField& field, std::size_t offset) {
    std::string line = record.line_text(field.line);
    std::size_t byte = 0;
    for (int column = 1; byte < line.size() && column < field.column; ++byte) {
        if ((static_cast<unsigned char>(line[byte]) & 0xC0) != 0x80) ++column;
    }
    while (byte < line.size() && (static_cast<unsigned char>(line[byte]) & 0xC0) == 0x80) ++byte;
    bool quoted = byte < line.size() && line[byte] == '"';
    std::string prefix = field.value.substr(0, std::min(offset, field.value.size()));
    return field.column + (quoted ? 1 : 0) + code_point_column(prefix.begin(), prefix.end()) - 1;
}

struct FileColumns {
    std::optional<std::size_t> id, add, remove, note;
    std::size_t count = 0;
};

std::optional<FileColumns> read_header(const CsvRecord& header, const std::string& file_name,
                                       std::vector<Diagnostic>& errors) {
    if (header.error) {
        errors.push_back(*header.error);
        return std::nullopt;
    }
    FileColumns columns;
    columns.count = header.fields.size();
    std::size_t before = errors.size();
    std::string line = header.line_text(header.line);
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const CsvField& field = header.fields[i];
        std::string name = lower(trimmed(field.value));
        std::optional<std::size_t>* slot = name == "id"       ? &columns.id
                                           : name == "add"    ? &columns.add
                                           : name == "remove" ? &columns.remove
                                           : name == "note"   ? &columns.note
                                                              : nullptr;
        SourceLocation at{file_name, field.line, field.column};
        if (!slot) {
            errors.push_back({at, "unknown column \"" + trimmed(field.value) + "\": expected id, add, remove or note",
                              line});
        } else if (slot->has_value()) {
            errors.push_back({at, "column \"" + name + "\" is given twice", line});
        } else {
            *slot = i;
        }
    }
    if (!columns.id) errors.push_back({{file_name, header.line, 1}, "the header has no \"id\" column", line});
    if (!columns.add && !columns.remove) {
        errors.push_back({{file_name, header.line, 1}, "the header has neither an \"add\" nor a \"remove\" column",
                          line});
    }
    if (errors.size() != before) return std::nullopt;
    return columns;
}

void read_items(const CsvRecord& record, const CsvField& field, bool add, const std::string& file_name,
                CodingRequest& request, std::vector<Diagnostic>& errors) {
    std::size_t start = 0;
    while (start <= field.value.size()) {
        std::size_t end = field.value.find(';', start);
        if (end == std::string::npos) end = field.value.size();
        std::string item = field.value.substr(start, end - start);
        std::size_t lead = item.find_first_not_of(" \t");
        if (lead != std::string::npos) {
            CodeChange change;
            change.add = add;
            change.id = trimmed(item);
            change.at = {file_name, field.line, value_column(record, field, start + lead)};
            change.source_line = record.line_text(field.line);
            if (change.id.rfind(kGroupMarker, 0) == 0) {
                change.group = true;
                change.id = trimmed(change.id.substr(std::string(kGroupMarker).size()));
            }
            if (change.id.empty()) {
                errors.push_back({change.at, "\"group:\" needs a group id after it", change.source_line});
            } else {
                request.changes.push_back(std::move(change));
            }
        }
        start = end + 1;
    }
}

// ---- checking against the store ----

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// Known ids within a few edits of `id` or of one of their hyphenated words
// ("transprt" is close to transport-rural), or containing `id` with or without
// hyphens; closest first.
std::vector<std::string> close_matches(const std::string& id, const std::vector<std::string>& known) {
    std::vector<std::pair<std::size_t, std::string>> scored;
    std::size_t limit = std::max<std::size_t>(1, id.size() / 4);
    for (const std::string& k : known) {
        std::size_t distance = edit_distance(id, k);
        for (std::size_t start = 0; start < k.size();) {
            std::size_t end = std::min(k.find('-', start), k.size());
            distance = std::min(distance, edit_distance(id, k.substr(start, end - start)));
            start = end + 1;
        }
        std::string unhyphenated = k;
        std::erase(unhyphenated, '-');
        bool contained = id.size() >= 3 &&
                         (k.find(id) != std::string::npos || unhyphenated.find(id) != std::string::npos);
        if (distance <= limit || contained) scored.push_back({contained ? 0 : distance, k});
    }
    std::stable_sort(scored.begin(), scored.end(), [](auto& a, auto& b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < scored.size() && i < 3; ++i) out.push_back(scored[i].second);
    return out;
}

std::string joined(const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + id;
    return out;
}

std::string unknown_code_message(const CodeChange& change, const std::optional<Codebook>& codebook,
                                 const std::vector<std::string>& known) {
    std::string head = std::string("unknown ") + kind(change) + " \"" + change.id + "\": ";
    if (!codebook) return head + "the store has no codebook yet (yousaid tag --codebook FILE)";
    std::vector<std::string> close = close_matches(change.id, known);
    if (!close.empty()) return head + "not in the store's codebook; close matches: " + joined(close);
    if (known.empty()) return head + "the store's codebook has no " + kind(change) + "s";
    return head + "not in the store's codebook, whose " + kind(change) + "s are " + joined(known);
}

std::optional<Xapian::docid> find_response(const Xapian::Database& db, const std::string& id) {
    std::string term = id_term(id);
    Xapian::PostingIterator it = db.postlist_begin(term);
    if (it == db.postlist_end(term)) return std::nullopt;
    return *it;
}

bool erase_tag(std::vector<Tag>& tags, const std::string& id) {
    auto gone = std::remove_if(tags.begin(), tags.end(), [&](const Tag& t) { return t.id == id; });
    bool any = gone != tags.end();
    tags.erase(gone, tags.end());
    return any;
}

bool erase_id(std::vector<std::string>& ids, const std::string& id) {
    auto gone = std::remove(ids.begin(), ids.end(), id);
    bool any = gone != ids.end();
    ids.erase(gone, ids.end());
    return any;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

CodeChange parse_code_argument(const std::string& argument) {
    CodeChange change;
    if (argument.empty() || (argument[0] != '+' && argument[0] != '-')) {
        throw std::invalid_argument("\"" + argument +
                                    "\" is not a change: write +THEME, -THEME, +group:GROUP or -group:GROUP");
    }
    change.add = argument[0] == '+';
    change.id = argument.substr(1);
    if (change.id.rfind(kGroupMarker, 0) == 0) {
        change.group = true;
        change.id = change.id.substr(std::string(kGroupMarker).size());
    }
    if (change.id.empty()) {
        throw std::invalid_argument("\"" + argument + "\" names no " + kind(change) + ": write " +
                                    (change.add ? "+" : "-") + (change.group ? "group:GROUP" : "THEME"));
    }
    return change;
}

CodingFile read_coding_file(const std::string& text, const std::string& file_name) {
    CodingFile out;
    std::vector<CsvRecord> records = parse_csv(text, file_name);
    if (records.empty()) {
        out.errors.push_back({{file_name, 1, 1}, "the file is empty: expected a header naming id, add and remove", ""});
        return out;
    }
    std::optional<FileColumns> columns = read_header(records.front(), file_name, out.errors);
    if (!columns) return out;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const CsvRecord& record = records[r];
        if (record.error) {
            out.errors.push_back(*record.error);
            continue;
        }
        std::string line = record.line_text(record.line);
        if (record.fields.size() != columns->count) {
            out.errors.push_back({{file_name, record.line, 1},
                                  "row has " + std::to_string(record.fields.size()) +
                                      (record.fields.size() == 1 ? " field" : " fields") + " but the header has " +
                                      std::to_string(columns->count),
                                  line});
            continue;
        }
        const CsvField& id = record.fields[*columns->id];
        CodingRequest request;
        request.response_id = trimmed(id.value);
        request.at = {file_name, id.line, id.column};
        request.source_line = record.line_text(id.line);
        if (request.response_id.empty()) {
            out.errors.push_back({request.at, "the response id is empty", request.source_line});
            continue;
        }
        if (columns->note) request.note = trimmed(record.fields[*columns->note].value);
        std::size_t before = out.errors.size();
        if (columns->add) read_items(record, record.fields[*columns->add], true, file_name, request, out.errors);
        if (columns->remove) {
            read_items(record, record.fields[*columns->remove], false, file_name, request, out.errors);
        }
        if (out.errors.size() != before) continue;
        if (request.changes.empty()) {
            out.errors.push_back({request.at, "nothing to add or remove for \"" + request.response_id + "\"",
                                  request.source_line});
            continue;
        }
        out.requests.push_back(std::move(request));
    }
    return out;
}

std::vector<Diagnostic> check_coding(const Xapian::Database& db, const std::vector<CodingRequest>& requests) {
    std::vector<Diagnostic> errors;
    std::optional<Codebook> codebook = stored_codebook(db);
    std::vector<std::string> themes, groups;
    if (codebook) {
        for (const Theme& t : codebook->themes) themes.push_back(t.id);
        for (const Group& g : codebook->groups) groups.push_back(g.id);
    }
    std::map<std::string, const CodingRequest*> seen;
    for (const CodingRequest& request : requests) {
        auto [first, fresh] = seen.emplace(request.response_id, &request);
        if (!fresh) {
            std::string where = first->second->at.file.empty()
                                    ? "earlier"
                                    : "on line " + std::to_string(first->second->at.line);
            errors.push_back({request.at,
                              "response \"" + request.response_id + "\" is already coded " + where +
                                  ": put its changes in one row",
                              request.source_line});
        } else if (!find_response(db, request.response_id)) {
            errors.push_back({request.at,
                              "no response \"" + request.response_id + "\" in the store (yousaid search prints ids)",
                              request.source_line});
        }
        for (std::size_t i = 0; i < request.changes.size(); ++i) {
            const CodeChange& change = request.changes[i];
            const std::vector<std::string>& known = change.group ? groups : themes;
            if (!contains(known, change.id)) {
                errors.push_back({change.at, unknown_code_message(change, codebook, known), change.source_line});
                continue;
            }
            for (std::size_t j = 0; j < i; ++j) {
                const CodeChange& other = request.changes[j];
                if (other.group == change.group && other.id == change.id && other.add != change.add) {
                    errors.push_back({change.at,
                                      std::string(kind(change)) + " \"" + change.id + "\" is both added and removed",
                                      change.source_line});
                    break;
                }
            }
        }
    }
    return errors;
}

void apply_changes(Response& response, const std::vector<CodeChange>& changes, CodingSummary& summary) {
    for (const CodeChange& change : changes) {
        std::vector<Tag>& tags = change.group ? response.groups : response.themes;
        std::vector<std::string>& removed = change.group ? response.removed_groups : response.removed_themes;
        if (change.add) {
            Tag manual{change.id, "manual", 1.0};
            bool barred = erase_id(removed, change.id);
            auto it = std::find_if(tags.begin(), tags.end(), [&](const Tag& t) { return t.id == change.id; });
            if (it == tags.end()) {
                tags.push_back(manual);
            } else if (*it != manual) {
                *it = manual;
            } else if (!barred) {
                continue;
            }
            ++summary.added;
        } else {
            bool was_tagged = erase_tag(tags, change.id);
            bool was_barred = contains(removed, change.id);
            if (!was_barred) removed.push_back(change.id);
            if (was_tagged || !was_barred) ++summary.removed;
        }
    }
}

std::string CodingSummary::counts_line() const {
    return "coded " + std::to_string(responses) + (responses == 1 ? " response: " : " responses: ") +
           std::to_string(added) + " added, " + std::to_string(removed) + " removed";
}

CodingResult apply_coding(Xapian::WritableDatabase& db, const std::vector<CodingRequest>& requests,
                          const CodingOptions& options) {
    CodingResult result;
    result.errors = check_coding(db, requests);
    if (!result.errors.empty()) return result;
    std::string time = options.time.empty() ? utc_timestamp_now() : options.time;
    DocumentBuilder builder(db);
    std::vector<AuditEntry> entries;
    db.begin_transaction();
    try {
        for (const CodingRequest& request : requests) {
            Xapian::docid docid = *find_response(db, request.response_id);
            Response response = stored_response(db.get_document(docid));
            CodeState before = code_state(response);
            apply_changes(response, request.changes, result.summary);
            CodeState after = code_state(response);
            if (after == before) continue;
            db.replace_document(docid, builder.build(response));
            ++result.summary.responses;
            entries.push_back({0, time, options.user, response.id, std::move(before), std::move(after),
                               request.note.empty() ? options.note : request.note});
        }
        append_audit_entries(db, entries);
        db.commit_transaction();
    } catch (...) {
        db.cancel_transaction();
        throw;
    }
    return result;
}

CodingResult code_from_file(Xapian::WritableDatabase& db, const std::string& text, const std::string& file_name,
                            const CodingOptions& options) {
    CodingFile file = read_coding_file(text, file_name);
    if (file.errors.empty()) return apply_coding(db, file.requests, options);
    CodingResult result;
    result.errors = std::move(file.errors);
    for (Diagnostic& d : check_coding(db, file.requests)) result.errors.push_back(std::move(d));
    std::stable_sort(result.errors.begin(), result.errors.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
    });
    return result;
}

void carry_manual_codes(const Response& old_version, Response& new_version) {
    auto carry = [](const std::vector<Tag>& old_tags, const std::vector<std::string>& old_removed,
                    std::vector<Tag>& tags, std::vector<std::string>& removed) {
        for (const std::string& id : old_removed) {
            erase_tag(tags, id);
            if (!contains(removed, id)) removed.push_back(id);
        }
        for (const Tag& tag : old_tags) {
            if (tag.source != "manual") continue;
            erase_tag(tags, tag.id);
            erase_id(removed, tag.id);
            tags.push_back(tag);
        }
    };
    carry(old_version.themes, old_version.removed_themes, new_version.themes, new_version.removed_themes);
    carry(old_version.groups, old_version.removed_groups, new_version.groups, new_version.removed_groups);
}

}  // namespace yousaid
