#include "report/pdf_renderer.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "report/text_layout.h"

namespace yousaid::report {
namespace {

namespace fs = std::filesystem;

// Standard output of a shell command (poppler and qpdf tools); stderr dropped.
std::string run(const std::string& command) {
    std::string out;
    std::FILE* pipe = ::popen((command + " 2>/dev/null").c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
    ::pclose(pipe);
    return out;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t found = 0;
    for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) {
        ++found;
    }
    return found;
}

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("yousaid-pdf-test-" + std::to_string(::getpid()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};

Table reach_table(int rows) {
    Table t;
    t.caption = "Table 1: Responses by channel";
    t.header = {"Channel heading", "Responses", "Share"};
    t.right_aligned = {false, true, true};
    for (int i = 1; i <= rows; ++i) {
        t.rows.push_back({"Channel number " + std::to_string(i), std::to_string(i * 7), std::to_string(i) + "%"});
    }
    t.note = "Percentages are of all responses.";
    return t;
}

ReportDocument sample_document() {
    ReportDocument d;
    d.title = "You said, we did";
    d.subtitle = "What people told Caring Together in summer 2014";
    d.programme = "Caring Together in Eastern Cheshire";
    d.date_line = "August 2014";
    d.author = "NHS Eastern Cheshire CCG";

    Section intro{"Who we heard from", {}};
    intro.blocks.emplace_back(Paragraph{"We heard 1,234 responses at 12 events. Café owners in Macclesfield "
                                        "told us about the £2 bus fare."});
    d.sections.push_back(intro);

    Section said{"You said, we did", {}};
    ThemeStatement closer;
    closer.title = "Care closer to home";
    closer.summary = "412 responses (27% of all) raised this.";
    closer.quotes.push_back({"It costs me £12 in taxis to get to the hospital for a ten-minute appointment",
                             "Carer, telephone survey, July 2014"});
    closer.action = "Two community clinics open in Congleton from October.";
    closer.owner = "NHS Eastern Cheshire CCG";
    closer.status = "in progress";
    said.blocks.emplace_back(closer);
    ThemeStatement access;
    access.title = "One point of access";
    access.summary = "Several people were unsure who to call.";
    said.blocks.emplace_back(access);
    d.sections.push_back(said);

    Section reach{"Reach in detail", {}};
    reach.blocks.emplace_back(reach_table(120));  // long enough for three pages
    d.sections.push_back(reach);
    return d;
}

TEST_CASE("text is wrapped at Unicode line-break opportunities within the width") {
    // Every character is 1 point wide, so widths are character counts.
    auto measure = [](std::string_view s) {
        double n = 0;
        for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
        return n;
    };
    struct Case {
        const char* text;
        double width;
        std::vector<std::string> lines;
    };
    const Case cases[] = {
        {"", 10, {}},
        {"one two three four", 9, {"one two", "three", "four"}},
        {"one two three four", 100, {"one two three four"}},
        {"  lead  and trail  ", 100, {"lead  and trail"}},
        {"well-known café’s £5", 6, {"well-", "known", "café’s", "£5"}},
        {"abcdefghij", 4, {"abcd", "efgh", "ij"}},
        {"first\nsecond line", 100, {"first", "second line"}},
        {"a\n\nb", 100, {"a", "", "b"}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(wrap_text(c.text, c.width, measure) == c.lines);
    }
    TextExtent extent = measure_extent("one three\nfour", measure);
    CHECK(extent.widest == 9);
    CHECK(extent.narrowest == 5);
}

TEST_CASE("a report renders to a valid PDF with its text, contents, footers and bookmarks") {
    TempDir dir;
    const std::string path = (dir.path / "report.pdf").string();
    REQUIRE(render_pdf(sample_document(), path) == "");

    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::string head(5, '\0');
    in.read(head.data(), 5);
    CHECK(head == "%PDF-");

    const std::string text = run("pdftotext -enc UTF-8 '" + path + "' -");
    CHECK(count(text, "Caring Together in Eastern Cheshire") == 1);  // the cover
    CHECK(text.find("What people told Caring Together in summer 2014") != std::string::npos);
    CHECK(count(text, "Who we heard from") == 2);                     // contents and heading
    CHECK(count(text, "Care closer to home") == 1);
    CHECK(text.find("Café owners in Macclesfield") != std::string::npos);
    CHECK(text.find("“It costs me £12 in taxis to get to the hospital") != std::string::npos);
    CHECK(text.find("appointment”") != std::string::npos);
    CHECK(text.find("— Carer, telephone survey, July 2014") != std::string::npos);
    CHECK(text.find("Two community clinics open in Congleton from October.") != std::string::npos);
    CHECK(text.find("Owner: NHS Eastern Cheshire CCG") != std::string::npos);
    CHECK(text.find("Status: In progress") != std::string::npos);
    CHECK(text.find("No action recorded yet") != std::string::npos);  // the statement without one
    CHECK(text.find("DRAFT") == std::string::npos);

    const std::string info = run("pdfinfo '" + path + "'");
    CHECK(info.find("Title:           You said, we did\n") != std::string::npos);
    CHECK(info.find("Subject:         What people told Caring Together in summer 2014\n") != std::string::npos);
    CHECK(info.find("Author:          NHS Eastern Cheshire CCG\n") != std::string::npos);
    CHECK(info.find("Creator:         yousaid\n") != std::string::npos);
    CHECK(info.find("Page size:       595.276 x 841.89 pts (A4)") != std::string::npos);
    const std::size_t pages_at = info.find("Pages:");
    REQUIRE(pages_at != std::string::npos);
    const int pages = std::stoi(info.substr(pages_at + 6));
    CHECK(pages >= 5);  // cover, contents, sections, and the long table's extra pages

    // Footers on every page but the cover.
    CHECK(text.find("Page 1 of") == std::string::npos);
    for (int p = 2; p <= pages; ++p) {
        CHECK(count(text, "Page " + std::to_string(p) + " of " + std::to_string(pages) + "\n") == 1);
    }
    CHECK(count(text, "You said, we did\n") >= static_cast<std::size_t>(pages - 1));  // footer title

    // Contents entries carry the page each section starts on.
    const std::string contents = run("pdftotext -enc UTF-8 -layout -f 2 -l 2 '" + path + "' -");
    CHECK(contents.find("Contents") != std::string::npos);
    for (const char* heading : {"Who we heard from", "You said, we did", "Reach in detail"}) {
        CAPTURE(heading);
        std::size_t at = contents.find(heading);
        REQUIRE(at != std::string::npos);
        std::string entry = contents.substr(at, contents.find('\n', at) - at);
        std::string number = entry.substr(entry.find_last_of(' ') + 1);
        std::string page = run("pdftotext -enc UTF-8 -f " + number + " -l " + number + " '" + path + "' -");
        CHECK(page.find(heading) != std::string::npos);
    }

    // Bookmarks, one per section after the contents.
    const std::string outlines = run("qpdf --json --json-key=outlines '" + path + "'");
    CHECK(outlines.find("\"title\": \"Contents\"") != std::string::npos);
    CHECK(outlines.find("\"title\": \"Who we heard from\"") != std::string::npos);
    CHECK(outlines.find("\"title\": \"Reach in detail\"") != std::string::npos);
    CHECK(count(run("qpdf --show-npages '" + path + "'"), "\n") == 1);
    // Contents entries link to the section pages.
    CHECK(count(run("qpdf --qdf --object-streams=disable '" + path + "' - | grep -a '/Subtype /Link'"), "\n") == 3);

    // A well-formed file with the fonts embedded.
    const std::string check = run("qpdf --check '" + path + "'");
    CHECK(check.find("No syntax or stream encoding errors found") != std::string::npos);
    CHECK(check.find("ERROR") == std::string::npos);
    const std::string fonts = run("pdffonts '" + path + "'");
    CHECK(count(fonts, "CID TrueType      Identity-H       yes yes yes") == 3);
    CHECK(fonts.find("DejaVuSans-Bold") != std::string::npos);
    CHECK(fonts.find("DejaVuSans-Oblique") != std::string::npos);
}

TEST_CASE("a table that crosses pages repeats its header row") {
    TempDir dir;
    const std::string path = (dir.path / "table.pdf").string();
    ReportDocument d;
    d.title = "Tables";
    Section s{"A long table", {}};
    s.blocks.emplace_back(reach_table(120));
    d.sections.push_back(s);
    REQUIRE(render_pdf(d, path) == "");
    const std::string text = run("pdftotext -enc UTF-8 '" + path + "' -");
    int pages = std::stoi(run("qpdf --show-npages '" + path + "'"));
    CHECK(pages >= 5);  // cover, contents, three or more of table
    CHECK(count(text, "Channel heading") == static_cast<std::size_t>(pages - 2));
    CHECK(count(text, "Table 1: Responses by channel") == 1);
    CHECK(count(text, "Channel number 120\n") == 1);
    CHECK(count(text, "Percentages are of all responses.") == 1);
}

TEST_CASE("a table's last row never stands alone on a page") {
    // Lengthen the table until, for some length, only its last row would spill over.
    TempDir dir;
    const std::string path = (dir.path / "widow.pdf").string();
    bool spilled = false;
    for (int rows = 28; rows <= 44; ++rows) {
        CAPTURE(rows);
        ReportDocument d;
        d.title = "Widows";
        d.sections.push_back(Section{"A table", {reach_table(rows)}});
        REQUIRE(render_pdf(d, path) == "");
        const std::string text = run("pdftotext -enc UTF-8 -f 3 '" + path + "' -");
        const std::size_t last = text.find("Channel number " + std::to_string(rows) + "\n");
        const std::size_t before = text.find("Channel number " + std::to_string(rows - 1) + "\n");
        REQUIRE(last != std::string::npos);
        REQUIRE(before != std::string::npos);
        CHECK(text.rfind('\f', last) == text.rfind('\f', before));  // the same page
        spilled = spilled || text.rfind('\f', last) != std::string::npos;
    }
    CHECK(spilled);  // some length did run onto a second page
}

TEST_CASE("a heading is never left alone at the foot of a page") {
    // Fill the first section with ever more lines, so that for some count the
    // second heading would fit at the foot of the page but its text would not.
    TempDir dir;
    const std::string path = (dir.path / "keep.pdf").string();
    for (int lines = 30; lines <= 48; ++lines) {
        CAPTURE(lines);
        ReportDocument d;
        d.title = "Keep";
        std::string filler;
        for (int i = 0; i < lines; ++i) filler += "Filler line " + std::to_string(i) + "\n";
        d.sections.push_back(Section{"First section", {Paragraph{filler}}});
        d.sections.push_back(Section{"Second section", {Paragraph{"Opening words of the second section."}}});
        REQUIRE(render_pdf(d, path) == "");
        std::string text = run("pdftotext -enc UTF-8 -f 3 '" + path + "' -");
        std::size_t heading = text.find("Second section");
        std::size_t words = text.find("Opening words");
        REQUIRE(heading != std::string::npos);
        REQUIRE(words != std::string::npos);
        CHECK(text.find('\f', heading) == text.find('\f', words));  // the same page
    }
}

TEST_CASE("a draft carries a DRAFT mark on every page") {
    // pdftotext reads diagonal text letter by letter, so look for the 45° text
    // matrix in the uncompressed page content instead.
    auto diagonal_texts = [](const std::string& pdf) {
        return count(run("qpdf --qdf --object-streams=disable '" + pdf + "' -"),
                     "0.70711 0.70711 -0.70711 0.70711 ");
    };
    TempDir dir;
    const std::string draft = (dir.path / "draft.pdf").string();
    const std::string final_copy = (dir.path / "final.pdf").string();
    PdfOptions options;
    options.draft = true;
    REQUIRE(render_pdf(sample_document(), draft, options) == "");
    REQUIRE(render_pdf(sample_document(), final_copy) == "");
    int pages = std::stoi(run("qpdf --show-npages '" + draft + "'"));
    CHECK(diagonal_texts(draft) == static_cast<std::size_t>(pages));
    CHECK(diagonal_texts(final_copy) == 0);
}

TEST_CASE("failures are reported, naming what failed") {
    TempDir dir;
    struct Case {
        std::string path;
        std::string font_dir;
        std::string error;
    };
    const std::string missing = (dir.path / "no-such-dir" / "report.pdf").string();
    const std::string fonts = PdfOptions{}.font_dir;
    const Case cases[] = {
        {missing, fonts, "cannot write " + missing + ": No such file or directory"},
        {dir.path.string(), fonts, "cannot write " + dir.path.string() + ": Is a directory"},
        {(dir.path / "ok.pdf").string(), "/no/fonts",
         "cannot read font /no/fonts/DejaVuSans.ttf"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.path);
        PdfOptions options;
        options.font_dir = c.font_dir;
        CHECK(render_pdf(sample_document(), c.path, options) == c.error);
    }
    CHECK_FALSE(fs::exists(dir.path / "ok.pdf"));
}

}  // namespace
}  // namespace yousaid::report
