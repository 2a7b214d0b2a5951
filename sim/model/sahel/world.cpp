// SPDX-License-Identifier: MIT
#include "model/sahel/world.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/parallel.hpp"
#include "model/sahel/streams.hpp"

namespace sahel::model {

core::CellIndex place_cell(const Geography& geo, const std::string& name) {
  for (const Place& p : geo.places)
    if (p.name == name) return geo.cell_at(p.at);
  for (const Base& b : geo.bases)
    if (b.name == name) return geo.cell_at(b.at);
  for (const Mine& m : geo.mines)
    if (m.name == name) return geo.cell_at(m.at);
  return core::kNoCell;
}

namespace {

std::vector<core::CellIndex> objective_cells(const Geography& geo, Objective objective) {
  std::vector<core::CellIndex> cells;
  auto add = [&](LonLat at) {
    const core::CellIndex c = geo.cell_at(at);
    if (c != core::kNoCell && geo.is_core(c)) cells.push_back(c);
  };
  switch (objective) {
    case Objective::cities:
      for (const Place& p : geo.places)
        if (p.kind == PlaceKind::town) add(p.at);
      break;
    case Objective::mines:
      for (const Mine& m : geo.mines) add(m.at);
      break;
    case Objective::bases:
      for (const Base& b : geo.bases) add(b.at);
      break;
    case Objective::interests:
      for (const Place& p : geo.places)
        if (p.capital) add(p.at);
      for (const Mine& m : geo.mines) add(m.at);
      break;
    case Objective::borders:
      for (core::CellIndex c = 0; c < geo.grid.cells(); ++c)
        if (geo.border.data()[c] && geo.is_core(c)) cells.push_back(c);
      break;
  }
  std::sort(cells.begin(), cells.end());
  cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
  return cells;
}

void create_households(World& w) {
  const Geography& geo = w.geo;
  const CivilianParams& cp = w.params.civilians;
  Civilians& h = w.civilians;
  for (core::CellIndex c = 0; c < geo.grid.cells(); ++c) {
    if (!geo.is_core(c)) continue;
    auto people = static_cast<std::int64_t>(std::llround(geo.population.data()[c]));
    while (people > 0) {
      const auto n = static_cast<std::int32_t>(std::min<std::int64_t>(people, cp.people_per_agent));
      h.id.push_back(static_cast<std::uint32_t>(h.id.size()));
      h.cell.push_back(c);
      h.home.push_back(c);
      h.people.push_back(n);
      people -= n;
      w.people_initial += n;
    }
  }
  const std::size_t n = h.id.size();
  h.destination.assign(n, core::kNoCell);
  h.hardship.resize(n);
  h.risk_aversion.resize(n);
  h.status.assign(n, CivilianStatus::calm);
  h.displaced.assign(n, 0);
  h.recruits.assign(n, 0);
  h.recruiter.assign(n, -1);
  core::for_each_index(static_cast<std::int64_t>(n), [&](std::int64_t i) {
    core::Draws d(w.key, 0, Stream::civilian_attributes, h.id[i]);
    const double hardship = cp.hardship_mean + cp.hardship_spread * (2 * d.uniform() - 1);
    h.hardship[i] = static_cast<float>(std::clamp(hardship, 0.0, 1.0));
    h.risk_aversion[i] = static_cast<float>(d.uniform());
  });
}

// The countries where a faction's units may operate (docs/model.md 4.1).
std::vector<int> resolve_theatre(const World& w, const Faction& fac) {
  const Geography& geo = w.geo;
  std::vector<int> out;
  if (!fac.spec.theatre.empty()) {
    for (const std::string& code : fac.spec.theatre) out.push_back(geo.country_index(code));
  } else if (insurgent_side(fac.spec.kind)) {
    return {};  // anywhere (Faction::anywhere)
  } else if (fac.spec.kind == FactionKind::state) {
    out.push_back(geo.country_index(fac.spec.country));
  } else {
    for (const Deployment& d : fac.spec.start) {
      const core::CellIndex c = d.cell >= 0 ? d.cell : place_cell(geo, d.place);
      if (c != core::kNoCell && geo.country.data()[c] >= 0) out.push_back(geo.country.data()[c]);
    }
    if (fac.paid_by >= 0) {
      const Faction& payer = w.factions[static_cast<std::size_t>(fac.paid_by)];
      out.push_back(geo.country_index(payer.spec.country));
    }
  }
  std::erase(out, -1);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

core::CellIndex nearest_of(const core::Grid& g, const std::vector<core::CellIndex>& cells, core::CellIndex from) {
  core::CellIndex best = core::kNoCell;
  int best_d = 0;
  for (core::CellIndex c : cells) {
    const int d = std::max(std::abs(g.x_of(c) - g.x_of(from)), std::abs(g.y_of(c) - g.y_of(from)));
    if (best == core::kNoCell || d < best_d) {
      best = c;
      best_d = d;
    }
  }
  return best;
}

// An armed group's support around the places it starts from (the places
// named in the scenario, not the countryside cells its units start in):
// its local_support there, falling linearly with distance to nothing just
// beyond the administrative reach (control.admin_radius_cells + 1).
void seed_group_support(World& w, const Faction& fac) {
  const double s0 = fac.spec.doctrine.local_support;
  if (s0 <= 0) return;
  const core::Grid& g = w.geo.grid;
  const int R = std::max(1, w.params.control.admin_radius_cells);
  float* layer = w.support[static_cast<std::size_t>(fac.actor)].data();
  for (const Deployment& d : fac.spec.start) {
    const core::CellIndex at = d.cell >= 0 ? d.cell : place_cell(w.geo, d.place);
    if (at == core::kNoCell) continue;
    const int x = g.x_of(at), y = g.y_of(at);
    for (int dy = -R; dy <= R; ++dy)
      for (int dx = -R; dx <= R; ++dx) {
        const core::CellIndex c = g.offset_xy(x, y, dx, dy);
        if (c == core::kNoCell) continue;
        const double v = s0 * (1.0 - std::sqrt(static_cast<double>(dx * dx + dy * dy)) / (R + 1));
        if (v > layer[c]) layer[c] = static_cast<float>(v);
      }
  }
}

// An armed group given a place its enemies also start in does not start
// inside their garrison: it starts in the countryside around it, at the
// nearest cell (in rings, ties to the lower index) of the same country
// more than operations.mass_radius_cells from every hostile faction's
// starting cell (or the place itself if none is within 10 cells).
core::CellIndex countryside(const World& w, const std::vector<std::vector<core::CellIndex>>& starts, int f,
                            core::CellIndex at) {
  const core::Grid& g = w.geo.grid;
  const int gap = w.params.operations.mass_radius_cells;
  auto clear = [&](core::CellIndex c) {
    for (std::size_t k = 0; k < starts.size(); ++k) {
      if (!w.hostile[static_cast<std::size_t>(f)][k]) continue;
      for (core::CellIndex e : starts[k])
        if (std::max(std::abs(g.x_of(e) - g.x_of(c)), std::abs(g.y_of(e) - g.y_of(c))) <= gap) return false;
    }
    return true;
  };
  if (clear(at)) return at;
  const int country = w.geo.country.data()[at];
  for (int ring = 1; ring <= 10; ++ring) {
    core::CellIndex best = core::kNoCell;
    for (int dy = -ring; dy <= ring; ++dy)
      for (int dx = -ring; dx <= ring; ++dx) {
        if (std::max(std::abs(dx), std::abs(dy)) != ring) continue;
        const core::CellIndex c = g.offset_xy(g.x_of(at), g.y_of(at), dx, dy);
        if (c == core::kNoCell || w.geo.country.data()[c] != country || !clear(c)) continue;
        if (best == core::kNoCell || c < best) best = c;
      }
    if (best != core::kNoCell) return best;
  }
  return at;
}

}  // namespace

bool in_theatre(const World& w, int f, core::CellIndex c) {
  const Faction& fac = w.factions[static_cast<std::size_t>(f)];
  const int k = w.geo.country.data()[c];
  if (std::find(fac.left_countries.begin(), fac.left_countries.end(), k) != fac.left_countries.end()) return false;
  return fac.anywhere || std::binary_search(fac.theatre.begin(), fac.theatre.end(), k);
}

void widen_theatre(World& w, int f, int country) {
  Faction& fac = w.factions[static_cast<std::size_t>(f)];
  if (country < 0 || fac.anywhere) return;
  std::erase(fac.left_countries, country);
  const auto at = std::lower_bound(fac.theatre.begin(), fac.theatre.end(), country);
  if (at != fac.theatre.end() && *at == country) return;
  fac.theatre.insert(at, country);
  for (core::CellIndex c : objective_cells(w.geo, fac.spec.objective))
    if (w.geo.country.data()[c] == country) fac.objective_cells.push_back(c);
  std::sort(fac.objective_cells.begin(), fac.objective_cells.end());
  fac.objective_cells.erase(std::unique(fac.objective_cells.begin(), fac.objective_cells.end()),
                            fac.objective_cells.end());
}

std::uint32_t add_unit(World& w, int faction, core::CellIndex cell, std::int32_t strength, Posture posture) {
  Units& u = w.units;
  const std::uint32_t id = w.next_unit_id++;
  const Faction& fac = w.factions[static_cast<std::size_t>(faction)];
  core::Draws draw(w.key, 0, Stream::unit_placement, id);
  const bool mobile = draw.uniform() < fac.spec.doctrine.mobile_share;
  const core::CellIndex post = nearest_of(w.geo.grid, fac.objective_cells, cell);
  u.id.push_back(id);
  u.faction.push_back(static_cast<std::uint8_t>(faction));
  u.cell.push_back(cell);
  u.strength.push_back(strength);
  u.morale.push_back(1.0f);
  u.posture.push_back(posture);
  u.mobile.push_back(mobile ? 1 : 0);
  // A post is where the unit stands when its faction has no objective
  // there; a unit deployed far from every objective keeps its place.
  u.objective.push_back(post == core::kNoCell ? cell : post);
  u.waypoint.push_back(core::kNoCell);
  u.target.push_back(cell);
  return id;
}

World make_world(Setup setup) {
  World w;
  w.geo = std::move(setup.geo);
  w.params = setup.params;
  w.key = setup.key;
  w.schedule = std::move(setup.events);
  w.spin_up_days = setup.spin_up_days;
  w.initial_displacement = std::move(setup.displacement);
  std::stable_sort(w.schedule.begin(), w.schedule.end(),
                   [](const ScheduledEvent& a, const ScheduledEvent& b) { return a.tick < b.tick; });
  const std::size_t nf = setup.factions.size();
  w.hostile.assign(nf, std::vector<std::uint8_t>(nf, 0));
  for (const auto& [a, b] : setup.hostile_pairs) w.hostile[a][b] = w.hostile[b][a] = 1;

  const core::Grid& grid = w.geo.grid;
  w.control = grid.make_layer<float>(0);
  w.zone = grid.make_layer<std::uint8_t>(3);
  w.controller = grid.make_layer<std::int8_t>(-1);
  w.violence = grid.make_layer<float>(0);
  w.harm_memory = grid.make_layer<float>(0);
  w.battle_memory = grid.make_layer<float>(0);
  w.foreign_resentment.assign(w.geo.countries.size(), 0.0);

  create_households(w);

  int actors = 1;
  for (std::size_t f = 0; f < nf; ++f) {
    Faction fac;
    fac.spec = std::move(setup.factions[f]);
    fac.funds = fac.spec.start_funds;
    fac.actor = insurgent_side(fac.spec.kind) ? actors++ : 0;
    w.factions.push_back(std::move(fac));
  }
  w.actor_faction.assign(static_cast<std::size_t>(actors), -1);
  for (std::size_t f = nf; f-- > 0;)
    w.actor_faction[static_cast<std::size_t>(w.factions[f].actor)] = static_cast<int>(f);
  const double initial = w.params.legitimacy.initial;
  w.legitimacy_offset = grid.make_layer<float>(0.0f);
  if (!setup.support_regions.empty())
    core::for_each_index(
        grid.cells(),
        [&](std::int64_t c) {
          const LonLat centre{w.geo.lon_of(grid.x_of(static_cast<core::CellIndex>(c))),
                              w.geo.lat_of(grid.y_of(static_cast<core::CellIndex>(c)))};
          double level = initial;
          for (const SupportRegion& r : setup.support_regions)
            if (distance_km(centre, r.at) <= r.radius_km) level = std::min(level, r.legitimacy);
          w.legitimacy_offset.data()[c] = static_cast<float>(level - initial);
        },
        1024);
  for (int a = 0; a < actors; ++a) {
    w.support.push_back(a == kStateSide ? core::Layer<float>(w.legitimacy_offset + static_cast<float>(initial))
                                        : grid.make_layer<float>(0.0f));
    w.compliance.push_back(grid.make_layer<float>(0));
    w.heat.push_back(grid.make_layer<float>(0));
  }
  // The payer by index, so logistics and contract events need no name look-up.
  for (Faction& fac : w.factions)
    for (std::size_t p = 0; p < nf; ++p)
      if (!fac.spec.paid_by.empty() && w.factions[p].spec.name == fac.spec.paid_by) fac.paid_by = static_cast<int>(p);
  for (Faction& fac : w.factions) {
    fac.theatre = resolve_theatre(w, fac);
    fac.anywhere = insurgent_side(fac.spec.kind) && fac.spec.theatre.empty();
    // Objectives lie where the faction may operate.
    std::vector<core::CellIndex> cells;
    for (core::CellIndex c : objective_cells(w.geo, fac.spec.objective)) {
      const int k = w.geo.country.data()[c];
      if (fac.anywhere || std::binary_search(fac.theatre.begin(), fac.theatre.end(), k)) cells.push_back(c);
    }
    fac.objective_cells = std::move(cells);
    if (fac.spec.kind == FactionKind::state)
      for (const Place& p : w.geo.places)
        if (p.capital && p.country == fac.spec.country) fac.capital = w.geo.cell_at(p.at);
  }
  // Where each faction's fighters start, before armed groups leave the
  // towns their enemies hold.
  std::vector<std::vector<core::CellIndex>> starts(nf);
  for (std::size_t f = 0; f < nf; ++f)
    for (const Deployment& d : w.factions[f].spec.start) {
      const core::CellIndex cell = d.cell >= 0 ? d.cell : place_cell(w.geo, d.place);
      if (cell == core::kNoCell) throw std::invalid_argument("unknown place '" + d.place + "'");
      starts[f].push_back(cell);
    }
  for (std::size_t f = 0; f < nf; ++f) {
    Faction& fac = w.factions[f];
    for (std::size_t j = 0; j < fac.spec.start.size(); ++j) {
      const Deployment& d = fac.spec.start[j];
      const core::CellIndex cell =
          insurgent_side(fac.spec.kind) ? countryside(w, starts, static_cast<int>(f), starts[f][j]) : starts[f][j];
      for (int left = d.troops; left > 0;) {
        const int size = std::min(left, std::max(1, fac.spec.doctrine.unit_size));
        add_unit(w, static_cast<int>(f), cell, size, Posture::garrison);
        fac.fighters.initial += size;
        left -= size;
      }
    }
    if (insurgent_side(fac.spec.kind)) seed_group_support(w, fac);
  }
  return w;
}

}  // namespace sahel::model
