// SPDX-License-Identifier: MIT
#pragma once
// A Sahel run's cell layers on one day, as Eigen arrays (row-major, so the
// Python module hands them to numpy without copying): row y = 0 is the
// southern edge; cell (x, y) is centred at (lon_min + (x + 0.5) cell_deg,
// lat_min + (y + 0.5) cell_deg).
//
// Layers: country (index into the map's countries, -1 outside them),
// control (-1 armed groups ... +1 state), zone (Kalyvas 1-5), controller
// (faction index, -1 nobody), population, displaced (people in the cell who
// fled their homes), legitimacy, violence (recent deaths, decaying), and
// support_GROUP for each armed group.
//
// Eigen types cross the library's boundary: build your program with the
// same Eigen (Debian's libeigen3-dev) and without flags that change Eigen's
// alignment (-march=native, -mavx...) unless the library was built with them.
#include <Eigen/Core>
#include <string>
#include <vector>

namespace sahelsim {

using LayerArray = Eigen::Array<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct CellLayers {
  double lon_min = 0, lat_min = 0, cell_deg = 0;
  std::vector<std::string> names;
  std::vector<LayerArray> layers;                               // names[i] is layers[i]
  const LayerArray& operator[](const std::string& name) const;  // throws std::out_of_range
};

}  // namespace sahelsim
