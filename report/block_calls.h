#pragma once
// A template's block calls ([themes], [chart reach group], ...) checked and
// drawn. The blocks, their arguments and their errors are listed in
// templates/README.md.
#include <string>
#include <vector>

#include "ingest/diagnostic.h"
#include "report/report_context.h"
#include "report/report_document.h"
#include "templates/report_template.h"

namespace yousaid::report {

// The blocks the call stands for, in order. A call the builder does not know,
// or one with a wrong argument, draws nothing and is an error at the word at
// fault, with its line of `template_text` for the caret.
std::vector<Block> draw_block(ReportContext& c, const templates::BlockItem& call, const std::string& template_text,
                              std::vector<Diagnostic>& errors);

}  // namespace yousaid::report
