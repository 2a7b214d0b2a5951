// SPDX-License-Identifier: MIT
#pragma once
// The one error type for bad input: it carries where (file, line, column)
// and renders as `FILE:LINE:COL: error: WHAT`. The command line turns it into
// exit status 2 before anything is written.
#include <stdexcept>
#include <string>

namespace sahel::scenario {

struct Location {
  std::string file;  // a path, or "--set KEY=VALUE" for a command-line override
  int line = 0;      // 1-based; 0 when the problem is the whole file
  int column = 0;    // 1-based
};

class InputError : public std::runtime_error {
 public:
  InputError(const Location& where, const std::string& what);
  const Location& where() const { return where_; }

 private:
  Location where_;
};

}  // namespace sahel::scenario
