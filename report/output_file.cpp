#include "report/output_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace yousaid::report {

std::string write_problem(const std::string& path) {
    std::string dir = ".";
    std::size_t slash = path.find_last_of('/');
    if (slash != std::string::npos) dir = slash == 0 ? "/" : path.substr(0, slash);
    bool ok = ::access(path.c_str(), F_OK) == 0 ? ::access(path.c_str(), W_OK) == 0
                                                 : ::access(dir.c_str(), W_OK | X_OK) == 0;
    return ok ? "" : "cannot write " + path + ": " + std::strerror(errno);
}

std::string write_file(const std::string& path, const std::string& bytes) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr) return "cannot write " + path + ": " + std::strerror(errno);
    bool written = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
    int write_errno = errno;
    if (std::fclose(file) != 0 && written) {
        written = false;
        write_errno = errno;
    }
    return written ? "" : "cannot write " + path + ": " + std::strerror(write_errno);
}

long long creation_time() {
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        long long value = std::strtoll(epoch, &end, 10);
        if (end != epoch && *end == '\0') return value;
    }
    return static_cast<long long>(std::time(nullptr));
}

}  // namespace yousaid::report
