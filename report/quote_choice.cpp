#include "report/quote_choice.h"

#include <optional>

#include "analysis/schema.h"
#include "ingest/response.h"
#include "report/quote_text.h"
#include "report/respondent_label.h"

namespace yousaid::report {

namespace {

std::optional<Response> response_by_id(const Xapian::Database& db, const std::string& id) {
    const std::string term = schema::kIdPrefix + id;
    Xapian::PostingIterator it = db.postlist_begin(term);
    if (it == db.postlist_end(term)) return std::nullopt;
    return response_from_json(db.get_document(*it).get_data());
}

}  // namespace

std::vector<PickedQuote> choose_quotes(ReportContext& c, const Theme& theme, int count) {
    const RespondentLabels labels(c.codebook, c.summary.by_group);
    std::vector<PickedQuote> picked = pick_quotes(c.db, theme, count, c.quoted);
    for (PickedQuote& p : picked) {
        if (std::optional<Response> r = response_by_id(c.db, p.response_id)) {
            p.quote.attribution = attribution(*r, labels.describe(*r));
        }
    }
    return picked;
}

std::vector<Quote> print_quotes(ReportContext& c, const Theme& theme, std::vector<PickedQuote> picked) {
    std::vector<Quote> quotes;
    for (PickedQuote& p : picked) {
        c.quotes->push_back({theme.title, p.response_id, p.quote.text, p.quote.attribution});
        quotes.push_back(std::move(p.quote));
    }
    return quotes;
}

Paragraph quote_paragraph(const Quote& quote) {
    return Paragraph{"\u201C" + quote.text + "\u201D \u2014 " + quote.attribution};
}

}  // namespace yousaid::report
