#pragma once
// Attribute rules, the `when` of a codebook group (README "Codebook"):
//   rule       = or_rule
//   or_rule    = and_rule { "or" and_rule }
//   and_rule   = not_rule { "and" not_rule }
//   not_rule   = "not" not_rule | "(" or_rule ")" | comparison
//   comparison = name "=" value | name "!=" value | name "in" "(" value { "," value } ")"
// so `not` binds tighter than `and`, and `and` tighter than `or`. Keywords are
// whole words in any case. A name is letters, digits and underscores (compared in
// lower case, as attributes are named in snake_case). A value is a run of
// characters other than spaces, `(`, `)`, `,`, `=` and `"`, or any text in double
// quotes ("White British"). Values are trimmed and compare ignoring case (Unicode
// case folding); a missing attribute equals nothing, so `x != v` holds.
#include <cstddef>
#include <memory>
#include <string>

#include "analysis/codebook.h"

namespace yousaid {

struct AttributeRuleParse {
    std::shared_ptr<const AttributeRule> rule;  // null when the text is not a rule
    std::string error;                          // "expected ...", empty when the rule is good
    std::size_t error_offset = 0;               // byte offset in the text of the problem
};

AttributeRuleParse parse_attribute_rule(const std::string& text);

}  // namespace yousaid
