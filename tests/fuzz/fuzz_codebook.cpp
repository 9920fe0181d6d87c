// Fuzz target: a codebook (analysis/codebook.h), and the order its group rules
// are evaluated in when it parses cleanly.
#include <cstdint>
#include <string>

#include "analysis/codebook.h"
#include "tests/fuzz/fuzz_checks.h"

using namespace yousaid;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const std::string file = "codebook.txt";
    const CodebookParse parse = parse_codebook(text, file);
    fuzz::require_located(parse.errors, file);
    if (parse.errors.empty()) {
        fuzz::require(group_evaluation_order(parse.codebook).size() == parse.codebook.groups.size(),
                      "every group is evaluated once");
        for (const auto& theme : parse.codebook.themes) theme_ancestors(parse.codebook, theme.id);
    }
    return 0;
}
