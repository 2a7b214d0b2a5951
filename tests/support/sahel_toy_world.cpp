// SPDX-License-Identifier: MIT
#include "support/sahel_toy_world.hpp"

#include <algorithm>
#include <cstdlib>

namespace sahel::test {

namespace {
constexpr double kCell = 0.25, kLon0 = 0, kLat0 = 10;
model::LonLat centre(int x, int y) {
  return {kLon0 + (x + 0.5) * kCell, kLat0 + (y + 0.5) * kCell};
}
model::Ring box(double lon0, double lon1) {
  return {{lon0, 10}, {lon1, 10}, {lon1, 14}, {lon0, 14}};
}
}  // namespace

void ToyWorld::add_base(const std::string& name, int x, int y) {
  const int k = geo.country.data()[cell(x, y)];
  geo.bases.push_back({name, k >= 0 ? geo.countries[static_cast<std::size_t>(k)].code : "", centre(x, y)});
}

model::Setup ToyWorld::setup(std::uint64_t seed) const {
  model::Setup s;
  s.geo = geo;
  s.key = {seed, 0};
  return s;
}

ToyWorld toy_world(double people_per_cell) {
  model::VectorMap map;
  map.name = "toy";
  map.countries.push_back({"AA", "Aland", true, 0, 1'000'000, {box(0, 3)}});
  map.countries.push_back({"CC", "Cland", true, 0, 500'000, {box(3, 4.5)}});
  map.countries.push_back({"BB", "Bland", false, 0, 0, {box(4.5, 6)}});
  map.places.push_back({"Town", "AA", centre(2, 2), 20'000, model::PlaceKind::town, true});
  map.places.push_back({"Camp", "BB", centre(21, 8), 0, model::PlaceKind::camp, false});
  ToyWorld t;
  t.geo = model::rasterise(map, {kLon0, 6, kLat0, 14, kCell}, {});
  for (core::CellIndex c = 0; c < t.geo.grid.cells(); ++c)
    t.geo.population.data()[c] = t.geo.is_core(c) ? people_per_cell : 0.0;
  return t;
}

model::FactionSpec quiet_faction(const std::string& name, model::FactionKind kind, std::vector<model::Deployment> start,
                                 const std::string& country) {
  model::FactionSpec f;
  f.name = name;
  f.kind = kind;
  f.country = country;
  f.start = std::move(start);
  model::Doctrine& d = f.doctrine;
  d.aggression = 0;
  d.mobility_cells = 0;
  d.civilian_harm = 0;
  d.one_sided_violence = 0;
  d.air_strike_radius_cells = 0;
  d.air_strikes_per_day = 0;
  d.training_effect = 0;
  d.upkeep_per_fighter_day = 0;
  d.funding_per_month = 0;
  d.recruitment_per_month = 0;
  d.recruit_rate = 0;
  d.tax_per_person_day = 0;
  d.mine_income_per_day = 0;
  d.popularity = 0;
  return f;
}

std::int64_t present(const model::World& w, int f) {
  std::int64_t s = 0;
  for (std::size_t i = 0; i < w.units.size(); ++i)
    if (w.units.faction[i] == f) s += w.units.strength[i];
  return s;
}

std::int64_t people_alive(const model::World& w) {
  std::int64_t s = 0;
  for (std::size_t i = 0; i < w.civilians.size(); ++i) s += w.civilians.people[i];
  return s;
}

int cells_apart(const core::Grid& g, core::CellIndex a, core::CellIndex b) {
  return std::max(std::abs(g.x_of(a) - g.x_of(b)), std::abs(g.y_of(a) - g.y_of(b)));
}

std::int64_t present_in(const model::World& w, int country) {
  std::int64_t s = 0;
  for (std::size_t i = 0; i < w.units.size(); ++i)
    if (w.geo.country.data()[w.units.cell[i]] == country) s += w.units.strength[i];
  return s;
}

void put_units(model::World& w, int f, core::CellIndex cell) {
  for (std::size_t i = 0; i < w.units.size(); ++i)
    if (w.units.faction[i] == f) w.units.cell[i] = w.units.target[i] = cell;
}

std::vector<model::ConflictEvent> run_days(model::Model& m, int days) {
  std::vector<model::ConflictEvent> out;
  for (int d = 0; d < days; ++d) {
    m.step();
    out.insert(out.end(), m.events_today().begin(), m.events_today().end());
  }
  return out;
}

int count_kind(const std::vector<model::ConflictEvent>& events, model::EventKind kind) {
  return static_cast<int>(
      std::count_if(events.begin(), events.end(), [&](const model::ConflictEvent& e) { return e.kind == kind; }));
}

std::int32_t strength_of_unit(const model::World& w, std::uint32_t id) {
  for (std::size_t i = 0; i < w.units.size(); ++i)
    if (w.units.id[i] == id) return w.units.strength[i];
  return 0;
}

core::CellIndex cell_of(const model::World& w, int f) {
  for (std::size_t i = 0; i < w.units.size(); ++i)
    if (w.units.faction[i] == f) return w.units.cell[i];
  return core::kNoCell;
}

}  // namespace sahel::test
