// Personal data stays in: responses full of email addresses, phone numbers, NHS
// numbers, postcodes and names after cues are ingested, and not one of them
// comes out of search (text, JSON, CSV), themes, campaigns, cross-tabs or the
// report (PDF text and HTML). The store's files are its owner's alone.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <sstream>
#include <vector>

#include "ingest/redactor.h"
#include "tests/test_support.h"

using yousaid::testing::read_file;
using yousaid::testing::run_command;
using yousaid::testing::TempDir;

namespace {

const std::string kSource = YOUSAID_SOURCE_DIR;
const std::string kBinary = YOUSAID_BINARY;

// What must never be shown, each as it would be written in a response.
const std::vector<std::string> kEmails = {"jo.bloggs@example.org", "a_patel+clinic@nhs.net", "KAREN.SMITH@Example.co.uk"};
const std::vector<std::string> kPhones = {"07700 900123", "+44 7700 900456", "01625 612345", "(0161) 496 0000",
                                          "0800-123-4567", "07700900789"};
const std::vector<std::string> kPostcodes = {"SK10 3BL", "M1 1AE", "CW12 1AA", "sk11 6jl"};
const std::vector<std::string> kNamesAfterCues = {"my name is Ian Bradbury", "Dr Okonkwo", "Mrs Hargreaves",
                                                  "nurse Philippa", "I'm called Bethany Rowe"};

// Ten-digit numbers that pass the NHS modulus 11 check, in the ways people write them.
std::vector<std::string> nhs_numbers() {
    std::vector<std::string> out;
    for (long n = 4000000000; out.size() < 4; n += 7919) {
        const std::string digits = std::to_string(n);
        if (!yousaid::is_valid_nhs_number(digits)) continue;
        const std::size_t k = out.size();
        out.push_back(k % 2 ? digits : digits.substr(0, 3) + " " + digits.substr(3, 3) + " " + digits.substr(6));
    }
    return out;
}

// The parts of a secret that must not appear anywhere: the whole of it, and
// for numbers its digits run together; for a postcode its inward part after
// the district; for a name after a cue, the name.
std::vector<std::string> telltales() {
    std::vector<std::string> out = kEmails;
    for (const std::string& phone : kPhones) {
        std::string digits;
        for (char c : phone) if (c >= '0' && c <= '9') digits += c;
        out.push_back(phone);
        out.push_back(digits.substr(digits.size() - 6));  // the subscriber's last six digits
    }
    for (const std::string& n : nhs_numbers()) {
        out.push_back(n);
        std::string digits;
        for (char c : n) if (c != ' ') digits += c;
        out.push_back(digits.substr(3));
    }
    for (const std::string& p : kPostcodes) out.push_back(p);
    out.insert(out.end(), {"3BL", "1AE", "1AA", "6jl"});
    out.insert(out.end(), {"Bradbury", "Okonkwo", "Hargreaves", "Philippa", "Bethany", "Rowe"});
    return out;
}

std::string leak_corpus() {
    static const std::vector<std::string> frames = {
        "Please ring me on {} about the bus to the hospital, the transport is hopeless.",
        "You can email me at {} if you want to hear more about waiting for a GP appointment.",
        "My NHS number is {} and my records were lost when I was discharged.",
        "I live at {} and there is no bus to the surgery after six.",
        "Hello, {} and the discharge letter was full of jargon I could not follow.",
    };
    std::vector<std::vector<std::string>> secrets = {kPhones, kEmails, nhs_numbers(), kPostcodes, kNamesAfterCues};
    std::ostringstream csv;
    csv << "id,text,event,channel,age band\n";
    int id = 0;
    for (std::size_t f = 0; f < frames.size(); ++f) {
        for (const std::string& secret : secrets[f]) {
            std::string text = frames[f];
            text.replace(text.find("{}"), 2, secret);
            ++id;
            csv << "P" << id << ",\"" << text << "\",Leak test,Online survey," << (id % 2 ? "65-74" : "25-34") << "\n";
        }
    }
    return csv.str();
}

// The first telltale found in `output`, or "" when there is none.
std::string first_leak(const std::string& output) {
    for (const std::string& t : telltales()) {
        if (output.find(t) != std::string::npos) return t;
    }
    return "";
}

}  // namespace

TEST_CASE("responses full of personal data: not one item leaks into any output") {
    TempDir dir;
    const std::string store = dir.path("store");
    const std::string responses = dir.write("leaky.csv", leak_corpus());
    REQUIRE(first_leak(read_file(responses)) != "");  // the corpus does hold them
    auto ingest = run_command(kBinary + " ingest --store " + store + " --codebook " + kSource + "/corpus/codebook.txt " +
                              responses);
    REQUIRE(ingest.exit_code == 0);
    CHECK(first_leak(ingest.output) == "");

    const std::string at = " --store " + store;
    const std::vector<std::string> commands = {
        "search --limit 100" + at + " ''",
        "search --limit 100 --format json" + at + " ''",
        "search --limit 100 --format csv" + at + " ''",
        "search --limit 100" + at + " 'bus OR email OR number OR discharge'",
        "search --limit 100 --format json" + at + " 'ring OR records OR live OR letter'",
        "search --similar leak-test-P1 --format json" + at,
        "themes" + at,
        "themes --format json" + at,
        "themes --by channel --format json" + at,
        "campaigns" + at,
        "crosstab --rows theme --cols attribute:age_band --format json" + at,
        "batches --format json" + at,
    };
    for (const std::string& command : commands) {
        CAPTURE(command);
        auto result = run_command(kBinary + " " + command);
        CHECK(result.exit_code == 0);
        CHECK(first_leak(result.output) == "");
    }

    const std::string pdf = dir.path("report.pdf"), html = dir.path("report.html");
    auto report = run_command(kBinary + " report" + at + " --actions " + kSource + "/corpus/actions.csv --out " + pdf +
                              " --html " + html);
    REQUIRE(report.exit_code == 0);
    const std::string text = run_command("pdftotext -layout " + pdf + " -").output;
    REQUIRE(text.find("discharge") != std::string::npos);  // the quotes are there, redacted
    CHECK(first_leak(text) == "");
    CHECK(first_leak(read_file(html)) == "");
}

TEST_CASE("the store is its owner's alone: folder 0700, every file in it 0600") {
    TempDir dir;
    const std::string store = dir.path("store");
    REQUIRE(run_command("umask 022 && " + kBinary + " ingest --quiet --store " + store + " --codebook " + kSource +
                        "/corpus/codebook.txt " + dir.write("a.csv", "id,text\n1,The bus never comes.\n"))
                .exit_code == 0);
    REQUIRE(run_command(kBinary + " tag --store " + store + " --codebook " + kSource + "/corpus/codebook.txt").exit_code == 0);
    struct stat st;
    REQUIRE(::stat(store.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    int files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(store)) {
        CAPTURE(entry.path().string());
        REQUIRE(::stat(entry.path().c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == (entry.is_directory() ? 0700 : 0600));
        ++files;
    }
    CHECK(files >= 5);
}
