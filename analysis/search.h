#pragma once
// Ranked search over the store, with highlighted snippets of redacted text and
// exact counts per theme, per group and per polarity over every match.
#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/facet_counting.h"

namespace yousaid {

enum class SearchOrder { relevance, newest, oldest };

struct SearchOptions {
    std::string query;            // ResponseQueryParser syntax; may be empty with similar_to
    unsigned offset = 0;          // hits to skip
    unsigned limit = 10;          // hits to return
    SearchOrder order = SearchOrder::relevance;
    // Relevance feedback: responses like this one (its id), found by the terms
    // that best tell it apart; the query, when given, filters them. The
    // response itself is left out.
    std::string similar_to;
    std::string highlight_start = "[";  // put around matched words in snippets
    std::string highlight_end = "]";
    std::size_t snippet_bytes = 240;
    bool show_original = false;   // also return the text as given, personal data and all
};

struct SearchHit {
    std::string id;
    std::string event;
    std::string channel;
    std::string date;
    std::string question;
    std::string snippet;          // redacted text, plain (not HTML), matches highlighted
    std::string original;         // the text as given; only with SearchOptions::show_original
    std::vector<std::string> themes;
    std::vector<std::string> groups;
    std::string polarity;         // Response::polarity; empty when not known
    int percent = 0;              // Xapian's relevance percentage
};

struct SearchResults {
    Xapian::doccount total = 0;   // every matching response (exact)
    std::vector<SearchHit> hits;
    std::map<std::string, Xapian::doccount> theme_counts;  // over all matches
    std::map<std::string, Xapian::doccount> group_counts;
    std::map<std::string, Xapian::doccount> polarity_counts;  // matches whose polarity is known
    std::map<std::string, Xapian::doccount> event_counts;     // by name as written
    std::map<std::string, Xapian::doccount> channel_counts;
    std::string suggestion;       // the query with misspelt words corrected; empty when none
    bool has_polarity = false;    // the store holds any polarity, whether or not a match has one
};

// Throws QueryError for a query that cannot be parsed, and for similar_to
// naming no response in the store. With `access.reopen` (another handle on the
// same store), facets are counted on a second core while the matcher runs;
// with `access.directory`, from the store's facets cache.
SearchResults search(const Xapian::Database& db, const SearchOptions& options, const StoreAccess& access = {});

// Values of a multi-valued slot (joined by schema::kListSeparator).
std::vector<std::string> split_list(const std::string& joined);

}  // namespace yousaid
