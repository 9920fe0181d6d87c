#pragma once
// Flows content down A4 pages for the PDF renderer: a cursor, page breaks with
// the footer and DRAFT mark drawn on each new page, and the report's building
// blocks (runs of wrapped lines, optionally shaded or barred; tables). The
// layout is deterministic, so a run with drawing off gives the page numbers
// that a second, drawing run will produce.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "report/pdf_canvas.h"
#include "report/report_document.h"

namespace yousaid::report {

// The house look: sizes in points, colours.
struct PdfStyle {
    double margin = 56.69;  // 20 mm on every side
    double footer_baseline = 30;
    double body_size = 10.5, body_leading = 15;
    double heading_size = 18, heading_leading = 23;
    double subheading_size = 13, subheading_leading = 17;
    double table_size = 9, table_leading = 12, cell_pad_x = 5, cell_pad_y = 3.5;
    double small_size = 8, small_leading = 10.5;
    Colour text{0.13, 0.13, 0.13};
    Colour muted{0.40, 0.40, 0.40};
    Colour accent{0.0, 0.369, 0.722};          // NHS blue
    Colour accent_dark{0.0, 0.188, 0.529};
    Colour tint{0.898, 0.933, 0.969};          // header rows
    Colour shade{0.929, 0.953, 0.937};         // the "We did" box
    Colour shade_edge{0.0, 0.592, 0.478};
    Colour rule{0.72, 0.72, 0.72};
    Colour draft{0.90, 0.90, 0.90};
};

enum class Align { left, right };

// One laid-out line of text.
struct Line {
    Face face = Face::regular;
    double size = 10.5;
    double leading = 15;
    Colour colour;
    std::string text;
    double indent = 0;  // from the run's left edge
};

// A run of lines placed as one: it breaks across pages only between lines,
// leaving at least `min_lines` together at either side of a break. `fill` and
// `bar` are drawn behind each page's part of the run.
struct LineRun {
    std::vector<Line> lines;
    double space_before = 0;
    int min_lines = 2;
    bool keep_together = false;  // move the whole run to the next page if it fits there
    bool fill = false;
    Colour fill_colour;
    double pad = 0;              // inside the fill, above, below and to the left
    bool bar = false;            // a rule down the left side, `bar_x` in from the edge
    Colour bar_colour;
    double bar_x = 0;
};

// A table measured for the page width, ready to draw.
struct TableLayout {
    struct Row {
        std::vector<std::vector<std::string>> cells;  // wrapped lines per cell
        std::size_t lines = 1;
    };
    std::vector<double> widths;
    std::vector<bool> right_aligned;
    Row header;
    std::vector<Row> rows;
    LineRun caption;
    LineRun note;
    // What must fit below the cursor before the table starts: all of a short
    // table, else its caption, header and first three rows.
    double opening = 0;
};

class PdfFlow {
public:
    PdfFlow(PdfCanvas& canvas, const PdfStyle& style, std::string footer_title, int total_pages,
            bool draft);

    const PdfStyle& style() const { return style_; }
    PdfCanvas& canvas() { return canvas_; }
    double left() const { return style_.margin; }
    double width() const { return PdfCanvas::kPageWidth - 2 * style_.margin; }
    double top() const { return PdfCanvas::kPageHeight - style_.margin; }
    double bottom() const { return style_.margin; }
    double cursor() const { return y_; }
    int page() const { return canvas_.page_count(); }
    double room() const { return y_ - bottom(); }
    bool at_page_top() const { return y_ >= top(); }

    // A page with the footer (unless `bare`) and any DRAFT mark; the cursor at the top.
    void new_page(bool bare = false);
    // Breaks the page unless `height` fits below the cursor (or the page is fresh).
    void need(double height);
    // Vertical space, dropped at the top of a page.
    void space(double height);
    void move_to(double y) { y_ = y; }

    // Wraps `text` into lines of `width` (default: the full text width).
    std::vector<Line> wrap(std::string_view text, Face face, double size, double leading, Colour colour,
                           double indent = 0, double width = 0) const;
    double height(const std::vector<Line>& lines, std::size_t from = 0, std::size_t to = SIZE_MAX) const;
    void place(const LineRun& run);
    TableLayout lay_out(const Table& table) const;
    // Draws the table, repeating its header on each page it reaches.
    void table(const Table& table);

    // Baseline that centres `size` text in a line of `leading` whose top is `top`.
    static double baseline(double top, double size, double leading);

private:
    void draw_lines(const LineRun& run, std::size_t from, std::size_t to);
    double row_height(std::size_t lines) const;
    void draw_band(const TableLayout& t, const TableLayout::Row& row, std::size_t from, std::size_t to,
                   bool is_header);

    PdfCanvas& canvas_;
    PdfStyle style_;
    std::string footer_title_;
    int total_pages_;
    bool draft_;
    double y_ = 0;
};

}  // namespace yousaid::report
