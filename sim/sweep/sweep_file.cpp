// SPDX-License-Identifier: MIT
#include "sweep/sweep_file.hpp"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>

#include "model/sahel/outcomes.hpp"
#include "run/scenario_loader.hpp"
#include "scenario/document.hpp"
#include "scenario/param_table.hpp"
#include "scenario/sahel_scenario.hpp"
#include "sweep/designs.hpp"

namespace sahel::sweep {

using scenario::describe;
using scenario::Document;
using scenario::ParamType;
using scenario::read_value;
using scenario::reject_unknown_keys;

namespace {

std::int64_t read_day(const Document& doc, const YAML::Node& n, const std::string& path) {
  return scenario::read_date(doc, n, path).time_since_epoch().count();
}

std::string read_string(const Document& doc, const YAML::Node& map, const char* key, const std::string& path,
                        bool required) {
  const YAML::Node n = map[key];
  if (!n || n.IsNull()) {
    if (required) doc.fail(map, path.empty() ? key : path + "." + key, "missing; expected a text value");
    return {};
  }
  if (!n.IsScalar())
    doc.fail(n, path.empty() ? key : path + "." + key, fmt::format("expected a text value, found {}", describe(n)));
  return n.Scalar();
}

// A value of the factor checked against the base scenario: the scenario must
// accept it, or the sweep is refused before any run.
void check_value(const Document& doc, const YAML::Node& where, const std::string& path, const SweepSpec& spec,
                 const Factor& f, const std::string& value) {
  run::Overrides o;
  o.set = spec.set;
  o.set.push_back(f.path + "=" + value);
  if (spec.ticks) o.ticks = *spec.ticks;
  try {
    const run::AnyScenario s = run::load_scenario(spec.base, o);
    if (!std::holds_alternative<scenario::SahelScenario>(s))
      doc.fail(doc.root()["base"], "base", "expected a Sahel scenario (model: sahel) as the base of a sweep");
  } catch (const scenario::InputError& e) {
    if (e.where().file == spec.file) throw;
    doc.fail(where, path, fmt::format("the value {} is not valid in the base scenario: {}", value, e.what()));
  }
}

Factor read_factor(const Document& doc, const YAML::Node& n, const std::string& path) {
  if (!n.IsMap())
    doc.fail(n, path, fmt::format("expected a factor {{path, range | dates | levels}}, found {}", describe(n)));
  reject_unknown_keys(doc, n, path, {"path", "range", "integer", "dates", "levels", "factorial_levels"});
  Factor f;
  f.path = read_string(doc, n, "path", path, true);
  const int given = (n["range"] ? 1 : 0) + (n["dates"] ? 1 : 0) + (n["levels"] ? 1 : 0);
  if (given != 1)
    doc.fail(n, path, "expected exactly one of range: [LOW, HIGH], dates: [FIRST, LAST] or levels: [...]");
  auto pair = [&](const char* key) {
    const YAML::Node p = n[key];
    if (!p.IsSequence() || p.size() != 2)
      doc.fail(p, path + "." + key, fmt::format("expected a list of two values [low, high], found {}", describe(p)));
    return p;
  };
  if (n["range"]) {
    const YAML::Node p = pair("range");
    const bool integer =
        n["integer"] && read_value(doc, n["integer"], path + ".integer", ParamType::boolean, 0, 1, {}, "") != 0;
    f.kind = integer ? FactorKind::integer : FactorKind::real;
    const ParamType t = integer ? ParamType::integer : ParamType::real;
    f.low = read_value(doc, p[0], path + ".range[0]", t, -1e300, 1e300, {}, "");
    f.high = read_value(doc, p[1], path + ".range[1]", t, -1e300, 1e300, {}, "");
    if (!(f.high > f.low))
      doc.fail(p[1], path + ".range[1]", fmt::format("expected a value above the low end {}, found {}", f.low, f.high));
  } else if (n["dates"]) {
    const YAML::Node p = pair("dates");
    f.kind = FactorKind::date;
    f.low = static_cast<double>(read_day(doc, p[0], path + ".dates[0]"));
    f.high = static_cast<double>(read_day(doc, p[1], path + ".dates[1]"));
    if (!(f.high > f.low)) doc.fail(p[1], path + ".dates[1]", "expected a date after the first");
  } else {
    const YAML::Node l = n["levels"];
    if (!l.IsSequence() || l.size() < 2)
      doc.fail(l, path + ".levels", fmt::format("expected a list of at least two values, found {}", describe(l)));
    f.kind = FactorKind::levels;
    for (std::size_t i = 0; i < l.size(); ++i) {
      if (!l[i].IsScalar())
        doc.fail(l[i], fmt::format("{}.levels[{}]", path, i),
                 fmt::format("expected a plain value, found {}", describe(l[i])));
      f.levels.push_back(l[i].Scalar());
    }
  }
  if (n["factorial_levels"])
    f.factorial_levels = static_cast<int>(
        read_value(doc, n["factorial_levels"], path + ".factorial_levels", ParamType::integer, 1, 1000, {}, "levels"));
  return f;
}

}  // namespace

std::string format_day(std::int64_t days) {
  return scenario::format_date(std::chrono::sys_days{std::chrono::days{days}});
}

SweepSpec read_sweep_file(const std::string& file) {
  const Document doc = Document::load(file);
  const YAML::Node& root = doc.root();
  reject_unknown_keys(
      doc, root, "",
      {"sweep", "description", "base", "ticks", "design", "replicates", "seed", "factors", "metrics", "set"});
  SweepSpec spec;
  spec.file = file;
  spec.name = read_string(doc, root, "sweep", "", true);
  spec.description = read_string(doc, root, "description", "", false);
  const std::string base = read_string(doc, root, "base", "", true);
  spec.base = (std::filesystem::path(file).parent_path() / base).lexically_normal().string();
  if (!std::filesystem::is_regular_file(spec.base))
    doc.fail(root["base"], "base", fmt::format("expected an existing scenario file, found no file at {}", spec.base));
  if (root["ticks"])
    spec.ticks = static_cast<int>(read_value(doc, root["ticks"], "ticks", ParamType::integer, 1, 1e6, {}, "days"));
  if (root["replicates"])
    spec.replicates = static_cast<int>(
        read_value(doc, root["replicates"], "replicates", ParamType::integer, 1, 1e6, {}, "runs per design point"));
  if (root["seed"])
    spec.first_seed =
        static_cast<std::uint64_t>(read_value(doc, root["seed"], "seed", ParamType::integer, 0, 9e15, {}, ""));

  const YAML::Node set = root["set"];
  if (set && !set.IsNull()) {
    if (!set.IsMap())
      doc.fail(set, "set", fmt::format("expected a mapping of scenario keys to fixed values, found {}", describe(set)));
    for (const auto& kv : set) {
      if (!kv.second.IsScalar()) doc.fail(kv.second, "set." + kv.first.Scalar(), "expected a plain value");
      spec.set.push_back(kv.first.Scalar() + "=" + kv.second.Scalar());
    }
  }

  const YAML::Node factors = root["factors"];
  if (!factors || !factors.IsSequence() || factors.size() == 0)
    doc.fail(factors ? factors : root, "factors", "expected a list of at least one factor");
  for (std::size_t i = 0; i < factors.size(); ++i) {
    const std::string path = fmt::format("factors[{}]", i);
    spec.factors.push_back(read_factor(doc, factors[i], path));
    for (std::size_t j = 0; j + 1 < spec.factors.size(); ++j)
      if (spec.factors[j].path == spec.factors.back().path)
        doc.fail(factors[i]["path"], path + ".path",
                 fmt::format("expected each factor once, found {} twice", spec.factors.back().path));
  }
  const std::size_t k = spec.factors.size();

  const YAML::Node design = root["design"];
  if (!design || !design.IsMap()) doc.fail(design ? design : root, "design", "expected a mapping with at least 'type'");
  reject_unknown_keys(doc, design, "design", {"type", "points", "base_samples", "levels", "seed"});
  const std::string type = read_string(doc, design, "type", "design", true);
  int kind = -1;
  for (int t = 0; t < 5; ++t)
    if (type == kDesignKindNames[t]) kind = t;
  if (kind < 0)
    doc.fail(design["type"], "design.type",
             fmt::format("expected one of factorial, lhs, sobol, saltelli, nolh, found '{}'", type));
  spec.design = static_cast<DesignKind>(kind);
  if (design["seed"])
    spec.design_seed =
        static_cast<std::uint64_t>(read_value(doc, design["seed"], "design.seed", ParamType::integer, 0, 9e15, {}, ""));
  auto need = [&](const char* key) {
    if (!design[key])
      doc.fail(design, std::string("design.") + key, fmt::format("missing; a {} design needs '{}'", type, key));
    return design[key];
  };
  switch (spec.design) {
    case DesignKind::lhs:
    case DesignKind::sobol:
      spec.points = static_cast<int>(
          read_value(doc, need("points"), "design.points", ParamType::integer, 2, 1e7, {}, "design points"));
      if (spec.design == DesignKind::sobol && k > kSobolMaxDimensions)
        doc.fail(factors, "factors",
                 fmt::format("expected at most {} factors for a Sobol' design, found {}", kSobolMaxDimensions, k));
      break;
    case DesignKind::saltelli:
      spec.base_samples = static_cast<int>(
          read_value(doc, need("base_samples"), "design.base_samples", ParamType::integer, 2, 1e6, {}, "base samples"));
      if (2 * k > kSobolMaxDimensions)
        doc.fail(
            factors, "factors",
            fmt::format("expected at most {} factors for a Saltelli design, found {}", kSobolMaxDimensions / 2, k));
      break;
    case DesignKind::nolh: {
      const std::size_t fit = nolh_runs_for(k);
      if (fit == 0)
        doc.fail(
            factors, "factors",
            fmt::format("expected at most {} factors for a NOLH design, found {}", kNolhSizes.back().max_factors, k));
      spec.points = static_cast<int>(fit);
      if (design["points"]) {
        spec.points = static_cast<int>(
            read_value(doc, design["points"], "design.points", ParamType::integer, 17, 257, {}, "runs"));
        bool ok = false;
        for (const auto& s : kNolhSizes) ok = ok || (static_cast<int>(s.runs) == spec.points && k <= s.max_factors);
        if (!ok)
          doc.fail(design["points"], "design.points",
                   fmt::format("expected one of 17, 33, 65, 129, 257 that holds {} factors (smallest: {}), found {}", k,
                               fit, spec.points));
      }
      break;
    }
    case DesignKind::factorial:
      if (design["levels"])
        spec.levels = static_cast<int>(
            read_value(doc, design["levels"], "design.levels", ParamType::integer, 1, 1000, {}, "levels per factor"));
      break;
  }

  const YAML::Node metrics = root["metrics"];
  const auto& catalogue = model::outcome_metric_catalogue();
  if (!metrics || (metrics.IsScalar() && metrics.Scalar() == "all")) {
    for (const auto& m : catalogue) spec.metrics.emplace_back(m.name);
  } else {
    if (!metrics.IsSequence() || metrics.size() == 0)
      doc.fail(metrics, "metrics",
               fmt::format("expected 'all' or a list of metric names, found {}", describe(metrics)));
    std::vector<std::string> known;
    for (const auto& m : catalogue) known.emplace_back(m.name);
    std::vector<char> wanted(catalogue.size(), 0);
    for (std::size_t i = 0; i < metrics.size(); ++i) {
      const std::string name = metrics[i].IsScalar() ? metrics[i].Scalar() : std::string();
      const int index = model::outcome_metric_index(name);
      if (index < 0) {
        std::string list;
        for (const auto& m : known) list += (list.empty() ? "" : ", ") + m;
        doc.fail(metrics[i], fmt::format("metrics[{}]", i),
                 fmt::format("expected an outcome metric ({}), found {}", list, describe(metrics[i])));
      }
      wanted[static_cast<std::size_t>(index)] = 1;
    }
    for (std::size_t m = 0; m < catalogue.size(); ++m)
      if (wanted[m]) spec.metrics.emplace_back(catalogue[m].name);
  }

  // Every factor's extremes (or every level) must be accepted by the base scenario.
  for (std::size_t i = 0; i < k; ++i) {
    const Factor& f = spec.factors[i];
    const std::string path = fmt::format("factors[{}]", i);
    switch (f.kind) {
      case FactorKind::real:
      case FactorKind::integer:
        check_value(doc, factors[i]["range"], path + ".range", spec, f, fmt::format("{}", f.low));
        check_value(doc, factors[i]["range"], path + ".range", spec, f, fmt::format("{}", f.high));
        break;
      case FactorKind::date:
        check_value(doc, factors[i]["dates"], path + ".dates", spec, f, format_day(static_cast<std::int64_t>(f.low)));
        check_value(doc, factors[i]["dates"], path + ".dates", spec, f, format_day(static_cast<std::int64_t>(f.high)));
        break;
      case FactorKind::levels:
        for (std::size_t l = 0; l < f.levels.size(); ++l)
          check_value(doc, factors[i]["levels"][l], fmt::format("{}.levels[{}]", path, l), spec, f, f.levels[l]);
        break;
    }
  }
  return spec;
}

}  // namespace sahel::sweep
