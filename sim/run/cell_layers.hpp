// SPDX-License-Identifier: MIT
#pragma once
// The cell layers of a Sahel world (sahelsim/cell_layers.hpp says what each is).
#include <string>
#include <vector>

#include "core/grid.hpp"
#include "model/sahel/world.hpp"
#include "sahelsim/cell_layers.hpp"

namespace sahel::run {

using sahelsim::CellLayers;

CellLayers cell_layers_of(const model::World& w);

}  // namespace sahel::run
