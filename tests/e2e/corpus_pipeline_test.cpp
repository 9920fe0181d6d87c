// Runs the built yousaid binary over corpus/, as `make demo` does, and checks
// what a user sees: the counts, search results, a cross-tab, and the PDF's text.
#include <doctest/doctest.h>

#include <regex>

#include <nlohmann/json.hpp>

#include "tests/test_support.h"

using yousaid::testing::run_command;
using yousaid::testing::TempDir;

namespace {

const std::string kSource = YOUSAID_SOURCE_DIR;
const std::string kBinary = YOUSAID_BINARY;

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
        report = run_command(kBinary + " report --store " + store + " --actions " + kSource +
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

TEST_CASE("the August report: headings, figures, a quote, £, no personal data") {
    const Demo& d = demo();
    CHECK(d.report.exit_code == 0);
    CHECK(d.report.output.find("wrote " + d.pdf) != std::string::npos);
    const std::string& text = d.pdf_text;
    for (const char* heading : {"You said, we did", "Contents", "Who we heard from", "What you told us",
                                "Themes by group", "How we did this"}) {
        CAPTURE(heading);
        CHECK(text.find(heading) != std::string::npos);
    }
    CHECK(text.find("We did") != std::string::npos);
    CHECK(text.find("Transport and rural access") != std::string::npos);
    CHECK(text.find("£") != std::string::npos);
    CHECK(text.find("Page 2 of ") != std::string::npos);
    CHECK_FALSE(std::regex_search(text, std::regex(R"([\w.]+@[\w-]+\.[a-z]{2,})")));
    CHECK_FALSE(std::regex_search(text, std::regex(R"(07\d{3} ?\d{3} ?\d{3})")));
}

TEST_CASE("the report's quotes are what people wrote, word for word") {
    const Demo& d = demo();
    std::string text = squeeze(d.pdf_text);
    // A known quote: the GP access theme's best match in the sample corpus.
    CHECK(text.find("“Evening or Saturday surgeries would make a huge difference to those of us who work. I work in "
                    "Manchester and can’t get back to Congleton before the surgery shuts at 6.") !=
          std::string::npos);

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
