// SPDX-License-Identifier: MIT
#include "scenario/map_file.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <fstream>
#include <sstream>

#include "model/sahel/geography.hpp"
#include "scenario/document.hpp"
#include "scenario/param_table.hpp"

namespace sahel::scenario {

namespace {

using model::LonLat;

constexpr double kMaxCount = 1e15;  // populations: any whole number a national total can be

std::string join(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}
std::string item(const std::string& path, std::size_t i) {
  return fmt::format("{}[{}]", path, i);
}

// The node at parent[key]; a missing key is reported at the parent's place.
YAML::Node field(const Document& doc, const YAML::Node& parent, const std::string& key, const std::string& path,
                 const char* expected) {
  const YAML::Node n = parent[key];
  if (!n.IsDefined() || n.IsNull()) doc.fail(parent, join(path, key), fmt::format("missing; expected {}", expected));
  return n;
}

std::string text_field(const Document& doc, const YAML::Node& parent, const std::string& key, const std::string& path) {
  const YAML::Node n = field(doc, parent, key, path, "a text value");
  if (!n.IsScalar()) doc.fail(n, join(path, key), fmt::format("expected a text value, found {}", describe(n)));
  return n.Scalar();
}

double number_field(const Document& doc, const YAML::Node& parent, const std::string& key, const std::string& path,
                    double lo, double hi, const std::string& unit) {
  const YAML::Node n = field(doc, parent, key, path, "a number");
  return read_value(doc, n, join(path, key), ParamType::real, lo, hi, {}, unit);
}

std::int64_t count_field(const Document& doc, const YAML::Node& parent, const std::string& key,
                         const std::string& path) {
  const YAML::Node n = field(doc, parent, key, path, "a whole number");
  return static_cast<std::int64_t>(read_value(doc, n, join(path, key), ParamType::integer, 0, kMaxCount, {}, "people"));
}

bool bool_field(const Document& doc, const YAML::Node& parent, const std::string& key, const std::string& path) {
  const YAML::Node n = field(doc, parent, key, path, "true or false");
  return read_value(doc, n, join(path, key), ParamType::boolean, 0, 1, {}, "") != 0;
}

int choice_field(const Document& doc, const YAML::Node& parent, const std::string& key, const std::string& path,
                 const std::vector<std::string>& choices) {
  const YAML::Node n = field(doc, parent, key, path, fmt::format("one of {}", fmt::join(choices, ", ")).c_str());
  return static_cast<int>(read_value(doc, n, join(path, key), ParamType::choice, 0, 0, choices, ""));
}

// A list at parent[key] (possibly empty).
YAML::Node list_field(const Document& doc, const YAML::Node& parent, const std::string& key, const std::string& path,
                      const char* expected) {
  const YAML::Node n = field(doc, parent, key, path, expected);
  if (!n.IsSequence()) doc.fail(n, join(path, key), fmt::format("expected {}, found {}", expected, describe(n)));
  return n;
}

void require_map(const Document& doc, const YAML::Node& node, const std::string& path) {
  if (!node.IsMap()) doc.fail(node, path, fmt::format("expected a mapping of keys, found {}", describe(node)));
}

LonLat point_of(const Document& doc, const YAML::Node& node, const std::string& path) {
  LonLat p;
  p.lat = number_field(doc, node, "lat", path, -90, 90, "degrees north");
  p.lon = number_field(doc, node, "lon", path, -180, 180, "degrees east");
  return p;
}

// A [lon, lat] pair.
LonLat pair_of(const Document& doc, const YAML::Node& node, const std::string& path) {
  if (!node.IsSequence() || node.size() != 2)
    doc.fail(node, path, fmt::format("expected a [lon, lat] pair of numbers, found {}", describe(node)));
  LonLat p;
  p.lon = read_value(doc, node[0], path + "[0]", ParamType::real, -180, 180, {}, "degrees east");
  p.lat = read_value(doc, node[1], path + "[1]", ParamType::real, -90, 90, {}, "degrees north");
  return p;
}

std::vector<LonLat> line_of(const Document& doc, const YAML::Node& node, const std::string& path,
                            std::size_t min_points, const char* expected) {
  if (!node.IsSequence() || node.size() < min_points)
    doc.fail(node, path,
             fmt::format("expected {}, found {}", expected,
                         node.IsSequence() ? fmt::format("a list of {} points", node.size()) : describe(node)));
  std::vector<LonLat> line;
  line.reserve(node.size());
  for (std::size_t i = 0; i < node.size(); ++i) line.push_back(pair_of(doc, node[i], item(path, i)));
  return line;
}

// Checks that a point's `country` names a country of the map.
void check_country(const Document& doc, const YAML::Node& node, const std::string& path, const std::string& code,
                   const std::vector<model::CountryShape>& countries) {
  for (const auto& c : countries)
    if (c.code == code) return;
  std::vector<std::string> codes;
  for (const auto& c : countries) codes.push_back(c.code);
  doc.fail(node["country"], join(path, "country"),
           fmt::format("expected the code of a country of this map ({}), found '{}'", fmt::join(codes, ", "), code));
}

// The list at root[key] of points that each have a name, a country of the map
// and lat/lon; `rest(point, node, path)` reads the other fields.
template <class Point, class Rest>
std::vector<Point> read_points(const Document& doc, const std::string& key, const char* expected,
                               const std::vector<model::CountryShape>& countries, Rest&& rest) {
  const YAML::Node list = list_field(doc, doc.root(), key, "", expected);
  std::vector<Point> points;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YAML::Node n = list[i];
    const std::string path = item(key, i);
    require_map(doc, n, path);
    Point p;
    p.name = text_field(doc, n, "name", path);
    p.country = text_field(doc, n, "country", path);
    check_country(doc, n, path, p.country, countries);
    p.at = point_of(doc, n, path);
    rest(p, n, path);
    points.push_back(std::move(p));
  }
  return points;
}

model::CountryShape country_of(const Document& doc, const YAML::Node& node, const std::string& path) {
  require_map(doc, node, path);
  model::CountryShape c;
  c.code = text_field(doc, node, "code", path);
  c.name = text_field(doc, node, "name", path);
  c.core = choice_field(doc, node, "role", path, {"outside", "core"}) == 1;
  if (c.core) {
    c.published_area_km2 = number_field(doc, node, "published_area_km2", path, 0, 1e9, "km2");
    c.population = count_field(doc, node, "population", path);
  }
  const std::string rpath = join(path, "rings");
  const YAML::Node rings = list_field(doc, node, "rings", path, "a list of rings (each a list of [lon, lat] pairs)");
  if (rings.size() == 0) doc.fail(rings, rpath, "expected at least one ring, found an empty list");
  for (std::size_t r = 0; r < rings.size(); ++r)
    c.rings.push_back(line_of(doc, rings[r], item(rpath, r), 3, "a ring: a list of at least 3 [lon, lat] pairs"));
  return c;
}

}  // namespace

model::VectorMap read_map_text(const std::string& label, const std::string& text) {
  const Document doc = Document::parse(label, text);
  const YAML::Node& root = doc.root();
  model::VectorMap map;
  map.name = text_field(doc, root, "name", "");
  // Areas and distances are measured on the model's sphere; a map built on
  // another would disagree with them.
  if (root["earth_radius_km"]) {
    const double r = number_field(doc, root, "earth_radius_km", "", 6000, 7000, "km");
    if (r != model::kEarthRadiusKm)
      doc.fail(root["earth_radius_km"], "earth_radius_km",
               fmt::format("expected {} km, the radius sahelsim measures on, found {}", model::kEarthRadiusKm, r));
  }

  const YAML::Node countries = list_field(doc, root, "countries", "", "a list of countries");
  if (countries.size() == 0) doc.fail(countries, "countries", "expected at least one country, found an empty list");
  for (std::size_t i = 0; i < countries.size(); ++i) {
    map.countries.push_back(country_of(doc, countries[i], item("countries", i)));
    for (std::size_t j = 0; j < i; ++j)
      if (map.countries[j].code == map.countries[i].code)
        doc.fail(countries[i]["code"], join(item("countries", i), "code"),
                 fmt::format("expected a code not used before, found '{}' again", map.countries[i].code));
  }

  const YAML::Node river = field(doc, root, "river", "", "a mapping with the river's lines");
  require_map(doc, river, "river");
  const YAML::Node lines = list_field(doc, river, "lines", "river", "a list of polylines");
  for (std::size_t i = 0; i < lines.size(); ++i)
    map.river.push_back(
        line_of(doc, lines[i], item("river.lines", i), 2, "a polyline: a list of at least 2 [lon, lat] pairs"));

  map.places = read_points<model::Place>(doc, "cities", "a list of towns and camps", map.countries,
                                         [&](model::Place& p, const YAML::Node& n, const std::string& path) {
                                           p.kind = choice_field(doc, n, "kind", path, {"town", "camp"}) == 0
                                                        ? model::PlaceKind::town
                                                        : model::PlaceKind::camp;
                                           p.population = count_field(doc, n, "population", path);
                                           p.capital = bool_field(doc, n, "capital", path);
                                         });
  map.mines = read_points<model::Mine>(doc, "mines", "a list of mines", map.countries,
                                       [&](model::Mine& m, const YAML::Node& n, const std::string& path) {
                                         m.commodity = text_field(doc, n, "commodity", path);
                                         m.value = number_field(doc, n, "value", path, 0, 1e6, "relative weight");
                                       });
  map.bases = read_points<model::Base>(doc, "bases", "a list of bases", map.countries,
                                       [](model::Base&, const YAML::Node&, const std::string&) {});
  return map;
}

model::VectorMap read_map_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError({path, 0, 0}, "cannot open the map file (expected a readable YAML file, found none at this path)");
  std::stringstream text;
  text << in.rdbuf();
  return read_map_text(path, text.str());
}

}  // namespace sahel::scenario
