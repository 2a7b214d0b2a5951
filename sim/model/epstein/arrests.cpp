// SPDX-License-Identifier: MIT
// Phase "arrests": Epstein's cop rule C. Each cop picks, uniformly, one of
// the active citizens within its vision. A suspect picked by several cops
// goes to the lowest (priority, id) claim; the winner jails him for a term
// drawn uniformly from {0, ..., max_jail_term} and steps into his cell, as
// NetLogo's cops do. Losers do nothing this tick.
#include <atomic>

#include "core/parallel.hpp"
#include "core/span_scan.hpp"
#include "model/epstein/model.hpp"
#include "model/epstein/streams.hpp"

namespace sahel::epstein {

void Model::make_arrests() {
  Citizens& c = world_.citizens;
  Cops& p = world_.cops;
  const auto np = static_cast<std::int64_t>(p.size());
  Occupant* occupant = world_.occupant.data();
  const std::uint8_t* active_here = active_here_.data();
  const core::Grid& grid = world_.grid;

  // 1. Choose a suspect (scanning the active-flag layer row by row: the
  // cop's own cell is never flagged) and claim him.
  core::for_each_index(np, [&](std::int64_t j) {
    p.suspect[j] = -1;
    const int x = grid.x_of(p.cell[j]), y = grid.y_of(p.cell[j]);
    std::uint32_t seen = 0;
    core::for_each_run(grid, cop_view_, x, y, [&](core::CellIndex a, core::CellIndex b) {
      for (core::CellIndex k = a; k <= b; ++k) seen += active_here[k];
    });
    if (seen == 0) return;
    core::Draws d(world_.key, static_cast<std::uint32_t>(world_.tick), Stream::arrest, p.id[j]);
    std::uint32_t pick = d.below(seen);
    core::for_each_run(grid, cop_view_, x, y, [&](core::CellIndex a, core::CellIndex b) {
      for (core::CellIndex k = a; k <= b && p.suspect[j] < 0; ++k)
        if (active_here[k] && pick-- == 0) p.suspect[j] = occupant[k];
    });
    p.priority[j] = d.next_u32();
    suspect_claims_.claim(p.suspect[j], p.priority[j], p.id[j]);
  });

  // 2. Winners arrest. Each suspect has one winner; a winner's old cell and
  // its suspect's cell belong to no one else, so the writes do not collide.
  std::atomic<std::int64_t> arrests{0};
  core::for_each_index(np, [&](std::int64_t j) {
    const std::int32_t s = p.suspect[j];
    if (s < 0) return;
    if (!suspect_claims_.won(s, p.priority[j], p.id[j])) {
      p.suspect[j] = -1;
      return;
    }
    core::Draws term(world_.key, static_cast<std::uint32_t>(world_.tick), Stream::jail_term, c.id[s]);
    c.status[s] = Status::jailed;
    c.jail_left[s] = static_cast<std::int32_t>(term.between(0, world_.params.max_jail_term)) + 1;
    occupant[p.cell[j]] = kEmpty;
    occupant[c.cell[s]] = cop_code(static_cast<std::size_t>(j));
    p.cell[j] = c.cell[s];
    arrests.fetch_add(1, std::memory_order_relaxed);
  });
  arrests_ = arrests.load();

  // 3. Clear the claims: every claimed suspect has exactly one winner, and
  // the winners still hold their suspects.
  core::for_each_index(np, [&](std::int64_t j) {
    if (p.suspect[j] >= 0) suspect_claims_.clear(p.suspect[j]);
  });
}

}  // namespace sahel::epstein
