#include "templates/template_parser.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace yousaid::templates {
namespace {

const TextItem& text_at(const TemplateSection& section, std::size_t i) {
    REQUIRE(i < section.items.size());
    REQUIRE(std::holds_alternative<TextItem>(section.items[i]));
    return std::get<TextItem>(section.items[i]);
}

const BlockItem& block_at(const TemplateSection& section, std::size_t i) {
    REQUIRE(i < section.items.size());
    REQUIRE(std::holds_alternative<BlockItem>(section.items[i]));
    return std::get<BlockItem>(section.items[i]);
}

std::map<std::string, std::string> field_texts(const ReportTemplate& t) {
    std::map<std::string, std::string> out;
    for (const auto& [key, value] : t.fields) out[key] = value.text;
    return out;
}

// "name@line:column" for each placeholder, in order.
std::vector<std::string> placed(const TemplateText& text) {
    std::vector<std::string> out;
    for (const Placeholder& p : text.placeholders) {
        out.push_back(p.name + "@" + std::to_string(p.where.line) + ":" + std::to_string(p.where.column));
    }
    return out;
}

std::string all_errors(const TemplateParse& parse) {
    std::string out;
    for (const Diagnostic& d : parse.errors) out += d.format();
    return out;
}

const char* const kGood =
    "# A comment line starts with '#'.\n"
    "title: You said, we did\n"
    "subtitle: What people told us\n"
    "programme: Caring Together in Eastern Cheshire\n"
    "author: NHS Eastern Cheshire CCG\n"
    "date: August 2014\n"
    "\n"
    "section: Who we heard from\n"
    "Between {{first_date}} and {{last_date}} we heard {{responses}} responses at\n"
    "  {{events}} events and through {{channels}} channels.\n"
    "\n"
    "Second paragraph, £5 and café.\n"
    "[reach channel]\n"
    "  [ reach   event ]  \n"
    "\n"
    "section: You said, we did\n"
    "# comments do not end a paragraph\n"
    "One\n"
    "# here either\n"
    "two.\n"
    "[you-said-we-did]\n"
    "[crosstab theme_x group-2]\n";

TEST_CASE("a good template gives its cover fields, sections, paragraphs and blocks") {
    TemplateParse parse = parse_template(kGood, "good.tmpl");
    CHECK(all_errors(parse) == "");
    const ReportTemplate& t = parse.report_template;
    CHECK(field_texts(t) == std::map<std::string, std::string>{
                          {"title", "You said, we did"},
                          {"subtitle", "What people told us"},
                          {"programme", "Caring Together in Eastern Cheshire"},
                          {"author", "NHS Eastern Cheshire CCG"},
                          {"date", "August 2014"}});
    REQUIRE(t.sections.size() == 2);

    const TemplateSection& who = t.sections[0];
    CHECK(who.heading.text == "Who we heard from");
    REQUIRE(who.items.size() == 4);
    CHECK(text_at(who, 0).text ==
          "Between {{first_date}} and {{last_date}} we heard {{responses}} responses at "
          "{{events}} events and through {{channels}} channels.");
    CHECK(text_at(who, 0).line == 9);
    CHECK(text_at(who, 1).text == "Second paragraph, £5 and café.");
    CHECK(text_at(who, 1).line == 12);
    CHECK(block_at(who, 2).name == "reach");
    CHECK(block_at(who, 2).arguments == std::vector<std::string>{"channel"});
    CHECK(block_at(who, 2).where.file == "good.tmpl");
    CHECK(block_at(who, 2).where.line == 13);
    CHECK(block_at(who, 2).where.column == 1);
    CHECK(block_at(who, 3).arguments == std::vector<std::string>{"event"});
    CHECK(block_at(who, 3).where.line == 14);
    CHECK(block_at(who, 3).where.column == 3);

    const TemplateSection& said = t.sections[1];
    CHECK(said.heading.text == "You said, we did");
    REQUIRE(said.items.size() == 3);
    CHECK(text_at(said, 0).text == "One two.");
    CHECK(block_at(said, 1).name == "you-said-we-did");
    CHECK(block_at(said, 1).arguments.empty());
    CHECK(block_at(said, 2).name == "crosstab");
    CHECK(block_at(said, 2).arguments == std::vector<std::string>{"theme_x", "group-2"});
}

TEST_CASE("each placeholder is kept with the place of its {{, in paragraphs, headings and cover fields") {
    TemplateParse parse = parse_template(
        "title: {{programme}} report\n"
        "date:   {{last_date}}\n"
        "section: Heard from {{respondents}} people\n"
        "  We heard {{responses}} responses\n"
        "# a comment between the lines\n"
        "\tfrom {{respondents}} people and “{{x}}”.\n",
        "p.tmpl");
    CHECK(all_errors(parse) == "");
    const ReportTemplate& t = parse.report_template;
    CHECK(placed(t.fields.at("title")) == std::vector<std::string>{"programme@1:8"});
    CHECK(placed(t.fields.at("date")) == std::vector<std::string>{"last_date@2:9"});
    REQUIRE(t.sections.size() == 1);
    CHECK(placed(t.sections[0].heading) == std::vector<std::string>{"respondents@3:21"});
    const TextItem& paragraph = text_at(t.sections[0], 0);
    CHECK(paragraph.text == "We heard {{responses}} responses from {{respondents}} people and “{{x}}”.");
    CHECK(placed(paragraph) == std::vector<std::string>{"responses@4:12", "respondents@6:7", "x@6:35"});
    CHECK(paragraph.placeholders[0].where.file == "p.tmpl");
}

TEST_CASE("a block call keeps where its name and each argument start") {
    TemplateParse parse = parse_template("section: S\n  [ chart  crosstab theme\tattribute:age_band ]\n", "b.tmpl");
    CHECK(all_errors(parse) == "");
    const BlockItem& block = block_at(parse.report_template.sections[0], 0);
    CHECK(block.name == "chart");
    CHECK(block.arguments == std::vector<std::string>{"crosstab", "theme", "attribute:age_band"});
    CHECK(block.where.column == 3);
    CHECK(block.name_at.line == 2);
    CHECK(block.name_at.column == 5);
    REQUIRE(block.arguments_at.size() == 3);
    CHECK(block.arguments_at[0].column == 12);
    CHECK(block.arguments_at[1].column == 21);
    CHECK(block.arguments_at[2].column == 27);
}

TEST_CASE("CRLF line ends and a byte order mark read the same as LF") {
    std::string crlf;
    for (const char* p = kGood; *p != '\0'; ++p) {
        if (*p == '\n') crlf += '\r';
        crlf += *p;
    }
    TemplateParse lf = parse_template(kGood, "good.tmpl");
    TemplateParse dos = parse_template("\xEF\xBB\xBF" + crlf, "good.tmpl");
    CHECK(all_errors(dos) == "");
    CHECK(field_texts(dos.report_template) == field_texts(lf.report_template));
    REQUIRE(dos.report_template.sections.size() == 2);
    CHECK(text_at(dos.report_template.sections[0], 0).text ==
          text_at(lf.report_template.sections[0], 0).text);
    CHECK(block_at(dos.report_template.sections[1], 2).arguments ==
          std::vector<std::string>{"theme_x", "group-2"});
}

TEST_CASE("bad templates are reported at the line and column of the problem") {
    struct Case {
        const char* name;
        const char* text;
        const char* error;
    };
    const Case cases[] = {
        {"unknown cover key", "title: T\nsubtitel: S\nsection: A\n",
         "bad.tmpl:2:1: error: unknown cover field \"subtitel\" (expected title, subtitle, "
         "programme, author or date)\n"
         "    subtitel: S\n"
         "    ^\n"},
        {"text before the first section", "title: T\nHello there\nsection: A\n",
         "bad.tmpl:2:1: error: expected a cover field (\"key: value\") or \"section: Heading\" "
         "before the first section\n"
         "    Hello there\n"
         "    ^\n"},
        {"cover field without a value", "date:   \nsection: A\n",
         "bad.tmpl:1:1: error: cover field \"date\" has no value\n"
         "    date:   \n"
         "    ^\n"},
        {"cover field twice", "title: A\ntitle: B\nsection: A\n",
         "bad.tmpl:2:1: error: cover field \"title\" is given twice\n"
         "    title: B\n"
         "    ^\n"},
        {"section without a heading", "section:\n",
         "bad.tmpl:1:1: error: a section needs a heading: \"section: Heading\"\n"
         "    section:\n"
         "    ^\n"},
        {"block not closed", "section: A\n[reach channel\n",
         "bad.tmpl:2:15: error: expected ']' to close the block call\n"
         "    [reach channel\n"
         "                  ^\n"},
        {"block with a bad character", "section: A\n  [reach chan!nel]\n",
         "bad.tmpl:2:14: error: unexpected '!' in block call (names and arguments are letters, "
         "digits, hyphens, underscores and colons)\n"
         "      [reach chan!nel]\n"
         "                 ^\n"},
        {"block with a non-ASCII character", "section: A\n[réach]\n",
         "bad.tmpl:2:3: error: unexpected 'é' in block call (names and arguments are letters, "
         "digits, hyphens, underscores and colons)\n"
         "    [réach]\n"
         "      ^\n"},
        {"block without a name", "section: A\n[ ]\n",
         "bad.tmpl:2:3: error: a block call needs a name: [name argument ...]\n"
         "    [ ]\n"
         "      ^\n"},
        {"text after a block", "section: A\n[themes] please\n",
         "bad.tmpl:2:10: error: unexpected text after the block call's ']'\n"
         "    [themes] please\n"
         "             ^\n"},
        {"unclosed placeholder", "section: A\nWe heard {{responses from\n",
         "bad.tmpl:2:10: error: placeholder is not closed: \"{{\" needs \"}}\" on the same line\n"
         "    We heard {{responses from\n"
         "             ^\n"},
        {"placeholder closed on the next line", "section: A\nWe heard {{responses\n}} people\n",
         "bad.tmpl:2:10: error: placeholder is not closed: \"{{\" needs \"}}\" on the same line\n"
         "    We heard {{responses\n"
         "             ^\n"},
        {"placeholder with a bad name", "section: A\n“Quoted” {{ first date }} here\n",
         "bad.tmpl:2:10: error: placeholder \"{{ first date }}\" needs a name of letters, digits "
         "and underscores, like {{responses}}\n"
         "    “Quoted” {{ first date }} here\n"
         "             ^\n"},
        {"no sections", "# nothing\ntitle: T\n",
         "bad.tmpl:3:1: error: the template has no sections (a section starts with \"section: "
         "Heading\")\n"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        TemplateParse parse = parse_template(c.text, "bad.tmpl");
        CHECK(all_errors(parse) == c.error);
    }
}

TEST_CASE("every error in a template is reported, and good lines are still read") {
    TemplateParse parse = parse_template(
        "colour: blue\n"
        "section: One\n"
        "[themes\n"
        "Fine text {{x}} and {{bad and {{y z}}.\n"
        "[reach group]\n",
        "bad.tmpl");
    REQUIRE(parse.errors.size() == 3);
    CHECK(parse.errors[0].headline() ==
          "bad.tmpl:1:1: error: unknown cover field \"colour\" (expected title, subtitle, "
          "programme, author or date)");
    CHECK(parse.errors[1].headline() == "bad.tmpl:3:8: error: expected ']' to close the block call");
    CHECK(parse.errors[2].headline() ==
          "bad.tmpl:4:21: error: placeholder \"{{bad and {{y z}}\" needs a name of letters, "
          "digits and underscores, like {{responses}}");
    REQUIRE(parse.report_template.sections.size() == 1);
    const TemplateSection& one = parse.report_template.sections[0];
    REQUIRE(one.items.size() == 2);
    CHECK(text_at(one, 0).text == "Fine text {{x}} and {{bad and {{y z}}.");
    CHECK(block_at(one, 1).name == "reach");
}

TEST_CASE("the August report template parses cleanly and uses the builder's blocks") {
    const std::string path = std::string(YOUSAID_SOURCE_DIR) + "/templates/august-report.tmpl";
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    TemplateParse parse = parse_template(text.str(), path);
    CHECK(all_errors(parse) == "");
    const ReportTemplate& t = parse.report_template;
    CHECK(t.fields.size() == 5);
    std::vector<std::string> blocks;
    for (const TemplateSection& section : t.sections) {
        for (const Item& item : section.items) {
            if (const auto* block = std::get_if<BlockItem>(&item)) {
                std::string call = block->name;
                for (const std::string& a : block->arguments) call += " " + a;
                blocks.push_back(call);
            }
        }
    }
    CHECK(blocks == std::vector<std::string>{"reach channel", "reach event", "chart reach group",
                                             "chart themes", "you-said-we-did", "crosstab theme group",
                                             "chart crosstab theme channel", "method", "limitations"});
}

}  // namespace
}  // namespace yousaid::templates
