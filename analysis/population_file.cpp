#include "analysis/population_file.h"

#include <cstdlib>

#include "analysis/keyed_csv.h"

namespace yousaid {

PopulationRead read_population(const std::string& path) {
    PopulationRead out;
    KeyedCsv csv = read_keyed_csv(path, {"group", "population_share"});
    out.errors = csv.errors;
    for (const KeyedRow& row : csv.rows) {
        std::string share = row.cells.at("population_share");
        bool as_percent = !share.empty() && share.back() == '%';
        if (as_percent) share.pop_back();
        char* end = nullptr;
        double value = std::strtod(share.c_str(), &end);
        double percent = as_percent ? value : value * 100;
        if (share.empty() || *end != '\0' || percent < 0 || percent > 100) {
            out.errors.push_back({{path, row.line, row.columns.at("population_share")},
                                  "population share \"" + row.cells.at("population_share") +
                                      "\" is not a fraction from 0 to 1 or a percentage such as 4.5%",
                                  row.line_text});
            continue;
        }
        auto note = row.cells.find("note");
        out.by_group[row.cells.at("group")] = {percent, note == row.cells.end() ? "" : note->second};
    }
    return out;
}

}  // namespace yousaid
