#include "ingest/text_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unicode/utf8.h>

#include "ingest/diagnostic.h"

namespace yousaid {

std::string read_file_bytes(const std::string& path) {
    // A folder opens and reads as empty: say what it is rather than read nothing.
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored)) throw FileError(path + ": is a folder, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FileError(path + ": " + std::strerror(errno));
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) throw FileError(path + ": " + std::strerror(errno));
    return bytes.str();
}

std::string read_utf8_file(const std::string& path) {
    std::string bytes = read_file_bytes(path);
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    int32_t length = static_cast<int32_t>(bytes.size());
    for (int32_t i = 0; i < length;) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) {
            LinePosition at = locate(bytes, static_cast<std::size_t>(start));
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", s[start]);
            throw FileError(path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
                            ": error: byte " + hex + " at offset " + std::to_string(start) +
                            " is not UTF-8 (save the file as UTF-8)");
        }
    }
    return bytes;
}

}  // namespace yousaid
