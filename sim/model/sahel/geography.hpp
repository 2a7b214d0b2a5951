// SPDX-License-Identifier: MIT
#pragma once
// The static cell layers of the Sahel model, rasterised from the vector map
// at the scenario's cell size: country, terrain, movement cost, population,
// resource value, border and river flags, nearest place. Row y = 0 is the
// southern edge; cell (x, y) has its centre at
// (lon_min + (x + 0.5) * cell_deg, lat_min + (y + 0.5) * cell_deg).
#include <cstdint>
#include <string>
#include <vector>

#include "core/grid.hpp"
#include "model/sahel/vector_map.hpp"

namespace sahel::model {

// The sphere distances and areas are measured on: the mean Earth radius
// (IUGG R1). A map file that names its own radius must name this one.
inline constexpr double kEarthRadiusKm = 6371.0088;

enum class Terrain : std::uint8_t { desert = 0, steppe = 1, savanna = 2, floodplain = 3, urban = 4 };
inline constexpr int kTerrainKinds = 5;

struct Extent {
  double lon_min = -12.5, lon_max = 16.0, lat_min = 9.4, lat_max = 25.0;
  double cell_deg = 0.1;
};

// Rules that turn the vector map into layers; every default is documented
// in docs/model.md (most are assumptions).
struct GeographyParams {
  double desert_south_lat = 18.0;       // north of this: desert
  double steppe_south_lat = 14.5;       // between this and desert_south_lat: steppe; south of it: savanna
  double floodplain_km = 12.0;          // within this distance of the river: floodplain
  double urban_min_population = 50000;  // a place this large makes its cell urban
  // Relative rural population density per terrain (desert, steppe, savanna,
  // floodplain, urban) used to spread each core country's rural population.
  double rural_weight[kTerrainKinds] = {0.02, 0.4, 1.0, 2.5, 1.0};
  // Days-per-cell multiplier for moving through each terrain.
  double movement_cost[kTerrainKinds] = {1.5, 1.0, 1.2, 1.6, 1.0};
  // People per km² of a town: a town covers about population / density km²,
  // so a capital spans several cells and a village one.
  double town_density = 7500;
};

struct Geography {
  core::Grid grid;
  Extent extent;
  std::vector<CountryShape> countries;  // index = value of the country layer
  std::vector<Place> places;            // index = value of nearest_place
  std::vector<Mine> mines;
  std::vector<Base> bases;
  core::Layer<std::int8_t> country;   // index into countries, -1 outside every country
  core::Layer<std::uint8_t> terrain;  // Terrain
  core::Layer<float> movement_cost;
  core::Layer<double> population;           // people living in the cell at the start
  core::Layer<float> resource;              // sum of mine values in the cell
  core::Layer<std::uint8_t> border;         // 1 if a 4-neighbour lies in another country
  core::Layer<std::uint8_t> river;          // 1 if within floodplain_km of the river
  core::Layer<std::int16_t> nearest_place;  // index of the nearest place (for event locations)
  // Per place: the cells it covers (a town's footprint, nearest cells of
  // its own country first; a camp's single cell); empty outside the extent.
  std::vector<std::vector<core::CellIndex>> place_cells;

  double lon_of(int x) const { return extent.lon_min + (x + 0.5) * extent.cell_deg; }
  double lat_of(int y) const { return extent.lat_min + (y + 0.5) * extent.cell_deg; }
  // The cell holding a point, kNoCell outside the extent.
  core::CellIndex cell_at(LonLat p) const;
  bool is_core(core::CellIndex c) const {
    const int k = country.data()[c];
    return k >= 0 && countries[static_cast<std::size_t>(k)].core;
  }
  // Index of the country with this code, -1 if none.
  int country_index(const std::string& code) const;
};

// Rasterises `map` over `extent` (rules in docs/model.md, "Sahel geography").
// A town's people are spread evenly over its footprint: the
// max(1, round(population / town_density / cell area)) cells of its own
// country nearest to it.
// Throws std::invalid_argument for an extent that is empty, a cell size that
// is not positive, more than 2^31 - 1 cells, more countries or places than
// the layers' types hold, or negative weights or non-positive movement costs.
Geography rasterise(const VectorMap& map, const Extent& extent, const GeographyParams& params);

// Great-circle distance in km (haversine, mean Earth radius 6371.0088 km).
double distance_km(LonLat a, LonLat b);
// Shortest distance in km from p to a polyline (segments treated as
// straight in a local equirectangular projection: exact enough below ~100 km).
double distance_to_polyline_km(LonLat p, const std::vector<LonLat>& line);
// Area of a polygon (rings with even-odd rule) on the sphere, km².
double spherical_area_km2(const std::vector<Ring>& rings);
// Even-odd point-in-polygon test over all rings.
bool contains(const std::vector<Ring>& rings, LonLat p);
// Area on the sphere of a cell of row y, km² (the same for every cell of a row).
double cell_area_km2(const Extent& extent, int y);

}  // namespace sahel::model
