// PdfFlow's tables: column widths from content, wrapped cells, the header row
// repeated on every page the table reaches, a caption kept with the first rows.
#include <algorithm>
#include <cmath>

#include "report/pdf_flow.h"
#include "report/text_layout.h"

namespace yousaid::report {

namespace {

// Widths that fit `available`: natural widths when they fit (extra space going
// to the text columns), else squeezed towards each column's widest word, else
// (too many columns for any sensible layout) shares of the widest words.
std::vector<double> column_widths(const std::vector<TextExtent>& extents, const std::vector<bool>& right,
                                  double pad, double available) {
    const std::size_t n = extents.size();
    std::vector<double> natural(n), minimum(n), widths(n);
    double sum_natural = 0, sum_minimum = 0;
    for (std::size_t c = 0; c < n; ++c) {
        natural[c] = extents[c].widest + 2 * pad;
        minimum[c] = std::min(natural[c], std::max(extents[c].narrowest + 2 * pad, 4 * pad));
        sum_natural += natural[c];
        sum_minimum += minimum[c];
    }
    if (sum_natural <= available) {
        double text_natural = 0;
        for (std::size_t c = 0; c < n; ++c) text_natural += right[c] ? 0 : natural[c];
        for (std::size_t c = 0; c < n; ++c) {
            double share = text_natural > 0 ? (right[c] ? 0 : natural[c] / text_natural) : 1.0 / n;
            widths[c] = natural[c] + (available - sum_natural) * share;
        }
    } else if (sum_minimum < available) {
        double k = (available - sum_minimum) / (sum_natural - sum_minimum);
        for (std::size_t c = 0; c < n; ++c) widths[c] = minimum[c] + (natural[c] - minimum[c]) * k;
    } else {
        for (std::size_t c = 0; c < n; ++c) widths[c] = minimum[c] * available / sum_minimum;
    }
    return widths;
}

const std::string& cell(const std::vector<std::string>& row, std::size_t c) {
    static const std::string empty;
    return c < row.size() ? row[c] : empty;
}

}  // namespace

double PdfFlow::row_height(std::size_t lines) const {
    return 2 * style_.cell_pad_y + lines * style_.table_leading;
}

TableLayout PdfFlow::lay_out(const Table& table) const {
    const std::size_t n = table.header.size();
    const PdfStyle& s = style_;
    TableLayout t;
    auto measure = [this, &s](Face face) {
        return [this, face, size = s.table_size](std::string_view text) { return canvas_.text_width(face, size, text); };
    };

    // A header may wrap onto about two lines rather than widen a column of
    // short numbers; body cells ask for their full width.
    std::vector<TextExtent> extents(n);
    for (std::size_t c = 0; c < n; ++c) {
        t.right_aligned.push_back(c < table.right_aligned.size() && table.right_aligned[c]);
        TextExtent head = measure_extent(table.header[c], measure(Face::bold));
        extents[c] = {std::max(head.narrowest, std::min(head.widest, head.widest * 0.55)), head.narrowest};
        for (const auto& row : table.rows) {
            TextExtent e = measure_extent(cell(row, c), measure(Face::regular));
            extents[c].widest = std::max(extents[c].widest, e.widest);
            extents[c].narrowest = std::max(extents[c].narrowest, e.narrowest);
        }
    }
    t.widths = column_widths(extents, t.right_aligned, s.cell_pad_x, width());

    auto lay_out_row = [&](const std::vector<std::string>& row, Face face) {
        TableLayout::Row laid;
        for (std::size_t c = 0; c < n; ++c) {
            laid.cells.push_back(wrap_text(cell(row, c), t.widths[c] - 2 * s.cell_pad_x, measure(face)));
            laid.lines = std::max(laid.lines, laid.cells.back().size());
        }
        return laid;
    };
    t.header = lay_out_row(table.header, Face::bold);
    t.rows.reserve(table.rows.size());
    for (const auto& row : table.rows) t.rows.push_back(lay_out_row(row, Face::regular));

    t.caption.lines = wrap(table.caption, Face::bold, s.body_size, s.body_leading, s.accent_dark);
    t.caption.min_lines = 1;
    t.note.lines = wrap(table.note, Face::regular, s.small_size, s.small_leading, s.muted);
    t.note.space_before = 5;
    t.note.min_lines = 1;

    const double page_body = top() - bottom();
    const double caption = t.caption.lines.empty() ? 0 : height(t.caption.lines) + 4;
    double whole = caption + row_height(t.header.lines) + height(t.note.lines) + t.note.space_before;
    double opening = caption + row_height(t.header.lines);
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        whole += row_height(t.rows[r].lines);
        if (r < 3) opening += row_height(std::min<std::size_t>(t.rows[r].lines, 3));
    }
    t.opening = whole <= 0.35 * page_body ? whole : std::min(opening, page_body);
    return t;
}

// Draws lines [from, to) of each cell of `row` as one band below the cursor.
void PdfFlow::draw_band(const TableLayout& t, const TableLayout::Row& row, std::size_t from, std::size_t to,
                        bool is_header) {
    const PdfStyle& s = style_;
    const Face face = is_header ? Face::bold : Face::regular;
    const double h = row_height(to - from);
    const double right_edge = left() + width();
    if (is_header) canvas_.fill(s.tint, Box{left(), y_ - h, right_edge, y_});
    double x = left();
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
        double line_top = y_ - s.cell_pad_y;
        for (std::size_t i = from; i < to && i < row.cells[c].size(); ++i) {
            const std::string& text = row.cells[c][i];
            double tx = x + s.cell_pad_x;
            if (t.right_aligned[c]) tx = x + t.widths[c] - s.cell_pad_x - canvas_.text_width(face, s.table_size, text);
            canvas_.text(face, s.table_size, s.text, tx, baseline(line_top, s.table_size, s.table_leading), text);
            line_top -= s.table_leading;
        }
        x += t.widths[c];
    }
    y_ -= h;
    canvas_.line(is_header ? s.muted : s.rule, is_header ? 0.8 : 0.4, left(), y_, right_edge, y_);
}

void PdfFlow::table(const Table& table) {
    if (table.header.empty()) return;
    const TableLayout t = lay_out(table);
    const double header_height = row_height(t.header.lines);
    const double page_body = top() - bottom();

    need(t.opening);
    place(t.caption);
    if (!t.caption.lines.empty()) y_ -= 4;
    need(header_height);
    draw_band(t, t.header, 0, t.header.lines, true);

    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const TableLayout::Row& row = t.rows[r];
        // No last row alone at the top of a page: when the last two rows do
        // not fit together, both go over (the page keeps at least two rows).
        if (r >= 2 && r + 2 == t.rows.size() &&
            row_height(row.lines) + row_height(t.rows[r + 1].lines) > room() + 0.01 &&
            row_height(row.lines) + row_height(t.rows[r + 1].lines) <= page_body - header_height) {
            new_page();
            draw_band(t, t.header, 0, t.header.lines, true);
        }
        std::size_t done = 0;
        while (done < row.lines) {
            const std::size_t left_lines = row.lines - done;
            if (row_height(left_lines) <= room() + 0.01) {
                draw_band(t, row, done, row.lines, false);
                break;
            }
            // Split a row only when it could not fit on a fresh page either.
            bool too_tall = row_height(left_lines) > page_body - header_height;
            auto fit = static_cast<std::size_t>(
                std::max(0.0, std::floor((room() - 2 * style_.cell_pad_y) / style_.table_leading)));
            if (too_tall && fit > 0) {
                draw_band(t, row, done, done + fit, false);
                done += fit;
            }
            new_page();
            draw_band(t, t.header, 0, t.header.lines, true);
        }
    }
    place(t.note);
}

}  // namespace yousaid::report
