// Fuzz target: the search query front end (analysis/query_parser.h) on a real
// store holding attributes, dates and synonyms, so filters, ranges, wildcards
// and synonym expansion all run. A query either parses, and then runs, or is
// refused with a QueryError that points at a column of the query.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "analysis/batch_ingest.h"
#include "analysis/query_parser.h"
#include "analysis/store.h"
#include "tests/fuzz/fuzz_checks.h"

using namespace yousaid;

namespace {

const char* kResponses =
    "Response ID,Date,Event,Channel,Response,Age band,Carer\n"
    "R1,2014-06-01,Survey,Telephone,The bus never comes to the village,18 to 24,yes\n"
    "R2,2014-06-21,Survey,Online,A taxi to the hospital costs too much,65 to 74,no\n"
    "R3,2014-07-30,Panel,Face to face,The GP receptionist was kind,65 to 74,yes\n";

// The store, made once in a temporary folder that is removed at exit.
std::unique_ptr<Xapian::Database> store;
std::filesystem::path folder;

void remove_folder() { std::filesystem::remove_all(folder); }

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::string pattern = (std::filesystem::temp_directory_path() / "yousaid-fuzz-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) std::abort();
    folder = pattern;
    std::atexit(remove_folder);
    {
        const std::string csv = (folder / "responses.csv").string();
        std::ofstream(csv) << kResponses;
        Xapian::WritableDatabase db = open_store_for_writing((folder / "store").string());
        ingest_file(db, csv, {});
        db.add_synonym("gp", "doctor");
        db.add_synonym("a&e", "emergency department");
        db.commit();
    }
    store = std::make_unique<Xapian::Database>((folder / "store").string());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    Xapian::Query query;
    try {
        query = ResponseQueryParser(*store).parse(text);
    } catch (const QueryError& e) {
        fuzz::require(!e.problem().empty(), "a refused query says why");
        return 0;
    }
    Xapian::Enquire enquire(*store);
    enquire.set_query(query);
    const Xapian::MSet matches = enquire.get_mset(0, 10);
    fuzz::require(matches.get_matches_estimated() <= store->get_doccount(), "no more matches than responses");
    return 0;
}
