// SPDX-License-Identifier: MIT
#pragma once
// Epstein's civil-violence model (Model I) on the sahelsim engine.
//
// One tick is five phases, in this order:
//   jail        jailed citizens serve a tick of their term;
//   movement    every free agent (and every citizen whose term is over) picks
//               a random empty cell in its vision; contested cells go to the
//               claimant with the lowest random priority;
//   sensing     cops and active citizens are counted into window sums;
//   activation  each free citizen turns active when G - R*P > T, with
//               G = H(1 - L) and P = 1 - exp(-k * C/(A+1));
//   arrests     each cop picks a random active citizen in its vision; a
//               suspect picked by several cops goes to the lowest priority;
//               the winner jails him and steps into his cell.
// Every phase reads the state as of its start and writes its own agents'
// slots (or claims resolved in a separate pass), so the result does not
// depend on the number of threads.
#include <cstdint>
#include <string>

#include "core/exclusive_claims.hpp"
#include "core/neighbourhood.hpp"
#include "core/phase_list.hpp"
#include "core/summed_area.hpp"
#include "model/epstein/world.hpp"

namespace sahel::epstein {

struct Census {
  int tick = 0;
  double legitimacy = 0;
  std::int64_t citizens = 0, quiet = 0, active = 0, jailed = 0, cops = 0;
  std::int64_t arrests = 0;            // in this tick
  std::int64_t released = 0;           // back on the grid in this tick
  double mean_grievance = 0;           // over all citizens
  double mean_arrest_probability = 0;  // estimated P, over free citizens
};

class Model {
 public:
  explicit Model(World world);
  // The phase list captures `this`: a Model stays where it was built.
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  void step();
  Census census() const;
  const World& world() const { return world_; }
  World& world() { return world_; }
  const core::PhaseList& phases() const { return phases_; }
  std::int64_t agents() const { return static_cast<std::int64_t>(world_.citizens.size() + world_.cops.size()); }
  // SHA-256 of everything that evolves: same on any number of threads.
  std::string state_digest() const;

 private:
  void serve_jail_terms();
  void move_agents();
  void sense();
  void activate_citizens();
  void make_arrests();
  // Cops and actives within `shape` of `cell`, packed as (cops << 32) | actives.
  std::int64_t packed_counts_around(core::CellIndex cell, int x, int y, const core::Neighbourhood& shape) const;

  World world_;
  core::Neighbourhood citizen_view_, cop_view_;  // centre excluded
  core::Layer<std::int64_t> packed_counts_;
  core::Layer<std::uint8_t> active_here_;  // 1 where an active citizen stands (after activation)
  core::RowPrefixSums row_sums_;
  core::SummedAreaTable square_sums_;
  core::ExclusiveClaims cell_claims_, suspect_claims_;
  double legitimacy_now_ = 0;
  std::int64_t arrests_ = 0, released_ = 0;
  core::PhaseList phases_;
};

}  // namespace sahel::epstein
