// SPDX-License-Identifier: MIT
#pragma once
#include <filesystem>
#include <string>

namespace sahel::cli {

struct RunOptions {
  std::filesystem::path out;
  int threads = 0;  // 0 = all cores
  bool quiet = false;
  std::string command_line;  // recorded in the manifest
};

}  // namespace sahel::cli
