#pragma once
// Parses a report template (format in templates/README.md) with a Spirit X3 grammar.
// Syntax only: block names and placeholder names are the builder's to check.
#include <string>
#include <vector>

#include "templates/report_template.h"

namespace yousaid::templates {

struct TemplateParse {
    ReportTemplate report_template;
    std::vector<Diagnostic> errors;  // empty when the template is good
};

// Reads the whole of `text` (UTF-8, LF or CRLF; `file_name` is only for
// diagnostics) and reports every error, in file order, each at the line and
// column (in code points) of the problem. The good parts are parsed even when
// there are errors, but a template with errors should not be used.
TemplateParse parse_template(const std::string& text, const std::string& file_name);

}  // namespace yousaid::templates
