#include "analysis/attribute_rule.h"

#include <doctest/doctest.h>

namespace yousaid {
namespace {

TEST_CASE("attribute rules: written back in canonical form, showing precedence") {
    struct Case {
        const char* rule;
        const char* canonical;
    } cases[] = {
        {"age_band = 65-74", "age_band = 65-74"},
        {"  Carer=YES  ", "carer = YES"},
        {"gender != female", "gender != female"},
        {"age_band in (65-74, 75-84,85+)", "age_band in (65-74, 75-84, 85+)"},
        {"age_band IN(65-74)", "age_band in (65-74)"},
        {"ethnicity = \"White British\"", "ethnicity = \"White British\""},
        {"ethnicity in (\" Asian \", Other)", "ethnicity in (Asian, Other)"},
        {"a = 1 or b = 2 and c = 3", "a = 1 or b = 2 and c = 3"},
        {"(a = 1 or b = 2) and c = 3", "(a = 1 or b = 2) and c = 3"},
        {"not a = 1 and b = 2", "not a = 1 and b = 2"},
        {"not (a = 1 and b = 2)", "not (a = 1 and b = 2)"},
        {"NOT not a = 1", "not not a = 1"},
        {"a = 1 and (b = 2 and c = 3)", "a = 1 and (b = 2 and c = 3)"},
        {"notes = x", "notes = x"},  // a keyword only as a whole word
        {"a = 1 and_b = 2", nullptr},
    };
    for (const Case& c : cases) {
        const std::string rule = c.rule;
        CAPTURE(rule);
        const AttributeRuleParse parsed = parse_attribute_rule(rule);
        if (!c.canonical) {
            CHECK(parsed.rule == nullptr);
            continue;
        }
        REQUIRE(parsed.rule != nullptr);
        CHECK(parsed.error == "");
        CHECK(parsed.rule->text() == c.canonical);
    }
}

TEST_CASE("attribute rules: matching") {
    const std::map<std::string, std::string> person = {
        {"age_band", "75-84"}, {"lives_alone", " Yes "}, {"ethnicity", "White British"}, {"name", "\xC3\x89MILE"}};
    struct Case {
        const char* rule;
        bool matches;
    } cases[] = {
        {"age_band = 75-84", true},
        {"age_band = 65-74", false},
        {"lives_alone = yes", true},  // ignoring case, trimmed
        {"lives_alone != YES", false},
        {"carer = yes", false},       // a missing attribute equals nothing
        {"carer != yes", true},
        {"carer in (yes, no)", false},
        {"age_band in (65-74, 75-84, 85+) and lives_alone = yes", true},
        {"ethnicity = \"white british\"", true},
        {"name = \xC3\xA9mile", true},  // Unicode case folding
        {"age_band = 65-74 or lives_alone = yes and carer = yes", false},
        {"(age_band = 65-74 or lives_alone = yes) and carer != yes", true},
        {"not age_band = 75-84 or lives_alone = yes", true},
        {"not (age_band = 75-84 or lives_alone = yes)", false},
    };
    for (const Case& c : cases) {
        const std::string rule = c.rule;
        CAPTURE(rule);
        const AttributeRuleParse parsed = parse_attribute_rule(rule);
        REQUIRE(parsed.rule != nullptr);
        CHECK(parsed.rule->matches(person) == c.matches);
    }
}

TEST_CASE("attribute rules: errors say what was expected, and where") {
    struct Case {
        const char* rule;
        const char* error;
        std::size_t offset;
    } cases[] = {
        {"", "expected an attribute name", 0},
        {"   ", "expected an attribute name", 3},
        {"= yes", "expected an attribute name", 0},
        {"age_band", "expected \"=\", \"!=\" or \"in\" after the attribute name", 8},
        {"age_band yes", "expected \"=\", \"!=\" or \"in\" after the attribute name", 9},
        {"age_band = ", "expected a value", 11},
        {"age_band in 65-74", "expected \"(\" after \"in\"", 12},
        {"age_band in (65-74, )", "expected a value", 20},
        {"age_band in (65-74", "expected \",\" or \")\"", 18},
        {"a = \"open", "expected a closing quote", 9},
        {"a = 1 and", "expected an attribute name", 9},
        {"a = 1 or (b = 2", "expected \")\"", 15},
        {"not", "expected an attribute name", 3},
        {"a = 1 b = 2", "expected \"and\", \"or\" or the end of the rule", 6},
        {"a = 1)", "expected \"and\", \"or\" or the end of the rule", 5},
    };
    for (const Case& c : cases) {
        const std::string rule = c.rule;
        CAPTURE(rule);
        const AttributeRuleParse parsed = parse_attribute_rule(rule);
        CHECK(parsed.rule == nullptr);
        CHECK(parsed.error == c.error);
        CHECK(parsed.error_offset == c.offset);
    }
}

}  // namespace
}  // namespace yousaid
