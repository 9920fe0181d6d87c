#include "analysis/store_folders.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>

#include <cerrno>
#include <system_error>

namespace yousaid {

namespace fs = std::filesystem;

namespace {

fs::filesystem_error system_error(const char* what, const fs::path& a, const fs::path& b = {}) {
    return fs::filesystem_error(what, a, b, std::error_code(errno, std::generic_category()));
}

}  // namespace

FolderBesideStore::FolderBesideStore(const std::string& store_path, const std::string& purpose) {
    store_ = fs::absolute(store_path).lexically_normal();
    if (store_.filename().empty()) store_ = store_.parent_path();
    const fs::path parent = store_.parent_path();
    const std::string prefix = "." + store_.filename().string() + "." + purpose + "-";
    for (const auto& entry : fs::directory_iterator(parent)) {
        if (entry.is_directory() && entry.path().filename().string().starts_with(prefix)) fs::remove_all(entry.path());
    }
    std::string holder = (parent / (prefix + "XXXXXX")).string();
    if (!::mkdtemp(holder.data())) throw system_error("cannot make a folder beside the store", holder);
    folder_ = holder;
}

FolderBesideStore::~FolderBesideStore() {
    std::error_code ignored;
    fs::remove_all(folder_, ignored);
}

void FolderBesideStore::swap_in() const {
    const fs::path a = copy();
    if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, store_.c_str(), RENAME_EXCHANGE) == 0) return;
    if (errno != EINVAL && errno != ENOSYS) throw system_error("cannot swap folders", a, store_);
    const fs::path aside = store_.string() + ".old";
    fs::rename(store_, aside);
    fs::rename(a, store_);
    fs::rename(aside, a);
}

std::uintmax_t folder_bytes(const fs::path& folder) {
    std::uintmax_t bytes = 0;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        if (entry.is_regular_file()) bytes += entry.file_size();
    }
    return bytes;
}

}  // namespace yousaid
