#pragma once
// A report template as parsed from a .tmpl file (see templates/README.md for the
// format): cover fields, then sections of paragraphs and block calls. The
// report builder expands placeholders and blocks; this is only the syntax.
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "ingest/diagnostic.h"

namespace yousaid::templates {

// A paragraph of text; may hold placeholders such as {{responses}}, which are
// kept as written here and expanded by the builder.
struct TextItem {
    std::string text;
    int line = 0;
};

// A block call such as [crosstab theme group]: a name and its arguments.
struct BlockItem {
    std::string name;
    std::vector<std::string> arguments;
    SourceLocation where;
};

using Item = std::variant<TextItem, BlockItem>;

struct TemplateSection {
    std::string heading;
    std::vector<Item> items;
};

struct ReportTemplate {
    std::map<std::string, std::string> fields;  // title, subtitle, programme, date, author
    std::vector<TemplateSection> sections;
};

}  // namespace yousaid::templates
