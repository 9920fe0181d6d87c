#pragma once
// "Did you mean": a search query with its misspelt words corrected from the
// words the store already holds. Nothing is kept at ingest for it (Xapian's
// spelling tables would slow every batch): the store's term list is walked in
// order, skipping every run of terms that shares a prefix too far from the word.
#include <string>

#include <xapian.h>

namespace yousaid {

// `query` (ResponseQueryParser syntax) with each word that no response
// contains, neither as written (lower-cased) nor by its English stem, replaced
// by the indexed word the fewest edits away (an edit inserts, deletes or
// changes a letter or swaps two neighbours; at most 1 edit, or 2 for words of
// 6 letters or more), then the one in most responses, among the words starting
// with the same letter. Empty when no word changes. Filters (name:value),
// operators (AND OR NOT XOR NEAR ADJ), wildcards (word*), words with digits or
// of fewer than 3 letters, and quotes, brackets and signs are left as written.
std::string spelling_suggestion(const Xapian::Database& db, const std::string& query);

}  // namespace yousaid
