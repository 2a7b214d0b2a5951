// SPDX-License-Identifier: MIT
#pragma once
// manifest.json: what produced a run folder (resolved scenario and its
// SHA-256, seed, threads, program version) and how fast it went
// (`wall_seconds`, `agent_updates_per_second`: scripts read these names).
#include <filesystem>
#include <nlohmann/json.hpp>

namespace sahel::output {

void write_manifest(const std::filesystem::path& folder, const nlohmann::ordered_json& manifest);

}  // namespace sahel::output
