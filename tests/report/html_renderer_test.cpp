#include "report/html_renderer.h"
#include "report/output_file.h"

#include <doctest/doctest.h>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include "report/html_escape.h"
#include "report/svg_chart.h"
#include "tests/test_support.h"

namespace yousaid::report {
namespace {

using yousaid::testing::run_command;
using yousaid::testing::TempDir;

// Every match of `pattern` in `text`: the first group when it has one, else the whole match.
std::vector<std::string> matches(const std::string& text, const std::string& pattern) {
    const std::regex re(pattern);
    std::vector<std::string> found;
    for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it) {
        found.push_back(it->size() > 1 ? (*it)[1].str() : it->str());
    }
    return found;
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
    return n;
}

Table theme_table() {
    Table t;
    t.caption = "Themes raised";
    t.header = {"Theme", "Responses", "Share of responses"};
    t.right_aligned = {false, true, true};
    t.rows = {{"GP access", "564", "33%"}, {"Carers & family", "12", "\u2013"}};
    t.note = "A share of fewer than 10 responses is shown as \u2013.";
    return t;
}

Chart theme_chart() {
    Chart c;
    c.title = "Share of responses raising each theme";
    c.categories = {"GP access", "Carers & family"};
    c.series = {ChartSeries{"Share of responses", {33.0, std::nullopt}, {"564 (33%)", "\u2013"}}};
    c.axis_title = "Share of responses";
    c.unit = "%";
    c.alt_text = "A bar chart of the share of responses for each of 2 themes, from GP access (33%) down.";
    return c;
}

ReportDocument sample_document() {
    ReportDocument d;
    d.title = "You said, we did";
    d.subtitle = "What people told Caring Together in summer 2014";
    d.programme = "Caring Together in Eastern Cheshire";
    d.date_line = "August 2014";
    d.author = "NHS Eastern Cheshire CCG";

    Section heard{"Who we heard from", {}};
    heard.blocks.emplace_back(Paragraph{"We heard 1,234 responses.\nCaf\u00E9 owners paid \u00A32 for the bus."});
    heard.blocks.emplace_back(theme_chart());
    heard.blocks.emplace_back(theme_table());
    d.sections.push_back(heard);

    Section said{"You said, we did", {}};
    ThemeStatement closer;
    closer.title = "Care closer to home";
    closer.summary = "412 responses (27% of all) raised this.";
    closer.quotes.push_back({"It costs me \u00A312 in taxis", "Carer, telephone survey, July 2014"});
    closer.action = "Two community clinics open in Congleton from October.";
    closer.owner = "NHS Eastern Cheshire CCG";
    closer.status = "in progress";
    said.blocks.emplace_back(closer);
    ThemeStatement access;
    access.title = "One point of access";
    access.summary = "Several people were unsure who to call.";
    said.blocks.emplace_back(access);
    d.sections.push_back(said);
    return d;
}

TEST_CASE("escape_html writes the five special characters as references, and nothing else") {
    struct Case {
        std::string text, escaped;
    };
    const Case cases[] = {
        {"", ""},
        {"plain text", "plain text"},
        {"Tom & Jerry", "Tom &amp; Jerry"},
        {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
        {"say \"no\" or 'yes'", "say &quot;no&quot; or &#39;yes&#39;"},
        {"&amp; already", "&amp;amp; already"},
        {"caf\u00E9 \u00A35 \u201Cquoted\u201D \u2013", "caf\u00E9 \u00A35 \u201Cquoted\u201D \u2013"},
        {"tab\tline\ncarriage\r", "tab\tline\ncarriage\r"},
        {std::string("nul\0bell\x07" "del\x7F", 13), "nul\uFFFDbell\uFFFDdel\uFFFD"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(escape_html(c.text) == c.escaped);
    }
}

TEST_CASE("headings run h1, h2 per section, h3 per statement, in order, skipping no level") {
    const std::string html = html_report(sample_document());
    const std::vector<std::string> levels = matches(html, "<h([1-6])[ >]");
    CHECK(levels == std::vector<std::string>{"1", "2", "2", "2", "3", "3"});
    CHECK(matches(html, "<h1>([^<]*)</h1>") == std::vector<std::string>{"You said, we did"});
    CHECK(matches(html, "<h2 id=\"[^\"]*\">([^<]*)</h2>") ==
          std::vector<std::string>{"Contents", "Who we heard from", "You said, we did"});
    CHECK(matches(html, "<h3 id=\"[^\"]*\">([^<]*)</h3>") ==
          std::vector<std::string>{"Care closer to home", "One point of access"});
}

TEST_CASE("the contents links to every section, and ids are unique") {
    ReportDocument d = sample_document();
    d.sections.push_back(Section{"Who we heard from", {Paragraph{"A second section of the same name."}}});
    d.sections.push_back(Section{"Contents", {Paragraph{"A section named like the contents."}}});
    const std::string html = html_report(d);
    const std::vector<std::string> links = matches(html, "<li><a href=\"#([^\"]+)\">");
    const std::vector<std::string> targets = matches(html, "<h2 id=\"([^\"]+)\">");
    REQUIRE(targets.size() == 5);
    CHECK(links == std::vector<std::string>(targets.begin() + 1, targets.end()));
    CHECK(links == std::vector<std::string>{"who-we-heard-from", "you-said-we-did", "who-we-heard-from-2",
                                            "contents-2"});
    const std::vector<std::string> ids = matches(html, " id=\"([^\"]+)\"");
    CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());
    CHECK(html.find("<nav aria-labelledby=\"contents\">") != std::string::npos);
}

TEST_CASE("tables have a caption, column and row headers, right-aligned numbers and their note") {
    const std::string html = html_report(sample_document());
    CHECK(html.find("<caption>Themes raised</caption>") != std::string::npos);
    CHECK(html.find("<thead>\n<tr><th scope=\"col\">Theme</th><th scope=\"col\" class=\"num\">Responses</th>"
                    "<th scope=\"col\" class=\"num\">Share of responses</th></tr>\n</thead>") != std::string::npos);
    CHECK(html.find("<tr><th scope=\"row\">GP access</th><td class=\"num\">564</td><td class=\"num\">33%</td></tr>") !=
          std::string::npos);
    CHECK(html.find("<tr><th scope=\"row\">Carers &amp; family</th>") != std::string::npos);
    // Every header cell says what it heads.
    CHECK(matches(html, "<th[ >]").size() == count(html, "<th scope=\"col\"") + count(html, "<th scope=\"row\""));
    CHECK(count(html, "<th scope=\"row\"") == 2);
    CHECK(html.find("<table aria-describedby=\"table-note-1\">") != std::string::npos);
    CHECK(html.find("<p class=\"note\" id=\"table-note-1\">A share of fewer than 10 responses is shown as "
                    "\u2013.</p>") !=
          std::string::npos);

    ReportDocument d = sample_document();
    Table bare;
    bare.rows = {{"no header"}};
    d.sections[0].blocks = {bare};
    CHECK(html_report(d).find("<table") == std::string::npos);  // as the PDF: not drawn
}

TEST_CASE("every chart is a figure with a caption and an SVG image named by its alt text") {
    ReportDocument d = sample_document();
    Chart untitled = theme_chart();
    untitled.alt_text = "";
    d.sections[1].blocks.emplace_back(untitled);
    Chart empty = theme_chart();
    empty.categories.clear();
    d.sections[1].blocks.emplace_back(empty);
    const std::string html = html_report(d);

    CHECK(count(html, "<figure>") == 2);  // the empty chart is not drawn
    CHECK(count(html, "<figcaption>Share of responses raising each theme</figcaption>") == 2);
    const std::vector<std::string> names = matches(html, "<svg [^>]*role=\"img\" aria-label=\"([^\"]*)\"");
    CHECK(names == std::vector<std::string>{theme_chart().alt_text, "Share of responses raising each theme"});
    const std::vector<std::string> titles = matches(html, "<svg [^>]*>\n<title id=\"[^\"]+\">([^<]*)</title>");
    CHECK(titles == names);
    CHECK(count(html, "<svg ") == 2);
}

TEST_CASE("an SVG chart draws a bar per figure, labels at the bars, a legend for two series") {
    const std::string one = svg_chart(theme_chart(), "chart-title-1");
    CHECK(one.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 640 ", 0) == 0);
    CHECK(count(one, "<rect ") == 1);  // the missing figure has no bar
    CHECK(one.find(">564 (33%)</text>") != std::string::npos);
    CHECK(one.find(" font-style=\"italic\" fill=\"#595959\">\u2013</text>") != std::string::npos);
    CHECK(one.find(">Carers &amp; family</text>") != std::string::npos);
    CHECK(one.find(">40%</text>") != std::string::npos);  // ticks run past the largest bar
    CHECK(one.find(">Share of responses</text>") != std::string::npos);

    Chart paired = theme_chart();
    paired.series.push_back(ChartSeries{"Share of population", {20.0, 5.0}, {"20%", "5%"}});
    const std::string two = svg_chart(paired, "chart-title-2");
    CHECK(count(two, "<rect ") == 2 + 3);  // two legend swatches, three bars
    CHECK(two.find(">Share of population</text>") != std::string::npos);
    CHECK(count(two, "fill=\"#a6a6a6\" stroke=") == 3);  // the reference series, edged

    Chart none = theme_chart();
    none.series.clear();
    CHECK(svg_chart(none, "chart-title-3") == "");
}

TEST_CASE("statements show the summary, quotes with attribution, and the We did box") {
    const std::string html = html_report(sample_document());
    CHECK(html.find("<p class=\"summary\">412 responses (27% of all) raised this.</p>") != std::string::npos);
    CHECK(html.find("<blockquote>\n<p>\u201CIt costs me \u00A312 in taxis\u201D</p>\n"
                    "<footer>\u2014 Carer, telephone survey, July 2014</footer>\n</blockquote>") != std::string::npos);
    CHECK(html.find("<p class=\"label\">We did</p>\n<p>Two community clinics open in Congleton from October.</p>\n"
                    "<p class=\"meta\">Owner: NHS Eastern Cheshire CCG <span aria-hidden=\"true\">\u00B7</span> "
                    "<span class=\"status\">Status: In progress</span></p>") != std::string::npos);
    CHECK(html.find("<p class=\"none\">No action recorded yet</p>") != std::string::npos);

    ReportDocument d = sample_document();
    auto& dropped = std::get<ThemeStatement>(d.sections[1].blocks[1]);
    dropped.action = "Not taken forward this year.";
    dropped.status = "not taken forward";
    dropped.reason = "no funding until 2015";
    CHECK(html_report(d).find("<p class=\"meta\"><span class=\"status\">Status: Not taken forward</span> \u2014 no "
                              "funding until 2015</p>") != std::string::npos);
    CHECK(html.find("We heard 1,234 responses.<br/>\nCaf\u00E9 owners") != std::string::npos);
}

TEST_CASE("a draft has a DRAFT banner and title; a final report has neither") {
    HtmlOptions draft;
    draft.draft = true;
    const std::string drafted = html_report(sample_document(), draft);
    CHECK(drafted.find("<title>DRAFT: You said, we did</title>") != std::string::npos);
    CHECK(drafted.find("<p class=\"draft\" role=\"note\"><strong>DRAFT</strong>") != std::string::npos);
    CHECK(drafted.find("<div class=\"draft-mark\" aria-hidden=\"true\">DRAFT</div>") != std::string::npos);
    CHECK(drafted.find("<p class=\"draft\"") < drafted.find("<h1>"));

    const std::string final = html_report(sample_document());
    CHECK(final.find("<title>You said, we did</title>") != std::string::npos);
    CHECK(final.find("DRAFT") == std::string::npos);
}

TEST_CASE("the head says the language, title, author, description and dates; nothing is loaded or run") {
    HtmlOptions options;
    options.created = "2014-08-29";
    const std::string html = html_report(sample_document(), options);
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n", 0) == 0);
    CHECK(html.find("<meta name=\"author\" content=\"NHS Eastern Cheshire CCG\"/>") != std::string::npos);
    CHECK(html.find("<meta name=\"description\" content=\"What people told Caring Together in summer 2014\"/>") !=
          std::string::npos);
    CHECK(html.find("<meta name=\"dcterms.date\" content=\"August 2014\"/>") != std::string::npos);
    CHECK(html.find("<meta name=\"dcterms.created\" content=\"2014-08-29\"/>") != std::string::npos);
    CHECK(html_report(sample_document()).find("dcterms.created") == std::string::npos);

    for (const char* outside : {"<script", "<link", "<img", "<iframe", "src=", "url(", "@import", "javascript:"}) {
        CAPTURE(outside);
        CHECK(html.find(outside) == std::string::npos);
    }
    // The SVG namespace is the only address in the page, and it is a name, not a load.
    CHECK(matches(html, "https?://[^\"]*") == std::vector<std::string>{"http://www.w3.org/2000/svg"});
}

TEST_CASE("text that looks like markup is escaped everywhere, and the page is well-formed") {
    ReportDocument d = sample_document();
    const std::string evil = "<b>\"Fish\" & 'chips'</b>";
    d.title = d.subtitle = d.programme = d.author = d.date_line = evil;
    d.sections[0].heading = evil;
    auto& table = std::get<Table>(d.sections[0].blocks[2]);
    table.caption = table.note = table.header[0] = table.rows[0][0] = table.rows[0][1] = evil;
    auto& chart = std::get<Chart>(d.sections[0].blocks[1]);
    chart.title = chart.alt_text = chart.note = chart.axis_title = chart.categories[0] = evil;
    chart.series[0].labels[0] = evil;
    auto& statement = std::get<ThemeStatement>(d.sections[1].blocks[0]);
    statement.title = statement.summary = statement.action = statement.owner = statement.status = evil;
    statement.quotes[0] = {evil, evil};
    const std::string html = html_report(d, {true, "2014-08-29"});

    CHECK(html.find("<b>") == std::string::npos);
    CHECK(html.find("\"Fish\"") == std::string::npos);
    CHECK(html.find("'chips'") == std::string::npos);
    CHECK(count(html, "&lt;b&gt;&quot;Fish&quot; &amp; &#39;chips&#39;&lt;/b&gt;") >= 20);

    TempDir dir;
    const std::string path = dir.write("evil.html", html);
    auto xmllint = run_command("xmllint --noout " + path);
    CHECK(xmllint.exit_code == 0);
    CHECK(xmllint.output == "");
    auto good = run_command("xmllint --noout " + dir.write("good.html", html_report(sample_document())));
    CHECK(good.exit_code == 0);
    CHECK(good.output == "");
    // The check fails on a page that is not well-formed.
    auto bad = run_command("xmllint --noout " + dir.write("bad.html", "<html><p>Tom & Jerry</html>"));
    CHECK(bad.exit_code != 0);
}

TEST_CASE("render_html writes the page, or says why it could not") {
    TempDir dir;
    const std::string path = dir.path("report.html");
    CHECK(write_problem(path) == "");
    REQUIRE(render_html(sample_document(), path) == "");
    const std::string written = yousaid::testing::read_file(path);
    CHECK(written.find("<h1>You said, we did</h1>") != std::string::npos);
    CHECK(std::regex_search(written, std::regex("<meta name=\"dcterms.created\" content=\"\\d{4}-\\d{2}-\\d{2}\"/>")));

    const std::string missing = dir.path("no/such/folder/report.html");
    CHECK(write_problem(missing) == "cannot write " + missing + ": No such file or directory");
    CHECK(render_html(sample_document(), missing) == "cannot write " + missing + ": No such file or directory");
}

}  // namespace
}  // namespace yousaid::report
