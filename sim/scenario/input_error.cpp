// SPDX-License-Identifier: MIT
#include "scenario/input_error.hpp"

#include <fmt/format.h>

namespace sahel::scenario {

namespace {
std::string render(const Location& w, const std::string& what) {
  if (w.line <= 0) return fmt::format("{}: error: {}", w.file, what);
  return fmt::format("{}:{}:{}: error: {}", w.file, w.line, w.column, what);
}
}  // namespace

InputError::InputError(const Location& where, const std::string& what)
    : std::runtime_error(render(where, what)), where_(where) {}

}  // namespace sahel::scenario
