#include "analysis/json_output.h"

#include "analysis/csv_output.h"

namespace yousaid {

namespace {

void neutralise(nlohmann::json& value) {
    if (value.is_string()) {
        value = spreadsheet_text(value.get_ref<const std::string&>());
    } else if (value.is_structured()) {
        for (auto& item : value) neutralise(item);
    }
}

}  // namespace

std::string json_text(const nlohmann::json& value, int indent) {
    nlohmann::json safe = value;
    neutralise(safe);
    return safe.dump(indent) + "\n";
}

}  // namespace yousaid
