// SPDX-License-Identifier: MIT
// Phase "civilians", in the same pass as activation (civilians.cpp): flight
// from harm to safety, and return (after Flee, Suleimenova et al. 2017),
// for every household in parallel.
//  - The hazard of flight at a cell counts what people there fear: civilians
//    killed lately within flight.radius_cells (per 1,000 residents of that
//    window), battles fought lately there, and insurgent rule (zones 4-5)
//    for those who back the state:
//      h = per_death * deaths / (people/1000 + 1) + per_battle * battles
//          + insurgent_rule * [zone >= 4] * L.
//    Fighters' deaths far away do not count; neither do deaths in a town of
//    a million as much as in a village.
//  - A household not on the road leaves with probability 1 - exp(-h), for
//    one of the kNearestDestinations towns, camps and border points nearest
//    to it, drawn with weights
//      pull * exp(-km * cost / distance_km) / (1 + 1000 h_dest)
//      (* abroad_preference in another country),
//    pull = log(1 + people/1000) (camps: x camp_pull); it lands on a cell of
//    the town's footprint and travels speed_cells a day.
//  - A displaced household heads home with daily chance return_rate
//    (refugee_return_rate when it lives abroad) once
//    the hazard at home is below return_hazard and insurgents do not hold
//    it (zone <= 3).
//  - Closed borders (border_closure events): a household does not set out,
//    in flight or return, across a border closed to civilians; households
//    already on the way go on.
// Refugees are people living outside their home country.
#include <atomic>
#include <cmath>

#include "core/parallel.hpp"
#include "model/sahel/model.hpp"
#include "model/sahel/streams.hpp"

namespace sahel::model {

namespace {

core::CellIndex step_towards(const core::Grid& g, core::CellIndex from, core::CellIndex to, int cells) {
  const int x = g.x_of(from), y = g.y_of(from), tx = g.x_of(to), ty = g.y_of(to);
  const int dx = std::clamp(tx - x, -cells, cells), dy = std::clamp(ty - y, -cells, cells);
  return g.index(x + dx, y + dy);
}

}  // namespace

double Model::flight_hazard(core::CellIndex c) const {
  const World& w = world_;
  const FlightParams& fp = w.params.flight;
  const int r = fp.radius_cells;
  const double people = static_cast<double>(population_sat_.square(c, r));
  const double deaths = static_cast<double>(harm_memory_sat_.square(c, r)) / 1000.0;
  const double battles = static_cast<double>(battle_memory_sat_.square(c, r)) / 1000.0;
  double h = fp.per_death * deaths / (people / 1000.0 + 1.0) + fp.per_battle * battles;
  if (w.zone.data()[c] >= 4 && w.geo.is_core(c)) h += fp.insurgent_rule * w.legitimacy().data()[c];
  return h;
}

bool Model::flee(std::size_t i) {
  World& w = world_;
  Civilians& h = w.civilians;
  const Geography& geo = w.geo;
  const core::Grid& g = geo.grid;
  const FlightParams& fp = w.params.flight;
  const auto tick = static_cast<std::uint32_t>(w.tick);
  const int speed = std::max(1, static_cast<int>(fp.speed_cells));

  if (h.people[i] <= 0) return false;
  const core::CellIndex c = h.cell[i];
  core::Draws d(w.key, tick, Stream::flight, h.id[i]);
  if (h.destination[i] == core::kNoCell) {
    const double hazard = hazard_[static_cast<std::size_t>(c)];
    if (hazard > 0 && d.uniform() < 1.0 - std::exp(-hazard)) {
      const int home_country = geo.country.data()[h.home[i]];
      const double cost_here = geo.movement_cost.data()[c];
      double weights[kNearestDestinations] = {};
      double total = 0;
      const std::int16_t* near = &nearest_destinations_[static_cast<std::size_t>(c) * kNearestDestinations];
      for (int k = 0; k < kNearestDestinations; ++k) {
        if (near[k] < 0) continue;
        const Destination& dest = destinations_[static_cast<std::size_t>(near[k])];
        const core::CellIndex at = dest.cells.front();
        if (std::find(dest.cells.begin(), dest.cells.end(), c) != dest.cells.end() || !may_cross(c, at)) continue;
        const double km = distance_km({geo.lon_of(g.x_of(c)), geo.lat_of(g.y_of(c))},
                                      {geo.lon_of(g.x_of(at)), geo.lat_of(g.y_of(at))});
        const double cost = 0.5 * (cost_here + geo.movement_cost.data()[at]);
        double weight =
            dest.pull * std::exp(-km * cost / fp.distance_km) / (1.0 + 1000.0 * hazard_[static_cast<std::size_t>(at)]);
        if (dest.country != home_country) weight *= fp.abroad_preference;
        weights[k] = weight;
        total += weight;
      }
      if (total > 0) {
        double pick = d.uniform() * total;
        int k = 0, last = 0;
        for (; k < kNearestDestinations; ++k) {
          if (weights[k] <= 0) continue;
          last = k;
          if (pick < weights[k]) break;
          pick -= weights[k];
        }
        if (k == kNearestDestinations) k = last;  // rounding at the very end
        const Destination& dest = destinations_[static_cast<std::size_t>(near[k])];
        h.destination[i] = dest.cells[d.below(static_cast<std::uint32_t>(dest.cells.size()))];
        h.displaced[i] = 1;
      }
    } else if (h.displaced[i] && h.cell[i] != h.home[i] && w.zone.data()[h.home[i]] <= 3 &&
               hazard_[static_cast<std::size_t>(h.home[i])] < fp.return_hazard && may_cross(c, h.home[i]) &&
               d.uniform() <
                   (geo.country.data()[c] == geo.country.data()[h.home[i]] ? fp.return_rate : fp.refugee_return_rate)) {
      h.destination[i] = h.home[i];
    }
  }
  if (h.destination[i] != core::kNoCell) {
    h.cell[i] = step_towards(g, c, h.destination[i], speed);
    if (h.cell[i] == h.destination[i]) {
      h.destination[i] = core::kNoCell;
      if (h.cell[i] == h.home[i]) h.displaced[i] = 0;
    }
  }
  return h.cell[i] != c;
}

}  // namespace sahel::model
