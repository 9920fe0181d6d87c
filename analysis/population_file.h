#pragma once
// Approximate population shares of the groups, to set reach against. A CSV file
// with columns group (a codebook group id), population_share (a fraction,
// "0.035", or a percentage, "3.5%") and note (where the figure comes from).
#include <map>
#include <string>
#include <vector>

#include "ingest/diagnostic.h"

namespace yousaid {

struct PopulationShare {
    double percent = 0;
    std::string note;
};

struct PopulationRead {
    std::map<std::string, PopulationShare> by_group;
    std::vector<Diagnostic> errors;
};

PopulationRead read_population(const std::string& path);

}  // namespace yousaid
