#pragma once
// What the PDF's charts (pdf_chart.h) and the HTML companion's (svg_chart.h)
// share, so the two never draw different pictures: the palette and how series
// take its colours, the axis's round ticks, and labels cut to fit.
#include <cstddef>
#include <string>

#include "report/text_layout.h"

namespace yousaid::report {

struct Rgb {
    double r = 0, g = 0, b = 0;  // 0..1
};

// Edges of pale bars, and the value grid.
inline constexpr Rgb kBarEdge{0.38, 0.38, 0.38};
inline constexpr Rgb kGridLine{0.86, 0.86, 0.86};

struct SeriesColour {
    Rgb fill;
    bool edged = false;  // pale: drawn with an edge so it stands out from the page
};

// One series: NHS blue. Two: blue against grey (a share against the
// population's). Three to five: steps about 16 apart in CIE L*, darkest first,
// alternating blue and orange (a pair the common colour-vision deficiencies
// keep apart), spread over the ramp. More than five repeat it, and only their
// order within each band tells them apart.
SeriesColour series_colour(std::size_t series, std::size_t count);

// "#rrggbb".
std::string hex(const Rgb& colour);

// Ticks from zero past `top`: a step of 1, 2, 2.5 or 5 times a power of ten
// giving about five intervals.
struct Axis {
    double max = 1;
    double step = 1;
};
Axis round_axis(double top);

// `text` cut to `width`, ending in an ellipsis when anything was cut.
std::string cut_to_width(std::string text, double width, const MeasureText& measure);

}  // namespace yousaid::report
