#pragma once
// The parts of a zip archive held in memory (an XLSX workbook), read through
// zlib's minizip. Not libzip: that pulls in libcrypto, whose loading alone
// added a millisecond to every yousaid command, searches included.
#include <stdexcept>
#include <string>

namespace yousaid {

// A part that is in the archive but cannot be read; what() says which and why.
struct ZipPartError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class ZipArchive {
public:
    // `bytes` must outlive the archive.
    explicit ZipArchive(const std::string& bytes);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    // False when `bytes` is not a zip archive.
    bool is_open() const { return archive_ != nullptr; }

    // The part's bytes in `out`; false when there is no such part (names
    // ignore case, as OPC says). Throws ZipPartError for a part that is
    // damaged, encrypted or compressed in a way zip readers need not know.
    bool read(const std::string& name, std::string& out) const;

    // Where minizip reads from: the bytes and a position in them.
    struct Stream {
        const std::string* bytes;
        unsigned long long at = 0;
    };

private:
    Stream stream_;
    void* archive_ = nullptr;  // minizip's unzFile
};

}  // namespace yousaid
