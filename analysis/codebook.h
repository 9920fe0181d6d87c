#pragma once
// The codebook: themes with a text rule, seldom-heard groups with an attribute
// rule and/or a text cue (format in README "Codebook").
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ingest/diagnostic.h"

namespace yousaid {

// A rule on a response's attributes: `age_band in (65-74, 75-84) and lives_alone = yes`.
// Values compare ignoring case; a missing attribute equals nothing (so `x != v` holds).
class AttributeRule {
public:
    virtual ~AttributeRule() = default;
    virtual bool matches(const std::map<std::string, std::string>& attributes) const = 0;
    // The rule written back in canonical form, for messages and the report's method section.
    virtual std::string text() const = 0;
};

struct Theme {
    std::string id;            // lower case letters, digits, hyphens
    std::string title;
    std::string description;
    std::string rule;          // Xapian query syntax
    SourceLocation rule_at;    // where the rule's value starts, for query errors
};

struct Group {
    std::string id;
    std::string title;
    std::string description;
    std::shared_ptr<const AttributeRule> when;  // null when the group has no attribute rule
    std::string cue;                            // Xapian query syntax; empty when none
    SourceLocation cue_at;
};

struct Codebook {
    std::string name;
    std::string version;
    std::vector<Theme> themes;
    std::vector<Group> groups;
};

struct CodebookParse {
    Codebook codebook;
    std::vector<Diagnostic> errors;  // empty when the codebook is good
};

// Parses the whole text; reports every error found (unknown property, missing
// title or rule, duplicate id, bad attribute rule), not only the first.
CodebookParse parse_codebook(const std::string& text, const std::string& file_name);

}  // namespace yousaid
