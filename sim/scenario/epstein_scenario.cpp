// SPDX-License-Identifier: MIT
#include "scenario/epstein_scenario.hpp"

#include <fmt/format.h>

#include "core/state_hash.hpp"
#include "model/epstein/world.hpp"

namespace sahel::scenario {

using epstein::Params;

const std::vector<ParamSpec<GridSettings>>& grid_table() {
  static const std::vector<ParamSpec<GridSettings>> table = {
      integer_param("width", &GridSettings::width, "cells", 1, 100000, "Cells along x.", "Epstein (2002): 40"),
      integer_param("height", &GridSettings::height, "cells", 1, 100000, "Cells along y.", "Epstein (2002): 40"),
      boolean_param("torus", &GridSettings::torus, "Wrap the edges (a torus), as in Epstein, NetLogo and Mesa.",
                    "Epstein (2002)"),
  };
  return table;
}

const std::vector<ParamSpec<Params>>& epstein_table() {
  static const std::vector<ParamSpec<Params>> table = {
      real_param("citizen_density", &Params::citizen_density, "share of cells", 0, 1,
                 "Share of cells holding a citizen at the start.", "NetLogo Rebellion: 70 %"),
      real_param("cop_density", &Params::cop_density, "share of cells", 0, 1,
                 "Share of cells holding a cop at the start.", "NetLogo Rebellion: 4 %; Mesa: 7.4 %"),
      integer_param("citizen_vision", &Params::citizen_vision, "cells", 0, 1000,
                    "Radius within which a citizen counts cops and actives, and may move.",
                    "NetLogo Rebellion: 7 (one vision for all)"),
      integer_param("cop_vision", &Params::cop_vision, "cells", 0, 1000,
                    "Radius within which a cop looks for active citizens, and may move.", "NetLogo Rebellion: 7"),
      choice_param(
          "neighbourhood", &Params::neighbourhood, {"moore", "von_neumann", "disc"},
          "Shape of the vision: Moore square, von Neumann diamond (Mesa) or Euclidean disc (NetLogo in-radius).",
          "NetLogo Rebellion: disc; Mesa: von_neumann"),
      real_param("legitimacy", &Params::legitimacy, "", 0, 1,
                 "Perceived legitimacy L of the regime (before any schedule point).",
                 "NetLogo Rebellion: 0.82; Mesa: 0.8"),
      real_param("arrest_constant_k", &Params::arrest_constant_k, "", 0, 100,
                 "k in P = 1 - exp(-k C/(A+1)); 2.3 makes P = 0.9 when C = A + 1.", "Epstein (2002): 2.3"),
      real_param("threshold", &Params::threshold, "", -1, 1, "T: a citizen turns active when G - R P > T.",
                 "Epstein (2002): 0.1"),
      integer_param("max_jail_term", &Params::max_jail_term, "ticks", 0, 1000000,
                    "Jail terms are uniform in {0, ..., max_jail_term}.", "NetLogo Rebellion: 30; Mesa: 1000"),
      choice_param("rounding", &Params::rounding, {"none", "floor", "round"},
                   "How C/(A+1) enters P: as is (the paper), floored (NetLogo) or rounded half to even (Mesa).",
                   "Epstein (2002); NetLogo Rebellion; Mesa epstein_civil_violence"),
      choice_param("legitimacy_interpolation", &Params::legitimacy_interpolation, {"step", "linear"},
                   "Between legitimacy_schedule points: hold (a sudden drop) or interpolate (a gradual one).",
                   "Epstein (2002), the gradual and sudden legitimacy crises"),
  };
  return table;
}

const std::vector<KeySpec>& epstein_extra_keys() {
  static const std::vector<KeySpec> table = {
      {
          "legitimacy_schedule",
          "list",
          "none (constant legitimacy)",
          "points {tick: 0 to 10,000,000, legitimacy: 0 to 1} in increasing tick order",
          "Legitimacy as a time series, held as a step or joined by straight lines (legitimacy_interpolation); "
          "points beyond the end of the run never take effect.",
      },
  };
  return table;
}

namespace {

// Points may lie beyond the end of the run (they then never take effect), so
// that a shortened run (--ticks) of the same scenario stays valid.
std::vector<epstein::LegitimacyPoint> read_schedule(const Document& doc, const YAML::Node& list) {
  const std::string path = "epstein.legitimacy_schedule";
  std::vector<epstein::LegitimacyPoint> out;
  if (!list.IsDefined() || list.IsNull()) return out;
  if (!list.IsSequence())
    doc.fail(list, path, fmt::format("expected a list of {{tick: N, legitimacy: X}} points, found {}", describe(list)));
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YAML::Node item = list[i];
    const std::string at = fmt::format("{}[{}]", path, i);
    if (!item.IsMap()) doc.fail(item, at, fmt::format("expected {{tick: N, legitimacy: X}}, found {}", describe(item)));
    reject_unknown_keys(doc, item, at, {"tick", "legitimacy"});
    if (!item["tick"] || !item["legitimacy"]) doc.fail(item, at, "expected both 'tick' and 'legitimacy'");
    epstein::LegitimacyPoint p{};
    p.tick =
        static_cast<int>(read_value(doc, item["tick"], at + ".tick", ParamType::integer, 0, 10000000, {}, "ticks"));
    p.legitimacy = read_value(doc, item["legitimacy"], at + ".legitimacy", ParamType::real, 0, 1, {}, "");
    if (!out.empty() && p.tick <= out.back().tick)
      doc.fail(item["tick"], at + ".tick",
               fmt::format("expected a tick after {} (points in increasing order), found {}", out.back().tick, p.tick));
    out.push_back(p);
  }
  return out;
}

}  // namespace

EpsteinScenario read_epstein_scenario(const Document& doc, const ScenarioHeader& header) {
  const YAML::Node& root = doc.root();
  std::vector<std::string> top = header_keys();
  top.insert(top.end(), {"grid", "epstein"});
  reject_unknown_keys(doc, root, "", top);

  EpsteinScenario s;
  s.file = doc.file();
  s.header = header;
  const YAML::Node grid = section_of(doc, root, "grid", "grid");
  read_section(doc, grid, "grid", grid_table(), s.grid);
  const YAML::Node model = section_of(doc, root, "epstein", "epstein");
  read_section(doc, model, "epstein", epstein_table(), s.params, keys_of(epstein_extra_keys()));
  if (model.IsDefined() && !model.IsNull())
    s.params.legitimacy_schedule = read_schedule(doc, model["legitimacy_schedule"]);

  // Checks that involve more than one key.
  const Params& p = s.params;
  if (p.citizen_density + p.cop_density > 1.0)
    doc.fail(model["cop_density"] ? model["cop_density"] : model, "epstein.cop_density",
             fmt::format("expected citizen_density + cop_density <= 1, found {} + {} = {}", p.citizen_density,
                         p.cop_density, p.citizen_density + p.cop_density));
  const double cells = static_cast<double>(s.grid.width) * s.grid.height;
  if (cells > 2147483647.0)
    doc.fail(grid, "grid",
             fmt::format("too large: {} x {} = {:.0f} cells, expected at most 2147483647 cells", s.grid.width,
                         s.grid.height, cells));
  for (const auto& [key, v] : {std::pair{"citizen_vision", p.citizen_vision}, std::pair{"cop_vision", p.cop_vision}}) {
    const int span = 2 * v + 1;
    if (s.grid.torus && (span > s.grid.width || span > s.grid.height))
      doc.fail(model[key] ? model[key] : model, fmt::format("epstein.{}", key),
               fmt::format("expected a vision whose window (2v+1 = {}) fits the {} x {} torus, found {}", span,
                           s.grid.width, s.grid.height, v));
  }
  const double agents = cells * (p.citizen_density + p.cop_density);
  check_fits_in_memory(doc, grid ? grid : root, "grid",
                       cells * (epstein::kBytesPerCell + 8.0 /* placement keys */) +
                           agents * std::max(epstein::kBytesPerCitizen, epstein::kBytesPerCop));

  s.resolved = header_json(header);
  s.resolved["grid"] = section_json(grid_table(), s.grid);
  s.resolved["epstein"] = section_json(epstein_table(), s.params);
  auto& schedule = s.resolved["epstein"]["legitimacy_schedule"] = nlohmann::ordered_json::array();
  for (const auto& pt : p.legitimacy_schedule) schedule.push_back({{"tick", pt.tick}, {"legitimacy", pt.legitimacy}});
  s.sha256 = core::sha256_hex(s.resolved.dump());
  return s;
}

}  // namespace sahel::scenario
