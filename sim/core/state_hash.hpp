// SPDX-License-Identifier: MIT
#pragma once
// SHA-256 over raw bytes (OpenSSL). Used for the scenario digest in the
// manifest and for the final-state hash that determinism tests compare.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sahel::core {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(const void* data, std::size_t bytes);
  template <class T>
  void update(const std::vector<T>& column) {
    update(column.data(), column.size() * sizeof(T));
  }
  void update(std::string_view text) { update(text.data(), text.size()); }
  std::string hex_digest();  // finishes the hash

 private:
  struct Context;
  std::unique_ptr<Context> ctx_;
};

std::string sha256_hex(std::string_view text);

}  // namespace sahel::core
