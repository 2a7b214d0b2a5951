// SPDX-License-Identifier: MIT
#include "model/sahel/model.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/compaction.hpp"
#include "core/parallel.hpp"
#include "core/state_hash.hpp"

namespace sahel::model {

namespace {

double km_between(const Geography& geo, core::CellIndex a, core::CellIndex b) {
  const core::Grid& g = geo.grid;
  return distance_km({geo.lon_of(g.x_of(a)), geo.lat_of(g.y_of(a))}, {geo.lon_of(g.x_of(b)), geo.lat_of(g.y_of(b))});
}

}  // namespace

Model::View::View(const core::Grid& g)
    : hostile(g.make_layer<std::int64_t>(0)),
      known(g.make_layer<std::int64_t>(0)),
      known_capped(g.make_layer<std::int64_t>(0)),
      friendly(g.make_layer<std::int64_t>(0)),
      hostile_sat(g),
      known_sat(g),
      known_capped_sat(g),
      friendly_sat(g) {}

Model::Model(World world)
    : world_(std::move(world)),
      n_factions_(static_cast<int>(world_.factions.size())),
      population_sat_(world_.geo.grid),
      active_sat_(world_.geo.grid),
      gov_sat_(world_.geo.grid),
      harm_memory_sat_(world_.geo.grid),
      battle_memory_sat_(world_.geo.grid) {
  const core::Grid& g = world_.geo.grid;
  const Geography& geo = world_.geo;
  for (int f = 0; f < n_factions_; ++f) {
    strength_here_.push_back(g.make_layer<std::int64_t>(0));
    strength_sat_.emplace_back(g);
  }
  view_of_.assign(static_cast<std::size_t>(n_factions_), 0);
  scratch_ = g.make_layer<std::int64_t>(0);
  scratch2_ = g.make_layer<std::int64_t>(0);
  active_here_ = g.make_layer<std::int64_t>(0);
  const auto cells = static_cast<std::size_t>(g.cells());
  const std::size_t actors = world_.actors();
  for (std::size_t a = 0; a < actors; ++a) {
    blame_today_.push_back(g.make_layer<std::int64_t>(0));
    fear_today_.push_back(g.make_layer<std::int64_t>(0));
    blame_sat_.emplace_back(g);
    fear_sat_.emplace_back(g);
    loyalty_.emplace_back(cells, 0.0f);
  }
  actor_hostile_.assign(actors, std::vector<std::uint8_t>(actors, 0));
  harmed_today_.assign(actors, 0);
  arrest_risk_.assign(cells, 0);
  hazard_.assign(cells, 0);
  recruiter_near_.assign(cells, -1);
  population_here_.assign(cells, 0);

  // Destinations of flight: towns (their footprints) and camps of the map,
  // and one point across each border of a core country (the middle, in
  // cell order, of the neighbour's cells that touch a core country).
  for (std::size_t i = 0; i < geo.places.size(); ++i) {
    const Place& p = geo.places[i];
    if (geo.place_cells[i].empty()) continue;
    Destination d;
    d.cells = geo.place_cells[i];
    d.country = geo.country.data()[d.cells.front()];
    if (d.country < 0) continue;
    const double people = std::log1p(static_cast<double>(std::max<std::int64_t>(p.population, 1000)) / 1000.0);
    d.pull = p.kind == PlaceKind::camp ? world_.params.flight.camp_pull * people : people;
    destinations_.push_back(std::move(d));
    if (p.kind == PlaceKind::town)
      town_cells_.insert(town_cells_.end(), geo.place_cells[i].begin(), geo.place_cells[i].end());
  }
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
    if (!edge.empty()) destinations_.push_back({{edge[edge.size() / 2]}, static_cast<int>(k), 1.0});
  }
  std::sort(town_cells_.begin(), town_cells_.end());
  town_cells_.erase(std::unique(town_cells_.begin(), town_cells_.end()), town_cells_.end());
  // Per core cell, the kNearestDestinations destinations nearest to it
  // (first cell of each; ties to the lower index); -1 pads.
  nearest_destinations_.assign(cells * kNearestDestinations, -1);
  core::for_each_index(
      g.cells(),
      [&](std::int64_t c64) {
        const auto c = static_cast<core::CellIndex>(c64);
        if (geo.country.data()[c] < 0) return;
        std::vector<std::pair<double, int>> by_distance;
        for (std::size_t d = 0; d < destinations_.size(); ++d)
          by_distance.emplace_back(km_between(geo, c, destinations_[d].cells.front()), static_cast<int>(d));
        const std::size_t n = std::min<std::size_t>(kNearestDestinations, by_distance.size());
        std::partial_sort(by_distance.begin(), by_distance.begin() + static_cast<std::ptrdiff_t>(n), by_distance.end());
        for (std::size_t j = 0; j < n; ++j)
          nearest_destinations_[static_cast<std::size_t>(c) * kNearestDestinations + j] =
              static_cast<std::int16_t>(by_distance[j].second);
      },
      256);

  home_state_.assign(geo.countries.size(), -1);
  closed_to_civilians_.assign(geo.countries.size(), 0);
  closed_to_armed_.assign(geo.countries.size(), 0);
  for (std::size_t k = 0; k < geo.countries.size(); ++k)
    for (int f = n_factions_ - 1; f >= 0; --f) {
      const FactionSpec& spec = world_.factions[static_cast<std::size_t>(f)].spec;
      if (spec.kind == FactionKind::state && spec.country == geo.countries[k].code) home_state_[k] = f;
    }

  phases_.add("events", [this] { apply_events(); });
  phases_.add("sensing", [this] { sense(); });
  phases_.add("civilians", [this] { civilians_decide(); });
  phases_.add("decisions", [this] { units_decide(); });
  phases_.add("movement", [this] { units_move(); });
  phases_.add("combat", [this] { fight(); });
  phases_.add("control", [this] {
    update_control(world_.params.control.rate);
    update_allegiance();
  });
  phases_.add("logistics", [this] { run_logistics(); });
  phases_.add("records", [this] { keep_records(); });

  regroup_households();
  // A world resumed from a checkpoint already has its map of control, its
  // history and its displaced people.
  if (world_.started) return;
  world_.started = true;
  // The starting map of control follows the starting forces at once.
  sense();
  update_control(1.0);
  spin_up(world_.spin_up_days);
  place_displaced();
}

void Model::step() {
  ++world_.tick;
  world_.events_today.clear();
  for (Faction& f : world_.factions) f.losses_today = f.civilians_killed_today = f.recruited_today = 0;
  recruited_before_today_ = world_.people_recruited;
  phases_.run_tick();
}

void Model::spin_up(int days) {
  if (days <= 0) return;
  World& w = world_;
  spinning_up_ = true;
  w.tick = -days;  // draws of the spin-up never meet those of the run
  for (int d = 0; d < days; ++d) step();
  spinning_up_ = false;
  // What the spin-up did is history: the run's accounts start here.
  w.tick = 0;
  w.events_today.clear();
  w.people_initial = 0;
  for (const std::int32_t p : w.civilians.people) w.people_initial += p;
  w.people_dead = w.people_recruited = 0;
  recruited_before_today_ = 0;
  std::vector<std::int64_t> present(w.factions.size(), 0);
  for (std::size_t i = 0; i < w.units.size(); ++i) present[w.units.faction[i]] += w.units.strength[i];
  for (std::size_t f = 0; f < w.factions.size(); ++f) {
    Faction& fac = w.factions[f];
    fac.fighters = {present[f], 0, 0, 0, 0};
    fac.funds = fac.spec.start_funds;
    fac.upkeep_total = 0;
    fac.enlist_pool = 0;
    fac.losses_today = fac.civilians_killed_today = fac.recruited_today = 0;
  }
}

void Model::place_displaced() {
  World& w = world_;
  if (w.initial_displacement.empty()) return;
  const Geography& geo = w.geo;
  Civilians& h = w.civilians;
  sense();
  // Who was displaced: households at home, nearest to recent harm and to
  // insurgent fighters first (the hazard of flight at home, then the
  // distance-weighted insurgent strength known around), ties by id.
  std::vector<double> danger(h.size(), 0.0);
  core::for_each_index(static_cast<std::int64_t>(h.size()), [&](std::int64_t i) {
    if (h.displaced[i] || h.people[i] <= 0) return;
    const core::CellIndex c = h.home[i];
    double insurgents = 0;
    for (std::size_t f = 0; f < w.factions.size(); ++f)
      if (insurgent_side(w.factions[f].spec.kind))
        for (int r : {2, 5, 10, 20})
          insurgents += static_cast<double>(strength_sat_[f].square(c, r)) / ((2.0 * r + 1) * (2.0 * r + 1));
    danger[static_cast<std::size_t>(i)] = hazard_[static_cast<std::size_t>(c)] * 1e6 + insurgents;
  });
  for (const InitialDisplacement& d : w.initial_displacement) {
    std::vector<std::uint32_t> from;
    for (std::size_t i = 0; i < h.size(); ++i)
      if (!h.displaced[i] && h.people[i] > 0 && geo.country.data()[h.home[i]] == d.from)
        from.push_back(static_cast<std::uint32_t>(i));
    std::stable_sort(from.begin(), from.end(), [&](std::uint32_t a, std::uint32_t b) { return danger[a] > danger[b]; });
    std::int64_t moved = 0;
    for (std::uint32_t i : from) {
      if (moved >= d.people) break;
      // The nearest town (IDPs) or destination (refugees) in the host
      // country, then a cell of it by the household's id.
      const core::CellIndex home = h.home[i];
      int best = -1;
      double best_km = 0;
      for (std::size_t k = 0; k < destinations_.size(); ++k) {
        const Destination& dest = destinations_[k];
        if (dest.country != d.host) continue;
        if (d.host == d.from && std::find(dest.cells.begin(), dest.cells.end(), home) != dest.cells.end()) continue;
        const double km = km_between(geo, home, dest.cells.front());
        if (best < 0 || km < best_km) {
          best = static_cast<int>(k);
          best_km = km;
        }
      }
      if (best < 0) continue;  // no destination for this household
      const Destination& dest = destinations_[static_cast<std::size_t>(best)];
      h.cell[i] = dest.cells[h.id[i] % dest.cells.size()];
      h.destination[i] = core::kNoCell;
      h.displaced[i] = 1;
      moved += h.people[i];
    }
  }
  regroup_households();
}

void Model::regroup_households() {
  civilian_buckets_.build(world_.geo.grid.cells(), world_.civilians.cell);
}

std::uint32_t Model::add_unit(int faction, core::CellIndex cell, std::int32_t strength) {
  return model::add_unit(world_, faction, cell, strength, Posture::patrol);
}

std::int64_t Model::kill_civilians(core::CellIndex cell, std::int64_t count, Victims victims) {
  Civilians& h = world_.civilians;
  std::int64_t killed = 0;
  for (const bool targeted : {true, false}) {
    if (targeted && victims == Victims::anyone) continue;
    for (std::uint32_t i : civilian_buckets_.in_cell(cell)) {
      if (killed >= count) return killed;
      const bool active = h.status[i] == CivilianStatus::active;
      if (targeted && active != (victims == Victims::insurgency_supporters)) continue;
      const std::int64_t take = std::min<std::int64_t>(count - killed, h.people[i]);
      h.people[i] -= static_cast<std::int32_t>(take);
      killed += take;
    }
  }
  return killed;
}

void Model::book_civilian_deaths(int perpetrator, core::CellIndex cell, std::int64_t deaths, double blame) {
  if (deaths <= 0) return;
  World& w = world_;
  w.people_dead += deaths;
  Faction& fac = w.factions[static_cast<std::size_t>(perpetrator)];
  fac.civilians_killed_today += deaths;
  w.harm_memory.data()[cell] += static_cast<float>(deaths);
  w.violence.data()[cell] += static_cast<float>(deaths);
  const auto a = static_cast<std::size_t>(fac.actor);
  harmed_today_[a] = 1;
  blame_today_[a].data()[cell] += std::llround(static_cast<double>(deaths) * blame * 1000.0);
  fear_today_[a].data()[cell] += deaths * 1000;
  if (government_side(fac.spec.kind)) {
    // Outsiders see the share of the abuses that the perpetrator's
    // scrutiny exposes; the state of the country answers for them.
    const int k = w.geo.country.data()[cell];
    const int state = k >= 0 ? home_state_[static_cast<std::size_t>(k)] : -1;
    if (state >= 0) {
      Faction& s = w.factions[static_cast<std::size_t>(state)];
      s.reputation = std::max(0.0, s.reputation - w.params.legitimacy.reputation_sensitivity *
                                                      fac.spec.doctrine.scrutiny * static_cast<double>(deaths));
    }
  }
}

void Model::book_losses(int faction, std::int64_t killed) {
  if (killed <= 0) return;
  Faction& fac = world_.factions[static_cast<std::size_t>(faction)];
  fac.fighters.killed += killed;
  fac.losses_today += killed;
  fac.recent_losses += static_cast<double>(killed);
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
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return u.strength[a] > u.strength[b]; });
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
  core::compact(keep, u.id, u.faction, u.cell, u.strength, u.morale, u.posture, u.mobile, u.objective, u.waypoint,
                u.target);
  Civilians& h = world_.civilians;
  if (std::find(h.people.begin(), h.people.end(), 0) == h.people.end()) return;  // nobody left a household empty
  keep.assign(h.size(), 0);
  for (std::size_t i = 0; i < h.size(); ++i) keep[i] = h.people[i] > 0;
  core::compact(keep, h.id, h.cell, h.home, h.destination, h.people, h.hardship, h.risk_aversion, h.status, h.displaced,
                h.recruits, h.recruiter);
  regroup_households();  // indices shifted
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
    c.factions[f].reputation = fac.spec.kind == FactionKind::state ? fac.reputation : 0.0;
  }
  for (std::size_t i = 0; i < w.units.size(); ++i) {
    c.factions[w.units.faction[i]].strength += w.units.strength[i];
    c.factions[w.units.faction[i]].units += 1;
  }
  for (core::CellIndex cell = 0; cell < geo.grid.cells(); ++cell) {
    const int k = w.controller.data()[cell];
    if (k >= 0 && geo.is_core(cell)) c.factions[static_cast<std::size_t>(k)].cells_controlled += 1;
  }
  // One pass over the households, cell by cell (the groups of households
  // by cell are current: flight and compaction rebuild them), in fixed
  // blocks of cells summed in block order: people per country of home and
  // of residence, and support per actor weighted by each core cell's people.
  const std::size_t nk = geo.countries.size(), na = w.actors();
  struct Sums {
    std::int64_t people = 0, displaced = 0, abroad = 0, active = 0, inside = 0;
    std::vector<std::int64_t> by_country;  // per country: home population, idps, abroad, hosted
    std::vector<double> support;           // per actor: people x support, core cells
  };
  const Civilians& h = w.civilians;
  const std::int64_t cells = geo.grid.cells();
  constexpr std::int64_t kBlock = 1024;
  const std::int64_t blocks = (cells + kBlock - 1) / kBlock;
  std::vector<Sums> partial(static_cast<std::size_t>(blocks));
  const std::int8_t* country = geo.country.data();
  std::vector<std::uint8_t> core_country(nk, 0);
  for (std::size_t k = 0; k < nk; ++k) core_country[k] = geo.countries[k].core ? 1 : 0;
  core::for_each_index(
      blocks,
      [&](std::int64_t b) {
        Sums& s = partial[static_cast<std::size_t>(b)];
        s.by_country.assign(4 * nk, 0);
        s.support.assign(na, 0.0);
        std::int64_t* by_country = s.by_country.data();
        for (std::int64_t c = b * kBlock; c < std::min(cells, (b + 1) * kBlock); ++c) {
          const int here = country[c];
          std::int64_t in_cell = 0;
          for (const std::uint32_t i : civilian_buckets_.in_cell(static_cast<core::CellIndex>(c))) {
            const std::int64_t p = h.people[i];
            const int home = country[h.home[i]];
            in_cell += p;
            if (h.displaced[i]) s.displaced += p;
            if (h.status[i] == CivilianStatus::active) s.active += p;
            if (home >= 0) {
              by_country[4 * home] += p;
              if (h.displaced[i] && here == home) by_country[4 * home + 1] += p;
            }
            if (here != home) {
              s.abroad += p;
              if (home >= 0) by_country[4 * home + 2] += p;
              if (here >= 0) by_country[4 * here + 3] += p;
            }
          }
          s.people += in_cell;
          if (in_cell > 0 && here >= 0 && core_country[static_cast<std::size_t>(here)]) {
            s.inside += in_cell;
            for (std::size_t a = 0; a < na; ++a) s.support[a] += static_cast<double>(in_cell) * w.support[a].data()[c];
          }
        }
      },
      1);
  Sums sums;
  sums.by_country.assign(4 * nk, 0);
  sums.support.assign(na, 0.0);
  for (const Sums& s : partial) {
    sums.people += s.people;
    sums.displaced += s.displaced;
    sums.abroad += s.abroad;
    sums.active += s.active;
    sums.inside += s.inside;
    for (std::size_t i = 0; i < 4 * nk; ++i) sums.by_country[i] += s.by_country[i];
    for (std::size_t a = 0; a < na; ++a) sums.support[a] += s.support[a];
  }
  c.population = sums.people;
  c.displaced = sums.displaced;
  c.refugees = sums.abroad;
  c.active = sums.active;
  c.countries.resize(nk);
  for (std::size_t k = 0; k < nk; ++k)
    c.countries[k] = {sums.by_country[4 * k], sums.by_country[4 * k + 1], sums.by_country[4 * k + 2],
                      sums.by_country[4 * k + 3]};
  const double inside = static_cast<double>(std::max<std::int64_t>(1, sums.inside));
  c.mean_legitimacy = sums.inside > 0 ? sums.support[kStateSide] / inside : 0.0;
  for (std::size_t f = 0; f < w.factions.size(); ++f)
    c.factions[f].support = sums.support[static_cast<std::size_t>(w.factions[f].actor)] / inside;
  double weight = 0, reputation = 0;
  for (const Faction& fac : w.factions) {
    if (fac.spec.kind != FactionKind::state) continue;
    const int k = geo.country_index(fac.spec.country);
    const double people = k >= 0 ? static_cast<double>(c.countries[static_cast<std::size_t>(k)].population) : 0.0;
    weight += people;
    reputation += people * fac.reputation;
  }
  c.reputation = weight > 0 ? reputation / weight : 1.0;
  c.dead = w.people_dead;
  c.recruited = w.people_recruited - recruited_before_today_;
  return c;
}

std::string Model::state_digest() const {
  const World& w = world_;
  core::Sha256 h;
  auto layer = [&](const core::Layer<float>& l) {
    h.update(l.data(), sizeof(float) * static_cast<std::size_t>(l.size()));
  };
  h.update(&w.tick, sizeof w.tick);
  h.update(w.units.id);
  h.update(w.units.cell);
  h.update(w.units.strength);
  h.update(w.units.morale);
  h.update(w.civilians.id);
  h.update(w.civilians.cell);
  h.update(w.civilians.people);
  h.update(w.civilians.status);
  layer(w.control);
  for (const auto& l : w.support) layer(l);
  for (const auto& l : w.compliance) layer(l);
  layer(w.violence);
  layer(w.harm_memory);
  layer(w.battle_memory);
  for (const Faction& f : w.factions) {
    h.update(&f.funds, sizeof f.funds);
    h.update(&f.reputation, sizeof f.reputation);
  }
  return h.hex_digest();
}

}  // namespace sahel::model
