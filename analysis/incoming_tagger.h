#pragma once
// Tags a batch's responses with the codebook's rules before they are written,
// so that ingest writes each document once, tags and all. The rules and cues
// are the very queries tag_responses runs over the store; here they run over
// the documents of one chunk of responses at a time, held in a Xapian
// in-memory database with only what the rules can match (rule_terms.h). A query's matches depend only on each document's own
// terms, so the tags are those tag_responses would give once the responses
// were in the store.
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/document_builder.h"
#include "analysis/rule_terms.h"
#include "analysis/tagger.h"
#include "ingest/response.h"

namespace yousaid {

class IncomingTagger {
public:
    // `attributes`: the names the batch's responses carry, counted as stored
    // attributes when the rules are parsed. Call prepare() before the first
    // chunk and finish() once every chunk is tagged.
    IncomingTagger(Xapian::WritableDatabase& db, const CompiledCodebook& compiled, std::vector<std::string> attributes);

    // Stores the codebook's synonyms in the store, as tag_responses does, and
    // parses the rules against it; once, before the first chunk is tagged, by
    // the thread that writes to the store. Only a batch that writes something
    // changes the store's synonyms.
    void prepare();

    // Gives responses[i] its rule tags and brings documents[i], which `builder`
    // built from it, up to date with them. Reads nothing of the store, so it
    // may run on another thread than the one writing it.
    void tag(std::vector<Response>& responses, std::vector<Xapian::Document>& documents, DocumentBuilder& builder);

    // Records in the store the codebook that tagged it, as tag_responses does
    // (when anything was tagged).
    void finish();

    const TaggingSummary& summary() const { return summary_; }

private:
    Xapian::WritableDatabase& db_;
    const CompiledCodebook& compiled_;
    RuleTagging rules_;
    std::vector<std::string> attributes_;
    bool parsed_ = false;
    std::vector<Xapian::Query> queries_;  // each theme's rule, then each group's cue
    std::optional<RuleTerms> visible_;    // what of a document they can match
    TaggingSummary summary_;
};

}  // namespace yousaid
