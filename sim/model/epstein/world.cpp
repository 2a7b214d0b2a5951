// SPDX-License-Identifier: MIT
#include "model/epstein/world.hpp"

#include <algorithm>
#include <cmath>

#include "core/parallel.hpp"
#include "model/epstein/streams.hpp"

namespace sahel::epstein {

World make_world(const core::Grid& grid, const Params& params, const core::RngKey& key) {
  World w{grid, params, key, 0, {}, {}, grid.make_layer<Occupant>(kEmpty)};
  const std::int64_t cells = grid.cells();
  const auto n_cops = static_cast<std::int64_t>(std::llround(params.cop_density * cells));
  const auto n_citizens = static_cast<std::int64_t>(std::llround(params.citizen_density * cells));

  // A random permutation of the cells: sort by (random key, cell). The first
  // cells go to cops, the next to citizens.
  std::vector<std::uint64_t> order(static_cast<std::size_t>(cells));
  core::for_each_index(cells, [&](std::int64_t c) {
    core::Draws d(key, 0, Stream::placement, static_cast<std::uint64_t>(c));
    order[static_cast<std::size_t>(c)] =
        (static_cast<std::uint64_t>(d.next_u32()) << 32) | static_cast<std::uint32_t>(c);
  });
  core::sort_distinct(order.begin(), order.end());
  auto cell_at = [&](std::int64_t i) {
    return static_cast<core::CellIndex>(order[static_cast<std::size_t>(i)] & 0xffffffffu);
  };

  // Agents are numbered in cell order within each kind, so neighbours in space
  // are neighbours in memory at the start of the run.
  std::vector<core::CellIndex> cop_cells(static_cast<std::size_t>(n_cops)),
      citizen_cells(static_cast<std::size_t>(n_citizens));
  for (std::int64_t i = 0; i < n_cops; ++i) cop_cells[static_cast<std::size_t>(i)] = cell_at(i);
  for (std::int64_t i = 0; i < n_citizens; ++i) citizen_cells[static_cast<std::size_t>(i)] = cell_at(n_cops + i);
  std::sort(cop_cells.begin(), cop_cells.end());
  std::sort(citizen_cells.begin(), citizen_cells.end());

  Citizens& c = w.citizens;
  const auto nc = static_cast<std::size_t>(n_citizens);
  c.id.resize(nc);
  c.cell = citizen_cells;
  c.hardship.resize(nc);
  c.risk_aversion.resize(nc);
  c.status.assign(nc, Status::quiet);
  c.jail_left.assign(nc, 0);
  c.arrest_probability.assign(nc, 0.0f);
  c.target.assign(nc, core::kNoCell);
  c.priority.assign(nc, 0);
  core::for_each_index(n_citizens, [&](std::int64_t i) {
    const auto s = static_cast<std::size_t>(i);
    c.id[s] = static_cast<std::uint32_t>(i);
    core::Draws d(key, 0, Stream::attributes, c.id[s]);
    c.hardship[s] = static_cast<float>(d.uniform());
    c.risk_aversion[s] = static_cast<float>(d.uniform());
    w.occupant.data()[c.cell[s]] = static_cast<Occupant>(i);
  });

  Cops& p = w.cops;
  const auto np = static_cast<std::size_t>(n_cops);
  p.id.resize(np);
  p.cell = cop_cells;
  p.target.assign(np, core::kNoCell);
  p.priority.assign(np, 0);
  p.suspect.assign(np, -1);
  for (std::size_t j = 0; j < np; ++j) {
    p.id[j] = static_cast<std::uint32_t>(nc + j);
    w.occupant.data()[p.cell[j]] = cop_code(j);
  }
  return w;
}

}  // namespace sahel::epstein
