#pragma once
// Attribute rules, the `when` of a codebook group (README "Codebook"):
//   rule       = or_rule
//   or_rule    = and_rule { "or" and_rule }
//   and_rule   = not_rule { "and" not_rule }
//   not_rule   = "not" not_rule | "(" or_rule ")" | membership | comparison
//   membership = "in-group" "(" group-id ")"
//   comparison = name "=" value | name "!=" value | name "in" "(" value { "," value } ")"
//              | name ( "<" | "<=" | ">" | ">=" ) number
// so `not` binds tighter than `and`, and `and` tighter than `or`. Keywords are
// whole words in any case. A name is letters, digits and underscores (compared in
// lower case, as attributes are named in snake_case). A value is a run of
// characters other than spaces, `(`, `)`, `,`, `=` and `"`, or any text in double
// quotes ("White British"). Values are trimmed and compare ignoring case (Unicode
// case folding); a missing attribute equals nothing, so `x != v` holds.
// A number is digits with an optional sign and decimal part (`65`, `-1`, `2.5`).
// A numeric comparison reads the attribute's value as a number: `67` is 67, and
// an age band's lower bound stands for it: `65-74` (also `65 - 74`, `65–74`,
// `65 to 74`) is 65 and `85+` is 85. Any other value, or none, fails every
// numeric comparison (so `age_band >= 65` is false for "Under 18" and for a
// missing band, and `not age_band >= 65` true).
// A group id is lower case letters, digits and hyphens; whether it names a group,
// and cycles among groups, are the codebook parser's to check.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/codebook.h"

namespace yousaid {

struct GroupReference {
    std::string id;
    std::size_t offset = 0;  // byte offset in the text of the id
};

struct AttributeRuleParse {
    std::shared_ptr<const AttributeRule> rule;  // null when the text is not a rule
    std::string error;                          // "expected ...", empty when the rule is good
    std::size_t error_offset = 0;               // byte offset in the text of the problem
    std::vector<GroupReference> groups;         // every `in-group(ID)`, in order
};

AttributeRuleParse parse_attribute_rule(const std::string& text);

// The number an attribute value stands for in a numeric comparison (see above),
// or nullopt when it has none.
std::optional<double> attribute_number(const std::string& value);

}  // namespace yousaid
