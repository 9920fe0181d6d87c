#pragma once
// Tags responses with the codebook's themes and groups. A theme's rule and a
// group's cue are Xapian queries run over the store, expanded by the codebook's
// synonyms; a group's attribute rule is checked on each response's attributes
// and the groups it names with in-group(). Tags from other sources (manual
// codes, models) are kept as they are; only rule tags are recomputed.
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/codebook.h"
#include "analysis/query_parser.h"
#include "ingest/response.h"

namespace yousaid {

inline constexpr double kCueConfidence = 0.6;  // a group inferred from the text alone

// A codebook whose queries have been parsed against a store.
struct CompiledCodebook {
    Codebook codebook;
    std::string text;                          // the codebook file as read, kept in the store
    std::vector<Xapian::Query> theme_queries;  // one per theme; empty query when no rule
    std::vector<Xapian::Query> cue_queries;    // one per group; empty query when no cue
    // The queries are parsed against the store's synonyms at load time;
    // tag_responses parses them again once it has stored the codebook's own.
};

struct CodebookLoad {
    std::optional<CompiledCodebook> compiled;
    std::vector<Diagnostic> errors;  // syntax errors, and rules Xapian cannot parse
};

// Reads, parses and compiles a codebook file. File errors become one diagnostic,
// and so does a codebook with no theme and no group, which would untag everything.
CodebookLoad load_codebook(const std::string& path, const Xapian::Database& db);
CodebookLoad compile_codebook(const std::string& text, const std::string& file_name,
                              const Xapian::Database& db);

struct TaggingSummary {
    int examined = 0;  // responses looked at
    int changed = 0;   // responses whose tags changed
};

// Tags every response in the store with the codebook's rules (as tag_store
// does with no model: store_tagging.h; ingest tags a batch's own as it writes
// them: IncomingTagger). Does not commit: the caller's transaction or commit
// makes the tags visible.
//  - The store's synonyms are replaced by the codebook's (store_synonyms), so
//    rules, cues and later searches expand them alike.
//  - A theme's tag rolls up: each of its ancestors is tagged too (source
//    "rule", the child's confidence) unless an analyst removed it by hand. This
//    holds for a child tagged by hand or by a model as well.
//  - Groups are decided in group_evaluation_order; in-group(ID) holds when the
//    response carries group ID (from any source). A group met by `when` has
//    confidence 1, or the lowest confidence of the groups it uses that the
//    response carries; by `cue` alone, kCueConfidence.
//  - Tags an analyst removed by hand (Response::removed_themes, removed_groups)
//    are not put back.
//  - A response's tags are kept in order of source: by hand, by rule, by model.
TaggingSummary tag_responses(Xapian::WritableDatabase& db, const CompiledCodebook& codebook);

// A response's rule tags, decided as tag_responses says from which theme rules
// and group cues its text matched (one flag per theme and per group, in
// codebook order).
class RuleTagging {
public:
    explicit RuleTagging(const Codebook& codebook);
    // Gives `response` its rule tags; true when its tags changed.
    bool apply(const std::vector<char>& matched, const std::vector<char>& cued, Response& response) const;

private:
    const Codebook& codebook_;
    std::vector<std::size_t> group_order_;
    std::vector<std::vector<std::string>> ancestors_;  // per theme
};

// A codebook's rules and cues run over a whole store at once, then applied
// response by response as tag_responses says. Making one stores the
// codebook's synonyms in `db` first. Given `same`, the store opened again with
// the same responses as `db`, the rules are matched on both at once, on two
// threads.
class StoreRules {
public:
    StoreRules(Xapian::WritableDatabase& db, const CompiledCodebook& compiled, const Xapian::Database* same = nullptr);
    // Gives the response stored as `docid` its rule tags; true when they changed.
    bool apply(Xapian::docid docid, Response& response) const;

private:
    // Per rule and cue, indexed by docid (up to the store's last when made):
    // whether it matches. A bit a response, where a set of matching docids
    // took seconds to build at a million responses.
    std::vector<std::vector<bool>> theme_matches_, cue_matches_;
    RuleTagging rules_;
};

// The theme rules' queries, then the group cues', parsed again by `parser` (to
// expand the synonyms it sees); a rule or cue it cannot parse keeps the query
// compiled at load.
std::vector<Xapian::Query> rule_queries(const CompiledCodebook& compiled, const ResponseQueryParser& parser);

// Replaces every synonym in the store by the lists' (none when empty). Each
// entry is split into words as the indexer does (lower case, "A&E" -> "a&e",
// "walk-in" -> "walk in"); every entry is a key whose synonyms are the list's
// other entries. Keys: the words joined by one space (Xapian's form for a run
// of words), and for a single word also "Z" + its stem, so "doctors" finds the
// synonyms of "doctor". Values: a single word as "Z" + its stem (matching every
// form the indexer stemmed to it; a word starting with a digit, which the
// indexer does not stem, as written), several words as the words joined by a
// space, which ResponseQueryParser turns into a phrase.
void store_synonyms(Xapian::WritableDatabase& db, const std::vector<SynonymList>& lists);

// The codebook last used to tag the store, or nullopt when none has been.
std::optional<Codebook> stored_codebook(const Xapian::Database& db);

}  // namespace yousaid
