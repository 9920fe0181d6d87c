#pragma once
// Draws a Chart (report_document.h) as inline SVG for the HTML report: the same
// picture as the PDF's (pdf_chart.h), horizontal bars on a value axis from zero
// with gridlines at round ticks, each bar labelled at its end (a missing figure
// labelled where its bar would start), a legend for two or more series, the
// same colours, and long category labels wrapped to two lines and cut short
// (the table after the chart has them in full).
//
// The SVG is an image to assistive technology: role="img", named by the
// chart's alt text (aria-label and a <title>), so its pieces of text are not
// read one by one. Its title and note are left to the page (a <figcaption>).
// It is drawn in a fixed coordinate space (a viewBox 640 units wide) and
// scales to the width it is given; text widths are estimated generously for
// common sans-serif fonts, as an SVG cannot measure its own text.
#include <string>

#include "report/report_document.h"

namespace yousaid::report {

// The <svg> element for `chart`, its attributes and text escaped; `title_id`,
// unique in the page, is its <title>'s id. Empty for a chart with no
// categories or no series, which is not drawn. The alt text falls back to the
// chart's title when it is empty, so the image always has a name.
std::string svg_chart(const Chart& chart, const std::string& title_id);

}  // namespace yousaid::report
