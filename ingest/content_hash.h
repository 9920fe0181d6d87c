#pragma once
// Stable content hashes (SHA-1, via Boost) for ids and change detection: the same
// bytes give the same hash on every machine and every run.
#include <string>
#include <string_view>

namespace yousaid {

// The SHA-1 of the bytes as 40 lower-case hex digits.
std::string sha1_hex(std::string_view bytes);

}  // namespace yousaid
