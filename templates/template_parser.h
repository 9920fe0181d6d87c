#pragma once
// Parses a report template (format in templates/README.md) with a Spirit X3 grammar.
#include <string>
#include <vector>

#include "templates/report_template.h"

namespace yousaid::templates {

struct TemplateParse {
    ReportTemplate report_template;
    std::vector<Diagnostic> errors;  // empty when the template is good
};

TemplateParse parse_template(const std::string& text, const std::string& file_name);

}  // namespace yousaid::templates
