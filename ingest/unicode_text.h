#pragma once
// Unicode helpers over UTF-8 strings, all through ICU.
#include <string>

namespace yousaid {

// The text in Unicode Normalization Form C. Invalid UTF-8 sequences become U+FFFD.
std::string to_nfc(const std::string& utf8);

// True when the bytes are well-formed UTF-8.
bool is_valid_utf8(const std::string& bytes);

// Full Unicode case folding ("Straße" -> "strasse"), for comparing values.
std::string fold_case(const std::string& utf8);

// A name as a filter word: case-folded, letters and digits kept, every other run
// of characters one hyphen, no hyphen at either end. "Tesco, Macclesfield" ->
// "tesco-macclesfield". Empty when the name has no letter or digit.
std::string slug(const std::string& utf8);

// Without white space at either end (Unicode white space, not only ASCII).
std::string trim(const std::string& utf8);

}  // namespace yousaid
