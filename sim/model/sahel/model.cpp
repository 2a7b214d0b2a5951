// SPDX-License-Identifier: MIT
#include "model/sahel/model.hpp"

#include <algorithm>

#include "core/compaction.hpp"
#include "core/parallel.hpp"
#include "core/state_hash.hpp"

namespace sahel::model {

Model::Model(World world)
    : world_(std::move(world)),
      n_factions_(static_cast<int>(world_.factions.size())),
      population_sat_(world_.geo.grid),
      active_sat_(world_.geo.grid),
      gov_sat_(world_.geo.grid),
      insurgent_sat_(world_.geo.grid),
      unpopular_sat_(world_.geo.grid),
      violence_sat_(world_.geo.grid),
      harm_sat_(world_.geo.grid) {
  const core::Grid& g = world_.geo.grid;
  for (int f = 0; f < n_factions_; ++f) {
    strength_here_.push_back(g.make_layer<std::int64_t>(0));
    hostile_sat_.emplace_back(g);
    friendly_sat_.emplace_back(g);
    strength_sat_.emplace_back(g);
    side_here_.push_back(g.make_layer<std::int64_t>(0));
    side_here_.push_back(g.make_layer<std::int64_t>(0));
  }
  scratch_ = g.make_layer<std::int64_t>(0);
  active_here_ = g.make_layer<std::int64_t>(0);
  for (int k = 0; k < 5; ++k) control_inputs_.push_back(g.make_layer<std::int64_t>(0));
  const auto cells = static_cast<std::size_t>(g.cells());
  arrest_risk_.assign(cells, 0);
  violence_near_.assign(cells, 0);
  recruiter_near_.assign(cells, -1);
  population_here_.assign(cells, 0);
  for (const Place& p : world_.geo.places) {
    const core::CellIndex c = world_.geo.cell_at(p.at);
    if (c != core::kNoCell) destinations_.push_back(c);
  }
  // Refuge across borders: each neighbouring country offers one destination,
  // the middle one (in cell order) of its cells that touch the core
  // countries, besides the camps the map lists (Mbera).
  const Geography& geo = world_.geo;
  for (std::size_t k = 0; k < geo.countries.size(); ++k) {
    if (geo.countries[k].core) continue;
    std::vector<core::CellIndex> edge;
    for (core::CellIndex c = 0; c < g.cells(); ++c) {
      if (geo.country.data()[c] != static_cast<int>(k)) continue;
      const int x = g.x_of(c), y = g.y_of(c);
      bool touches = false;
      for (const auto& [dx, dy] : {std::pair{1, 0}, std::pair{-1, 0}, std::pair{0, 1}, std::pair{0, -1}}) {
        const core::CellIndex n = g.offset_xy(x, y, dx, dy);
        touches = touches || (n != core::kNoCell && geo.is_core(n));
      }
      if (touches) edge.push_back(c);
    }
    if (!edge.empty()) destinations_.push_back(edge[edge.size() / 2]);
  }
  std::sort(destinations_.begin(), destinations_.end());
  destinations_.erase(std::unique(destinations_.begin(), destinations_.end()), destinations_.end());

  home_state_.assign(world_.geo.countries.size(), -1);
  closed_to_civilians_.assign(world_.geo.countries.size(), 0);
  closed_to_armed_.assign(world_.geo.countries.size(), 0);
  for (std::size_t k = 0; k < world_.geo.countries.size(); ++k)
    for (int f = n_factions_ - 1; f >= 0; --f) {
      const FactionSpec& spec = world_.factions[static_cast<std::size_t>(f)].spec;
      if (spec.kind == FactionKind::state && spec.country == world_.geo.countries[k].code) home_state_[k] = f;
    }

  phases_.add("events", [this] { apply_events(); });
  phases_.add("sensing", [this] { sense(); });
  phases_.add("civilians", [this] { civilians_decide(); });
  phases_.add("decisions", [this] { units_decide(); });
  phases_.add("movement", [this] { units_move(); });
  phases_.add("combat", [this] { fight(); });
  phases_.add("control", [this] { update_control(); });
  phases_.add("logistics", [this] { run_logistics(); });
  phases_.add("records", [this] { keep_records(); });

  // The starting map of control comes from the starting forces: one
  // control update at full rate. A world resumed from a checkpoint
  // (tick > 0) already has its map of control.
  if (world_.tick > 0) return;
  sense();
  const double rate = world_.params.control.rate;
  world_.params.control.rate = 1.0;
  update_control();
  world_.params.control.rate = rate;
}

void Model::step() {
  ++world_.tick;
  world_.events_today.clear();
  for (Faction& f : world_.factions) f.losses_today = f.civilians_killed_today = f.recruited_today = 0;
  recruited_before_today_ = world_.people_recruited;
  phases_.run_tick();
}

std::uint32_t Model::add_unit(int faction, core::CellIndex cell, std::int32_t strength) {
  return model::add_unit(world_, faction, cell, strength, Posture::patrol);
}

std::int64_t Model::kill_civilians(core::CellIndex cell, std::int64_t count) {
  Civilians& h = world_.civilians;
  std::int64_t killed = 0;
  for (std::uint32_t i : civilian_buckets_.in_cell(cell)) {
    if (killed >= count) break;
    const std::int64_t take = std::min<std::int64_t>(count - killed, h.people[i]);
    h.people[i] -= static_cast<std::int32_t>(take);
    killed += take;
  }
  return killed;
}

void Model::tally_civilian_deaths(int perpetrator, core::CellIndex cell, std::int64_t deaths) {
  if (deaths <= 0) return;
  World& w = world_;
  w.people_dead += deaths;
  Faction& fac = w.factions[static_cast<std::size_t>(perpetrator)];
  fac.civilians_killed_today += deaths;
  if (government_side(fac.spec.kind)) {
    w.gov_harm_today.data()[cell] += static_cast<float>(deaths);
    // Outsiders see the share of the abuses that the perpetrator's scrutiny exposes.
    w.reputation -= w.params.legitimacy.reputation_sensitivity * fac.spec.doctrine.scrutiny * static_cast<double>(deaths);
  }
}

std::int64_t Model::remove_fighters(int faction, std::int64_t count, int country) {
  // Largest units first (ties: lower index), so small detachments stay in
  // the field longest, as in a drawdown that closes the big bases last.
  Units& u = world_.units;
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < u.size(); ++i)
    if (u.faction[i] == faction && u.strength[i] > 0 &&
        (country < 0 || world_.geo.country.data()[u.cell[i]] == country))
      order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return u.strength[a] > u.strength[b]; });
  Faction& fac = world_.factions[static_cast<std::size_t>(faction)];
  std::int64_t removed = 0;
  for (std::size_t i : order) {
    if (removed >= count) break;
    const std::int64_t take = std::min<std::int64_t>(count - removed, u.strength[i]);
    u.strength[i] -= static_cast<std::int32_t>(take);
    removed += take;
  }
  fac.fighters.withdrawn += removed;
  return removed;
}

void Model::keep_records() {
  // Departed agents leave between ticks: destroyed or withdrawn units, and
  // households with no one left.
  Units& u = world_.units;
  std::vector<std::uint8_t> keep(u.size());
  for (std::size_t i = 0; i < u.size(); ++i) keep[i] = u.strength[i] > 0;
  core::compact(keep, u.id, u.faction, u.cell, u.strength, u.morale, u.posture, u.objective, u.target);
  Civilians& h = world_.civilians;
  if (std::find(h.people.begin(), h.people.end(), 0) == h.people.end()) return;  // nobody left a household empty
  keep.assign(h.size(), 0);
  for (std::size_t i = 0; i < h.size(); ++i) keep[i] = h.people[i] > 0;
  core::compact(keep, h.id, h.cell, h.home, h.destination, h.people, h.hardship, h.risk_aversion, h.status,
                h.displaced, h.recruits, h.recruiter);
  civilian_buckets_stale_ = true;  // indices shifted
}

Census Model::census() const {
  const World& w = world_;
  const Geography& geo = w.geo;
  Census c;
  c.tick = w.tick;
  c.factions.resize(w.factions.size());
  for (std::size_t f = 0; f < w.factions.size(); ++f) {
    const Faction& fac = w.factions[f];
    c.factions[f].losses = fac.losses_today;
    c.factions[f].civilians_killed = fac.civilians_killed_today;
    c.factions[f].recruited = fac.recruited_today;
    c.factions[f].funds = fac.funds;
  }
  for (std::size_t i = 0; i < w.units.size(); ++i) {
    c.factions[w.units.faction[i]].strength += w.units.strength[i];
    c.factions[w.units.faction[i]].units += 1;
  }
  for (core::CellIndex cell = 0; cell < geo.grid.cells(); ++cell) {
    const int k = w.controller.data()[cell];
    if (k >= 0 && geo.is_core(cell)) c.factions[static_cast<std::size_t>(k)].cells_controlled += 1;
  }
  // One pass over the households, summed in fixed blocks.
  struct Sums {
    std::int64_t people = 0, displaced = 0, abroad = 0, active = 0;
    double legitimacy = 0;  // people x local legitimacy, inside the core countries
    Sums& operator+=(const Sums& o) {
      people += o.people;
      displaced += o.displaced;
      abroad += o.abroad;
      active += o.active;
      legitimacy += o.legitimacy;
      return *this;
    }
  };
  const Civilians& h = w.civilians;
  const Sums sums = core::deterministic_sum<Sums>(static_cast<std::int64_t>(h.size()), [&](std::int64_t i) {
    Sums s;
    const std::int64_t p = h.people[i];
    s.people = p;
    s.displaced = h.displaced[i] ? p : 0;
    s.active = h.status[i] == CivilianStatus::active ? p : 0;
    if (geo.is_core(h.cell[i])) s.legitimacy = static_cast<double>(p) * w.legitimacy.data()[h.cell[i]];
    else s.abroad = p;
    return s;
  });
  c.population = sums.people;
  c.displaced = sums.displaced;
  c.refugees = sums.abroad;
  c.active = sums.active;
  const std::int64_t inside = c.population - c.refugees;
  c.mean_legitimacy = inside > 0 ? sums.legitimacy / static_cast<double>(inside) : 0.0;
  c.dead = w.people_dead;
  c.recruited = w.people_recruited - recruited_before_today_;
  c.reputation = w.reputation;
  return c;
}

std::string Model::state_digest() const {
  const World& w = world_;
  core::Sha256 h;
  h.update(&w.tick, sizeof w.tick);
  h.update(w.units.id);
  h.update(w.units.cell);
  h.update(w.units.strength);
  h.update(w.units.morale);
  h.update(w.civilians.id);
  h.update(w.civilians.cell);
  h.update(w.civilians.people);
  h.update(w.civilians.status);
  h.update(w.control.data(), sizeof(float) * static_cast<std::size_t>(w.control.size()));
  h.update(w.legitimacy.data(), sizeof(float) * static_cast<std::size_t>(w.legitimacy.size()));
  h.update(w.violence.data(), sizeof(float) * static_cast<std::size_t>(w.violence.size()));
  for (const Faction& f : w.factions) h.update(&f.funds, sizeof f.funds);
  return h.hex_digest();
}

}  // namespace sahel::model
