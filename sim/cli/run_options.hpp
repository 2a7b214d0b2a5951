// SPDX-License-Identifier: MIT
#pragma once
#include <filesystem>
#include <string>

namespace sahel::cli {

struct RunOptions {
  std::filesystem::path out;
  int threads = 0;  // 0 = all cores
  bool quiet = false;
  std::string command_line;           // recorded in the manifest
  std::string checkpoint_at;          // Sahel: save the state after this date (YYYY-MM-DD)
  std::filesystem::path resume_from;  // Sahel: continue from this checkpoint
};

}  // namespace sahel::cli
