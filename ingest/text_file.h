#pragma once
// Reading a whole input file, with errors fit to print.
#include <stdexcept>
#include <string>

namespace yousaid {

struct FileError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The file's bytes. Throws FileError ("corpus/x.csv: No such file or directory",
// "corpus: is a folder, not a file").
std::string read_file_bytes(const std::string& path);

// The file as UTF-8 text. Throws FileError naming the line and column of the
// first byte that is not UTF-8.
std::string read_utf8_file(const std::string& path);

}  // namespace yousaid
