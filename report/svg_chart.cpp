#include "report/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <optional>
#include <string_view>
#include <vector>

#include "report/chart_style.h"
#include "report/html_escape.h"
#include "report/text_layout.h"

namespace yousaid::report {

namespace {

constexpr const char* kText = "#212121";
constexpr const char* kMuted = "#595959";  // 7:1 on white

constexpr double kWidth = 640;
constexpr double kLabelSize = 13, kLabelLeading = 16;
constexpr double kLegendSize = 13, kLegendRow = 22, kSwatch = 12;
constexpr double kTickSize = 12, kTickLeading = 17;
constexpr double kPlotPad = 6;    // above the first band and below the last
constexpr double kLabelGap = 10;  // between the category labels and the zero line
constexpr double kValueGap = 5;   // between a bar's end and its label

// A width for `text` at `size` that common sans-serif fonts stay within
// (DejaVu Sans, the widest of them, sets these widths), so labels placed by it
// do not run into each other or off the picture.
double text_width(std::string_view text, double size) {
    double em = 0;
    for (unsigned char c : text) {
        if ((c & 0xC0) == 0x80) continue;  // counted with its lead byte
        if (c == ' ') em += 0.32;
        else if (std::string_view("ijl.,:;'!|").find(static_cast<char>(c)) != std::string_view::npos) em += 0.3;
        else if (std::string_view("frt()[]-").find(static_cast<char>(c)) != std::string_view::npos) em += 0.42;
        else if (std::string_view("mwMW%").find(static_cast<char>(c)) != std::string_view::npos) em += 1.0;
        else if (c >= 'A' && c <= 'Z') em += 0.76;
        else em += 0.64;
    }
    return em * size;
}

// A coordinate or value as short text: "12.5", "40".
std::string num(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", value);
    std::string s = text;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

// Category labels in `width`, two lines at most, the second cut short if need be.
std::vector<std::string> label_lines(const std::string& label, double width) {
    std::vector<std::string> lines =
        wrap_text(label, width, [](std::string_view text) { return text_width(text, kLabelSize); });
    if (lines.size() > 2) {
        std::string rest = lines[1];
        for (std::size_t i = 2; i < lines.size(); ++i) rest += " " + lines[i];
        lines.resize(2);
        lines.back() = cut_to_width(rest + "\u2026", width, [](std::string_view t) { return text_width(t, kLabelSize); });
    }
    return lines;
}

std::optional<double> value_at(const ChartSeries& s, std::size_t i) {
    return i < s.values.size() ? s.values[i] : std::nullopt;
}

std::string label_at(const ChartSeries& s, std::size_t i) { return i < s.labels.size() ? s.labels[i] : ""; }

// SVG text whose middle is at `y`; the baseline is set by hand, as renderers
// differ on dominant-baseline.
std::string text(double x, double y, double size, const std::string& content, const std::string& extra = "") {
    return "<text x=\"" + num(x) + "\" y=\"" + num(y + 0.35 * size) + "\" font-size=\"" + num(size) + "\"" + extra +
           ">" + escape_html(content) + "</text>\n";
}

std::string rect(double x, double y, double w, double h, const SeriesColour& sw) {
    std::string out = "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) +
                      "\" fill=\"" + hex(sw.fill) + "\"";
    if (sw.edged) out += " stroke=\"" + hex(kBarEdge) + "\" stroke-width=\"0.6\"";
    return out + "/>\n";
}

std::string line(double x1, double y1, double x2, double y2, const std::string& colour, double width) {
    return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) +
           "\" stroke=\"" + colour + "\" stroke-width=\"" + num(width) + "\"/>\n";
}

}  // namespace

std::string svg_chart(const Chart& chart, const std::string& title_id) {
    const std::size_t n = chart.series.size(), categories = chart.categories.size();
    if (n == 0 || categories == 0) return "";
    const double bar = n == 1 ? 18 : n == 2 ? 14 : 11, bar_gap = n == 1 ? 0 : 2, band_gap = n == 1 ? 8 : 14;
    const double value_size = n <= 2 ? 12 : 11;
    std::string body;

    // Legend, wrapped into rows.
    double y = 0;
    if (n > 1) {
        double x = 0;
        y = kLegendRow / 2;
        for (std::size_t i = 0; i < n; ++i) {
            const double w = kSwatch + 6 + text_width(chart.series[i].name, kLegendSize);
            if (x > 0 && x + w > kWidth) {
                x = 0;
                y += kLegendRow;
            }
            body += rect(x, y - kSwatch / 2, kSwatch, kSwatch, series_colour(i, n));
            body += text(x + kSwatch + 6, y, kLegendSize, chart.series[i].name);
            x += w + 20;
        }
        y += kLegendRow / 2 + 6;
    }

    double label_width = 0;
    for (const std::string& c : chart.categories) label_width = std::max(label_width, text_width(c, kLabelSize));
    label_width = std::min(label_width, 0.36 * kWidth);
    double top_value = 0, value_width = 0;
    for (const ChartSeries& series : chart.series) {
        for (std::size_t i = 0; i < categories; ++i) {
            if (auto v = value_at(series, i)) top_value = std::max(top_value, *v);
            value_width = std::max(value_width, text_width(label_at(series, i), value_size));
        }
    }
    const Axis axis = round_axis(top_value);
    const double axis_max = axis.max, step = axis.step;
    const double x0 = label_width + kLabelGap, x1 = kWidth - value_width - kValueGap - 2;
    auto x_of = [&](double v) { return x0 + std::clamp(v / axis_max, 0.0, 1.0) * (x1 - x0); };

    std::vector<std::vector<std::string>> labels;
    std::vector<double> bands;
    const double bars = n * bar + (n - 1) * bar_gap;
    double plot_h = 2 * kPlotPad + (categories - 1) * band_gap;
    for (const std::string& c : chart.categories) {
        labels.push_back(label_lines(c, label_width));
        bands.push_back(std::max(bars, labels.back().size() * kLabelLeading));
        plot_h += bands.back();
    }
    const double plot_top = y, plot_bottom = y + plot_h;

    // Gridlines and ticks first, so the bars are drawn over them.
    for (int k = 0; k * step <= axis_max * (1 + 1e-9); ++k) {
        const double x = x_of(k * step);
        if (k > 0) body += line(x, plot_top, x, plot_bottom, hex(kGridLine), 1);
        body += line(x, plot_bottom, x, plot_bottom + 4, kMuted, 1);
        body += text(x, plot_bottom + 4 + kTickLeading / 2, kTickSize, num(k * step) + chart.unit,
                     std::string(" text-anchor=\"middle\" fill=\"") + kMuted + "\"");
    }
    double bottom = plot_bottom + 4 + kTickLeading;
    if (!chart.axis_title.empty()) {
        body += text((x0 + x1) / 2, bottom + kTickLeading / 2, kTickSize, chart.axis_title,
                     std::string(" text-anchor=\"middle\" fill=\"") + kMuted + "\"");
        bottom += kTickLeading;
    }

    double band_top = plot_top + kPlotPad;
    for (std::size_t c = 0; c < categories; ++c) {
        double line_middle = band_top + (bands[c] - labels[c].size() * kLabelLeading) / 2 + kLabelLeading / 2;
        for (const std::string& l : labels[c]) {
            body += text(x0 - kLabelGap, line_middle, kLabelSize, l, " text-anchor=\"end\"");
            line_middle += kLabelLeading;
        }
        double bar_top = band_top + (bands[c] - bars) / 2;
        for (std::size_t i = 0; i < n; ++i) {
            const std::optional<double> value = value_at(chart.series[i], c);
            const double end = value ? x_of(*value) : x0;
            if (end > x0) body += rect(x0, bar_top, end - x0, bar, series_colour(i, n));
            // A missing figure says so where its bar would start.
            body += text(end + kValueGap, bar_top + bar / 2, value_size, label_at(chart.series[i], c),
                         value ? "" : std::string(" font-style=\"italic\" fill=\"") + kMuted + "\"");
            bar_top += bar + bar_gap;
        }
        band_top += bands[c] + band_gap;
    }
    body += line(x0, plot_top, x0, plot_bottom, kMuted, 1.2);  // the zero line, over the bars' starts

    const std::string name = escape_html(chart.alt_text.empty() ? chart.title : chart.alt_text);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " + num(kWidth) + " " +
           num(std::ceil(bottom + 2)) + "\" role=\"img\" aria-label=\"" + name + "\" fill=\"" + kText +
           "\">\n<title id=\"" + escape_html(title_id) + "\">" + name + "</title>\n" + body + "</svg>\n";
}

}  // namespace yousaid::report
