#include "report/pdf_to_unicode.h"

#include <cstdio>
#include <string>

#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

namespace yousaid::report {

namespace {

// A ToUnicode CMap (PDF 32000-1:2008, 9.10.3) mapping every two-byte code
// outside the surrogates to itself, one range per high byte: the 248 ranges go
// in blocks of at most 100, the most one block may hold.
std::string identity_to_unicode_cmap() {
    std::string ranges;
    int in_block = 0;
    std::string text =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    auto flush = [&] {
        if (in_block == 0) return;
        text += std::to_string(in_block) + " beginbfrange\n" + ranges + "endbfrange\n";
        ranges.clear();
        in_block = 0;
    };
    for (int high = 0; high < 256; ++high) {
        if (high >= 0xD8 && high <= 0xDF) continue;  // surrogates: halves of a character, not one
        char line[32];
        std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", high, high, high);
        ranges += line;
        if (++in_block == 100) flush();
    }
    flush();
    text += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return text;
}

}  // namespace

bool write_identity_to_unicode(HPDF_Font font) {
    if (font == nullptr || font->attr == nullptr) return false;
    HPDF_Dict stream = static_cast<HPDF_FontAttr>(font->attr)->cmap_stream;
    if (stream == nullptr || stream->stream == nullptr || HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT) != stream) {
        return false;
    }
    // The keys of the CID map it held mean nothing to a ToUnicode stream.
    // (Removing a key the dictionary lacks only returns a status.)
    for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode"}) HPDF_Dict_RemoveElement(stream, key);
    HPDF_MemStream_FreeData(stream->stream);
    return HPDF_Stream_WriteStr(stream->stream, identity_to_unicode_cmap().c_str()) == HPDF_OK;
}

}  // namespace yousaid::report
