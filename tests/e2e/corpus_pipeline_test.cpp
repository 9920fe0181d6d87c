// Runs the built yousaid binary over corpus/, as `make demo` does, and checks
// what a user sees: the counts, search results, a cross-tab, and the published
// PDF as poppler-utils and qpdf read it.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iterator>
#include <map>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/test_support.h"

using yousaid::testing::run_command;
using yousaid::testing::TempDir;

namespace {

const std::string kSource = YOUSAID_SOURCE_DIR;
const std::string kBinary = YOUSAID_BINARY;
const std::string kTemplate = kSource + "/templates/august-report.tmpl";

std::string corpus_files() {
    return kSource + "/corpus/responses/*.csv " + kSource + "/corpus/panels/*.txt";
}

// "read N, accepted N, rejected N, unchanged N" from a run's total line.
struct Counts {
    long read = -1, accepted = -1, rejected = -1, unchanged = -1;
};
Counts total_counts(const std::string& output) {
    std::smatch m;
    static const std::regex total(R"(total: read (\d+), accepted (\d+), rejected (\d+), unchanged (\d+))");
    Counts c;
    if (std::regex_search(output, m, total)) {
        c = {std::stol(m[1]), std::stol(m[2]), std::stol(m[3]), std::stol(m[4])};
    }
    return c;
}

// White space runs as one space, as text wraps differently in a PDF.
std::string squeeze(const std::string& text) { return std::regex_replace(text, std::regex("\\s+"), " "); }

// The values of a template's lines "KEY: value", in order: its sections
// ("section"), its cover fields ("title", "author").
std::vector<std::string> values_of(const std::string& path, const std::string& key) {
    std::istringstream in(yousaid::testing::read_file(path));
    std::vector<std::string> values;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind(key + ": ", 0) == 0) values.push_back(line.substr(key.size() + 2));
    }
    return values;
}

// The titles of the codebook's themes (its groups have titles too).
std::vector<std::string> theme_titles(const std::string& codebook) {
    std::istringstream in(yousaid::testing::read_file(codebook));
    std::vector<std::string> titles;
    bool in_theme = false;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line[0] != ' ') in_theme = line.rfind("theme ", 0) == 0;
        if (in_theme && line.rfind("  title: ", 0) == 0) titles.push_back(line.substr(9));
    }
    return titles;
}

// Personal data a published report must not print, found by patterns of the
// test's own rather than the redactor's: email addresses, UK mobile and
// landline numbers (0 or +44, spaced, bracketed or hyphenated any usual way) and
// NHS numbers (ten digits, or 3-3-4 spaced). A line break may fall where a
// space was, as pdftotext wraps lines.
std::vector<std::string> personal_data_in(const std::string& text) {
    static const std::regex email(R"([\w.+-]+@[\w-]+(\.[\w-]+)*\.[A-Za-z]{2,})");
    static const std::regex mobile(R"((\+44 ?|\(?0)7\d{3}\)?[ \n-]?\d{3}[ \n-]?\d{3})");
    static const std::regex landline(R"((\+44 ?(\(0\) ?)?|\(?0)[1-3]\d{1,4}\)?[ \n-]?\d{3,4}[ \n-]?\d{3,4})");
    static const std::regex nhs_number(R"(\d{3}[ \n-]?\d{3}[ \n-]?\d{4})");
    // A UK number has 10 or 11 digits with its leading 0 (+44 stands for the 0, "(0)" or not).
    auto uk_length = [](const std::string& match) {
        const bool international = match.rfind("+44", 0) == 0;
        std::string digits = international ? "0" : "";
        for (char c : international ? match.substr(3) : match) {
            if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
        }
        if (digits.rfind("00", 0) == 0) digits.erase(0, 1);  // "+44 (0)20 ..."
        return digits.size() == 10 || digits.size() == 11;
    };
    std::vector<std::string> found;
    for (const std::regex* pattern : {&email, &mobile, &landline, &nhs_number}) {
        for (std::sregex_iterator it(text.begin(), text.end(), *pattern), end; it != end; ++it) {
            // Part of a longer number is not one of these.
            std::size_t from = it->position(), to = from + it->length();
            bool digit_before = from > 0 && std::isdigit(static_cast<unsigned char>(text[from - 1]));
            bool digit_after = to < text.size() && std::isdigit(static_cast<unsigned char>(text[to]));
            bool phone = pattern == &mobile || pattern == &landline;
            if (pattern == &email || (!digit_before && !digit_after && (!phone || uk_length(it->str())))) {
                found.push_back(it->str());
            }
        }
    }
    return found;
}

// The line holding only `heading` at or after `from`, where a section starts:
// not the page footer, which repeats the report's title above "Page n of N".
std::size_t heading_line(const std::string& text, const std::string& heading, std::size_t from) {
    const std::string line = "\n" + heading + "\n";
    for (std::size_t at = text.find(line, from); at != std::string::npos; at = text.find(line, at + 1)) {
        if (text.compare(at + line.size(), 6, "\nPage ") != 0) return at + 1;
    }
    return std::string::npos;
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
    return n;
}

long pages(const std::string& pdf) {
    static const std::regex number(R"(^(\d+)\n$)");
    std::smatch m;
    const std::string out = run_command("qpdf --show-npages " + pdf).output;
    return std::regex_match(out, m, number) ? std::stol(m[1]) : -1;
}

// DRAFT marks: text drawn at 45 degrees, found in the uncompressed page
// content, as pdftotext reads diagonal text letter by letter.
long draft_marks(const std::string& pdf) {
    return static_cast<long>(count(run_command("qpdf --qdf --object-streams=disable " + pdf + " -").output,
                                   "0.70711 0.70711 -0.70711 0.70711 "));
}

// One store for the whole file: ingesting the corpus is the expensive part.
struct Demo {
    TempDir dir;
    std::string store = dir.path("demo.db");
    std::string pdf = dir.path("august-report.pdf");
    yousaid::testing::CommandResult ingest, reingest, report;
    std::string pdf_text;

    Demo() {
        std::string common = kBinary + " ingest --store " + store + " --codebook " + kSource + "/corpus/codebook.txt ";
        ingest = run_command(common + corpus_files());
        reingest = run_command(common + corpus_files());
        report = run_command(kBinary + " report --final --store " + store + " --actions " + kSource +
                             "/corpus/actions.csv --population " + kSource + "/corpus/population.csv --out " + pdf);
        pdf_text = run_command("pdftotext -q " + pdf + " -").output;
    }
    std::string search(const std::string& arguments) const {
        return run_command(kBinary + " search --store " + store + " " + arguments).output;
    }
};

const Demo& demo() {
    static Demo d;
    return d;
}

}  // namespace

TEST_CASE("--version prints the version; no command says one is needed") {
    auto version = run_command(kBinary + " --version");
    CHECK(version.exit_code == 0);
    CHECK(std::regex_match(version.output, std::regex(R"(yousaid \d+\.\d+\.\d+\n)")));
    auto none = run_command(kBinary);
    CHECK(none.exit_code == 2);
    CHECK(none.output.find("A subcommand is required") != std::string::npos);
}

TEST_CASE("ingest of the corpus: counts add up, the two bad rows are reported where they are") {
    const Demo& d = demo();
    CHECK(d.ingest.exit_code == 0);
    Counts c = total_counts(d.ingest.output);
    CHECK(c.read >= 1500);
    CHECK(c.rejected == 2);
    CHECK(c.unchanged == 0);
    CHECK(c.read == c.accepted + c.rejected + c.unchanged);
    // The bad date is reported at its own line of the file, column 10 (the Date field).
    std::string line = run_command("grep -n '31/06/2014' " + kSource +
                                   "/corpus/responses/telephone-survey-july-2014.csv | cut -d: -f1").output;
    line = line.substr(0, line.find('\n'));
    CHECK(d.ingest.output.find("telephone-survey-july-2014.csv:" + line +
                               ":10: error: date \"31/06/2014\" is not a date (expected YYYY-MM-DD or DD/MM/YYYY)\n") !=
          std::string::npos);
    CHECK(d.ingest.output.find(": error: the response text is empty") != std::string::npos);
}

TEST_CASE("ingesting the same files again changes nothing") {
    const Demo& d = demo();
    CHECK(d.reingest.exit_code == 0);
    Counts first = total_counts(d.ingest.output), again = total_counts(d.reingest.output);
    CHECK(again.read == first.read);
    CHECK(again.accepted == 0);
    CHECK(again.rejected == first.rejected);
    CHECK(again.unchanged == first.accepted);
}

TEST_CASE("tagging again with the same codebook changes nothing; a bad codebook is refused whole") {
    const Demo& d = demo();
    auto again = run_command(kBinary + " tag --store " + d.store + " --codebook " + kSource + "/corpus/codebook.txt");
    CHECK(again.exit_code == 0);
    CHECK(std::regex_search(again.output, std::regex(R"(^tagged \d+ responses with 15 themes and \d+ groups of \S+codebook\.txt; 0 changed\n$)")));

    TempDir dir;
    std::string bad = dir.write("codebook.txt", "theme broken\n  title: Broken\n  rule: (bus OR\n");
    auto refused = run_command(kBinary + " tag --store " + d.store + " --codebook " + bad);
    CHECK(refused.exit_code == 1);
    CHECK(refused.output.find(bad + ":3:9: error: rule is not a valid query: ") != std::string::npos);
    CHECK(refused.output.find("    rule: (bus OR\n            ^\n") != std::string::npos);
    CHECK(refused.output.find("yousaid: nothing tagged: the codebook has errors\n") != std::string::npos);

    // A codebook of nothing (an empty file, a folder) would take every rule's tags away.
    for (const std::string& nothing : {dir.write("empty.txt", ""), dir.path()}) {
        auto empty = run_command(kBinary + " tag --store " + d.store + " --codebook " + nothing);
        CHECK(empty.exit_code == 1);
        CHECK(empty.output.find("yousaid: " + nothing + ": ") == 0);
        CHECK(empty.output.find("yousaid: nothing tagged: the codebook has errors\n") != std::string::npos);
    }
    CHECK(run_command(kBinary + " tag --store " + d.store + " --codebook " + kSource + "/corpus/codebook.txt").output ==
          again.output);
}

TEST_CASE("ingest refuses a folder, a binary file and an old Excel workbook, saying what each is") {
    TempDir dir;
    const std::string store = dir.path("store.db");
    dir.write("exports/a.csv", "id,text\n1,hello\n");
    auto folder = run_command(kBinary + " ingest --store " + store + " " + dir.path("exports"));
    CHECK(folder.exit_code == 1);
    CHECK(folder.output == "yousaid: " + dir.path("exports") + ": is a folder; give the files in it (" +
                               dir.path("exports") + "/*.csv); nothing ingested\n");
    CHECK_FALSE(std::filesystem::exists(store));

    const std::string binary = dir.write("tool.csv", std::string("\x7F" "ELF\x02\x01\x01\0\0\0", 10) + std::string(5000, 'x'));
    auto refused = run_command(kBinary + " ingest --store " + store + " " + binary);
    CHECK(refused.exit_code == 1);
    CHECK(refused.output.find("yousaid: " + binary + ": binary data, not text (a NUL byte at offset 7)") == 0);
    CHECK(refused.output.size() < 600);  // the file's bytes are not echoed
    const std::string xls = dir.write("old.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0'));
    auto old = run_command(kBinary + " ingest --store " + store + " " + xls);
    CHECK(old.exit_code == 1);
    CHECK(old.output.find("save it as an Excel workbook (.xlsx) without a password, or as CSV UTF-8\n") != std::string::npos);
}

TEST_CASE("Xapian's own tools open the store") {
    const Demo& d = demo();
    // Debian installs Xapian's delve as xapian-delve.
    auto delve = run_command("$(command -v xapian-delve || command -v delve) " + d.store);
    CHECK(delve.exit_code == 0);
    CHECK(delve.output.find("number of documents = ") != std::string::npos);
}

TEST_CASE("search: stemming, phrases, filters, JSON shape and exact facets") {
    const Demo& d = demo();
    std::string text = d.search("--limit 3 'transport NEAR rural'");
    CHECK(std::regex_search(text, std::regex(R"(^\d+ responses match: transport NEAR rural\n)")));
    CHECK(text.find("[Transport]") != std::string::npos);
    CHECK(text.find("Themes:") != std::string::npos);

    nlohmann::json all = nlohmann::json::parse(d.search("--format json --limit 5 'theme:transport-rural'"));
    REQUIRE(all["hits"].size() == 5);
    for (const auto& hit : all["hits"]) {
        for (const char* key : {"id", "event", "channel", "snippet", "themes", "groups"}) CHECK(hit.contains(key));
        CHECK(std::find(hit["themes"].begin(), hit["themes"].end(), "transport-rural") != hit["themes"].end());
    }
    // Facets count every match, so the theme filtered on counts them all.
    CHECK(all["facets"]["theme"]["transport-rural"] == all["total"]);

    // "waiting" finds "wait" and "waited" through the English stemmer.
    nlohmann::json stemmed = nlohmann::json::parse(d.search("--format json --limit 50 waiting"));
    bool other_form = false;
    for (const auto& hit : stemmed["hits"]) {
        std::string snippet = hit["snippet"];
        other_form = other_form || snippet.find("<b>waited</b>") != std::string::npos ||
                     snippet.find("<b>wait</b>") != std::string::npos;
    }
    CHECK(other_form);

    nlohmann::json panel = nlohmann::json::parse(d.search("--format json 'channel:\"Stakeholder panel\"'"));
    CHECK(panel["total"].get<int>() > 100);
    for (const auto& hit : panel["hits"]) CHECK(hit["channel"] == "Stakeholder panel");
}

TEST_CASE("search shows redacted text only") {
    const Demo& d = demo();
    std::string out = d.search("--limit 200 'email OR ring OR phone OR number OR call'");
    CHECK_FALSE(std::regex_search(out, std::regex(R"([\w.]+@[\w-]+\.[\w.]+)")));
    CHECK_FALSE(std::regex_search(out, std::regex(R"(07\d{3} ?\d{6})")));
    // The original is the owner's to see, and only when asked.
    std::string original = d.search("--limit 200 --show-original 'email OR ring OR phone OR number OR call'");
    CHECK(std::regex_search(original, std::regex(R"(original \(not redacted\): .*07\d{3} ?\d{6})")));
}

TEST_CASE("crosstab of themes by channel: bases and column percentages") {
    const Demo& d = demo();
    auto csv = run_command(kBinary + " crosstab --store " + d.store + " --rows theme --cols channel --format csv");
    CHECK(csv.exit_code == 0);
    CHECK(csv.output.rfind("theme,channel,count,base,column_percent,row_percent,z,p,adjusted_p,flag,base_flag\r\n", 0) == 0);
    CHECK(csv.output.find("Transport and rural access,Stakeholder panel,") != std::string::npos);
    auto json = nlohmann::json::parse(
        run_command(kBinary + " crosstab --store " + d.store + " --rows theme --cols channel --format json").output);
    long base_sum = 0;
    for (std::size_t c = 1; c < json["columns"].size(); ++c) base_sum += json["columns"][c]["base"].get<long>();
    CHECK(base_sum == json["columns"][0]["base"].get<long>());  // each response has one channel
}

TEST_CASE("the August report is published with --final: figures, a quote, £, no DRAFT mark") {
    const Demo& d = demo();
    CHECK(d.report.exit_code == 0);
    CHECK(d.report.output == "wrote " + d.pdf + "\n");  // no warning, nothing the checks refused
    const std::string& text = d.pdf_text;
    CHECK(text.find("We did") != std::string::npos);
    CHECK(text.find("Transport and rural access") != std::string::npos);
    CHECK(text.find("£") != std::string::npos);
    CHECK(text.find("Page 2 of ") != std::string::npos);
    CHECK(pages(d.pdf) > 10);
    CHECK(draft_marks(d.pdf) == 0);
}

TEST_CASE("the published report is a sound PDF: qpdf finds no errors, its info is set, every font is embedded") {
    const Demo& d = demo();
    auto check = run_command("qpdf --check " + d.pdf);
    CHECK(check.exit_code == 0);
    CHECK(check.output.find("No syntax or stream encoding errors found") != std::string::npos);

    // Every font maps its codes to Unicode in a form readers accept: poppler,
    // reading all the text, says nothing on stderr.
    CHECK(run_command("pdftotext " + d.pdf + " - 2>&1 >/dev/null").output.empty());

    std::map<std::string, std::string> info;
    std::istringstream pdfinfo(run_command("(pdfinfo " + d.pdf + " 2>/dev/null)").output);
    for (std::string line; std::getline(pdfinfo, line);) {
        std::size_t colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::size_t value = line.find_first_not_of(' ', colon + 1);
        info[line.substr(0, colon)] = value == std::string::npos ? "" : line.substr(value);
    }
    CHECK(info["Title"] == values_of(kTemplate, "title").at(0));
    CHECK(info["Subject"] == values_of(kTemplate, "subtitle").at(0));
    CHECK(info["Author"] == values_of(kTemplate, "author").at(0));

    std::istringstream pdffonts(run_command("(pdffonts " + d.pdf + " 2>/dev/null)").output);
    int fonts = 0;
    bool past_rule = false;
    for (std::string line; std::getline(pdffonts, line);) {
        if (line.rfind("---", 0) == 0) {
            past_rule = true;
            continue;
        }
        if (!past_rule || line.empty()) continue;
        // name, type (may hold spaces), encoding, emb, sub, uni, object number, generation
        std::istringstream fields(line);
        std::vector<std::string> f{std::istream_iterator<std::string>(fields), std::istream_iterator<std::string>()};
        REQUIRE(f.size() >= 8);
        CAPTURE(line);
        CHECK(f[f.size() - 5] == "yes");
        ++fonts;
    }
    CHECK(fonts >= 3);  // regular, bold, italic
}

TEST_CASE("the published report has its template's headings in order, the contents, and quotes for every theme") {
    const Demo& d = demo();
    std::string text = d.pdf_text;
    std::replace(text.begin(), text.end(), '\f', '\n');  // pdftotext ends each page with a form feed
    const std::vector<std::string> headings = values_of(kTemplate, "section");
    REQUIRE(headings.size() >= 5);

    std::size_t contents_at = text.find("\nContents\n");
    std::size_t contents_end = text.find("\nPage 2 of ");
    REQUIRE(contents_at != std::string::npos);
    REQUIRE(contents_end > contents_at);
    const std::string contents = text.substr(contents_at, contents_end - contents_at);
    std::size_t at = contents_end;
    std::vector<std::size_t> heading_lines;
    for (const std::string& heading : headings) {
        CAPTURE(heading);
        // The contents lists it with its page number...
        std::size_t listed = contents.find("\n" + heading + "\n");
        REQUIRE(listed != std::string::npos);
        std::size_t number = contents.find_first_not_of('\n', listed + heading.size() + 2);
        CHECK(std::isdigit(static_cast<unsigned char>(contents[number])));
        // ... and it heads its section, after the one before.
        at = heading_line(text, heading, at);
        REQUIRE(at != std::string::npos);
        heading_lines.push_back(at);
    }

    // You said, we did: a statement per theme, each with a quote before its "We did".
    auto you_said = std::find(headings.begin(), headings.end(), "You said, we did") - headings.begin();
    REQUIRE(you_said < static_cast<long>(headings.size()));
    std::size_t from = heading_lines[you_said];
    std::size_t to = you_said + 1 < static_cast<long>(headings.size()) ? heading_lines[you_said + 1] : text.size();
    const std::string section = text.substr(from, to - from);
    static const std::regex statement(R"(\n([^\n]+)\n[\d,]+ responses? \(\d+% of all\) raised this)");
    std::vector<std::pair<std::string, std::size_t>> statements;
    for (std::sregex_iterator it(section.begin(), section.end(), statement), end; it != end; ++it) {
        statements.emplace_back((*it)[1], it->position());
    }
    for (std::size_t i = 0; i < statements.size(); ++i) {
        std::size_t next = i + 1 < statements.size() ? statements[i + 1].second : section.size();
        const std::string body = section.substr(statements[i].second, next - statements[i].second);
        CAPTURE(statements[i].first);
        std::size_t quote = body.find("\u201C"), we_did = body.find("\nWe did\n");
        CHECK(quote != std::string::npos);
        CHECK(we_did != std::string::npos);
        CHECK(quote < we_did);
    }
    std::vector<std::string> shown, themes = theme_titles(kSource + "/corpus/codebook.txt");
    for (const auto& [title, position] : statements) shown.push_back(title);
    std::sort(shown.begin(), shown.end());
    std::sort(themes.begin(), themes.end());
    CHECK(shown == themes);  // every theme in the codebook is raised in the corpus
}

TEST_CASE("the published report holds no email address, phone number or NHS number") {
    // The patterns find what they look for, and not the report's own figures.
    CHECK(personal_data_in("Ring 07700 900123, 07700 900 123, (07700) 900123 or +44 7700 900123.") ==
          std::vector<std::string>{"07700 900123", "07700 900 123", "(07700) 900123", "+44 7700 900123"});
    CHECK(personal_data_in("Ring (01625) 661234, 01625 661234, 0161-496-0000 or +44 (0)20 7946\n0000.") ==
          std::vector<std::string>{"(01625) 661234", "01625 661234", "0161-496-0000", "+44 (0)20 7946\n0000"});
    CHECK(personal_data_in("NHS number 943 476 5919, or 9434765919.") ==
          std::vector<std::string>{"943 476 5919", "9434765919"});
    CHECK(personal_data_in("Mail jo.bloggs@example.org.uk today") ==
          std::vector<std::string>{"jo.bloggs@example.org.uk"});
    CHECK(personal_data_in("Page 2 of 17: 1,714 responses, £36m, 21 May 2014, 2014-06-03, 8am to 8pm, [phone], "
                           "[email], [NHS number], SK10 [postcode], 0800 and 01625.")
              .empty());

    const Demo& d = demo();
    REQUIRE(d.pdf_text.size() > 10000);
    CHECK(personal_data_in(d.pdf_text) == std::vector<std::string>{});
}

TEST_CASE("without --final the report is a draft, marked DRAFT on every page") {
    const Demo& d = demo();
    TempDir dir;
    std::string pdf = dir.path("draft.pdf");
    auto draft = run_command(kBinary + " report --store " + d.store + " --actions " + kSource +
                             "/corpus/actions.csv --out " + pdf);
    CHECK(draft.exit_code == 0);
    CHECK(draft.output == "wrote " + pdf + " as a draft, marked DRAFT on every page (--final publishes it)\n");
    CHECK(pages(pdf) > 10);
    CHECK(draft_marks(pdf) == pages(pdf));
}

TEST_CASE("--final refuses a report with a sizeable theme left without an action, and writes nothing") {
    const Demo& d = demo();
    TempDir dir;
    std::string actions;
    std::istringstream in(yousaid::testing::read_file(kSource + "/corpus/actions.csv"));
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("transport-rural,", 0) != 0) actions += line + "\n";
    }
    const std::string actions_path = dir.write("actions.csv", actions), pdf = dir.path("refused.pdf");
    auto refused = run_command(kBinary + " report --final --store " + d.store + " --actions " + actions_path +
                               " --out " + pdf);
    CHECK(refused.exit_code == 1);
    CHECK(std::regex_match(
        refused.output,
        std::regex("warning: no action is recorded for theme \"transport-rural\" \\(Transport and rural access\\)\n"
                   "yousaid: the report cannot be published with --final:\n"
                   "  theme \"Transport and rural access\" \\(\\d+% of responses\\) has no action in " +
                   actions_path +
                   "\n"
                   "yousaid: nothing written \\(without --final the report is written as a draft, marked DRAFT on "
                   "every page\\)\n")));
    CHECK_FALSE(std::filesystem::exists(pdf));

    // A theme under --min-share may go without one.
    auto allowed = run_command(kBinary + " report --final --min-share 50 --store " + d.store + " --actions " +
                               actions_path + " --out " + pdf);
    CHECK(allowed.exit_code == 0);
    CHECK(std::filesystem::exists(pdf));
}

TEST_CASE("the report's quotes are what people wrote, word for word") {
    const Demo& d = demo();
    std::string text = squeeze(d.pdf_text);
    // A known quote: the GP access theme's most typical response in the sample corpus.
    CHECK(text.find("“Longer appointments for people with more than one problem.”") != std::string::npos);

    std::string corpus = squeeze(run_command("cat " + corpus_files()).output);
    corpus = std::regex_replace(corpus, std::regex("\"\""), "\"");
    std::vector<std::string> quotes;
    static const std::regex quote("“([^”]+)”");
    for (std::sregex_iterator it(text.begin(), text.end(), quote), end; it != end; ++it) {
        std::string q = (*it)[1];
        if (q.size() > 4 && q.compare(q.size() - 4, 4, " …") == 0) q.resize(q.size() - 4);
        quotes.push_back(q);
    }
    CHECK(quotes.size() >= 26);  // two or three for each theme
    int verbatim = 0;
    for (const std::string& q : quotes) verbatim += corpus.find(q) != std::string::npos;
    // Quotes with curly quotes of their own are cut short by the pattern above.
    CHECK(verbatim >= static_cast<int>(quotes.size()) * 9 / 10);

    // No two quotes, under whatever themes, say the same thing: none shares a run of six words.
    std::map<std::string, std::size_t> first_quote_of;
    for (std::size_t i = 0; i < quotes.size(); ++i) {
        std::vector<std::string> words;
        static const std::regex word("[A-Za-z0-9']+");
        for (std::sregex_iterator w(quotes[i].begin(), quotes[i].end(), word), end; w != end; ++w) {
            std::string lower = w->str();
            for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            words.push_back(lower);
        }
        for (std::size_t k = 0; k + 6 <= words.size(); ++k) {
            std::string run;
            for (std::size_t j = k; j < k + 6; ++j) run += words[j] + " ";
            auto [at, added] = first_quote_of.emplace(run, i);
            CAPTURE(run);
            CHECK((added || at->second == i));
        }
    }
}

TEST_CASE("the corpus campaign is grouped and counted once") {
    const Demo& d = demo();
    auto campaigns = run_command(kBinary + " campaigns --store " + d.store);
    CHECK(campaigns.exit_code == 0);
    CHECK(std::regex_search(campaigns.output, std::regex(R"(1\. (2\d|3\d) responses )")));
    CHECK(campaigns.output.find("Keep Congleton War Memorial Hospital open!") != std::string::npos);
    auto text = run_command(kBinary + " crosstab --store " + d.store + " --cols channel");
    CHECK(text.output.find("Campaigns counted once: ") != std::string::npos);
    CHECK(squeeze(d.pdf_text).find("identical or near-identical responses from 1 campaign are counted once, as one "
                                   "response per campaign.") != std::string::npos);

    TempDir dir;
    std::string pdf = dir.path("every.pdf");
    auto every = run_command(kBinary + " report --every-member --store " + d.store + " --actions " + kSource +
                             "/corpus/actions.csv --out " + pdf);
    CHECK(every.exit_code == 0);
    CHECK(squeeze(run_command("pdftotext -q " + pdf + " -").output)
              .find("identical or near-identical responses from 1 campaign are each counted.") != std::string::npos);
}

TEST_CASE("inspect shows how the online survey export would be read") {
    std::string file = kSource + "/corpus/responses/online-survey-june-2014.csv";
    auto json = nlohmann::json::parse(run_command(kBinary + " inspect --format json " + file).output);
    CHECK(json["format"] == "CSV");
    CHECK(json["encoding"] == "UTF-8 with BOM");
    CHECK(json["header_rows"] == 1);
    CHECK(json["responses"] == 555);
    CHECK(json["rejected"] == 0);
    bool text_column = false;
    for (const auto& c : json["columns"]) text_column = text_column || (c["name"] == "Response" && c["mapped_to"] == "text");
    CHECK(text_column);

    auto rows = run_command(kBinary + " inspect --rows " + file + " | head -2").output;
    auto first = nlohmann::json::parse(rows.substr(0, rows.find('\n')));
    CHECK(first.contains("Response ID"));
    CHECK(first.contains("Age band"));

    // A repeated or empty header still gives every field a key of its own.
    TempDir dir;
    std::string odd = dir.write("odd.csv", "Age,Age,,Comment\n65-74,yes,x,Hello there\n");
    CHECK(run_command(kBinary + " inspect --rows " + odd).output ==
          "{\"Age\":\"65-74\",\"Age (2)\":\"yes\",\"Comment\":\"Hello there\",\"column 3\":\"x\"}\n");
}

namespace {

// The text of an HTML fragment: tags dropped, <br/> as a line break, the five
// references html_escape writes turned back into characters.
std::string html_text(const std::string& html) {
    std::string text = std::regex_replace(html, std::regex("<br/>"), "\n");
    text = std::regex_replace(text, std::regex("<[^>]*>"), "");
    const std::pair<const char*, const char*> references[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
    for (const auto& [reference, character] : references) {
        text = std::regex_replace(text, std::regex(reference), character);
    }
    return text;
}

// The texts of every `element` in `html` ("p", "h2", "td"), whatever its attributes.
std::vector<std::string> texts_of(const std::string& html, const std::string& element) {
    const std::regex re("<" + element + "(?: [^>]*)?>([\\s\\S]*?)</" + element + ">");
    std::vector<std::string> found;
    for (std::sregex_iterator it(html.begin(), html.end(), re), end; it != end; ++it) {
        found.push_back(html_text((*it)[1]));
    }
    return found;
}

std::string without_spaces(const std::string& text) { return std::regex_replace(text, std::regex("\\s+"), ""); }

}  // namespace

TEST_CASE("--html writes the report's accessible companion: the same words and figures as the PDF") {
    const Demo& d = demo();
    TempDir dir;
    const std::string pdf = dir.path("report.pdf"), html = dir.path("report.html");
    const std::string inputs = " --store " + d.store + " --actions " + kSource + "/corpus/actions.csv --population " +
                               kSource + "/corpus/population.csv --out " + pdf + " --html " + html;
    auto made = run_command(kBinary + " report --final" + inputs);
    CHECK(made.exit_code == 0);
    CHECK(made.output == "wrote " + pdf + " and " + html + "\n");
    const std::string page = yousaid::testing::read_file(html);
    REQUIRE(page.size() > 10000);
    auto lint = run_command("xmllint --noout " + html);
    CHECK(lint.exit_code == 0);
    CHECK(lint.output == "");
    CHECK(page.find("<html lang=\"en\">") != std::string::npos);
    CHECK(page.find("DRAFT") == std::string::npos);
    CHECK(page.find("<script") == std::string::npos);

    // One h1, the contents and the template's sections as h2 in order, no level skipped.
    std::vector<std::string> levels;
    static const std::regex heading("<h([1-6])[ >]");
    for (std::sregex_iterator it(page.begin(), page.end(), heading), end; it != end; ++it) {
        levels.push_back((*it)[1]);
    }
    REQUIRE(!levels.empty());
    CHECK(levels.front() == "1");
    CHECK(std::count(levels.begin(), levels.end(), "1") == 1);
    for (std::size_t i = 1; i < levels.size(); ++i) CHECK(levels[i][0] <= levels[i - 1][0] + 1);
    CHECK(texts_of(page, "h1") == values_of(kTemplate, "title"));
    std::vector<std::string> sections{"Contents"};
    for (const std::string& heading : values_of(kTemplate, "section")) sections.push_back(heading);
    CHECK(texts_of(page, "h2") == sections);

    // The PDF's text, without its page footers, and without white space, as
    // lines wrap differently in the two.
    const std::string pdf_text = run_command("pdftotext -q " + pdf + " -").output;
    const std::string title = values_of(kTemplate, "title").at(0);
    const std::string body = without_spaces(
        std::regex_replace(pdf_text, std::regex("\n" + title + "\\s+Page \\d+ of \\d+\\s+"), "\n"));

    // A statement per theme, as in the PDF, with its quotes and action.
    static const std::regex statement(R"(\n([^\n]+)\n[\d,]+ responses? \(\d+% of all\) raised this)");
    std::vector<std::string> pdf_statements;
    for (std::sregex_iterator it(pdf_text.begin(), pdf_text.end(), statement), end; it != end; ++it) {
        pdf_statements.push_back((*it)[1]);
    }
    CHECK(pdf_statements.size() >= 10);
    CHECK(texts_of(page, "h3") == pdf_statements);
    CHECK(texts_of(page, "blockquote").size() >= 26);

    // Every paragraph, caption, quote, attribution and table cell is in the PDF.
    std::size_t compared = 0;
    for (const char* element : {"p", "caption", "figcaption", "footer", "th", "td"}) {
        for (const std::string& text : texts_of(page, element)) {
            CAPTURE(element);
            CAPTURE(text);
            CHECK(body.find(without_spaces(text)) != std::string::npos);
            ++compared;
        }
    }
    CHECK(compared > 500);
    // ... and every line of the PDF is in the page (pdftotext joins a word
    // hyphenated at a line end, so hyphens are left out of the comparison).
    auto plain = [](const std::string& text) { return std::regex_replace(without_spaces(text), std::regex("-"), ""); };
    const std::string page_text = plain(html_text(page));
    static const std::regex footer(R"(\f?Page \d+ of \d+)");
    std::istringstream pdf_lines(pdf_text);
    std::size_t lines = 0;
    for (std::string line; std::getline(pdf_lines, line);) {
        if (plain(line).empty() || std::regex_match(line, footer)) continue;
        CAPTURE(line);
        CHECK(page_text.find(plain(line)) != std::string::npos);
        ++lines;
    }
    CHECK(lines > 1000);
    // Every chart is an image named by its alt text, with the table it draws after it.
    const std::size_t charts = count(page, "<figure>");
    CHECK(charts == 3);
    CHECK(std::regex_search(page, std::regex("<svg [^>]*role=\"img\" aria-label=\"[^\"]{40,}\"")));
    static const std::regex table_after_chart("</figure>\n<div class=\"table-scroll");
    CHECK(static_cast<std::size_t>(std::distance(std::sregex_iterator(page.begin(), page.end(), table_after_chart),
                                                 std::sregex_iterator())) == charts);
    CHECK(personal_data_in(html_text(page)) == std::vector<std::string>{});

    // A draft says so at the top; a refused --final writes neither file.
    auto draft = run_command(kBinary + " report" + inputs);
    CHECK(draft.exit_code == 0);
    CHECK(draft.output.rfind("wrote " + pdf + " and " + html + " as a draft", 0) == 0);
    const std::string drafted = yousaid::testing::read_file(html);
    CHECK(drafted.find("<p class=\"draft\" role=\"note\"><strong>DRAFT</strong>") < drafted.find("<h1>"));

    std::string actions;
    std::istringstream in(yousaid::testing::read_file(kSource + "/corpus/actions.csv"));
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("transport-rural,", 0) != 0) actions += line + "\n";
    }
    const std::string refused_pdf = dir.path("refused.pdf"), refused_html = dir.path("refused.html");
    auto refused = run_command(kBinary + " report --final --store " + d.store + " --actions " +
                               dir.write("actions.csv", actions) + " --out " + refused_pdf + " --html " + refused_html);
    CHECK(refused.exit_code == 1);
    CHECK(refused.output.find("yousaid: nothing written") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(refused_pdf));
    CHECK_FALSE(std::filesystem::exists(refused_html));

    // An HTML file that cannot be written stops the run before the PDF is written.
    const std::string unwritable = dir.path("no/such/folder/report.html"), alone = dir.path("alone.pdf");
    auto cannot = run_command(kBinary + " report --store " + d.store + " --actions " + kSource +
                              "/corpus/actions.csv --out " + alone + " --html " + unwritable);
    CHECK(cannot.exit_code == 1);
    CHECK(cannot.output.find("yousaid: cannot write " + unwritable + ": No such file or directory\n") !=
          std::string::npos);
    CHECK_FALSE(std::filesystem::exists(alone));
}
