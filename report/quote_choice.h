#pragma once
// Quotes as the report prints them: chosen by pick_quotes (quote_picker.h),
// each attributed to who said it, how, where and when (RespondentLabels,
// quote_text.h), and recorded for the publication checks.
#include <vector>

#include "analysis/codebook.h"
#include "report/quote_picker.h"
#include "report/report_context.h"
#include "report/report_document.h"

namespace yousaid::report {

// Up to `count` quotes for the theme, attributed, from responses that may be
// quoted (each chosen is then marked as quoted in `c`).
std::vector<PickedQuote> choose_quotes(ReportContext& c, const Theme& theme, int count);

// The quotes as printed, recorded for the publication checks in the order
// this is called: call it in report order.
std::vector<Quote> print_quotes(ReportContext& c, const Theme& theme, std::vector<PickedQuote> picked);

// A quote as a paragraph of text: “text” — attribution.
Paragraph quote_paragraph(const Quote& quote);

}  // namespace yousaid::report
