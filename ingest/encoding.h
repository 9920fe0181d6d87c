#pragma once
// Finding and converting the encoding of a text file with ICU. Accepted: UTF-8
// with or without a byte order mark, UTF-16LE and UTF-16BE with a byte order
// mark (Excel's "Unicode Text"), and Windows-1252 (what Excel writes for "CSV"
// on Windows). Bytes that are not valid UTF-8 are taken as Windows-1252 only
// when they fit it well: no byte it leaves undefined (0x81, 0x8D, 0x8F, 0x90,
// 0x9D), no control character but tab, CR and LF, at most 30% of bytes above
// 0x7F and no run of more than three of them (accented letters and curly quotes
// among ASCII, not binary data or another multi-byte encoding). A file holding a
// NUL byte is not text (most likely UTF-16 without a byte order mark), even when
// it is otherwise valid UTF-8. A UTF-8 byte order mark rules out Windows-1252,
// and malformed UTF-16 (an odd byte count, an unpaired surrogate) is an error.
//
// An error points at the first bad byte: the first NUL; else the first byte,
// outside well-formed UTF-8, that is text in neither encoding (0x81, a control
// character); else the first byte that is not UTF-8. Its line and column are
// those of the text as printed in the diagnostic, where each bad byte is U+FFFD.
#include <optional>
#include <string>

#include "ingest/diagnostic.h"

namespace yousaid {

struct DecodedText {
    std::string text;      // UTF-8, without any byte order mark
    std::string encoding;  // "UTF-8", "UTF-8 with BOM", "UTF-16LE with BOM", "UTF-16BE with BOM", "Windows-1252"
    std::optional<Diagnostic> error;  // set when the bytes fit no accepted encoding; text is then empty
};

// `file_name` is used in the error's location; offsets count bytes from the start
// of the file, byte order mark included:
//   "f.csv:3:14: error: byte 0x81 at offset 57 is not UTF-8 or Windows-1252 text (save the file as UTF-8)"
//   "f.csv:1:2: error: byte 0x00 at offset 1 is not UTF-8 or Windows-1252 text (it looks like UTF-16
//    without a byte order mark; save the file as UTF-8)"
//   "f.csv:2:8: error: bytes 0x3D 0xD8 at offset 32 are not UTF-16LE text (an unpaired surrogate; save
//    the file as UTF-8)"
// An empty file is "UTF-8" with empty text.
DecodedText decode_text(const std::string& bytes, const std::string& file_name);

}  // namespace yousaid
