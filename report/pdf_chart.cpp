#include "report/pdf_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>

#include "report/chart_style.h"
#include "report/text_layout.h"

namespace yousaid::report {

namespace {

constexpr double kLabelSize = 9, kLabelLeading = 11;  // category labels
constexpr double kLegendSize = 8.5, kLegendRow = 14, kSwatch = 8;
constexpr double kTickSize = 8, kTickLeading = 11;
constexpr double kPlotPad = 4;    // above the first band and below the last
constexpr double kLabelGap = 8;   // between the category labels and the zero line
constexpr double kValueGap = 3;   // between a bar's end and its label

Colour colour(const Rgb& c) { return {c.r, c.g, c.b}; }

void fill(PdfCanvas& canvas, const SeriesColour& swatch, const Box& box) {
    if (swatch.edged) {
        canvas.fill(colour(swatch.fill), box, colour(kBarEdge), 0.4);
    } else {
        canvas.fill(colour(swatch.fill), box);
    }
}

std::string tick_text(double value, const std::string& unit) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text + unit;
}

const std::optional<double>& value_at(const ChartSeries& s, std::size_t i) {
    static const std::optional<double> none;
    return i < s.values.size() ? s.values[i] : none;
}

const std::string& label_at(const ChartSeries& s, std::size_t i) {
    static const std::string empty;
    return i < s.labels.size() ? s.labels[i] : empty;
}

// Where everything goes, relative to the chart's top-left corner; measuring
// and drawing share it, so the height measured is the height drawn.
struct Layout {
    std::vector<std::string> title, note;
    std::vector<double> legend_x;
    std::vector<int> legend_row;
    std::vector<std::vector<std::string>> labels;  // per category
    std::vector<double> bands;                     // per category
    double bar = 0, bar_gap = 0, band_gap = 0, value_size = 0;
    double label_size = kLabelSize, label_leading = kLabelLeading;
    double label_width = 0, value_width = 0;
    double axis_max = 1, step = 1;
    double title_h = 0, legend_h = 0, plot_h = 0, axis_h = 0, note_h = 0, height = 0;
};

Layout lay_out(const Chart& chart, const PdfCanvas& canvas, const PdfStyle& s, double width, double max_height) {
    Layout l;
    const std::size_t n = chart.series.size(), categories = chart.categories.size();
    if (n == 0 || categories == 0) return l;
    auto measure = [&canvas](Face face, double size) -> MeasureText {
        return [&canvas, face, size](std::string_view text) { return canvas.text_width(face, size, text); };
    };

    l.title = wrap_text(chart.title, width, measure(Face::bold, s.body_size));
    l.title_h = l.title.empty() ? 0 : l.title.size() * s.body_leading + 6;
    if (n > 1) {
        double x = 0;
        int row = 0;
        for (const ChartSeries& series : chart.series) {
            const double w = kSwatch + 4 + canvas.text_width(Face::regular, kLegendSize, series.name);
            if (x > 0 && x + w > width) {
                x = 0;
                ++row;
            }
            l.legend_x.push_back(x);
            l.legend_row.push_back(row);
            x += w + 16;
        }
        l.legend_h = (row + 1) * kLegendRow + 4;
    }

    l.bar = n == 1 ? 12 : n == 2 ? 10 : 8;
    l.bar_gap = n == 1 ? 0 : 1.5;
    l.band_gap = n == 1 ? 5 : 9;
    l.value_size = n == 1 ? 8.5 : n == 2 ? 8 : 7;

    // Labels take what they need up to a third of the width or so, in
    // `max_lines` lines at most.
    auto lay_out_labels = [&](std::size_t max_lines) {
        const MeasureText label_width = measure(Face::regular, l.label_size);
        l.label_width = 0;
        for (const std::string& c : chart.categories) l.label_width = std::max(l.label_width, label_width(c));
        l.label_width = std::min(l.label_width, 0.36 * width);
        l.labels.clear();
        for (const std::string& c : chart.categories) {
            std::vector<std::string> lines = wrap_text(c, l.label_width, label_width);
            if (lines.size() > max_lines) {
                std::string rest = lines[max_lines - 1];
                for (std::size_t i = max_lines; i < lines.size(); ++i) rest += " " + lines[i];
                lines.resize(max_lines);
                lines.back() = cut_to_width(rest + "\u2026", l.label_width, label_width);
            }
            l.labels.push_back(std::move(lines));
        }
    };
    lay_out_labels(2);

    double top_value = 0;
    for (const ChartSeries& series : chart.series) {
        for (std::size_t i = 0; i < categories; ++i) {
            if (const auto& v = value_at(series, i)) {
                top_value = std::max(top_value, *v);
                l.value_width = std::max(l.value_width, canvas.text_width(Face::regular, l.value_size, label_at(series, i)));
            }
        }
    }
    l.value_width += kValueGap + 2;
    const Axis axis = round_axis(top_value);
    l.axis_max = axis.max;
    l.step = axis.step;

    l.axis_h = 3 + kTickLeading + (chart.axis_title.empty() ? 0 : kTickLeading) + 2;
    l.note = wrap_text(chart.note, width, measure(Face::regular, s.small_size));
    l.note_h = l.note.empty() ? 0 : 4 + l.note.size() * s.small_leading;
    const double fixed = l.title_h + l.legend_h + l.axis_h + l.note_h;

    auto lay_out_bands = [&] {
        const double bars = n * l.bar + (n - 1) * l.bar_gap;
        l.bands.clear();
        l.plot_h = 2 * kPlotPad + (categories - 1) * l.band_gap;
        for (const auto& lines : l.labels) {
            l.bands.push_back(std::max(bars, lines.size() * l.label_leading));
            l.plot_h += l.bands.back();
        }
    };
    lay_out_bands();
    if (fixed + l.plot_h > max_height) {
        // Too tall for a page: one line per label, then everything in the
        // bands scaled down alike (within reason: a quarter of the size).
        lay_out_labels(1);
        lay_out_bands();
        const double inner = l.plot_h - 2 * kPlotPad;
        const double scale = std::clamp((max_height - fixed - 2 * kPlotPad) / inner, 0.25, 1.0);
        l.bar *= scale;
        l.bar_gap *= scale;
        l.band_gap *= scale;
        l.label_leading *= scale;
        l.label_size = std::min(kLabelSize, 0.85 * l.label_leading);
        l.value_size = std::min(l.value_size, 0.85 * std::max(l.bar, l.label_leading));
        lay_out_labels(1);
        lay_out_bands();
    }
    l.height = fixed + l.plot_h;
    return l;
}

}  // namespace

double chart_height(const Chart& chart, const PdfCanvas& canvas, const PdfStyle& style, double width,
                    double max_height) {
    return lay_out(chart, canvas, style, width, max_height).height;
}

void draw_chart(const Chart& chart, PdfCanvas& canvas, const PdfStyle& s, double left, double top, double width,
                double max_height) {
    const Layout l = lay_out(chart, canvas, s, width, max_height);
    if (l.height <= 0) return;
    const std::size_t n = chart.series.size();
    double y = top;
    for (const std::string& line : l.title) {
        canvas.text(Face::bold, s.body_size, s.accent_dark, left, PdfFlow::baseline(y, s.body_size, s.body_leading), line);
        y -= s.body_leading;
    }
    if (!l.title.empty()) y -= 6;

    for (std::size_t i = 0; i < l.legend_x.size(); ++i) {
        const double row_top = y - l.legend_row[i] * kLegendRow, x = left + l.legend_x[i];
        const double box_top = row_top - (kLegendRow - kSwatch) / 2;
        const SeriesColour sw = series_colour(i, n);
        const Box box{x, box_top - kSwatch, x + kSwatch, box_top};
        fill(canvas, sw, box);
        canvas.text(Face::regular, kLegendSize, s.text, x + kSwatch + 4,
                    PdfFlow::baseline(row_top, kLegendSize, kLegendRow), chart.series[i].name);
    }
    y -= l.legend_h;

    const double plot_top = y, plot_bottom = y - l.plot_h;
    const double x0 = left + l.label_width + kLabelGap, x1 = left + width - l.value_width;
    auto x_of = [&](double v) { return x0 + std::clamp(v / l.axis_max, 0.0, 1.0) * (x1 - x0); };

    // Gridlines first, so the bars are drawn over them.
    const double tick_top = plot_bottom - 3;
    for (int k = 0; k * l.step <= l.axis_max * (1 + 1e-9); ++k) {
        const double x = x_of(k * l.step);
        if (k > 0) canvas.line(colour(kGridLine), 0.5, x, plot_top, x, plot_bottom);
        canvas.line(s.muted, 0.5, x, plot_bottom, x, plot_bottom - 2.5);
        const std::string text = tick_text(k * l.step, chart.unit);
        canvas.text(Face::regular, kTickSize, s.muted, x - canvas.text_width(Face::regular, kTickSize, text) / 2,
                    PdfFlow::baseline(tick_top, kTickSize, kTickLeading), text);
    }
    if (!chart.axis_title.empty()) {
        const double w = canvas.text_width(Face::regular, kTickSize, chart.axis_title);
        canvas.text(Face::regular, kTickSize, s.muted, std::max(x0, (x0 + x1 - w) / 2),
                    PdfFlow::baseline(tick_top - kTickLeading, kTickSize, kTickLeading), chart.axis_title);
    }

    double band_top = plot_top - kPlotPad;
    const double bars = n * l.bar + (n - 1) * l.bar_gap;
    for (std::size_t c = 0; c < chart.categories.size(); ++c) {
        const double band = l.bands[c];
        double line_top = band_top - (band - l.labels[c].size() * l.label_leading) / 2;
        for (const std::string& line : l.labels[c]) {
            const double w = canvas.text_width(Face::regular, l.label_size, line);
            canvas.text(Face::regular, l.label_size, s.text, x0 - kLabelGap - w,
                        PdfFlow::baseline(line_top, l.label_size, l.label_leading), line);
            line_top -= l.label_leading;
        }
        double bar_top = band_top - (band - bars) / 2;
        for (std::size_t i = 0; i < n; ++i) {
            const ChartSeries& series = chart.series[i];
            const std::optional<double>& value = value_at(series, c);
            const double end = value ? x_of(*value) : x0;
            if (end > x0) {
                fill(canvas, series_colour(i, n), Box{x0, bar_top - l.bar, end, bar_top});
            }
            // A missing figure says so where its bar would start.
            canvas.text(value ? Face::regular : Face::italic, l.value_size, value ? s.text : s.muted,
                        end + kValueGap, PdfFlow::baseline(bar_top, l.value_size, l.bar), label_at(series, c));
            bar_top -= l.bar + l.bar_gap;
        }
        band_top -= band + l.band_gap;
    }
    canvas.line(s.muted, 0.8, x0, plot_top, x0, plot_bottom);  // the zero line, over the bars' starts

    double note_top = plot_bottom - l.axis_h - 4;
    for (const std::string& line : l.note) {
        canvas.text(Face::regular, s.small_size, s.muted, left, PdfFlow::baseline(note_top, s.small_size, s.small_leading),
                    line);
        note_top -= s.small_leading;
    }
}

}  // namespace yousaid::report
