#include "report/pdf_flow.h"

#include <algorithm>
#include <cmath>

#include "report/text_layout.h"

namespace yousaid::report {

namespace {
constexpr double kAscent = 0.928;   // DejaVu Sans, in em
constexpr double kDescent = 0.236;
constexpr double kSlack = 0.01;     // points of rounding a line may overrun by

void pop_code_point(std::string& s) {
    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
    if (!s.empty()) s.pop_back();
}
}  // namespace

PdfFlow::PdfFlow(PdfCanvas& canvas, const PdfStyle& style, std::string footer_title, int total_pages,
                 bool draft)
    : canvas_(canvas), style_(style), footer_title_(std::move(footer_title)),
      total_pages_(total_pages), draft_(draft) {}

double PdfFlow::baseline(double top, double size, double leading) {
    return top - (leading - (kAscent + kDescent) * size) / 2 - kAscent * size;
}

void PdfFlow::new_page(bool bare) {
    int number = canvas_.add_page();
    y_ = top();
    if (draft_) {
        // Under everything else, so the page stays readable.
        const double size = 110, angle = 45;
        double w = canvas_.text_width(Face::bold, size, "DRAFT");
        double a = angle * 3.14159265358979 / 180.0, half_w = w / 2, half_h = 0.73 * size / 2;
        double x = PdfCanvas::kPageWidth / 2 - (half_w * std::cos(a) - half_h * std::sin(a));
        double y = PdfCanvas::kPageHeight / 2 - (half_w * std::sin(a) + half_h * std::cos(a));
        canvas_.rotated_text(Face::bold, size, style_.draft, x, y, angle, "DRAFT");
    }
    if (bare) return;
    const double size = style_.small_size;
    std::string page_text = "Page " + std::to_string(number) + " of " + std::to_string(total_pages_);
    double page_width = canvas_.text_width(Face::regular, size, page_text);
    double right = left() + width();
    canvas_.line(style_.rule, 0.4, left(), style_.footer_baseline + 11, right, style_.footer_baseline + 11);
    canvas_.text(Face::regular, size, style_.muted, right - page_width, style_.footer_baseline, page_text);
    // The title gives way to the page number: cut to fit, with an ellipsis.
    std::string title = footer_title_;
    double room_for_title = width() - page_width - 24;
    if (canvas_.text_width(Face::regular, size, title) > room_for_title) {
        while (!title.empty() &&
               canvas_.text_width(Face::regular, size, title + "\u2026") > room_for_title) {
            pop_code_point(title);
        }
        title += "\u2026";
    }
    canvas_.text(Face::regular, size, style_.muted, left(), style_.footer_baseline, title);
}

void PdfFlow::need(double height) {
    if (!at_page_top() && height > room() + kSlack) new_page();
}

void PdfFlow::space(double height) {
    if (!at_page_top()) y_ -= std::min(height, room());
}

std::vector<Line> PdfFlow::wrap(std::string_view text, Face face, double size, double leading,
                                Colour colour, double indent, double wrap_width) const {
    if (wrap_width <= 0) wrap_width = width() - indent;
    auto measure = [&](std::string_view s) { return canvas_.text_width(face, size, s); };
    std::vector<Line> lines;
    for (std::string& text_line : wrap_text(text, wrap_width, measure)) {
        lines.push_back(Line{face, size, leading, colour, std::move(text_line), indent});
    }
    return lines;
}

double PdfFlow::height(const std::vector<Line>& lines, std::size_t from, std::size_t to) const {
    double h = 0;
    for (std::size_t i = from; i < lines.size() && i < to; ++i) h += lines[i].leading;
    return h;
}

void PdfFlow::place(const LineRun& run) {
    if (run.lines.empty()) return;
    space(run.space_before);
    const std::size_t n = run.lines.size();
    const double pads = run.fill ? 2 * run.pad : 0;
    const double page_body = top() - bottom();
    if (run.keep_together && height(run.lines) + pads <= page_body) need(height(run.lines) + pads);
    const std::size_t min_lines = static_cast<std::size_t>(std::max(run.min_lines, 1));
    std::size_t i = 0;
    while (i < n) {
        std::size_t fit = 0;
        double h = 0;
        while (i + fit < n && h + run.lines[i + fit].leading <= room() - pads + kSlack) {
            h += run.lines[i + fit].leading;
            ++fit;
        }
        if (fit == n - i) {
            draw_lines(run, i, n);
            return;
        }
        // Leave no widow below the break and no orphan above it.
        std::size_t take = fit;
        if (n - i - take < min_lines) take = (n - i > min_lines) ? n - i - min_lines : 0;
        if (take < std::min(min_lines, n - i) && !at_page_top()) {
            new_page();
            continue;
        }
        if (take == 0) take = std::max<std::size_t>(fit, 1);  // a fresh page: progress regardless
        draw_lines(run, i, i + take);
        i += take;
        new_page();
    }
}

void PdfFlow::draw_lines(const LineRun& run, std::size_t from, std::size_t to) {
    const double h = height(run.lines, from, to);
    const double pad = run.fill ? run.pad : 0;
    if (run.fill) canvas_.fill(run.fill_colour, Box{left(), y_ - h - 2 * pad, left() + width(), y_});
    double y = y_ - pad;
    if (run.bar) canvas_.line(run.bar_colour, 2, left() + run.bar_x, y, left() + run.bar_x, y - h);
    for (std::size_t i = from; i < to; ++i) {
        const Line& line = run.lines[i];
        canvas_.text(line.face, line.size, line.colour, left() + pad + line.indent,
                     baseline(y, line.size, line.leading), line.text);
        y -= line.leading;
    }
    y_ = y - pad;
}

}  // namespace yousaid::report
