#pragma once
// The figures of the report's method and limitations, written as sentences
// from the store, so that what the report says about itself is always true of
// the data it was built from. The template keeps the prose around them.
#include <string>
#include <vector>

#include "report/report_context.h"
#include "report/report_document.h"

namespace yousaid::report {

// [method]: two paragraphs. What was received (responses, dates, channels,
// events), campaigns and the base the figures rest on, people when fewer than
// responses, personal details taken out, rows that could not be read; then how
// the responses counted were coded: by the rules alone, by hand, by a model,
// and how many matched no theme (coding_counts.h: these add up).
std::vector<Block> method_paragraphs(const ReportContext& c);

// [limitations]: the suppression threshold and small bases, the codebook's
// groups heard from least, and (with a population file) the groups
// under-represented against the population (analysis/reach.h's test).
std::vector<Block> limitations_paragraphs(const ReportContext& c);

// {{coding_note}}: what hand coding and a learned model added to the rules, in
// one sentence; empty when neither did.
std::string coding_note(const StoreSummary& s);

}  // namespace yousaid::report
