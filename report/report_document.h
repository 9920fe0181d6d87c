#pragma once
// What a consultation report says, laid out as plain data: the builder fills it
// from the store, a template and the actions file; a renderer draws it. Text is
// UTF-8 and already redacted; numbers are already formatted.
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace yousaid::report {

struct Paragraph {
    std::string text;
};

struct Table {
    std::string caption;                          // shown above the table; may be empty
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;   // each row has header.size() cells
    std::vector<bool> right_aligned;              // per column; numbers are right-aligned
    std::string note;                             // shown under the table in small type; may be empty
};

struct Quote {
    std::string text;         // redacted, without surrounding quote marks
    std::string attribution;  // "Carer, face-to-face survey, Macclesfield, June 2014"
};

// One theme's "You said / We did" statement.
struct ThemeStatement {
    std::string title;        // "Care closer to home"
    std::string summary;      // "412 responses (27% of all) raised this, most often ..."
    std::vector<Quote> quotes;
    std::string action;       // "We did": what was done; may be empty when none is recorded
    std::string owner;
    std::string status;       // "done", "in progress", "planned", "not taken forward"
    std::string reason;       // why not, for "not taken forward" when the actions file says; else empty
};

// One set of bars in a chart: a bar per category, in the chart's order.
struct ChartSeries {
    std::string name;                           // the legend's entry: "Share of population (approx.)"
    std::vector<std::optional<double>> values;  // per category; nullopt where there is no figure (no bar)
    std::vector<std::string> labels;            // per category, printed at the bar's end ("564 (33%)"), or
                                                // in place of a missing bar ("no figure"); may be ""
};

// A horizontal bar chart: a band per category holding one bar per series, in
// series order. Values are in `unit` on an axis from zero, so bars compare by
// length. A chart is a picture of the table that follows it, which holds every
// figure drawn and the full category labels (long ones may be cut short here).
struct Chart {
    std::string title;                    // shown above the chart, like a table caption
    std::vector<std::string> categories;  // top to bottom
    std::vector<ChartSeries> series;      // one or more; a legend is drawn when there are two or more
    std::string axis_title;               // under the value axis: "Share of responses"
    std::string unit;                     // after each tick's number: "%"
    std::string alt_text;                 // one or two sentences saying what the chart shows, for readers
                                          // who cannot see it
    std::string note;                     // shown under the chart in small type; may be empty
};

using Block = std::variant<Paragraph, Table, ThemeStatement, Chart>;

struct Section {
    std::string heading;
    std::vector<Block> blocks;
};

struct ReportDocument {
    std::string title;        // cover title, and the PDF's title
    std::string subtitle;
    std::string programme;    // "Caring Together in Eastern Cheshire"
    std::string date_line;    // "August 2014"
    std::string author;       // "NHS Eastern Cheshire CCG"
    std::vector<Section> sections;
};

}  // namespace yousaid::report
