// Fuzz target: a report template (templates/template_parser.h).
#include <cstdint>
#include <string>

#include "templates/template_parser.h"
#include "tests/fuzz/fuzz_checks.h"

using namespace yousaid;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const std::string file = "report.tmpl";
    fuzz::require_located(templates::parse_template(text, file).errors, file);
    return 0;
}
