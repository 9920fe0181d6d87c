#pragma once
// Draws a ReportDocument as an A4 PDF with libharu: cover, contents, sections,
// tables (header repeated when a table breaks across pages), You said / We did
// statements with quotes, "Page n of N" footers, bookmarks, document info.
// Fonts are TrueType, embedded, UTF-8, so £, é and curly quotes print right.
#include <string>

#include "report/report_document.h"

namespace yousaid::report {

struct PdfOptions {
    std::string font_dir = "/usr/share/fonts/truetype/dejavu";  // DejaVuSans{,-Bold,-Oblique}.ttf
    bool draft = false;  // a DRAFT mark on every page
};

// Writes the PDF to `out_path`; returns an empty string on success, or what went
// wrong ("cannot write out/report.pdf: Permission denied").
std::string render_pdf(const ReportDocument& document, const std::string& out_path,
                       const PdfOptions& options = {});

}  // namespace yousaid::report
