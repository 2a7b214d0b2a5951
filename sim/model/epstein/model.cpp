// SPDX-License-Identifier: MIT
#include "model/epstein/model.hpp"

#include "core/parallel.hpp"
#include "core/state_hash.hpp"

namespace sahel::epstein {

Model::Model(World world)
    : world_(std::move(world)),
      citizen_view_(world_.params.neighbourhood, world_.params.citizen_vision, false),
      cop_view_(world_.params.neighbourhood, world_.params.cop_vision, false),
      packed_counts_(world_.grid.make_layer<std::int64_t>(0)),
      active_here_(world_.grid.make_layer<std::uint8_t>(0)),
      row_sums_(world_.grid),
      square_sums_(world_.params.neighbourhood == core::NeighbourhoodKind::moore ? world_.grid : core::Grid{}),
      cell_claims_(world_.grid.cells()),
      suspect_claims_(static_cast<std::int64_t>(world_.citizens.size())),
      legitimacy_now_(legitimacy_at(world_.params, 0)) {
  phases_.add("jail", [this] { serve_jail_terms(); });
  phases_.add("movement", [this] { move_agents(); });
  phases_.add("sensing", [this] { sense(); });
  phases_.add("activation", [this] { activate_citizens(); });
  phases_.add("arrests", [this] { make_arrests(); });
}

void Model::step() {
  ++world_.tick;
  legitimacy_now_ = legitimacy_at(world_.params, world_.tick);
  arrests_ = released_ = 0;
  phases_.run_tick();
}

Census Model::census() const {
  const Citizens& c = world_.citizens;
  const auto n = static_cast<std::int64_t>(c.size());
  Census out;
  out.tick = world_.tick;
  out.legitimacy = legitimacy_now_;
  out.citizens = n;
  out.cops = static_cast<std::int64_t>(world_.cops.size());
  out.active =
      core::deterministic_sum<std::int64_t>(n, [&](std::int64_t i) { return c.status[i] == Status::active ? 1 : 0; });
  out.jailed =
      core::deterministic_sum<std::int64_t>(n, [&](std::int64_t i) { return c.status[i] == Status::jailed ? 1 : 0; });
  out.quiet = n - out.active - out.jailed;
  out.arrests = arrests_;
  out.released = released_;
  const double hardship = core::deterministic_sum<double>(n, [&](std::int64_t i) { return double{c.hardship[i]}; });
  out.mean_grievance = n ? hardship * (1.0 - legitimacy_now_) / static_cast<double>(n) : 0.0;
  const std::int64_t free = n - out.jailed;
  const double p = core::deterministic_sum<double>(
      n, [&](std::int64_t i) { return c.status[i] == Status::jailed ? 0.0 : double{c.arrest_probability[i]}; });
  out.mean_arrest_probability = free ? p / static_cast<double>(free) : 0.0;
  return out;
}

std::string Model::state_digest() const {
  core::Sha256 h;
  h.update(&world_.tick, sizeof world_.tick);
  h.update(world_.citizens.cell);
  h.update(world_.citizens.status);
  h.update(world_.citizens.jail_left);
  h.update(world_.cops.cell);
  return h.hex_digest();
}

}  // namespace sahel::epstein
