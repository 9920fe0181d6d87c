#include <doctest/doctest.h>

#include "ingest/redactor.h"

using yousaid::redact;

TEST_CASE("redact takes out each kind of personal data and counts it") {
    struct Case {
        const char* input;
        const char* expected;
        int emails, phones, nhs, postcodes, names;
    };
    const Case cases[] = {
        {"Email me at jean.hughes@example.co.uk please", "Email me at [email] please", 1, 0, 0, 0, 0},
        {"ring 07700 900123 or 01632 960123", "ring [phone] or [phone]", 0, 2, 0, 0, 0},
        {"call +44 7700 900456 anytime", "call [phone] anytime", 0, 1, 0, 0, 0},
        {"my number +44 (0)1625 242511.", "my number [phone].", 0, 1, 0, 0, 0},
        // 943 476 5919 passes the modulus 11 check; 943 476 5918 does not and is left alone.
        {"NHS no 943 476 5919", "NHS no [NHS number]", 0, 0, 1, 0, 0},
        {"NHS no 9434765919.", "NHS no [NHS number].", 0, 0, 1, 0, 0},
        {"ref 943 476 5918", "ref 943 476 5918", 0, 0, 0, 0, 0},
        {"I live at SK10 3BL near the park", "I live at SK10 [postcode] near the park", 0, 0, 0, 1, 0},
        {"postcode cw12 1ab", "postcode cw12 [postcode]", 0, 0, 0, 1, 0},
        {"the SK10 area has no bus", "the SK10 area has no bus", 0, 0, 0, 0, 0},
        {"My name is Jean Hughes and I care for my mum", "My name is [name] and I care for my mum", 0, 0, 0, 0, 1},
        {"Dr Patel was brilliant, so was nurse Karen", "Dr [name] was brilliant, so was nurse [name]", 0, 0, 0, 0, 2},
        {"Simple really. I’m Linda Salt, ring me", "Simple really. I’m [name], ring me", 0, 0, 0, 0, 1},
        {"I'm Very tired of waiting", "I'm Very tired of waiting", 0, 0, 0, 0, 0},
        {"Mrs O’Brien helped", "Mrs [name] helped", 0, 0, 0, 0, 1},
        {"my name is not important", "my name is not important", 0, 0, 0, 0, 0},
        {"It costs £6.50 to park for 2 hours", "It costs £6.50 to park for 2 hours", 0, 0, 0, 0, 0},
        {"In 2014 we waited 3 weeks", "In 2014 we waited 3 weeks", 0, 0, 0, 0, 0},
    };
    for (const Case& c : cases) {
        CAPTURE(c.input);
        yousaid::Redaction r = redact(c.input);
        CHECK(r.text == c.expected);
        CHECK(r.counts.emails == c.emails);
        CHECK(r.counts.phone_numbers == c.phones);
        CHECK(r.counts.nhs_numbers == c.nhs);
        CHECK(r.counts.postcodes == c.postcodes);
        CHECK(r.counts.names == c.names);
    }
}

TEST_CASE("patterns skipped for want of a digit, '@' or cue would not have matched") {
    // Each is found though the checks before the patterns see few ASCII digits
    // or no ASCII cue: digits of another script, a cue in capitals or with a
    // curly apostrophe, a Kelvin sign that ICU folds to k.
    struct Case {
        const char* input;
        const char* expected;
        int redacted;
    };
    const Case cases[] = {
        {"ring 0\u0667\u0667\u0660\u0660 \u0669\u0660\u0660\u0661\u0662\u0663 please", "ring [phone] please", 1},
        {"MY NAME IS Jean Hughes", "MY NAME IS [name]", 1},
        {"I AM CALLED Jean", "I AM CALLED [name]", 1},
        {"Honestly I\u2019m Linda Salt", "Honestly I\u2019m [name]", 1},
        {"it\u2019s \u00a36 to park, I am Linda Salt", "it\u2019s \u00a36 to park, I am [name]", 1},
        {"postcode S\u212a10 3BL", "postcode S\u212a10 [postcode]", 1},
        {"to nurse Karen\u2026", "to nurse [name]\u2026", 1},
        {"nothing here \u2013 just words", "nothing here \u2013 just words", 0},
    };
    for (const Case& c : cases) {
        CAPTURE(c.input);
        yousaid::Redaction r = redact(c.input);
        CHECK(r.text == c.expected);
        CHECK(r.counts.total() == c.redacted);
    }
}

TEST_CASE("NHS number check digit") {
    CHECK(yousaid::is_valid_nhs_number("9434765919"));
    CHECK_FALSE(yousaid::is_valid_nhs_number("9434765918"));
    CHECK_FALSE(yousaid::is_valid_nhs_number("943476591"));
    CHECK_FALSE(yousaid::is_valid_nhs_number("94347659a9"));
}
