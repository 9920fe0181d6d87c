#include <doctest/doctest.h>

#include "analysis/codebook.h"

namespace yousaid {
namespace {

std::string all_errors(const CodebookParse& parse) {
    std::string out;
    for (const Diagnostic& d : parse.errors) out += d.format();
    return out;
}

TEST_CASE("codebook: the README example") {
    const std::string text =
        "# Themes and groups, one block each. Indented lines belong to the block above.\n"
        "codebook: Caring Together themes\n"
        "version: 3\n"
        "\n"
        "theme closer-to-home\n"
        "  title: Care closer to home\n"
        "  description: Services delivered locally, in the community or at home.\n"
        "  rule: \"closer to home\" OR \"in the community\" OR local OR (travel NEAR hospital)\n"
        "\n"
        "group older-isolated\n"
        "  title: Isolated older people\n"
        "  when: age_band in (65-74, 75-84, 85+) and lives_alone = yes\n"
        "  cue: lonely OR isolated OR \"on my own\"\n"
        "  label: Isolated older person\n";
    const CodebookParse parse = parse_codebook(text, "cb.txt");
    CHECK(all_errors(parse) == "");
    const Codebook& cb = parse.codebook;
    CHECK(cb.name == "Caring Together themes");
    CHECK(cb.version == "3");
    REQUIRE(cb.themes.size() == 1);
    const Theme& theme = cb.themes[0];
    CHECK(theme.id == "closer-to-home");
    CHECK(theme.title == "Care closer to home");
    CHECK(theme.description == "Services delivered locally, in the community or at home.");
    CHECK(theme.rule == "\"closer to home\" OR \"in the community\" OR local OR (travel NEAR hospital)");
    CHECK(theme.rule_at.file == "cb.txt");
    CHECK(theme.rule_at.line == 8);
    CHECK(theme.rule_at.column == 9);
    REQUIRE(cb.groups.size() == 1);
    const Group& group = cb.groups[0];
    CHECK(group.id == "older-isolated");
    CHECK(group.title == "Isolated older people");
    REQUIRE(group.when != nullptr);
    CHECK(group.when->text() == "age_band in (65-74, 75-84, 85+) and lives_alone = yes");
    CHECK(group.when->matches({{"age_band", "85+"}, {"lives_alone", "Yes"}}));
    CHECK(group.cue == "lonely OR isolated OR \"on my own\"");
    CHECK(group.cue_at.line == 13);
    CHECK(group.cue_at.column == 8);
    CHECK(group.label == "Isolated older person");
}

TEST_CASE("codebook: continuation lines, comments and optional parts") {
    const std::string text =
        "\xEF\xBB\xBFtheme transport\r\n"
        "    title: Transport\r\n"
        "    rule:\r\n"
        "      bus OR\r\n"
        "\r\n"
        "      # a comment inside a block\r\n"
        "        \"community transport\"\r\n"
        "  description: Getting there\r\n"
        "group carers\r\n"
        "  title: Carers\r\n"
        "  when: carer = yes or\r\n"
        "        not working_status = \"full time\"\r\n"
        "group inferred\r\n"
        "  title: Only a cue\r\n"
        "  cue: carer*\r\n";
    const CodebookParse parse = parse_codebook(text, "cb.txt");
    CHECK(all_errors(parse) == "");
    REQUIRE(parse.codebook.themes.size() == 1);
    const Theme& theme = parse.codebook.themes[0];
    CHECK(theme.rule == "bus OR \"community transport\"");
    CHECK(theme.rule_at.line == 4);  // the value starts on the continuation line
    CHECK(theme.rule_at.column == 7);
    CHECK(theme.description == "Getting there");
    REQUIRE(parse.codebook.groups.size() == 2);
    CHECK(parse.codebook.groups[0].when->text() == "carer = yes or not working_status = \"full time\"");
    CHECK(parse.codebook.groups[0].cue == "");
    CHECK(parse.codebook.groups[1].when == nullptr);
    CHECK(parse.codebook.groups[1].cue == "carer*");
    CHECK(parse.codebook.groups[1].label == "");  // optional
}

TEST_CASE("codebook: errors, each with its whole message") {
    struct Case {
        const char* text;
        const char* errors;
    } cases[] = {
        {"theme a\n  title: A\n  rule: x\n  cue: y\n",
         "cb.txt:4:3: error: unknown theme property \"cue\": expected title, description, example, parent or rule\n"
         "      cue: y\n"
         "      ^\n"},
        {"group g\n  title: G\n  rule: x\n    more of it\n  cue: y\n",
         "cb.txt:3:3: error: unknown group property \"rule\": expected title, description, when, cue or label\n"
         "      rule: x\n"
         "      ^\n"},
        {"theme a\n  rule: x\n",
         "cb.txt:1:1: error: theme \"a\" has no title\n"
         "    theme a\n"
         "    ^\n"},
        {"theme a\n  title: A\n  rule:\n",
         "cb.txt:1:1: error: theme \"a\" has no rule (only a parent theme may go without one)\n"
         "    theme a\n"
         "    ^\n"},
        {"group g\n  title: G\n  description: no rule\n",
         "cb.txt:1:1: error: group \"g\" needs a \"when\" or a \"cue\"\n"
         "    group g\n"
         "    ^\n"},
        {"theme a\n  title: A\n  rule: x\ntheme a\n  title: B\n  rule: y\n",
         "cb.txt:4:7: error: duplicate theme id \"a\" (first defined at line 1)\n"
         "    theme a\n"
         "          ^\n"},
        {"theme Closer_Home\n  title: A\n  rule: x\n",
         "cb.txt:1:7: error: bad theme id \"Closer_Home\": use lower case letters, digits and hyphens\n"
         "    theme Closer_Home\n"
         "          ^\n"},
        {"group\n  title: A\n  cue: x\n",
         "cb.txt:1:6: error: expected an id after \"group\"\n"
         "    group\n"
         "         ^\n"},
        {"  title: A\ntheme a\n  title: A\n  rule: x\n",
         "cb.txt:1:3: error: property outside a block (open one with \"theme ID\" or \"group ID\")\n"
         "      title: A\n"
         "      ^\n"},
        {"theme a\ntitle: A\n  rule: x\n",
         "cb.txt:2:1: error: property \"title\" must be indented under its theme or group\n"
         "    title: A\n"
         "    ^\n"
         "cb.txt:1:1: error: theme \"a\" has no title\n"
         "    theme a\n"
         "    ^\n"},
        {"name: Mine\ntheme a\n  title: A\n  rule: x\n",
         "cb.txt:1:1: error: unknown header key \"name\": expected codebook, version or synonyms\n"
         "    name: Mine\n"
         "    ^\n"},
        {"theme a\n  title: A\n  rule: x\nversion: 2\n",
         "cb.txt:4:1: error: \"version:\" must come before the first theme or group\n"
         "    version: 2\n"
         "    ^\n"},
        {"Theme a\n",
         "cb.txt:1:1: error: expected \"codebook: NAME\", \"version: N\", \"synonyms: A, B\", \"theme ID\" or \"group ID\"\n"
         "    Theme a\n"
         "    ^\n"},
        {"theme a\n  title: A\n  rule: x\n  just words\n",
         "cb.txt:4:3: error: expected \"name: value\"\n"
         "      just words\n"
         "      ^\n"},
        {"theme a\n  title: A\n  title: B\n  rule: x\n",
         "cb.txt:3:3: error: duplicate property \"title\" (first set at line 2)\n"
         "      title: B\n"
         "      ^\n"},
        {"group g\n  title: G\n  when: age_band in (65-74 75-84)\n",
         "cb.txt:3:28: error: bad attribute rule: expected \",\" or \")\"\n"
         "      when: age_band in (65-74 75-84)\n"
         "                               ^\n"},
        {"group g\n  title: G\n  when: carer = yes and\n    lives_alone yes\n",
         "cb.txt:4:17: error: bad attribute rule: expected \"=\", \"!=\", \"in\", \"<\", \"<=\", \">\" or \">=\" after the attribute name\n"
         "        lives_alone yes\n"
         "                    ^\n"},
        {"group g\n  title: G\n  when: carer =\n",
         "cb.txt:3:16: error: bad attribute rule: expected a value\n"
         "      when: carer =\n"
         "                   ^\n"},
    };
    for (const Case& c : cases) {
        const std::string text = c.text;
        CAPTURE(text);
        const CodebookParse parse = parse_codebook(text, "cb.txt");
        CHECK(all_errors(parse) == c.errors);
    }
}

TEST_CASE("codebook: synonyms, nested themes, examples, numeric ranges and composite groups") {
    const std::string text =
        "codebook: Caring Together themes\n"
        "synonyms: GP, doctor, surgery\n"
        "synonyms: A&E, emergency department,\n"
        "  casualty\n"
        "\n"
        "theme gp-booking\n"
        "  title: GP appointment booking\n"
        "  parent: gp-access\n"
        "  example: I ring at 8am and all the appointments have gone.\n"
        "  example: The online booking\n"
        "    never has a slot.\n"
        "  rule: \"ring at 8\" OR booking\n"
        "\n"
        "theme gp-access\n"
        "  title: GP access\n"
        "  description: Getting to see a GP.\n"
        "  rule: doctor\n"
        "\n"
        "theme access\n"
        "  title: Access to services\n"
        "\n"
        "theme a-and-e\n"
        "  title: A&E\n"
        "  parent: access\n"
        "  rule: casualty\n"
        "\n"
        "synonyms: discharge, sent home\n"
        "group working-parents\n"
        "  title: Working parents\n"
        "  when: in-group(working) and in-group(parents)\n"
        "group working\n"
        "  title: In work\n"
        "  when: working_status in (employed, self-employed)\n"
        "group parents\n"
        "  title: Parents of under-fives\n"
        "  when: parent_under_5 = yes\n"
        "group older-isolated\n"
        "  title: Isolated older people\n"
        "  when: age_band >= 65 and lives_alone = yes\n";
    const CodebookParse parse = parse_codebook(text, "cb.txt");
    CHECK(all_errors(parse) == "");
    const Codebook& cb = parse.codebook;
    REQUIRE(cb.synonyms.size() == 3);
    CHECK(cb.synonyms[0].entries == std::vector<std::string>{"GP", "doctor", "surgery"});
    CHECK(cb.synonyms[0].at.line == 2);
    CHECK(cb.synonyms[0].at.column == 11);
    CHECK(cb.synonyms[1].entries == std::vector<std::string>{"A&E", "emergency department", "casualty"});
    CHECK(cb.synonyms[2].entries == std::vector<std::string>{"discharge", "sent home"});

    REQUIRE(cb.themes.size() == 4);  // in file order, a child before its parent
    CHECK(cb.themes[0].id == "gp-booking");
    CHECK(cb.themes[0].parent == "gp-access");
    CHECK(cb.themes[0].examples ==
          std::vector<std::string>{"I ring at 8am and all the appointments have gone.",
                                   "The online booking never has a slot."});
    CHECK(cb.themes[1].id == "gp-access");
    CHECK(cb.themes[1].parent == "");
    CHECK(cb.themes[1].description == "Getting to see a GP.");
    CHECK(cb.themes[2].id == "access");
    CHECK(cb.themes[2].rule == "");  // a parent may gather its children alone
    CHECK(cb.themes[3].parent == "access");
    CHECK(theme_ancestors(cb, "gp-booking") == std::vector<std::string>{"gp-access"});
    CHECK(theme_ancestors(cb, "gp-access").empty());

    REQUIRE(cb.groups.size() == 4);
    CHECK(cb.groups[0].when->text() == "in-group(working) and in-group(parents)");
    CHECK(cb.groups[0].uses == std::vector<std::string>{"working", "parents"});
    CHECK(cb.groups[3].when->text() == "age_band >= 65 and lives_alone = yes");
    // The composite comes after the groups it uses.
    CHECK(group_evaluation_order(cb) == std::vector<std::size_t>{1, 2, 0, 3});
}

TEST_CASE("codebook: errors in synonyms, parents and group references, with whole messages") {
    struct Case {
        const char* text;
        const char* errors;
    } cases[] = {
        {"theme a\n  title: A\n  parent: nowhere\n  rule: x\n",
         "cb.txt:3:11: error: unknown parent theme \"nowhere\"\n"
         "      parent: nowhere\n"
         "              ^\n"},
        {"theme a\n  title: A\n  parent: b\n  rule: x\ntheme b\n  title: B\n  parent: a\n  rule: y\n",
         "cb.txt:7:11: error: parent themes form a cycle: a -> b -> a\n"
         "      parent: a\n"
         "              ^\n"},
        {"theme a\n  title: A\n  parent: a\n  rule: x\n",
         "cb.txt:3:11: error: parent themes form a cycle: a -> a\n"
         "      parent: a\n"
         "              ^\n"},
        {"theme top\n  title: T\n  rule: t\n"
         "theme a\n  title: A\n  parent: c\n  rule: x\n"
         "theme b\n  title: B\n  parent: a\n  rule: y\n"
         "theme c\n  title: C\n  parent: b\n  rule: z\n",
         "cb.txt:10:11: error: parent themes form a cycle: a -> c -> b -> a\n"
         "      parent: a\n"
         "              ^\n"},
        {"theme a\n  title: A\n  parent: b\n  parent: c\n  rule: x\n",
         "cb.txt:4:3: error: duplicate property \"parent\" (first set at line 3)\n"
         "      parent: c\n"
         "      ^\n"
         "cb.txt:3:11: error: unknown parent theme \"b\"\n"
         "      parent: b\n"
         "              ^\n"},
        {"group a\n  title: A\n  when: in-group(b) or carer = yes\n",
         "cb.txt:3:18: error: unknown group \"b\" in in-group()\n"
         "      when: in-group(b) or carer = yes\n"
         "                     ^\n"},
        {"group a\n  title: A\n  when: carer = yes and\n    in-group(b)\n"
         "group b\n  title: B\n  when: not in-group(a)\n",
         "cb.txt:7:22: error: groups form a cycle through in-group(): a -> b -> a\n"
         "      when: not in-group(a)\n"
         "                         ^\n"},
        {"group a\n  title: A\n  when: in-group(a)\n",
         "cb.txt:3:18: error: groups form a cycle through in-group(): a -> a\n"
         "      when: in-group(a)\n"
         "                     ^\n"},
        {"group a\n  title: A\n  when: in-group(Working)\n",
         "cb.txt:3:18: error: bad attribute rule: expected a group id (lower case letters, digits and hyphens)\n"
         "      when: in-group(Working)\n"
         "                     ^\n"},
        {"group a\n  title: A\n  when: age_band >= old\n",
         "cb.txt:3:21: error: bad attribute rule: expected a number\n"
         "      when: age_band >= old\n"
         "                        ^\n"},
        {"synonyms: GP\n",
         "cb.txt:1:11: error: a synonym list needs two or more entries, separated by commas\n"
         "    synonyms: GP\n"
         "              ^\n"},
        {"synonyms:\n",
         "cb.txt:1:1: error: a synonym list needs two or more entries, separated by commas\n"},
        {"synonyms: GP, , doctor\n",
         "cb.txt:1:15: error: empty entry in the synonym list\n"
         "    synonyms: GP, , doctor\n"
         "                  ^\n"},
        {"synonyms: GP, doctor,\n",
         "cb.txt:1:22: error: empty entry in the synonym list\n"
         "    synonyms: GP, doctor,\n"
         "                         ^\n"},
        {"synonyms: GP, --\n",
         "cb.txt:1:15: error: synonym \"--\" has no letters or digits\n"
         "    synonyms: GP, --\n"
         "                  ^\n"},
        {"synonyms: GP, doctor\nsynonyms: surgery,   Doctor\n",
         "cb.txt:2:22: error: \"Doctor\" is already in a synonym list (line 1)\n"
         "    synonyms: surgery,   Doctor\n"
         "                         ^\n"},
        {"theme a\n  title: A\n  rule: x\n  synonyms: GP, doctor\n",
         "cb.txt:4:3: error: unknown theme property \"synonyms\": expected title, description, example, parent or "
         "rule\n"
         "      synonyms: GP, doctor\n"
         "      ^\n"},
        {"synonyms: GP, doctor\ntheme a\n  title: A\n  rule: x\nsynonyms: A&E, casualty\nversion: 2\n",
         "cb.txt:6:1: error: \"version:\" must come before the first theme or group\n"
         "    version: 2\n"
         "    ^\n"},
    };
    for (const Case& c : cases) {
        const std::string text = c.text;
        CAPTURE(text);
        const CodebookParse parse = parse_codebook(text, "cb.txt");
        CHECK(all_errors(parse) == c.errors);
    }
}

TEST_CASE("codebook: a synonyms line ends the block above it") {
    const CodebookParse parse =
        parse_codebook("theme a\n  title: A\n  rule: x\nsynonyms: GP, doctor\n  title: B\n", "cb.txt");
    CHECK(all_errors(parse) == "");  // the indented line continues the list
    REQUIRE(parse.codebook.synonyms.size() == 1);
    CHECK(parse.codebook.synonyms[0].entries == std::vector<std::string>{"GP", "doctor title: B"});
    REQUIRE(parse.codebook.themes.size() == 1);
    CHECK(parse.codebook.themes[0].title == "A");
}

TEST_CASE("codebook: every error is reported, and good blocks are kept") {
    const std::string text =
        "theme good\n  title: Good\n  rule: x\n"
        "theme bad\n  rule: x\n"
        "group g\n  title: G\n  when: a =\n"
        "group h\n  title: H\n  cue: y\n";
    const CodebookParse parse = parse_codebook(text, "cb.txt");
    CHECK(parse.errors.size() == 2);
    CHECK(parse.codebook.themes.size() == 1);
    REQUIRE(parse.codebook.groups.size() == 1);
    CHECK(parse.codebook.groups[0].id == "h");
}

}  // namespace
}  // namespace yousaid
