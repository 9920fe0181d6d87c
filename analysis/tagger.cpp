#include "analysis/tagger.h"

#include <algorithm>
#include <atomic>
#include <future>
#include <map>
#include <regex>

#include "analysis/boolean_matches.h"
#include "analysis/document_builder.h"
#include "analysis/query_parser.h"
#include "analysis/schema.h"
#include "analysis/store_tagging.h"
#include "ingest/text_file.h"

namespace yousaid {

namespace {

// Whether each docid up to the store's last matches `query`.
std::vector<bool> matching(const Xapian::Database& db, const Xapian::Query& query) {
    std::vector<bool> docs(db.get_lastdocid() + 1);
    for_each_match(db, query, [&](Xapian::docid d) { docs[d] = true; });
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
    order_by_source(out);
    return out;
}

// The words of a synonym entry as the indexer splits them, lower case, in order.
std::vector<std::string> words_of(const std::string& entry) {
    Xapian::TermGenerator generator;
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(entry);
    std::vector<std::pair<Xapian::termpos, std::string>> positioned;
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
        for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos)
            positioned.emplace_back(*pos, *term);
    }
    std::sort(positioned.begin(), positioned.end());
    std::vector<std::string> words;
    for (auto& [pos, word] : positioned) words.push_back(std::move(word));
    return words;
}

// As the indexer's STEM_SOME: only a word starting with a letter has a stemmed form.
bool has_stem(const std::string& word) {
    const Xapian::Unicode::category c = Xapian::Unicode::get_category(*Xapian::Utf8Iterator(word));
    return c == Xapian::Unicode::LOWERCASE_LETTER || c == Xapian::Unicode::TITLECASE_LETTER ||
           c == Xapian::Unicode::MODIFIER_LETTER || c == Xapian::Unicode::OTHER_LETTER ||
           c == Xapian::Unicode::UPPERCASE_LETTER;
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

Xapian::Query parse_or_keep(const ResponseQueryParser& parser, const std::string& text, const Xapian::Query& compiled) {
    if (text.empty()) return compiled;
    try {
        return parser.parse(text);
    } catch (const QueryError&) {
        return compiled;  // parsed once already at load; keep that
    }
}

const Tag* find_tag(const std::vector<Tag>& tags, const std::string& id) {
    auto found = std::find_if(tags.begin(), tags.end(), [&](const Tag& t) { return t.id == id; });
    return found == tags.end() ? nullptr : &*found;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The rule tags for themes: the matched themes and, rolled up, the ancestors of
// every theme the response carries (matched, or tagged by another source).
std::vector<Tag> theme_rule_tags(const Codebook& codebook, const std::vector<char>& matched,
                                 const std::vector<std::vector<std::string>>& ancestors, const Response& response) {
    std::map<std::string, double> confidence;
    auto carry = [&](std::size_t i, double c) {
        confidence[codebook.themes[i].id] = std::max(confidence[codebook.themes[i].id], c);
        for (const std::string& a : ancestors[i]) confidence[a] = std::max(confidence[a], c);
    };
    for (std::size_t i = 0; i < codebook.themes.size(); ++i) {
        const std::string& id = codebook.themes[i].id;
        const Tag* other = find_tag(response.themes, id);
        if (other && other->source != "rule") {
            carry(i, other->confidence);
        } else if (matched[i] && !contains(response.removed_themes, id)) {
            carry(i, 1.0);
        }
    }
    std::vector<Tag> tags;
    for (const Theme& theme : codebook.themes) {
        auto c = confidence.find(theme.id);
        if (c != confidence.end()) tags.push_back({theme.id, "rule", c->second});
    }
    return tags;
}

// The rule tags for groups, deciding each after the groups its `when` uses.
std::vector<Tag> group_rule_tags(const Codebook& codebook, const std::vector<std::size_t>& order,
                                 const std::vector<char>& cued, const Response& response) {
    std::map<std::string, double> carried;  // group -> confidence, as decided so far
    std::vector<std::optional<double>> decided(codebook.groups.size());
    auto in_group = [&](const std::string& id) { return carried.count(id) > 0; };
    for (std::size_t i : order) {
        const Group& group = codebook.groups[i];
        const Tag* other = find_tag(response.groups, group.id);
        if (other && other->source != "rule") {
            carried[group.id] = other->confidence;
            continue;
        }
        if (contains(response.removed_groups, group.id)) continue;
        if (group.when && group.when->matches(response.attributes, in_group)) {
            double c = 1.0;
            for (const std::string& used : group.uses)
                if (carried.count(used)) c = std::min(c, carried[used]);
            decided[i] = c;
        } else if (cued[i]) {
            decided[i] = kCueConfidence;
        }
        if (decided[i]) carried[group.id] = *decided[i];
    }
    std::vector<Tag> tags;
    for (std::size_t i = 0; i < codebook.groups.size(); ++i)
        if (decided[i]) tags.push_back({codebook.groups[i].id, "rule", *decided[i]});
    return tags;
}

}  // namespace

void store_synonyms(Xapian::WritableDatabase& db, const std::vector<SynonymList>& lists) {
    std::vector<std::string> old(db.synonym_keys_begin(), db.synonym_keys_end());
    for (const std::string& key : old) db.clear_synonyms(key);
    const Xapian::Stem stem = DocumentBuilder::stemmer();
    for (const SynonymList& list : lists) {
        std::vector<std::vector<std::string>> entries;
        for (const std::string& entry : list.entries) {
            std::vector<std::string> words = words_of(entry);
            if (!words.empty()) entries.push_back(std::move(words));
        }
        auto value_of = [&](const std::vector<std::string>& words) {
            if (words.size() > 1) return joined(words);
            return has_stem(words[0]) ? "Z" + stem(words[0]) : words[0];
        };
        for (std::size_t i = 0; i < entries.size(); ++i) {
            std::vector<std::string> keys = {joined(entries[i])};
            if (entries[i].size() == 1 && has_stem(entries[i][0])) keys.push_back("Z" + stem(entries[i][0]));
            for (const std::string& key : keys) {
                for (std::size_t j = 0; j < entries.size(); ++j) {
                    const std::string value = value_of(entries[j]);
                    if (j != i && value != key) db.add_synonym(key, value);
                }
            }
        }
    }
}

CodebookLoad compile_codebook(const std::string& text, const std::string& file_name,
                              const Xapian::Database& db) {
    CodebookLoad load;
    CodebookParse parse = parse_codebook(text, file_name);
    load.errors = parse.errors;
    ResponseQueryParser parser(db);
    CompiledCodebook compiled{parse.codebook, text, {}, {}};
    auto compile = [&](const std::string& query, const SourceLocation& at, const char* what) {
        if (query.empty()) return Xapian::Query();
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
            SourceLocation where = at;  // the caret goes under the problem when the parser says where
            if (e.column() > 0) where.column += static_cast<int>(e.column()) - 1;
            load.errors.push_back({where, std::string(what) + " is not a valid query: " + e.problem(),
                                   locate_line(text, at.line)});
            return Xapian::Query();
        }
    };
    for (const Theme& theme : compiled.codebook.themes) {
        compiled.theme_queries.push_back(compile(theme.rule, theme.rule_at, "rule"));
    }
    for (const Group& group : compiled.codebook.groups) {
        compiled.cue_queries.push_back(compile(group.cue, group.cue_at, "cue"));
    }
    if (load.errors.empty()) load.compiled = std::move(compiled);
    return load;
}

CodebookLoad load_codebook(const std::string& path, const Xapian::Database& db) {
    CodebookLoad load;
    try {
        load = compile_codebook(read_utf8_file(path), path, db);
    } catch (const FileError& e) {
        load.errors.push_back({{path, 0, 0}, e.what(), ""});
        return load;
    }
    // Tagging with a codebook of nothing would silently take every rule's tags away.
    if (load.compiled && load.compiled->codebook.themes.empty() && load.compiled->codebook.groups.empty()) {
        load.errors.push_back({{path, 0, 0},
                               path + ": the codebook defines no themes and no groups (each theme starts with a "
                                      "line 'theme ID'; see the README's Codebook section)",
                               ""});
        load.compiled.reset();
    }
    return load;
}

RuleTagging::RuleTagging(const Codebook& codebook) : codebook_(codebook), group_order_(group_evaluation_order(codebook)) {
    for (const Theme& theme : codebook.themes) ancestors_.push_back(theme_ancestors(codebook, theme.id));
}

bool RuleTagging::apply(const std::vector<char>& matched, const std::vector<char>& cued, Response& response) const {
    std::vector<Tag> themes =
        merged(response.themes, theme_rule_tags(codebook_, matched, ancestors_, response), response.removed_themes);
    std::vector<Tag> groups =
        merged(response.groups, group_rule_tags(codebook_, group_order_, cued, response), response.removed_groups);
    if (themes == response.themes && groups == response.groups) return false;
    response.themes = std::move(themes);
    response.groups = std::move(groups);
    return true;
}

std::vector<Xapian::Query> rule_queries(const CompiledCodebook& compiled, const ResponseQueryParser& parser) {
    const Codebook& codebook = compiled.codebook;
    std::vector<Xapian::Query> queries;
    for (std::size_t i = 0; i < codebook.themes.size(); ++i)
        queries.push_back(parse_or_keep(parser, codebook.themes[i].rule, compiled.theme_queries[i]));
    for (std::size_t i = 0; i < codebook.groups.size(); ++i)
        queries.push_back(parse_or_keep(parser, codebook.groups[i].cue, compiled.cue_queries[i]));
    return queries;
}

TaggingSummary tag_responses(Xapian::WritableDatabase& db, const CompiledCodebook& compiled) {
    const StoreTagging tagged = tag_store(db, {}, &compiled);
    return {tagged.examined, tagged.changed};
}

StoreRules::StoreRules(Xapian::WritableDatabase& db, const CompiledCodebook& compiled, const Xapian::Database* same)
    : rules_(compiled.codebook) {
    store_synonyms(db, compiled.codebook.synonyms);
    const ResponseQueryParser parser(db);  // now sees the codebook's synonyms
    const std::vector<Xapian::Query> queries = rule_queries(compiled, parser);
    std::vector<std::vector<bool>> matches(queries.size());
    std::atomic<std::size_t> next{0};
    std::future<void> helper;
    if (same) {
        // The other thread matches copies of the queries on `same`: no Xapian
        // object is used by two threads.
        std::vector<std::string> serialised;
        for (const Xapian::Query& query : queries) serialised.push_back(query.serialise());
        helper = std::async(std::launch::async, [&matches, &next, same, serialised = std::move(serialised)] {
            for (std::size_t i = next++; i < matches.size(); i = next++) {
                matches[i] = matching(*same, Xapian::Query::unserialise(serialised[i]));
            }
        });
    }
    for (std::size_t i = next++; i < matches.size(); i = next++) matches[i] = matching(db, queries[i]);
    if (helper.valid()) helper.get();
    for (std::size_t i = 0; i < matches.size(); ++i) {
        (i < compiled.codebook.themes.size() ? theme_matches_ : cue_matches_).push_back(std::move(matches[i]));
    }
}

bool StoreRules::apply(Xapian::docid docid, Response& response) const {
    std::vector<char> matched(theme_matches_.size()), cued(cue_matches_.size());
    auto has = [docid](const std::vector<bool>& docs) { return docid < docs.size() && docs[docid]; };
    for (std::size_t i = 0; i < matched.size(); ++i) matched[i] = has(theme_matches_[i]);
    for (std::size_t i = 0; i < cued.size(); ++i) cued[i] = has(cue_matches_[i]);
    return rules_.apply(matched, cued, response);
}

std::optional<Codebook> stored_codebook(const Xapian::Database& db) {
    std::string text = db.get_metadata(schema::kCodebookKey);
    if (text.empty()) return std::nullopt;
    CodebookParse parse = parse_codebook(text, "(stored codebook)");
    return parse.codebook;
}

}  // namespace yousaid
