#include "report/chart_style.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>

namespace yousaid::report {

namespace {

// Darkest first: L* 21, 39, 55, 72, 86.
constexpr Rgb kRamp[] = {{0.031, 0.188, 0.420}, {0.549, 0.290, 0.063}, {0.243, 0.533, 0.784},
                         {0.941, 0.627, 0.314}, {0.776, 0.859, 0.937}};
constexpr Rgb kSingle{0.0, 0.369, 0.722};       // L* 40, NHS blue
constexpr Rgb kReference{0.651, 0.651, 0.651};  // L* 68

}  // namespace

SeriesColour series_colour(std::size_t series, std::size_t count) {
    if (count == 1) return {kSingle, false};
    if (count == 2) return series == 0 ? SeriesColour{kSingle, false} : SeriesColour{kReference, true};
    const std::size_t steps = std::size(kRamp);
    const std::size_t step =
        count <= steps ? (series * (steps - 1) + (count - 1) / 2) / (count - 1) : series % steps;
    return {kRamp[step], step >= 3};
}

std::string hex(const Rgb& c) {
    auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
    return text;
}

Axis round_axis(double top) {
    if (!(top > 0)) return {};
    const double raw = top / 5, magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * magnitude;
    for (double m : {1.0, 2.0, 2.5, 5.0}) {
        if (m * magnitude >= raw * (1 - 1e-9)) {
            step = m * magnitude;
            break;
        }
    }
    return {std::ceil(top / step - 1e-9) * step, step};
}

std::string cut_to_width(std::string text, double width, const MeasureText& measure) {
    if (measure(text) <= width) return text;
    while (!text.empty() && measure(text + "\u2026") > width) {
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
        if (!text.empty()) text.pop_back();
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text + "\u2026";
}

}  // namespace yousaid::report
