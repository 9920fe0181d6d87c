#pragma once
// Takes personal data out of a response's text before anything shows it:
// email addresses, UK phone numbers, NHS numbers (10 digits passing the modulus 11
// check, spaced or not), full UK postcodes (the district is kept: "SK10 3BL" ->
// "SK10 [postcode]") and names after cues ("my name is ...", "Dr/Mr/Mrs/Ms/Miss
// ...", "nurse ..."). Each is replaced by a bracketed label, e.g. "[email]".
#include <string>

namespace yousaid {

struct RedactionCounts {
    int emails = 0;
    int phone_numbers = 0;
    int nhs_numbers = 0;
    int postcodes = 0;
    int names = 0;

    int total() const { return emails + phone_numbers + nhs_numbers + postcodes + names; }
    RedactionCounts& operator+=(const RedactionCounts& other);
};

struct Redaction {
    std::string text;
    RedactionCounts counts;
};

// `text` is UTF-8. Safe to call from several threads at once.
Redaction redact(const std::string& text);

// True when the ten digits pass the NHS number modulus 11 check.
bool is_valid_nhs_number(const std::string& ten_digits);

}  // namespace yousaid
