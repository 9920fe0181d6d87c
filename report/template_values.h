#pragma once
// The template's placeholders ({{responses}}, ...): their values from the
// store, and text with them filled in. See templates/README.md for the list.
#include <map>
#include <string>
#include <vector>

#include "ingest/diagnostic.h"
#include "report/report_context.h"
#include "templates/report_template.h"

namespace yousaid::report {

using PlaceholderValues = std::map<std::string, std::string>;

// Every placeholder's value; {{programme}} is the cover's `programme` field as written.
PlaceholderValues placeholder_values(const ReportContext& c, const templates::ReportTemplate& t);

// The text with every {{name}} replaced. An unknown name is an error at its
// "{{", with the template line `template_text` holds there; it expands to
// nothing. Runs of spaces become one and none is left at either end, so a
// placeholder that expands to nothing ({{coding_note}}) leaves no gap.
std::string expand(const templates::TemplateText& text, const PlaceholderValues& values,
                   const std::string& template_text, std::vector<Diagnostic>& errors);

}  // namespace yousaid::report
