// SPDX-License-Identifier: MIT
#include "scenario/common_sections.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

namespace sahel::scenario {

const std::vector<ParamSpec<RunSettings>>& run_table() {
  static const std::vector<ParamSpec<RunSettings>> table = {
      integer_param("seed", &RunSettings::seed, "", 0, 9007199254740991.0,
                    "Seed of the counter-based random numbers; same seed, same run.", "convention"),
      integer_param("replicate", &RunSettings::replicate, "", 0, 4294967295.0,
                    "Replicate number, folded into the random key (sweeps vary it).", "convention"),
      integer_param("ticks", &RunSettings::ticks, "ticks", 0, 10000000, "Length of the run in ticks.", "convention"),
  };
  return table;
}

const std::vector<KeySpec>& header_text_keys() {
  static const std::vector<KeySpec> table = {
      {"model", "choice", "required", "epstein, sahel", "Which model the scenario is for."},
      {"name", "text", "required", "any text", "Title, printed and recorded in the manifest."},
      {"description", "text", "empty", "any text", "Recorded in the manifest."},
      {"sources", "text", "empty", "any text", "Where the scenario's figures come from; recorded in the manifest."},
      {"extends", "path", "none", "an existing scenario file, relative to this one (chains allowed, no cycles)",
       "Parent scenario this one is deep-merged over: mappings key by key, lists of named items by name, the "
       "rest replaced."},
  };
  return table;
}

std::vector<std::string> header_keys() {
  // `extends` never reaches validation: the loader merges and removes it.
  std::vector<std::string> k;
  for (const auto& t : header_text_keys())
    if (t.key != "extends") k.push_back(t.key);
  for (const auto& p : run_table()) k.push_back(p.key);
  return k;
}

namespace {
std::string read_text(const Document& doc, const YAML::Node& root, const std::string& key, bool required) {
  const YAML::Node n = root[key];
  if (!n.IsDefined() || n.IsNull()) {
    if (required) doc.fail(root, key, "missing; expected a text value");
    return {};
  }
  if (!n.IsScalar()) doc.fail(n, key, fmt::format("expected a text value, found {}", describe(n)));
  return n.Scalar();
}
}  // namespace

ScenarioHeader read_header(const Document& doc, const std::vector<std::string>& known_models) {
  const YAML::Node& root = doc.root();
  ScenarioHeader h;
  h.model = read_text(doc, root, "model", true);
  if (std::find(known_models.begin(), known_models.end(), h.model) == known_models.end())
    doc.fail(root["model"], "model",
             fmt::format("expected one of {}, found '{}'", fmt::join(known_models, ", "), h.model));
  h.name = read_text(doc, root, "name", true);
  h.description = read_text(doc, root, "description", false);
  h.sources = read_text(doc, root, "sources", false);
  for (const auto& spec : run_table()) {
    const YAML::Node v = root[spec.key];
    if (v.IsDefined())
      spec.set(h.run, read_value(doc, v, spec.key, spec.type, spec.lo, spec.hi, spec.choices, spec.unit));
  }
  return h;
}

nlohmann::ordered_json header_json(const ScenarioHeader& h) {
  nlohmann::ordered_json j;
  j["model"] = h.model;
  j["name"] = h.name;
  j["description"] = h.description;
  j["sources"] = h.sources;
  const nlohmann::ordered_json run = section_json(run_table(), h.run);
  for (const auto& [k, v] : run.items()) j[k] = v;
  return j;
}

namespace {
double available_memory_bytes() {
  // MemAvailable is what a new process can use without swapping.
  std::ifstream meminfo("/proc/meminfo");
  std::string key;
  double kib = 0;
  std::string unit;
  while (meminfo >> key >> kib >> unit)
    if (key == "MemAvailable:") return kib * 1024.0;
  return static_cast<double>(sysconf(_SC_PHYS_PAGES)) * static_cast<double>(sysconf(_SC_PAGE_SIZE));
}
}  // namespace

void check_fits_in_memory(const Document& doc, const YAML::Node& node, const std::string& path, double bytes_needed) {
  const double available = available_memory_bytes();
  if (bytes_needed > available)
    doc.fail(node, path,
             fmt::format("too large for memory: this world needs about {:.1f} GiB, expected at most the {:.1f} GiB "
                         "available on this machine (make the grid smaller)",
                         bytes_needed / (1 << 30), available / (1 << 30)));
}

}  // namespace sahel::scenario
