#pragma once
// Draws a ReportDocument as an A4 PDF with libharu: cover, contents, sections,
// tables (header repeated when a table breaks across pages), bar charts (each
// kept whole on one page; pdf_chart.h), You said / We did statements with
// quotes, "Page n of N" footers, bookmarks, document info.
// Fonts are TrueType, embedded, UTF-8, so £, é and curly quotes print right.
//
// Layout: A4 portrait, 20 mm margins. Page 1 is the cover (no footer), then the
// contents (entries link to their sections), then the sections, the first on a
// fresh page. Page numbers are physical pages, so they match the PDF viewer's.
// The document is laid out once without drawing to learn where sections land,
// then drawn. Text wraps at Unicode line-break opportunities (ICU); a '\n' in
// a paragraph or cell is a line break. A section heading always has its first
// lines (or its table's caption, header and first rows, or its whole chart) on
// the same page. A table whose header is empty, and a chart with no categories
// or series, are not drawn. The creation date is now, or $SOURCE_DATE_EPOCH
// when set (reproducible output).
#include <string>

#include "report/report_document.h"

namespace yousaid::report {

struct PdfOptions {
    std::string font_dir = "/usr/share/fonts/truetype/dejavu";  // DejaVuSans{,-Bold,-Oblique}.ttf
    bool draft = false;  // a DRAFT mark on every page
};

// Writes the PDF to `out_path`; returns an empty string on success, or what went
// wrong: "cannot write out/report.pdf: Permission denied", "cannot read font
// /x/DejaVuSans.ttf", or a libharu failure ("PDF: ... (libharu error 0x1039,
// detail 0)"). Nothing is written unless the whole document was made; the
// path is checked before the (comparatively slow) layout.
std::string render_pdf(const ReportDocument& document, const std::string& out_path,
                       const PdfOptions& options = {});

}  // namespace yousaid::report
