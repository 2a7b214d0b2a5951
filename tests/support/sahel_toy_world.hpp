// SPDX-License-Identifier: MIT
#pragma once
// A small hand-made Sahel for the mechanism tests: three square countries on
// a 0.25-degree grid over lon 0-6, lat 10-14 (24 x 16 cells, all savanna):
//   AA  core     lon 0-3    cells x 0-11
//   CC  core     lon 3-4.5  cells x 12-17
//   BB  outside  lon 4.5-6  cells x 18-23 (refuge)
// Every core cell holds `people_per_cell` people (the rasterised population
// is replaced, so counts are exact), BB none. Places: the town "Town" (AA,
// capital) at cell (2, 2) and the camp "Camp" (BB) at cell (21, 8). Bases
// can be added at any cell to deploy units there by name.
#include <cstdint>
#include <string>
#include <vector>

#include "model/sahel/model.hpp"

namespace sahel::test {

struct ToyWorld {
  model::Geography geo;

  core::CellIndex cell(int x, int y) const { return geo.grid.index(x, y); }
  // A base named `name` at the centre of cell (x, y).
  void add_base(const std::string& name, int x, int y);
  // A Setup on this geography with default parameters, no factions, no events.
  model::Setup setup(std::uint64_t seed = 1) const;
};

ToyWorld toy_world(double people_per_cell = 1000);

// A faction that does nothing of its own accord: it does not move, seek
// fights, harm civilians, recruit, earn, pay or strike from the air.
model::FactionSpec quiet_faction(const std::string& name, model::FactionKind kind, std::vector<model::Deployment> start,
                                 const std::string& country = "AA");

// Fighters of faction f present in the field (sum of its units' strengths).
std::int64_t present(const model::World& w, int f);
// People alive in households.
std::int64_t people_alive(const model::World& w);
// Chebyshev distance in cells.
int cells_apart(const core::Grid& g, core::CellIndex a, core::CellIndex b);

// Fighters of any faction standing in map country `country`.
std::int64_t present_in(const model::World& w, int country);
// Moves every unit of faction f to `cell` (before the Model is built: an
// armed group's start is moved to the countryside away from its enemies, and
// a test may want it elsewhere). Its units' posts stay as they were.
void put_units(model::World& w, int f, core::CellIndex cell);
// Runs `days` days and returns every event logged on them, in order.
std::vector<model::ConflictEvent> run_days(model::Model& m, int days);
// Events of one kind among `events`.
int count_kind(const std::vector<model::ConflictEvent>& events, model::EventKind kind);
// The strength of the unit with this id, 0 if it is gone.
std::int32_t strength_of_unit(const model::World& w, std::uint32_t id);
// The cell of the first unit of faction f, kNoCell if it has none.
core::CellIndex cell_of(const model::World& w, int f);

}  // namespace sahel::test
