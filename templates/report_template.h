#pragma once
// A report template as parsed from a .tmpl file (see templates/README.md for the
// format): cover fields, then sections of paragraphs and block calls. The
// report builder expands placeholders and blocks; this is only the syntax, with
// where each part was written so the builder can report what it rejects.
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "ingest/diagnostic.h"

namespace yousaid::templates {

// A {{name}} as written; `where` is its "{{".
struct Placeholder {
    std::string name;
    SourceLocation where;
};

// Text that may hold placeholders (a paragraph, a heading or a cover value),
// kept as written: the builder expands it.
struct TemplateText {
    std::string text;
    std::vector<Placeholder> placeholders;  // in the order written
};

// A paragraph: its lines joined with one space.
struct TextItem : TemplateText {
    int line = 0;  // of its first line
};

// A block call such as [crosstab theme group]: a name and its arguments.
struct BlockItem {
    std::string name;
    std::vector<std::string> arguments;
    SourceLocation where;                        // the '['
    SourceLocation name_at;                      // the name's first character
    std::vector<SourceLocation> arguments_at;    // each argument's first character
};

using Item = std::variant<TextItem, BlockItem>;

struct TemplateSection {
    TemplateText heading;
    std::vector<Item> items;
};

struct ReportTemplate {
    std::map<std::string, TemplateText> fields;  // title, subtitle, programme, date, author
    std::vector<TemplateSection> sections;
};

}  // namespace yousaid::templates
