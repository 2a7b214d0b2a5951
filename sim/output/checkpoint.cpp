// SPDX-License-Identifier: MIT
#include "output/checkpoint.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <fstream>
#include <iterator>
#include <type_traits>

#include "core/state_hash.hpp"
#include "output/atomic_file.hpp"

namespace sahel::output {

static_assert(std::endian::native == std::endian::little, "checkpoints are written little-endian");

namespace {

constexpr char kMagic[16] = "SAHELSIM-CKPT\0\0";
constexpr std::size_t kDigestBytes = 32;

class ByteWriter {
 public:
  template <class T>
  requires std::is_arithmetic_v<T> || std::is_enum_v<T>
  void put(T v) {
    const auto* p = reinterpret_cast<const char*>(&v);
    bytes_.append(p, sizeof v);
  }
  template <class T>
  void put(const std::vector<T>& v) {
    put<std::uint64_t>(v.size());
    if constexpr (std::is_same_v<T, std::string>) {
      for (const auto& s : v) put(s);
    } else {
      bytes_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
    }
  }
  void put(const std::string& s) {
    put<std::uint64_t>(s.size());
    bytes_ += s;
  }
  template <class T>
  void put_layer(const core::Layer<T>& layer) {
    put<std::uint64_t>(static_cast<std::uint64_t>(layer.size()));
    bytes_.append(reinterpret_cast<const char*>(layer.data()), static_cast<std::size_t>(layer.size()) * sizeof(T));
  }
  std::string& bytes() { return bytes_; }

 private:
  std::string bytes_;
};

class ByteReader {
 public:
  ByteReader(std::string_view bytes, std::string file) : bytes_(bytes), file_(std::move(file)) {}
  template <class T>
  requires std::is_arithmetic_v<T> || std::is_enum_v<T> T get() {
    T v;
    std::memcpy(&v, take(sizeof v), sizeof v);
    return v;
  }
  template <class T>
  void get(std::vector<T>& v) {
    const std::uint64_t n = get<std::uint64_t>();
    if constexpr (std::is_same_v<T, std::string>) {
      if (n > bytes_.size()) fail("a list longer than the file");
      v.resize(n);
      for (auto& s : v) s = get_string();
    } else {
      if (n > bytes_.size() / sizeof(T)) fail("a column longer than the file");
      v.resize(n);
      if (n > 0) std::memcpy(v.data(), take(n * sizeof(T)), n * sizeof(T));  // an empty vector's data() may be null
    }
  }
  // Reads into x, whatever its type (a number, an enum, a list).
  template <class T>
  void get_into(T& x) {
    if constexpr (std::is_same_v<T, std::string>)
      x = get_string();
    else if constexpr (requires {
                         x.data();
                         x.size();
                       })
      get(x);
    else
      x = get<T>();
  }
  std::string get_string() {
    const std::uint64_t n = get<std::uint64_t>();
    if (n > bytes_.size()) fail("a text longer than the file");
    return std::string(take(n), n);
  }
  template <class T>
  void get_layer(core::Layer<T>& layer, const char* what) {
    const std::uint64_t n = get<std::uint64_t>();
    if (n != static_cast<std::uint64_t>(layer.size()))
      fail(fmt::format("the {} layer has {} cells, the scenario's grid {}", what, n, layer.size()));
    if (n > 0) std::memcpy(layer.data(), take(n * sizeof(T)), n * sizeof(T));
  }
  [[noreturn]] void fail(const std::string& why) const {
    throw CheckpointError(fmt::format("{}: not a usable checkpoint: {}", file_, why));
  }

 private:
  const char* take(std::size_t n) {
    if (n > bytes_.size() - pos_) fail("the file is truncated");
    const char* p = bytes_.data() + pos_;
    pos_ += n;
    return p;
  }
  std::string_view bytes_;
  std::string file_;
  std::size_t pos_ = 0;
};

// The field lists below serve both directions: written by a visitor that
// reads const references, read back by one that assigns, in the same order,
// so a field added to one list cannot be written and not read. They are
// templates over the constness of the struct, so writing needs no cast.

// A faction's doctrine, field by field (events change doctrines, so they
// are part of the state).
template <class D, class Visit>
void doctrine_fields(D& d, Visit&& v) {
  v(d.effectiveness);
  v(d.aggression);
  v(d.detectability);
  v(d.mobility_cells);
  v(d.sense_radius_cells);
  v(d.mobile_share);
  v(d.protection);
  v(d.civilian_harm);
  v(d.one_sided_violence);
  v(d.reprisal_sensitivity);
  v(d.selective_victims);
  v(d.massacre_lethality);
  v(d.massacre_tail);
  v(d.scrutiny);
  v(d.popularity);
  v(d.air_strike_radius_cells);
  v(d.air_strikes_per_day);
  v(d.air_strike_lethality);
  v(d.ied_rate);
  v(d.ied_lethality);
  v(d.shelling_rate);
  v(d.shelling_lethality);
  v(d.training_effect);
  v(d.upkeep_per_fighter_day);
  v(d.funding_per_month);
  v(d.aid_share);
  v(d.recruitment_per_month);
  v(d.recruit_rate);
  v(d.local_support);
  v(d.tax_per_person_day);
  v(d.mine_income_per_day);
  v(d.unit_size);
}

// Every per-faction number that changes during a run, in one place.
template <class F, class Visit>
void faction_fields(F& f, Visit&& v) {
  v(f.fighters.initial);
  v(f.fighters.recruited);
  v(f.fighters.deployed);
  v(f.fighters.killed);
  v(f.fighters.withdrawn);
  v(f.funds);
  v(f.upkeep_total);
  v(f.budget_multiplier);
  v(f.sanctions_until);
  v(f.training_level);
  v(f.enlist_pool);
  v(f.capital);
  v(f.reputation);
  v(f.recent_losses);
  v(f.anywhere);
  v(f.contract.fee_per_month);
  v(f.contract.concession_rate);
}

// Per-faction lists (cells and map indices: the same map is checked).
template <class F, class Visit>
void faction_lists(F& f, Visit&& v) {
  v(f.objective_cells);
  v(f.left_countries);
  v(f.theatre);
  v(f.contract.concession);
}

template <class U, class Visit>
void unit_columns(U& u, Visit&& v) {
  v(u.id);
  v(u.faction);
  v(u.cell);
  v(u.strength);
  v(u.morale);
  v(u.posture);
  v(u.mobile);
  v(u.objective);
  v(u.waypoint);
  v(u.target);
}

template <class H, class Visit>
void civilian_columns(H& h, Visit&& v) {
  v(h.id);
  v(h.cell);
  v(h.home);
  v(h.destination);
  v(h.people);
  v(h.hardship);
  v(h.risk_aversion);
  v(h.status);
  v(h.displaced);
  v(h.recruits);
  v(h.recruiter);
}

// The header: what the checkpoint is of.
template <class I, class Visit>
void info_fields(I& info, Visit&& v) {
  static_assert(sizeof info.tick == 4, "the day is written as 32 bits");
  v(info.tick);
  v(info.date);
  v(info.seed);
  v(info.replicate);
  v(info.scenario);
}

// A withdrawal schedule in force, and a border closure.
template <class P, class Visit>
void withdrawal_fields(P& p, Visit&& v) {
  v(p.remaining);
  v(p.until);
  v(p.country);
  v(p.all);
}
template <class B, class Visit>
void closure_fields(B& b, Visit&& v) {
  v(b.country);
  v(b.civilians);
  v(b.armed_groups);
  v(b.until);
}

template <class T, class Visit>
void tally_fields(T& t, Visit&& v) {
  v(t.days);
  v(t.losses);
  v(t.civilians_killed);
  v(t.militant_cells_peak);
  v(t.displaced_peak);
  v(t.joined);
  v(t.legitimacy_sum);
  v(t.battles);
  v(t.violence_events);
  v(t.remote_events);
  v(t.battle_deaths);
}

// Cell layers that belong to the map as a whole.
template <class W, class Visit>
void cell_layers(W& w, Visit&& v) {
  v(w.control, "control");
  v(w.zone, "zone");
  v(w.controller, "controller");
  v(w.violence, "violence");
  v(w.harm_memory, "harm_memory");
  v(w.battle_memory, "battle_memory");
}

// Cell layers of one allegiance actor.
template <class W, class Visit>
void actor_layers(W& w, std::size_t a, Visit&& v) {
  v(w.support[a], "support");
  v(w.compliance[a], "compliance");
  v(w.heat[a], "heat");
}

}  // namespace

std::string geography_fingerprint(const model::Geography& geo, int people_per_agent) {
  core::Sha256 h;
  const std::int64_t dims[2] = {geo.grid.width, geo.grid.height};
  h.update(dims, sizeof dims);
  const double extent[5] = {geo.extent.lon_min, geo.extent.lon_max, geo.extent.lat_min, geo.extent.lat_max,
                            geo.extent.cell_deg};
  h.update(extent, sizeof extent);
  h.update(&people_per_agent, sizeof people_per_agent);
  h.update(geo.country.data(), static_cast<std::size_t>(geo.country.size()));
  h.update(geo.population.data(), sizeof(double) * static_cast<std::size_t>(geo.population.size()));
  return h.hex_digest();
}

std::string checkpoint_bytes(const model::World& w, const RunCursor& cursor, const CheckpointInfo& info) {
  ByteWriter out;
  auto put = [&](const auto& x) { out.put(x); };
  out.bytes().append(kMagic, sizeof kMagic);
  out.put(kCheckpointVersion);
  info_fields(info, put);
  out.put(geography_fingerprint(w.geo, w.params.civilians.people_per_agent));

  out.put<std::uint64_t>(w.factions.size());
  for (const model::Faction& f : w.factions) {
    out.put(f.spec.name);
    out.put(f.spec.kind);
    faction_fields(f, put);
    doctrine_fields(f.spec.doctrine, put);
    faction_lists(f, put);
    out.put<std::uint64_t>(f.withdrawals.size());
    for (const auto& p : f.withdrawals) withdrawal_fields(p, put);
    out.put(f.paid_by);
    out.put(f.contract.payer);
  }
  for (const auto& row : w.hostile) out.put(row);
  out.put<std::uint64_t>(w.closed_borders.size());
  for (const auto& b : w.closed_borders) closure_fields(b, put);
  unit_columns(w.units, put);
  out.put(w.next_unit_id);
  civilian_columns(w.civilians, put);
  out.put(w.people_initial);
  out.put(w.people_dead);
  out.put(w.people_recruited);
  cell_layers(w, [&](const auto& layer, const char*) { out.put_layer(layer); });
  // Allegiance by actor, each named by its first faction.
  out.put<std::uint64_t>(w.actors());
  for (std::size_t a = 0; a < w.actors(); ++a) {
    out.put(w.factions[static_cast<std::size_t>(w.actor_faction[a])].spec.name);
    actor_layers(w, a, [&](const auto& layer, const char*) { out.put_layer(layer); });
  }
  out.put(w.foreign_resentment);

  out.put(cursor.events_logged);
  const model::OutcomeTally& t = cursor.tally;
  tally_fields(t, put);

  const std::string digest = core::sha256_hex(out.bytes());
  for (std::size_t i = 0; i < kDigestBytes; ++i)
    out.bytes() += static_cast<char>(std::stoi(digest.substr(2 * i, 2), nullptr, 16));
  return std::move(out.bytes());
}

void write_checkpoint(const std::filesystem::path& path, const model::World& world, const RunCursor& cursor,
                      const CheckpointInfo& info) {
  write_file_atomically(path, checkpoint_bytes(world, cursor, info));
}

CheckpointInfo read_checkpoint(const std::filesystem::path& path, model::World& world, RunCursor& cursor,
                               const std::function<int(const std::string& date)>& day_of) {
  const std::string file = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CheckpointError(fmt::format("{}: cannot open the checkpoint", file));
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return restore_checkpoint(bytes, file, world, cursor, day_of);
}

CheckpointInfo restore_checkpoint(std::string_view bytes, const std::string& file, model::World& w, RunCursor& cursor,
                                  const std::function<int(const std::string& date)>& day_of) {
  if (bytes.size() < sizeof kMagic + 4 + kDigestBytes || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    throw CheckpointError(fmt::format("{}: not a sahelsim checkpoint (expected it to start with SAHELSIM-CKPT)", file));
  const std::string_view body(bytes.data(), bytes.size() - kDigestBytes);
  const std::string digest = core::sha256_hex(body);
  for (std::size_t i = 0; i < kDigestBytes; ++i)
    if (static_cast<unsigned char>(bytes[body.size() + i]) != std::stoi(digest.substr(2 * i, 2), nullptr, 16))
      throw CheckpointError(fmt::format("{}: the checksum does not match: the file is damaged or truncated", file));

  ByteReader r(body.substr(sizeof kMagic), file);
  const auto version = r.get<std::uint32_t>();
  if (version != kCheckpointVersion)
    r.fail(fmt::format("format version {}, this sahelsim reads version {}", version, kCheckpointVersion));
  CheckpointInfo info;
  info_fields(info, [&](auto& x) { r.get_into(x); });
  if (r.get_string() != geography_fingerprint(w.geo, w.params.civilians.people_per_agent))
    r.fail("it was made on another map, extent, cell size or civilians.people_per_agent than this scenario's");

  // Factions by name: checkpoint index -> world index.
  const auto n = r.get<std::uint64_t>();
  if (n > 127) r.fail("too many factions");
  std::vector<int> to_world(n, -1), paid_by(n, -1), payer(n, -1);
  std::vector<char> in_history(w.factions.size(), 0);
  for (std::uint64_t i = 0; i < n; ++i) {
    const std::string name = r.get_string();
    const auto kind = r.get<model::FactionKind>();
    auto it = std::find_if(w.factions.begin(), w.factions.end(),
                           [&](const model::Faction& f) { return f.spec.name == name; });
    if (it == w.factions.end()) {
      std::string known;
      for (const auto& f : w.factions) known += (known.empty() ? "" : ", ") + f.spec.name;
      r.fail(fmt::format("its faction '{}' is not in the scenario that continues it (factions: {})", name, known));
    }
    if (it->spec.kind != kind)
      r.fail(fmt::format("faction '{}' is a {} there and a {} in the scenario", name,
                         model::kFactionKindNames[static_cast<int>(kind)],
                         model::kFactionKindNames[static_cast<int>(it->spec.kind)]));
    const auto k = static_cast<std::size_t>(it - w.factions.begin());
    to_world[i] = static_cast<int>(k);
    in_history[k] = 1;
    model::Faction& f = *it;
    auto get = [&](auto& x) { r.get_into(x); };
    faction_fields(f, get);
    doctrine_fields(f.spec.doctrine, get);
    faction_lists(f, get);
    const auto plans = r.get<std::uint64_t>();
    if (plans > 100000) r.fail("too many withdrawal schedules");
    f.withdrawals.resize(plans);
    for (auto& p : f.withdrawals) withdrawal_fields(p, get);
    // Faction references are checkpoint indices until every faction is known.
    paid_by[i] = r.get<int>();
    payer[i] = r.get<int>();
    for (int m : f.contract.concession)
      if (m < 0 || static_cast<std::size_t>(m) >= w.geo.mines.size()) r.fail("a concession names no mine of the map");
    for (int k : f.theatre)
      if (k < 0 || static_cast<std::size_t>(k) >= w.geo.countries.size())
        r.fail("a theatre names no country of the map");
  }
  auto world_index = [&](int k) {
    if (k < -1 || k >= static_cast<int>(n)) r.fail("a faction reference points at no faction");
    return k < 0 ? -1 : to_world[static_cast<std::size_t>(k)];
  };
  for (std::uint64_t i = 0; i < n; ++i) {
    model::Faction& f = w.factions[static_cast<std::size_t>(to_world[i])];
    f.paid_by = world_index(paid_by[i]);
    f.contract.payer = world_index(payer[i]);
  }
  // Factions that join in the new scenario have no history: no units yet,
  // and their accounts start from zero so fighters stay conserved.
  for (std::size_t k = 0; k < w.factions.size(); ++k)
    if (!in_history[k]) {
      w.factions[k].fighters = {};
      w.factions[k].withdrawals.clear();
    }

  for (std::uint64_t i = 0; i < n; ++i) {
    std::vector<std::uint8_t> row;
    r.get(row);
    if (row.size() != n) r.fail("the hostility table is malformed");
    for (std::uint64_t j = 0; j < n; ++j)
      w.hostile[static_cast<std::size_t>(to_world[i])][static_cast<std::size_t>(to_world[j])] = row[j];
  }
  const auto closures = r.get<std::uint64_t>();
  if (closures > 100000) r.fail("too many border closures");
  w.closed_borders.resize(closures);
  for (auto& b : w.closed_borders) {
    closure_fields(b, [&](auto& x) { r.get_into(x); });
    if (b.country < 0 || static_cast<std::size_t>(b.country) >= w.geo.countries.size())
      r.fail("a border closure names no country");
  }
  unit_columns(w.units, [&](auto& c) { r.get_into(c); });
  const std::size_t units = w.units.id.size();
  bool ragged = false;
  unit_columns(w.units, [&](auto& c) { ragged = ragged || c.size() != units; });
  if (ragged) r.fail("the unit columns differ in length");
  for (auto& f : w.units.faction) {
    if (f >= n) r.fail("a unit belongs to no faction");
    f = static_cast<std::uint8_t>(to_world[f]);
  }
  w.next_unit_id = r.get<std::uint32_t>();
  civilian_columns(w.civilians, [&](auto& c) { r.get_into(c); });
  const std::size_t households = w.civilians.id.size();
  civilian_columns(w.civilians, [&](auto& c) { ragged = ragged || c.size() != households; });
  if (ragged) r.fail("the household columns differ in length");
  const auto cells = static_cast<std::uint64_t>(w.geo.grid.cells());
  for (std::size_t i = 0; i < units; ++i)
    if (static_cast<std::uint64_t>(w.units.cell[i]) >= cells) r.fail("a unit lies outside the grid");
  for (std::size_t i = 0; i < households; ++i)
    if (static_cast<std::uint64_t>(w.civilians.cell[i]) >= cells ||
        static_cast<std::uint64_t>(w.civilians.home[i]) >= cells)
      r.fail("a household lies outside the grid");
  w.people_initial = r.get<std::int64_t>();
  w.people_dead = r.get<std::int64_t>();
  w.people_recruited = r.get<std::int64_t>();
  cell_layers(w, [&](auto& layer, const char* what) { r.get_layer(layer, what); });
  for (std::int64_t c = 0; c < w.controller.size(); ++c) {
    std::int8_t& k = w.controller.data()[c];
    if (k >= static_cast<std::int64_t>(n)) r.fail("a cell is held by no faction");
    if (k >= 0) k = static_cast<std::int8_t>(to_world[static_cast<std::size_t>(k)]);
  }
  // Allegiance by actor, matched by the name of its first faction; actors
  // only the new scenario has keep their starting layers.
  const auto actors = r.get<std::uint64_t>();
  if (actors > n + 1) r.fail("too many allegiance actors");
  for (std::uint64_t a = 0; a < actors; ++a) {
    const std::string name = r.get_string();
    int target = -1;
    for (std::size_t f = 0; f < w.factions.size(); ++f)
      if (w.factions[f].spec.name == name) target = w.factions[f].actor;
    if (target < 0) r.fail(fmt::format("its allegiance layers name faction '{}', which the scenario lacks", name));
    actor_layers(w, static_cast<std::size_t>(target), [&](auto& layer, const char* what) { r.get_layer(layer, what); });
  }
  r.get_into(w.foreign_resentment);
  if (w.foreign_resentment.size() != w.geo.countries.size()) r.fail("the resentment of foreign troops is malformed");

  cursor.events_logged = r.get<std::int64_t>();
  model::OutcomeTally& t = cursor.tally;
  std::vector<std::int64_t> losses, killed;
  tally_fields(t, [&](auto& x) { r.get_into(x); });
  // Per-faction tallies are in checkpoint order: put them in world order.
  losses.swap(t.losses);
  killed.swap(t.civilians_killed);
  if (losses.size() != n || killed.size() != n) r.fail("the outcome tally is malformed");
  t.losses.assign(w.factions.size(), 0);
  t.civilians_killed.assign(w.factions.size(), 0);
  for (std::uint64_t i = 0; i < n; ++i) {
    t.losses[static_cast<std::size_t>(to_world[i])] = losses[i];
    t.civilians_killed[static_cast<std::size_t>(to_world[i])] = killed[i];
  }

  // The history is over: the new scenario's events take over after its day.
  // Its model-wide parameters are its own, as its `set` events had made
  // them by that day (so a scenario resumed from its own checkpoint runs on
  // exactly as it would have).
  info.tick = day_of(info.date);
  w.tick = info.tick;
  w.started = true;
  w.next_event = 0;
  for (; w.next_event < w.schedule.size() && w.schedule[w.next_event].tick <= info.tick; ++w.next_event) {
    const model::ScheduledEvent& e = w.schedule[w.next_event];
    if (const auto* set = std::get_if<model::event::SetParams>(&e.action); set && set->change) set->change(w.params);
  }
  w.events_today.clear();
  return info;
}

}  // namespace sahel::output
