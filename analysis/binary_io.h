#pragma once
// Fixed-size values and vectors of them written as raw little-endian bytes, for
// the model file (text_model.h). Reads throw std::runtime_error at a short or
// implausible file rather than returning garbage.
#include <bit>
#include <cstdint>
#include <istream>
#include <ostream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace yousaid::binary_io {

static_assert(std::endian::native == std::endian::little, "the model file is little-endian");

template <typename T>
void write_value(std::ostream& out, const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    out.write(reinterpret_cast<const char*>(&value), sizeof value);
}

template <typename T>
T read_value(std::istream& in) {
    static_assert(std::is_trivially_copyable_v<T>);
    T value{};
    if (!in.read(reinterpret_cast<char*>(&value), sizeof value)) throw std::runtime_error("the model file is cut short");
    return value;
}

template <typename T>
void write_vector(std::ostream& out, const std::vector<T>& values) {
    write_value<std::uint64_t>(out, values.size());
    out.write(reinterpret_cast<const char*>(values.data()), static_cast<std::streamsize>(values.size() * sizeof(T)));
}

template <typename T>
std::vector<T> read_vector(std::istream& in) {
    const auto size = read_value<std::uint64_t>(in);
    if (size > (std::uint64_t{1} << 32)) throw std::runtime_error("the model file is damaged");
    std::vector<T> values(size);
    if (!in.read(reinterpret_cast<char*>(values.data()), static_cast<std::streamsize>(size * sizeof(T)))) {
        throw std::runtime_error("the model file is cut short");
    }
    return values;
}

inline void write_string(std::ostream& out, const std::string& s) { write_vector(out, std::vector<char>(s.begin(), s.end())); }

inline std::string read_string(std::istream& in) {
    std::vector<char> chars = read_vector<char>(in);
    return std::string(chars.begin(), chars.end());
}

}  // namespace yousaid::binary_io
