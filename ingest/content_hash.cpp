#include "ingest/content_hash.h"

#include <boost/uuid/detail/sha1.hpp>

#include <cstdio>

namespace yousaid {

std::string sha1_hex(std::string_view bytes) {
    boost::uuids::detail::sha1 sha;
    sha.process_bytes(bytes.data(), bytes.size());
    unsigned int digest[5];
    sha.get_digest(digest);
    char hex[41];
    for (int i = 0; i < 5; ++i) std::snprintf(hex + 8 * i, 9, "%08x", digest[i]);
    return std::string(hex, 40);
}

}  // namespace yousaid
