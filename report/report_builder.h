#pragma once
// Fills a report template from the store: placeholders become figures, blocks
// become tables and You said / We did statements (see templates/README.md for
// the blocks and placeholders a template may use).
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/crosstab.h"
#include "ingest/diagnostic.h"
#include "report/publication_checks.h"
#include "report/report_document.h"

namespace yousaid::report {

struct ReportInputs {
    std::string template_path;
    std::string actions_path;
    std::string population_path;  // optional: "" for none
    bool every_member = false;    // count each member of a campaign, not the campaign once
    // Percentages of fewer responses are printed as "–" (shown_figures.h), as
    // the cross-tab command does; 0 prints them all.
    Xapian::doccount min_base = CrosstabOptions{}.min_base;
};

struct ReportBuild {
    std::optional<ReportDocument> document;  // set when there are no errors
    std::vector<Diagnostic> errors;          // template, actions and population file errors
    std::vector<std::string> warnings;       // e.g. a theme with no recorded action
    PublicationFacts facts;                  // what the publication checks look at; set with the document
};

// The store must have been tagged (it keeps the codebook it was tagged with).
ReportBuild build_report(const Xapian::Database& db, const ReportInputs& inputs);

}  // namespace yousaid::report
