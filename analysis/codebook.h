#pragma once
// The codebook: synonym lists, themes (possibly nested) with a text rule, and
// seldom-heard groups with an attribute rule and/or a text cue (format in
// README "Codebook").
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ingest/diagnostic.h"

namespace yousaid {

// A rule on a response's attributes and the groups it is already in:
// `age_band >= 65 and lives_alone = yes`, `in-group(working) and in-group(parent)`.
// Values compare ignoring case; a missing attribute equals nothing (so `x != v` holds)
// and has no number (so `x >= 1` does not hold).
class AttributeRule {
public:
    // Answers `in-group(ID)`: whether the response is in group ID.
    using GroupTest = std::function<bool(const std::string& id)>;

    virtual ~AttributeRule() = default;
    // `in_group` may be null when the rule names no group (in-group is then false).
    bool matches(const std::map<std::string, std::string>& attributes, const GroupTest& in_group = nullptr) const {
        return evaluate(attributes, in_group);
    }
    // The rule written back in canonical form, for messages and the report's method section.
    virtual std::string text() const = 0;

protected:
    virtual bool evaluate(const std::map<std::string, std::string>& attributes, const GroupTest& in_group) const = 0;
};

// Words and phrases that mean the same here ("GP, doctor, surgery"); each
// expands to the others in rules, cues and search (see tag_responses).
struct SynonymList {
    std::vector<std::string> entries;  // as written, trimmed; two or more
    SourceLocation at;                 // where the list's value starts
};

struct Theme {
    std::string id;            // lower case letters, digits, hyphens
    std::string title;
    std::string description;
    std::vector<std::string> examples;  // `example:` lines, in order (for the report)
    std::string parent;        // the id of the theme this one rolls up into; empty at the top
    std::string rule;          // Xapian query syntax; empty only for a parent that gathers its children
    SourceLocation rule_at;    // where the rule's value starts, for query errors
};

struct Group {
    std::string id;
    std::string title;
    std::string description;
    std::shared_ptr<const AttributeRule> when;  // null when the group has no attribute rule
    std::vector<std::string> uses;              // groups named by `in-group(ID)` in `when`, each once
    std::string cue;                            // Xapian query syntax; empty when none
    SourceLocation cue_at;
    std::string label;                          // one member, for quote attributions: "Carer"; may be empty
};

// A parsed codebook has unique ids, parents that exist and no cycles among
// parents or among `in-group` references.
struct Codebook {
    std::string name;
    std::string version;
    std::vector<SynonymList> synonyms;
    std::vector<Theme> themes;  // in file order
    std::vector<Group> groups;  // in file order
};

struct CodebookParse {
    Codebook codebook;
    std::vector<Diagnostic> errors;  // empty when the codebook is good
};

// Parses the whole text; reports every error found (unknown property, missing
// title or rule, duplicate id, unknown parent or group, cycle, bad attribute
// rule, bad synonym list), not only the first.
CodebookParse parse_codebook(const std::string& text, const std::string& file_name);

// The theme's ancestors, nearest first; empty for a top-level or unknown theme.
std::vector<std::string> theme_ancestors(const Codebook& codebook, const std::string& theme_id);

// The groups in an order where every group comes after the groups its `when` uses
// (file order otherwise), as indexes into codebook.groups.
std::vector<std::size_t> group_evaluation_order(const Codebook& codebook);

}  // namespace yousaid
