// SPDX-License-Identifier: MIT
#pragma once
// One table per scenario section: every parameter's key, type, unit, legal
// range, description and source, bound to a field of a plain struct. The
// table drives validation, the resolved scenario in the manifest and the
// reference documentation, so the three cannot disagree. Defaults are the
// struct's own member initialisers.
#include <yaml-cpp/yaml.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scenario/document.hpp"

namespace sahel::scenario {

enum class ParamType { real, integer, boolean, choice };

template <class S>
struct ParamSpec {
  std::string key;
  ParamType type;
  std::string unit;
  double lo = 0, hi = 0;             // legal range, inclusive (real, integer)
  std::vector<std::string> choices;  // legal values (choice)
  std::string description;
  std::string source;  // a citation, or "assumption"
  std::function<double(const S&)> get;
  std::function<void(S&, double)> set;
};

template <class S, class M>
ParamSpec<S> real_param(std::string key, M S::*field, std::string unit, double lo, double hi, std::string description,
                        std::string source) {
  return {std::move(key),
          ParamType::real,
          std::move(unit),
          lo,
          hi,
          {},
          std::move(description),
          std::move(source),
          [field](const S& s) { return static_cast<double>(s.*field); },
          [field](S& s, double v) { s.*field = static_cast<M>(v); }};
}

template <class S, class M>
ParamSpec<S> integer_param(std::string key, M S::*field, std::string unit, double lo, double hi,
                           std::string description, std::string source) {
  auto p = real_param<S, M>(std::move(key), field, std::move(unit), lo, hi, std::move(description), std::move(source));
  p.type = ParamType::integer;
  return p;
}

template <class S>
ParamSpec<S> boolean_param(std::string key, bool S::*field, std::string description, std::string source) {
  return {std::move(key),
          ParamType::boolean,
          "",
          0,
          1,
          {},
          std::move(description),
          std::move(source),
          [field](const S& s) { return s.*field ? 1.0 : 0.0; },
          [field](S& s, double v) { s.*field = v != 0; }};
}

// An enum field whose values are named, in declaration order, by `choices`.
template <class S, class E>
ParamSpec<S> choice_param(std::string key, E S::*field, std::vector<std::string> choices, std::string description,
                          std::string source) {
  return {std::move(key),
          ParamType::choice,
          "",
          0,
          0,
          std::move(choices),
          std::move(description),
          std::move(source),
          [field](const S& s) { return static_cast<double>(s.*field); },
          [field](S& s, double v) { s.*field = static_cast<E>(static_cast<int>(v)); }};
}

// A real parameter stored in element `index` of an array member.
template <class S, class T, std::size_t N>
ParamSpec<S> array_param(std::string key, T (S::*field)[N], std::size_t index, std::string unit, double lo, double hi,
                         std::string description, std::string source) {
  return {std::move(key),
          ParamType::real,
          std::move(unit),
          lo,
          hi,
          {},
          std::move(description),
          std::move(source),
          [field, index](const S& s) { return static_cast<double>((s.*field)[index]); },
          [field, index](S& s, double v) { (s.*field)[index] = static_cast<T>(v); }};
}

// A key that is not a number of a struct (a name, a place, a date, a list,
// a section): what it holds, its default ("required" if none) and its legal
// values, for the unknown-key checks and the reference documentation.
struct KeySpec {
  std::string key;
  std::string type;           // "text", "date", "faction", "place", "list of mines", ...
  std::string default_value;  // "required", or what an absent key means
  std::string legal;          // legal values, in words
  std::string description;
};

inline std::vector<std::string> keys_of(const std::vector<KeySpec>& table) {
  std::vector<std::string> keys;
  for (const auto& k : table) keys.push_back(k.key);
  return keys;
}

// Reads one value of `spec`'s type at `path`, checked against its range.
double read_value(const Document& doc, const YAML::Node& node, const std::string& path, ParamType type, double lo,
                  double hi, const std::vector<std::string>& choices, const std::string& unit);

// Fails on any key of `section` that is neither in `known` nor in `extra`,
// suggesting the nearest known key.
void reject_unknown_keys(const Document& doc, const YAML::Node& section, const std::string& path,
                         std::vector<std::string> known);

// The section at `path` in `parent`: a mapping, or nothing (all defaults).
YAML::Node section_of(const Document& doc, const YAML::Node& parent, const std::string& key, const std::string& path);

template <class S>
std::vector<std::string> keys_of(const std::vector<ParamSpec<S>>& table) {
  std::vector<std::string> keys;
  for (const auto& p : table) keys.push_back(p.key);
  return keys;
}

// Validates every key of `section` that the table names and stores it in
// `out`; keys in `extra` are the caller's to read; any other key is an error.
template <class S>
void read_section(const Document& doc, const YAML::Node& section, const std::string& path,
                  const std::vector<ParamSpec<S>>& table, S& out, std::vector<std::string> extra = {}) {
  if (!section.IsDefined() || section.IsNull()) return;
  std::vector<std::string> known = keys_of(table);
  known.insert(known.end(), extra.begin(), extra.end());
  reject_unknown_keys(doc, section, path, known);
  for (const auto& spec : table) {
    const YAML::Node v = section[spec.key];
    if (!v.IsDefined()) continue;
    const std::string full = path.empty() ? spec.key : path + "." + spec.key;
    spec.set(out, read_value(doc, v, full, spec.type, spec.lo, spec.hi, spec.choices, spec.unit));
  }
}

// The section as JSON, every parameter included (defaults too).
template <class S>
nlohmann::ordered_json section_json(const std::vector<ParamSpec<S>>& table, const S& values) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& spec : table) {
    const double v = spec.get(values);
    switch (spec.type) {
      case ParamType::real:
        j[spec.key] = v;
        break;
      case ParamType::integer:
        j[spec.key] = static_cast<long long>(v);
        break;
      case ParamType::boolean:
        j[spec.key] = v != 0;
        break;
      case ParamType::choice:
        j[spec.key] = spec.choices.at(static_cast<std::size_t>(v));
        break;
    }
  }
  return j;
}

}  // namespace sahel::scenario
