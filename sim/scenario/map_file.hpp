// SPDX-License-Identifier: MIT
#pragma once
// Reads a vector map (scenarios/maps/*.yaml, format in scenarios/maps/README.md)
// into plain model data. Every problem (missing file, text that is not YAML, a
// missing field, a value of the wrong type or out of range) is an InputError
// naming the file, line and column, what was expected and what was found.
// Documentation-only keys (sources, area_source, ...) are not read.
#include <string>

#include "model/sahel/vector_map.hpp"

namespace sahel::scenario {

model::VectorMap read_map_file(const std::string& path);
// The same from text already in memory; `label` stands for the file name in
// messages.
model::VectorMap read_map_text(const std::string& label, const std::string& text);

}  // namespace sahel::scenario
