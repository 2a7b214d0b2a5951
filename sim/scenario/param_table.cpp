// SPDX-License-Identifier: MIT
#include "scenario/param_table.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>

#include "scenario/nearest_key.hpp"

namespace sahel::scenario {

namespace {
std::string range_text(double lo, double hi, const std::string& unit) {
  return fmt::format("{} to {}{}", lo, hi, unit.empty() ? "" : " " + unit);
}
}  // namespace

double read_value(const Document& doc, const YAML::Node& node, const std::string& path, ParamType type, double lo,
                  double hi, const std::vector<std::string>& choices, const std::string& unit) {
  const std::string found = describe(node);
  if (!node.IsScalar()) {
    const char* expected = type == ParamType::boolean  ? "true or false"
                           : type == ParamType::choice ? "one of the listed names"
                                                       : "a number";
    doc.fail(node, path, fmt::format("expected {}, found {}", expected, found));
  }
  switch (type) {
    case ParamType::boolean: {
      const std::string& s = node.Scalar();
      if (s == "true") return 1;
      if (s == "false") return 0;
      doc.fail(node, path, fmt::format("expected true or false, found {}", found));
    }
    case ParamType::choice: {
      for (std::size_t i = 0; i < choices.size(); ++i)
        if (node.Scalar() == choices[i]) return static_cast<double>(i);
      doc.fail(node, path, fmt::format("expected one of {}, found {}", fmt::join(choices, ", "), found));
    }
    case ParamType::integer: {
      long long v = 0;
      if (!YAML::convert<long long>::decode(node, v))
        doc.fail(node, path, fmt::format("expected a whole number from {}, found {}", range_text(lo, hi, unit), found));
      if (v < lo || v > hi)
        doc.fail(node, path, fmt::format("expected a whole number from {}, found {}", range_text(lo, hi, unit), found));
      return static_cast<double>(v);
    }
    case ParamType::real: {
      double v = 0;
      if (!YAML::convert<double>::decode(node, v) || !std::isfinite(v))
        doc.fail(node, path, fmt::format("expected a number from {}, found {}", range_text(lo, hi, unit), found));
      if (v < lo || v > hi)
        doc.fail(node, path, fmt::format("expected a number from {}, found {}", range_text(lo, hi, unit), found));
      return v;
    }
  }
  return 0;
}

void reject_unknown_keys(const Document& doc, const YAML::Node& section, const std::string& path,
                         std::vector<std::string> known) {
  for (const auto& kv : section) {
    const std::string key = kv.first.as<std::string>();
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    const std::string full = path.empty() ? key : path + "." + key;
    const std::string near = nearest_key(key, known);
    std::sort(known.begin(), known.end());
    if (!near.empty()) doc.fail(kv.first, full, fmt::format("unknown key '{}'; did you mean '{}'?", key, near));
    doc.fail(kv.first, full, fmt::format("unknown key '{}'; expected one of: {}", key, fmt::join(known, ", ")));
  }
}

YAML::Node section_of(const Document& doc, const YAML::Node& parent, const std::string& key, const std::string& path) {
  const YAML::Node s = parent[key];
  if (s.IsDefined() && !s.IsNull() && !s.IsMap())
    doc.fail(s, path, fmt::format("expected a mapping of keys, found {}", describe(s)));
  return s;
}

}  // namespace sahel::scenario
