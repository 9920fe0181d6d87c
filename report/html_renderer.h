#pragma once
// Writes a ReportDocument as one self-contained, accessible HTML5 file: the
// companion of the PDF (pdf_renderer.h), drawn from the same document, so it
// holds the same words and figures.
//
// The page: a <title> and <meta> author, description (the subtitle), date
// (dcterms.date, the cover's date) and creation date; a DRAFT banner when a
// draft (and a DRAFT mark on every printed page); the cover as a <header> with
// the title as the only <h1>; a contents <nav> linking to every section; then
// <main>, a <section> per section headed by an <h2>. Paragraphs are <p> (a
// '\n' is a <br/>). Tables have their <caption>, a <thead> of
// <th scope="col"> cells, the first cell of each row a <th scope="row">,
// numeric columns right-aligned (class "num"), and their note in a <p> the
// table names with aria-describedby. A chart is a <figure>: its title as the
// <figcaption>, an inline SVG named by its alt text (svg_chart.h), its note;
// the builder puts its table right after it. A theme's statement has an <h3>,
// its summary, each quote as a <blockquote> with its attribution in a
// <footer>, and the "We did" box with the action, owner and status.
//
// Heading levels never skip (h1, then h2 for the contents and each section,
// h3 for each statement). Styles are inline, for screen and print (A4); there
// is no script and nothing is loaded from elsewhere. All text is escaped
// (html_escape.h) and the markup is well-formed XML as well as HTML, so
// `xmllint --noout` checks it. Tables whose header is empty, and charts with no
// categories or series, are left out, as in the PDF.
#include <string>

#include "report/report_document.h"

namespace yousaid::report {

struct HtmlOptions {
    bool draft = false;   // the DRAFT banner and print mark
    std::string created;  // YYYY-MM-DD for <meta name="dcterms.created">; "" leaves it out
};

// The whole page as text (UTF-8).
std::string html_report(const ReportDocument& document, const HtmlOptions& options = {});


// Writes html_report's page to `out_path`; an empty `options.created` is
// today's date, or $SOURCE_DATE_EPOCH's when set (reproducible output, as the
// PDF). Returns "" on success, or what went wrong: "cannot write
// out/r.html: No space left on device".
std::string render_html(const ReportDocument& document, const std::string& out_path, HtmlOptions options = {});

}  // namespace yousaid::report
