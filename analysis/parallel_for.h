#pragma once
// Runs body(i) for every i in [0, n) on up to `threads` threads (the calling
// one among them), handing out indices one at a time. Each i runs once; the
// bodies must not race with one another on shared state.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace yousaid {

template <typename Body>
void parallel_for(std::size_t n, unsigned threads, Body&& body) {
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < n; i = next++) body(i);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < std::max(1u, threads) && t < n; ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
}

}  // namespace yousaid
