#include "analysis/attribute_rule.h"

#include <doctest/doctest.h>

#include <optional>
#include <set>

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
        {"age>=65", "age >= 65"},
        {"age_band < 25 or age_band > 64.5 or age <= -1", "age_band < 25 or age_band > 64.5 or age <= -1"},
        {"IN-GROUP( working ) and not in-group(parent-under-5)", "in-group(working) and not in-group(parent-under-5)"},
        {"in-group(a) or (in-group(b) and x = 1)", "in-group(a) or in-group(b) and x = 1"},
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
        {"age_band >= 65", true},  // a band compares by its lower bound, 75
        {"age_band >= 75", true},
        {"age_band > 75", false},
        {"age_band <= 80", true},  // 75 <= 80, though the band runs to 84
        {"age_band < 75", false},
        {"carer >= 0", false},      // a missing attribute has no number
        {"not carer >= 0", true},
        {"lives_alone >= 0", false},  // nor has a word
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
        {"age_band", "expected \"=\", \"!=\", \"in\", \"<\", \"<=\", \">\" or \">=\" after the attribute name", 8},
        {"age_band yes", "expected \"=\", \"!=\", \"in\", \"<\", \"<=\", \">\" or \">=\" after the attribute name", 9},
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
        {"age >= old", "expected a number", 7},
        {"age >= 65+", "expected \"and\", \"or\" or the end of the rule", 9},
        {"age < 6x", "expected a number", 6},
        {"age >= ", "expected a number", 7},
        {"in-group working", "expected \"(\" after \"in-group\"", 9},
        {"in-group()", "expected a group id (lower case letters, digits and hyphens)", 9},
        {"in-group(a b)", "expected \")\" after the group id", 11},
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

TEST_CASE("attribute rules: numbers in attribute values, and age bands by their lower bound") {
    struct Case {
        const char* value;
        std::optional<double> number;
    } cases[] = {
        {"67", 67},           {" 67 ", 67},      {"2.5", 2.5},         {"-3", -3},
        {"65-74", 65},        {"65 - 74", 65},   {"65\xE2\x80\x93" "74", 65}, {"65 to 74", 65},
        {"85+", 85},          {"16-24", 16},     {"Under 18", std::nullopt}, {"65 or over", std::nullopt},
        {"", std::nullopt},   {"yes", std::nullopt}, {"65-", std::nullopt}, {"65-74-84", std::nullopt},
    };
    for (const Case& c : cases) {
        const std::string value = c.value;
        CAPTURE(value);
        CHECK(attribute_number(value) == c.number);
    }
}

TEST_CASE("attribute rules: in-group asks about the groups already decided, and names them") {
    const AttributeRuleParse parsed = parse_attribute_rule("in-group(working) and not in-group(retired)");
    REQUIRE(parsed.rule != nullptr);
    REQUIRE(parsed.groups.size() == 2);
    CHECK(parsed.groups[0].id == "working");
    CHECK(parsed.groups[0].offset == 9);
    CHECK(parsed.groups[1].id == "retired");
    CHECK(parsed.groups[1].offset == 35);
    std::set<std::string> in;
    auto member = [&](const std::string& id) { return in.count(id) > 0; };
    CHECK_FALSE(parsed.rule->matches({}, member));
    in = {"working"};
    CHECK(parsed.rule->matches({}, member));
    in = {"working", "retired"};
    CHECK_FALSE(parsed.rule->matches({}, member));
    CHECK_FALSE(parsed.rule->matches({}));  // no groups known: in-group is false
}

}  // namespace
}  // namespace yousaid
