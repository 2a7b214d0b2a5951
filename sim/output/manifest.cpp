// SPDX-License-Identifier: MIT
#include "output/manifest.hpp"

#include "output/atomic_file.hpp"

namespace sahel::output {

void write_manifest(const std::filesystem::path& folder, const nlohmann::ordered_json& manifest) {
  write_file_atomically(folder / "manifest.json", manifest.dump(2) + "\n");
}

}  // namespace sahel::output
