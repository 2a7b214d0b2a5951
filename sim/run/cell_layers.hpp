// SPDX-License-Identifier: MIT
#pragma once
// A Sahel run's cell layers on one day, as plain arrays a program can use
// (the Python module hands them to numpy without copying): row y = 0 is the
// southern edge, cell (x, y) is centred at (lon_min + (x + 0.5) cell_deg,
// lat_min + (y + 0.5) cell_deg).
#include <string>
#include <vector>

#include "core/grid.hpp"
#include "model/sahel/world.hpp"

namespace sahel::run {

struct CellLayers {
  double lon_min = 0, lat_min = 0, cell_deg = 0;
  std::vector<std::string> names;
  std::vector<core::Layer<float>> layers;  // names[i] is layers[i]
  const core::Layer<float>& operator[](const std::string& name) const;
};

// country (index, -1 outside the map's countries), control (-1 armed groups
// ... +1 state), zone (Kalyvas 1-5), controller (faction index, -1 nobody),
// population, displaced (people in the cell who fled home), legitimacy,
// violence, and support_GROUP for each armed group.
CellLayers cell_layers_of(const model::World& w);

}  // namespace sahel::run
