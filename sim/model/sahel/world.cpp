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

}  // namespace

std::uint32_t add_unit(World& w, int faction, core::CellIndex cell, std::int32_t strength, Posture posture) {
  Units& u = w.units;
  const std::uint32_t id = w.next_unit_id++;
  const auto& objectives = w.factions[static_cast<std::size_t>(faction)].objective_cells;
  core::Draws draw(w.key, 0, Stream::unit_placement, id);
  u.id.push_back(id);
  u.faction.push_back(static_cast<std::uint8_t>(faction));
  u.cell.push_back(cell);
  u.strength.push_back(strength);
  u.morale.push_back(1.0f);
  u.posture.push_back(posture);
  u.objective.push_back(objectives.empty() ? cell
                                           : objectives[draw.below(static_cast<std::uint32_t>(objectives.size()))]);
  u.target.push_back(cell);
  return id;
}

World make_world(Setup setup) {
  World w;
  w.geo = std::move(setup.geo);
  w.params = setup.params;
  w.key = setup.key;
  w.schedule = std::move(setup.events);
  std::stable_sort(w.schedule.begin(), w.schedule.end(),
                   [](const ScheduledEvent& a, const ScheduledEvent& b) { return a.tick < b.tick; });
  const std::size_t nf = setup.factions.size();
  w.hostile.assign(nf, std::vector<std::uint8_t>(nf, 0));
  for (const auto& [a, b] : setup.hostile_pairs) w.hostile[a][b] = w.hostile[b][a] = 1;

  const core::Grid& grid = w.geo.grid;
  w.control = grid.make_layer<float>(0);
  w.zone = grid.make_layer<std::uint8_t>(3);
  w.controller = grid.make_layer<std::int8_t>(-1);
  w.legitimacy = grid.make_layer<float>(static_cast<float>(w.params.legitimacy.initial));
  w.violence = grid.make_layer<float>(0);
  w.gov_harm_today = grid.make_layer<float>(0);

  create_households(w);

  for (std::size_t f = 0; f < nf; ++f) {
    Faction fac;
    fac.spec = std::move(setup.factions[f]);
    fac.funds = fac.spec.start_funds;
    fac.objective_cells = objective_cells(w.geo, fac.spec.objective);
    // A national army's objectives lie in its own country.
    const int home = w.geo.country_index(fac.spec.country);
    if (fac.spec.kind == FactionKind::state && home >= 0) {
      std::vector<core::CellIndex> own;
      for (core::CellIndex c : fac.objective_cells)
        if (w.geo.country.data()[c] == home) own.push_back(c);
      if (!own.empty()) fac.objective_cells = std::move(own);
      for (const Place& p : w.geo.places)
        if (p.capital && p.country == fac.spec.country) fac.capital = w.geo.cell_at(p.at);
    }
    w.factions.push_back(std::move(fac));
  }
  // The payer by index, so logistics and contract events need no name look-up.
  for (Faction& fac : w.factions)
    for (std::size_t p = 0; p < nf; ++p)
      if (!fac.spec.paid_by.empty() && w.factions[p].spec.name == fac.spec.paid_by) fac.paid_by = static_cast<int>(p);
  for (std::size_t f = 0; f < nf; ++f) {
    Faction& fac = w.factions[f];
    for (const Deployment& d : fac.spec.start) {
      const core::CellIndex cell = d.cell >= 0 ? d.cell : place_cell(w.geo, d.place);
      if (cell == core::kNoCell) throw std::invalid_argument("unknown place '" + d.place + "'");
      for (int left = d.troops; left > 0;) {
        const int size = std::min(left, std::max(1, fac.spec.doctrine.unit_size));
        add_unit(w, static_cast<int>(f), cell, size, Posture::garrison);
        fac.fighters.initial += size;
        left -= size;
      }
    }
  }
  return w;
}

}  // namespace sahel::model
