#include "analysis/facet_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <bit>
#include <cstring>
#include <filesystem>
#include <limits>

#include "analysis/schema.h"

namespace yousaid {

namespace {

static_assert(std::endian::native == std::endian::little, "the facets cache is little-endian");

constexpr char kMagic[8] = {'Y', 'S', 'F', 'A', 'C', 'E', 'T', '1'};
constexpr const char* kFileName = "facets.cache";
constexpr const char* kTemporaryPrefix = "facets.cache.";  // then mkstemp's six letters

struct Header {
    char magic[8];
    std::uint32_t revision;
    std::uint32_t last_docid;
    std::uint64_t value_bytes;
    char uuid[40];
};
static_assert(sizeof(Header) == 64);

Header header_of(const Xapian::Database& db, std::uint64_t value_bytes) {
    Header h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    h.revision = static_cast<std::uint32_t>(db.get_revision());
    h.last_docid = db.get_lastdocid();
    h.value_bytes = value_bytes;
    const std::string uuid = db.get_uuid();
    std::memcpy(h.uuid, uuid.data(), std::min(uuid.size(), sizeof h.uuid - 1));
    return h;
}

std::size_t offsets_bytes(Xapian::docid last_docid) { return (std::size_t(last_docid) + 2) * sizeof(std::uint32_t); }

// Writes the parts under a temporary name, then renames the file into place.
// Temporary files left by killed runs go first (a run still writing one
// then fails to rename it, and keeps what it made in memory).
void write_atomically(const std::string& dir, const std::vector<iovec>& parts) {
    std::error_code ignored;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ignored)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with(kTemporaryPrefix)) std::filesystem::remove(entry.path(), ignored);
    }
    std::string temporary = dir + "/" + kTemporaryPrefix + "XXXXXX";
    const int fd = ::mkstemp(temporary.data());  // mode 0600
    if (fd < 0) return;
    bool whole = true;
    for (const iovec& part : parts) {
        const char* at = static_cast<const char*>(part.iov_base);
        std::size_t left = part.iov_len;
        while (whole && left > 0) {
            const ssize_t n = ::write(fd, at, left);
            whole = n > 0;
            if (whole) {
                at += n;
                left -= static_cast<std::size_t>(n);
            }
        }
    }
    whole = ::close(fd) == 0 && whole;
    if (!whole || std::rename(temporary.c_str(), (dir + "/" + kFileName).c_str()) != 0) {
        std::filesystem::remove(temporary, ignored);
    }
}

}  // namespace

FacetCache::~FacetCache() {
    if (map_) ::munmap(map_, map_size_);
}

std::unique_ptr<FacetCache> FacetCache::load(const Xapian::Database& db, const std::string& dir) {
    if (db.size() != 1 || db.get_value_freq(schema::kFacetsSlot) != db.get_doccount()) return nullptr;
    std::unique_ptr<FacetCache> cache(new FacetCache);
    if (cache->map_file(dir + "/" + kFileName, db)) return cache;
    if (::access(dir.c_str(), W_OK) != 0 || !cache->build(db)) return nullptr;
    Header header = header_of(db, cache->value_bytes_);
    write_atomically(dir, {{&header, sizeof header},
                           {cache->built_offsets_.data(), offsets_bytes(cache->last_docid_)},
                           {cache->built_values_.data(), cache->built_values_.size()}});
    return cache;
}

bool FacetCache::map_file(const std::string& path, const Xapian::Database& db) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat st {};
    void* map = MAP_FAILED;
    if (::fstat(fd, &st) == 0 && std::size_t(st.st_size) >= sizeof(Header)) {
        map = ::mmap(nullptr, std::size_t(st.st_size), PROT_READ, MAP_SHARED, fd, 0);
    }
    ::close(fd);
    if (map == MAP_FAILED) return false;
    map_ = map;
    map_size_ = std::size_t(st.st_size);
    Header found;
    std::memcpy(&found, map_, sizeof found);
    const Header wanted = header_of(db, found.value_bytes);
    if (std::memcmp(&found, &wanted, sizeof found) != 0 ||
        map_size_ != sizeof(Header) + offsets_bytes(found.last_docid) + found.value_bytes) {
        return false;  // the destructor unmaps it
    }
    last_docid_ = found.last_docid;
    value_bytes_ = found.value_bytes;
    offsets_ = reinterpret_cast<const std::uint32_t*>(static_cast<const char*>(map_) + sizeof(Header));
    values_ = static_cast<const char*>(map_) + sizeof(Header) + offsets_bytes(last_docid_);
    return true;
}

bool FacetCache::build(const Xapian::Database& db) {
    if (map_) ::munmap(map_, map_size_);
    map_ = nullptr;
    last_docid_ = db.get_lastdocid();
    built_offsets_.assign(std::size_t(last_docid_) + 2, 0);
    built_values_.clear();
    Xapian::docid next = 0;  // the first docid whose offset is not yet set
    const auto end = db.valuestream_end(schema::kFacetsSlot);
    for (auto it = db.valuestream_begin(schema::kFacetsSlot); it != end; ++it) {
        const Xapian::docid did = it.get_docid();
        if (did > last_docid_) return false;
        while (next <= did) built_offsets_[next++] = static_cast<std::uint32_t>(built_values_.size());
        built_values_ += *it;
        if (built_values_.size() > std::numeric_limits<std::uint32_t>::max()) return false;
    }
    while (next < built_offsets_.size()) built_offsets_[next++] = static_cast<std::uint32_t>(built_values_.size());
    value_bytes_ = built_values_.size();
    offsets_ = built_offsets_.data();
    values_ = built_values_.data();
    return true;
}

void refresh_facet_cache(const Xapian::Database& db, const std::string& dir) {
    try {
        FacetCache::load(db, dir);
    } catch (const Xapian::Error&) {
        // The store is written; the next search makes the cache instead.
    }
}

}  // namespace yousaid
