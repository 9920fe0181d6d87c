#include "analysis/batch_record.h"

#include <nlohmann/json.hpp>

namespace yousaid {

using nlohmann::json;

std::string BatchRecord::counts_line() const {
    return "read " + std::to_string(read) + ", accepted " + std::to_string(accepted) + ", rejected " +
           std::to_string(rejected) + ", unchanged " + std::to_string(unchanged);
}

std::string to_json(const BatchRecord& b) {
    json redactions = {{"emails", b.redactions.emails},
                       {"phone_numbers", b.redactions.phone_numbers},
                       {"nhs_numbers", b.redactions.nhs_numbers},
                       {"postcodes", b.redactions.postcodes},
                       {"names", b.redactions.names}};
    return json{{"id", b.id},           {"file", b.file},         {"content_hash", b.content_hash},
                {"ingested_at", b.ingested_at}, {"format", b.format}, {"encoding", b.encoding}, {"sheet", b.sheet}, {"read", b.read},
                {"accepted", b.accepted}, {"replaced", b.replaced}, {"rejected", b.rejected},
                {"unchanged", b.unchanged}, {"redactions", redactions}}
        .dump();
}

BatchRecord batch_record_from_json(const std::string& text) {
    json in = json::parse(text);
    BatchRecord b;
    b.id = in.at("id");
    b.file = in.at("file");
    b.content_hash = in.at("content_hash");
    b.ingested_at = in.at("ingested_at");
    b.format = in.at("format");
    b.encoding = in.value("encoding", "");
    b.sheet = in.value("sheet", "");
    b.read = in.at("read");
    b.accepted = in.at("accepted");
    b.replaced = in.at("replaced");
    b.rejected = in.at("rejected");
    b.unchanged = in.at("unchanged");
    const json& r = in.at("redactions");
    b.redactions = {r.at("emails"), r.at("phone_numbers"), r.at("nhs_numbers"), r.at("postcodes"),
                    r.at("names")};
    return b;
}

}  // namespace yousaid
