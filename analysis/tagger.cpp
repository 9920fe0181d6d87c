#include "analysis/tagger.h"

#include <algorithm>
#include <regex>
#include <unordered_set>

#include "analysis/document_builder.h"
#include "analysis/query_parser.h"
#include "analysis/schema.h"
#include "ingest/text_file.h"

namespace yousaid {

namespace {

using DocSet = std::unordered_set<Xapian::docid>;

// Collects the ids of every document the matcher considers a match.
class DocidCollector : public Xapian::MatchSpy {
public:
    explicit DocidCollector(DocSet& out) : out_(out) {}
    void operator()(const Xapian::Document& doc, double) override { out_.insert(doc.get_docid()); }

private:
    DocSet& out_;
};

DocSet matching(const Xapian::Database& db, const Xapian::Query& query) {
    DocSet docs;
    if (query.empty()) return docs;
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    DocidCollector collector(docs);
    enquire.add_matchspy(&collector);
    enquire.get_mset(0, 0, db.get_doccount());
    return docs;
}

// Tags from other sources stay; rule tags are recomputed, except those an
// analyst removed by hand.
std::vector<Tag> merged(const std::vector<Tag>& old_tags, std::vector<Tag> rule_tags,
                        const std::vector<std::string>& removed) {
    std::vector<Tag> out;
    for (const Tag& tag : old_tags) {
        if (tag.source != "rule") out.push_back(tag);
    }
    for (Tag& tag : rule_tags) {
        bool present = std::any_of(out.begin(), out.end(), [&](const Tag& t) { return t.id == tag.id; });
        bool removed_by_hand = std::find(removed.begin(), removed.end(), tag.id) != removed.end();
        if (!present && !removed_by_hand) out.push_back(std::move(tag));
    }
    return out;
}

}  // namespace

CodebookLoad compile_codebook(const std::string& text, const std::string& file_name,
                              const Xapian::Database& db) {
    CodebookLoad load;
    CodebookParse parse = parse_codebook(text, file_name);
    load.errors = parse.errors;
    ResponseQueryParser parser(db);
    CompiledCodebook compiled{parse.codebook, text, {}, {}};
    auto compile = [&](const std::string& query, const SourceLocation& at, const char* what) {
        // Xapian 1.4 gives wrong matches for a wildcard inside NEAR or ADJ, so refuse it.
        static const std::regex wildcard_near(R"((\S+\*\s+(NEAR|ADJ)\b)|((NEAR|ADJ)(/\d+)?\s+\S+\*))");
        if (std::regex_search(query, wildcard_near)) {
            load.errors.push_back({at, std::string(what) + " puts a wildcard inside NEAR or ADJ, which Xapian cannot "
                                                       "match reliably: list the words instead",
                                   locate_line(text, at.line)});
            return Xapian::Query();
        }
        try {
            return parser.parse(query);
        } catch (const QueryError& e) {
            load.errors.push_back({at, std::string(what) + " is not a valid query: " + e.what(),
                                   locate_line(text, at.line)});
            return Xapian::Query();
        }
    };
    for (const Theme& theme : compiled.codebook.themes) {
        compiled.theme_queries.push_back(compile(theme.rule, theme.rule_at, "rule"));
    }
    for (const Group& group : compiled.codebook.groups) {
        compiled.cue_queries.push_back(group.cue.empty() ? Xapian::Query()
                                                         : compile(group.cue, group.cue_at, "cue"));
    }
    if (load.errors.empty()) load.compiled = std::move(compiled);
    return load;
}

CodebookLoad load_codebook(const std::string& path, const Xapian::Database& db) {
    try {
        return compile_codebook(read_utf8_file(path), path, db);
    } catch (const FileError& e) {
        CodebookLoad load;
        load.errors.push_back({{path, 0, 0}, e.what(), ""});
        return load;
    }
}

TaggingSummary tag_responses(Xapian::WritableDatabase& db, const CompiledCodebook& compiled,
                             const std::optional<std::vector<Xapian::docid>>& scope) {
    const Codebook& codebook = compiled.codebook;
    std::vector<DocSet> theme_matches, cue_matches;
    for (const Xapian::Query& q : compiled.theme_queries) theme_matches.push_back(matching(db, q));
    for (const Xapian::Query& q : compiled.cue_queries) cue_matches.push_back(matching(db, q));

    std::vector<Xapian::docid> docids;
    if (scope) {
        docids = *scope;
    } else {
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) docids.push_back(*it);
    }

    TaggingSummary summary;
    DocumentBuilder builder;
    for (Xapian::docid docid : docids) {
        ++summary.examined;
        Response response = response_from_json(db.get_document(docid).get_data());
        std::vector<Tag> themes, groups;
        for (std::size_t i = 0; i < codebook.themes.size(); ++i) {
            if (theme_matches[i].count(docid)) themes.push_back({codebook.themes[i].id, "rule", 1.0});
        }
        for (std::size_t i = 0; i < codebook.groups.size(); ++i) {
            const Group& group = codebook.groups[i];
            if (group.when && group.when->matches(response.attributes)) {
                groups.push_back({group.id, "rule", 1.0});
            } else if (cue_matches[i].count(docid)) {
                groups.push_back({group.id, "rule", kCueConfidence});
            }
        }
        std::vector<Tag> new_themes = merged(response.themes, std::move(themes), response.removed_themes);
        std::vector<Tag> new_groups = merged(response.groups, std::move(groups), response.removed_groups);
        if (new_themes == response.themes && new_groups == response.groups) continue;
        response.themes = std::move(new_themes);
        response.groups = std::move(new_groups);
        db.replace_document(docid, builder.build(response));
        ++summary.changed;
    }
    db.set_metadata(schema::kCodebookKey, compiled.text);
    return summary;
}

std::optional<Codebook> stored_codebook(const Xapian::Database& db) {
    std::string text = db.get_metadata(schema::kCodebookKey);
    if (text.empty()) return std::nullopt;
    CodebookParse parse = parse_codebook(text, "(stored codebook)");
    return parse.codebook;
}

}  // namespace yousaid
