// Charts in the PDF: drawn as vectors in a valid file, their words readable by
// pdftotext, never split across pages and never parted from their heading.
#include <doctest/doctest.h>

#include <string>

#include "report/pdf_renderer.h"
#include "tests/test_support.h"

namespace yousaid::report {
namespace {

using testing::run_command;
using testing::TempDir;

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t found = 0;
    for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++found;
    return found;
}

std::string pdf_text(const std::string& path) { return run_command("pdftotext -q -enc UTF-8 '" + path + "' -").output; }

const char* const kLongLabel =
    "A category label so long that it could never fit in the space a chart gives its labels, however wide the page";

Chart reach_chart() {
    Chart c;
    c.title = "Share of responses and of the population, by group";
    c.categories = {"Carers", "Younger people", kLongLabel, "Veterans"};
    c.series.push_back({"Share of responses", {12.0, 6.0, 9.0, 2.0}, {"12%", "6%", "9%", "2%"}});
    c.series.push_back({"Share of population (approx.)", {11.0, 9.0, 0.0, std::nullopt}, {"11%", "9%", "0%", "no figure"}});
    c.axis_title = "Share";
    c.unit = "%";
    c.alt_text = "Paired bars for 4 groups.";
    c.note = "Population shares are approximate.";
    return c;
}

ReportDocument document_with(std::vector<Block> blocks) {
    ReportDocument d;
    d.title = "Charts";
    d.sections.push_back(Section{"Who we heard from", std::move(blocks)});
    return d;
}

// Uncompressed, so the drawing operators can be counted.
std::string page_content(const std::string& path) {
    return run_command("qpdf --qdf --object-streams=disable '" + path + "' -").output;
}

TEST_CASE("a chart is drawn as vectors in a valid PDF, with its words in the text") {
    TempDir dir;
    const std::string with = dir.path("chart.pdf"), without = dir.path("plain.pdf");
    REQUIRE(render_pdf(document_with({Paragraph{"Before the chart."}, reach_chart()}), with) == "");
    REQUIRE(render_pdf(document_with({Paragraph{"Before the chart."}}), without) == "");

    const std::string check = run_command("qpdf --check '" + with + "'").output;
    CHECK(check.find("No syntax or stream encoding errors found") != std::string::npos);
    CHECK(check.find("ERROR") == std::string::npos);

    const std::string text = pdf_text(with);
    for (const char* words : {"Share of responses and of the population, by group", "Share of responses",
                              "Share of population (approx.)", "Carers", "Younger people", "Veterans", "12%", "11%",
                              "no figure", "0%", "5%", "10%", "Share\n", "Population shares are approximate."}) {
        CAPTURE(words);
        CHECK(text.find(words) != std::string::npos);
    }
    // The long label is cut short with an ellipsis (the table beside a chart has it whole).
    CHECK(text.find("A category label so long") != std::string::npos);
    CHECK(text.find("however wide the page") == std::string::npos);
    CHECK(count(text, "\u2026") == 1);
    // The alt text is for other formats, not printed.
    CHECK(text.find("Paired bars") == std::string::npos);

    // A rectangle per bar with a length (six: a zero and a missing value draw
    // none) and per legend swatch (two).
    CHECK(count(page_content(with), " re\n") - count(page_content(without), " re\n") == 6 + 2);
}

TEST_CASE("a chart is never split across pages, nor parted from the heading before it") {
    // Ever more filler before the chart, so that for some counts the chart, or
    // the second heading, would start at the foot of a page.
    TempDir dir;
    const std::string path = dir.path("keep.pdf");
    for (int lines = 10; lines <= 46; lines += 3) {
        CAPTURE(lines);
        std::string filler;
        for (int i = 0; i < lines; ++i) filler += "Filler line " + std::to_string(i) + "\n";
        ReportDocument d = document_with({Paragraph{filler}, reach_chart()});
        d.sections.push_back(Section{"Chart first", {reach_chart()}});
        d.sections.back().blocks.emplace_back(Paragraph{"After the second chart."});
        REQUIRE(render_pdf(d, path) == "");
        const std::string text = run_command("pdftotext -q -enc UTF-8 -f 3 '" + path + "' -").output;
        auto page_of = [&](const std::string& words, std::size_t from = 0) {
            std::size_t at = text.find(words, from);
            REQUIRE(at != std::string::npos);
            return count(text.substr(0, at), "\f");
        };
        const std::size_t first_title = text.find("by group");
        CHECK(page_of("by group") == page_of("Population shares are approximate."));
        const std::size_t heading = text.find("Chart first");
        CHECK(page_of("Chart first") == page_of("by group", heading));
        CHECK(page_of("by group", heading) == page_of("Population shares are approximate.", heading));
        CHECK(first_title < heading);
    }
}

TEST_CASE("a chart too tall for a page gets thinner bars and stays on one page") {
    Chart tall;
    tall.title = "Responses by event";
    for (int i = 1; i <= 80; ++i) {
        tall.categories.push_back("Event " + std::to_string(i));
    }
    ChartSeries series{"Share of responses", {}, {}};
    for (int i = 1; i <= 80; ++i) {
        series.values.push_back(i);
        series.labels.push_back(std::to_string(i) + "%");
    }
    tall.series.push_back(series);
    TempDir dir;
    const std::string path = dir.path("tall.pdf");
    REQUIRE(render_pdf(document_with({tall}), path) == "");
    CHECK(run_command("qpdf --show-npages '" + path + "'").output == "3\n");  // cover, contents, the chart
    const std::string text = pdf_text(path);
    CHECK(text.find("Event 1\n") != std::string::npos);
    CHECK(text.find("Event 80\n") != std::string::npos);
}

TEST_CASE("a chart with no categories or no series is not drawn") {
    TempDir dir;
    const std::string path = dir.path("empty.pdf");
    Chart no_categories = reach_chart();
    no_categories.categories.clear();
    Chart no_series = reach_chart();
    no_series.title = "Another title";
    no_series.series.clear();
    REQUIRE(render_pdf(document_with({Paragraph{"Only words."}, no_categories, no_series}), path) == "");
    const std::string text = pdf_text(path);
    CHECK(text.find("Only words.") != std::string::npos);
    CHECK(text.find("by group") == std::string::npos);
    CHECK(text.find("Another title") == std::string::npos);
}

}  // namespace
}  // namespace yousaid::report
