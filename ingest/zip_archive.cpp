#include "ingest/zip_archive.h"

#include <minizip/unzip.h>

#include <algorithm>
#include <cstring>

namespace yousaid {

namespace {

// minizip's file functions, over a ZipArchive::Stream instead of a file.
using Stream = ZipArchive::Stream;

voidpf open_stream(voidpf opaque, const void*, int) { return opaque; }

uLong read_stream(voidpf, voidpf stream, void* buffer, uLong size) {
    auto* s = static_cast<Stream*>(stream);
    if (s->at >= s->bytes->size()) return 0;
    const uLong n = static_cast<uLong>(std::min<unsigned long long>(size, s->bytes->size() - s->at));
    std::memcpy(buffer, s->bytes->data() + s->at, n);
    s->at += n;
    return n;
}

uLong write_stream(voidpf, voidpf, const void*, uLong) { return 0; }  // read only

ZPOS64_T tell_stream(voidpf, voidpf stream) { return static_cast<Stream*>(stream)->at; }

long seek_stream(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
    auto* s = static_cast<Stream*>(stream);
    const unsigned long long size = s->bytes->size();
    const unsigned long long base = origin == ZLIB_FILEFUNC_SEEK_SET ? 0 : origin == ZLIB_FILEFUNC_SEEK_CUR ? s->at : size;
    if (offset > size - base) return -1;  // past the end: no archive reaches there
    s->at = base + offset;
    return 0;
}

int close_stream(voidpf, voidpf) { return 0; }
int stream_error(voidpf, voidpf) { return 0; }

// Why a part could not be read, in words.
std::string problem(int code) {
    switch (code) {
    case UNZ_CRCERROR:
        return "its checksum does not match (the file is damaged)";
    case UNZ_BADZIPFILE:
        return "it is damaged, or compressed in a way XLSX does not use";
    case Z_DATA_ERROR:
        return "its compressed data is damaged";
    case Z_MEM_ERROR:
        return "not enough memory";
    default:
        return "it is damaged or encrypted (minizip error " + std::to_string(code) + ")";
    }
}

unzFile archive_of(void* archive) { return static_cast<unzFile>(archive); }

}  // namespace

ZipArchive::ZipArchive(const std::string& bytes) : stream_{&bytes} {
    zlib_filefunc64_def functions{};
    functions.zopen64_file = open_stream;
    functions.zread_file = read_stream;
    functions.zwrite_file = write_stream;
    functions.ztell64_file = tell_stream;
    functions.zseek64_file = seek_stream;
    functions.zclose_file = close_stream;
    functions.zerror_file = stream_error;
    functions.opaque = &stream_;
    archive_ = unzOpen2_64("", &functions);
}

ZipArchive::~ZipArchive() {
    if (archive_) unzClose(archive_of(archive_));
}

bool ZipArchive::read(const std::string& name, std::string& out) const {
    constexpr int kIgnoreCase = 2;
    unzFile zip = archive_of(archive_);
    if (unzLocateFile(zip, name.c_str(), kIgnoreCase) != UNZ_OK) return false;
    int code = unzOpenCurrentFile(zip);
    if (code != UNZ_OK) throw ZipPartError("cannot read " + name + ": " + problem(code));
    out.clear();
    char buffer[65536];
    while ((code = unzReadCurrentFile(zip, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<std::size_t>(code));
    // Closing checks the checksum of a part read to its end.
    const int closed = unzCloseCurrentFile(zip);
    if (code < 0) throw ZipPartError("cannot read " + name + ": " + problem(code));
    if (closed != UNZ_OK) throw ZipPartError("cannot read " + name + ": " + problem(closed));
    return true;
}

}  // namespace yousaid
