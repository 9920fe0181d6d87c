#include <doctest/doctest.h>

#include "ingest/unicode_text.h"

TEST_CASE("to_nfc composes decomposed characters") {
    // "café" written with a combining acute accent becomes the single code point.
    CHECK(yousaid::to_nfc("cafe\xCC\x81") == "caf\xC3\xA9");
    CHECK(yousaid::to_nfc("plain") == "plain");
}

TEST_CASE("slug makes filter words from names") {
    CHECK(yousaid::slug("Congleton stakeholder panel") == "congleton-stakeholder-panel");
    CHECK(yousaid::slug("Sainsbury’s Wilmslow") == "sainsburys-wilmslow");
    CHECK(yousaid::slug("  Mums and tots group, Macclesfield ") == "mums-and-tots-group-macclesfield");
    CHECK(yousaid::slug("LGBT+ social group") == "lgbt-social-group");
    CHECK(yousaid::slug("—") == "");
    // ASCII text takes a path of its own: the same rules.
    CHECK(yousaid::slug("Sainsbury's Wilmslow") == "sainsburys-wilmslow");
    CHECK(yousaid::slug("-- A&E, 24/7 --") == "a-e-24-7");
    CHECK(yousaid::slug("Tab\there") == "tab-here");
    CHECK(yousaid::slug("Caf\u00e9 Nero") == "café-nero");
}

TEST_CASE("trim and fold_case") {
    CHECK(yousaid::trim("\xC2\xA0 hello \t") == "hello");
    CHECK(yousaid::fold_case("White British") == "white british");
}

TEST_CASE("is_valid_utf8") {
    CHECK(yousaid::is_valid_utf8("£5 “quoted”"));
    CHECK_FALSE(yousaid::is_valid_utf8("\xA3" "5"));
}
