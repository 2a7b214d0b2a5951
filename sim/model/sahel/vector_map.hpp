// SPDX-License-Identifier: MIT
#pragma once
// The Sahel in real coordinates, as plain data: country outlines, the Niger
// river, towns and camps, mines and bases. Read from scenarios/maps/*.yaml by
// sim/scenario/map_file.cpp; rasterised by geography.cpp. Coordinates are
// WGS84 degrees.
#include <cstdint>
#include <string>
#include <vector>

namespace sahel::model {

struct LonLat {
  double lon = 0, lat = 0;
};

using Ring = std::vector<LonLat>;

struct CountryShape {
  std::string code;  // ISO 3166 alpha-2
  std::string name;
  bool core = false;  // Mali, Burkina Faso, Niger: modelled in full; others are refuge
  double published_area_km2 = 0;
  std::int64_t population = 0;  // national total (core countries)
  std::vector<Ring> rings;
};

enum class PlaceKind : std::uint8_t { town, camp };

struct Place {
  std::string name;
  std::string country;  // ISO code
  LonLat at;
  std::int64_t population = 0;
  PlaceKind kind = PlaceKind::town;
  bool capital = false;
};

struct Mine {
  std::string name, country, commodity;
  LonLat at;
  double value = 0;  // relative resource weight
};

struct Base {
  std::string name, country;
  LonLat at;
};

struct VectorMap {
  std::string name;
  std::vector<CountryShape> countries;
  std::vector<std::vector<LonLat>> river;  // polylines of the Niger's course
  std::vector<Place> places;
  std::vector<Mine> mines;
  std::vector<Base> bases;
};

}  // namespace sahel::model
