#pragma once
// Draws a Chart (report_document.h) as vectors: the title, a legend when there
// are two or more series, category labels on the left, a band of bars per
// category on a value axis from zero with gridlines at round ticks, each bar's
// label at its end (or, for a missing figure, where the bar would start), the
// tick labels and axis title underneath, then any note.
//
// Category labels wrap to at most two lines and are cut short with an ellipsis
// beyond that; the table after the chart has them in full. One series is NHS
// blue; of two, the second (a reference, such as a population share) is grey;
// three to five take steps of a blue and orange ramp. Series always differ in
// lightness, so they stay apart for colour-blind readers and in greyscale
// print; pale bars are edged so they show on white paper. Values below zero
// are drawn as zero.
#include "report/pdf_canvas.h"
#include "report/pdf_flow.h"
#include "report/report_document.h"

namespace yousaid::report {

// The height `chart` takes drawn `width` wide. A chart is drawn whole on one
// page, so bars and gaps get thinner when it would be taller than `max_height`
// (a page's body). 0 for a chart with no categories or no series: nothing is drawn.
double chart_height(const Chart& chart, const PdfCanvas& canvas, const PdfStyle& style, double width,
                    double max_height);

// Draws `chart` in the `width` from `left`, below `top`, taking chart_height's height.
void draw_chart(const Chart& chart, PdfCanvas& canvas, const PdfStyle& style, double left, double top,
                double width, double max_height);

}  // namespace yousaid::report
