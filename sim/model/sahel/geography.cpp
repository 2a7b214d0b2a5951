// SPDX-License-Identifier: MIT
#include "model/sahel/geography.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

#include "core/parallel.hpp"

namespace sahel::model {

namespace {

constexpr double kRad = std::numbers::pi / 180.0;
constexpr double kKmPerDegree = kEarthRadiusKm * kRad;  // along a meridian

// Signed area of one implicitly closed ring on the sphere, edges as great
// circles, positive counter-clockwise: the sum over edges of the signed
// spherical excess of the quadrilateral between the edge and the equator,
// 2 atan(tan(dlon/2) (tan(lat1/2) + tan(lat2/2)) / (1 + tan(lat1/2) tan(lat2/2)))
// (the formula tests/maps/check_sahel_map.py and the map's area_km2 use).
double ring_signed_area_km2(const Ring& ring) {
  double excess = 0;
  for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
    const LonLat a = ring[i], b = ring[(i + 1) % n];
    double dlon = b.lon - a.lon;
    if (dlon > 180) dlon -= 360;
    if (dlon < -180) dlon += 360;
    const double t1 = std::tan(a.lat * kRad / 2), t2 = std::tan(b.lat * kRad / 2);
    excess += 2 * std::atan2(std::tan(dlon * kRad / 2) * (t1 + t2), 1 + t1 * t2);
  }
  return excess * kEarthRadiusKm * kEarthRadiusKm;
}

// Flips `inside` once for every edge of `ring` that a ray from p towards
// east crosses (the half-open rule: an edge counts when exactly one end lies
// north of p). The scanline fill in rasterise() uses the same crossing
// formula, so a cell is in a country exactly when contains() says so.
void toggle_crossings(const Ring& ring, LonLat p, bool& inside) {
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const LonLat a = ring[i], b = ring[j];
    if ((a.lat > p.lat) != (b.lat > p.lat) && p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon)
      inside = !inside;
  }
}

// Longitudes at which the parallel `lat` crosses the rings' edges, sorted:
// a point of that parallel is inside (even-odd) when its longitude lies in
// [c0, c1), [c2, c3), ...
void row_crossings(const std::vector<Ring>& rings, double lat, std::vector<double>& out) {
  out.clear();
  for (const Ring& ring : rings)
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      const LonLat a = ring[i], b = ring[j];
      if ((a.lat > lat) != (b.lat > lat)) out.push_back((b.lon - a.lon) * (lat - a.lat) / (b.lat - a.lat) + a.lon);
    }
  std::sort(out.begin(), out.end());
}

// Distance in km from p to the segment ab, in an equirectangular frame
// centred on p (x scaled by cos(lat of p)).
double segment_km(LonLat p, LonLat a, LonLat b) {
  const double k = std::cos(p.lat * kRad);
  const double ax = (a.lon - p.lon) * k, ay = a.lat - p.lat;
  const double dx = (b.lon - a.lon) * k, dy = b.lat - a.lat;
  const double len2 = dx * dx + dy * dy;
  const double t = len2 > 0 ? std::clamp(-(ax * dx + ay * dy) / len2, 0.0, 1.0) : 0.0;
  return std::hypot(ax + t * dx, ay + t * dy) * kKmPerDegree;
}

struct UnitVector {
  double x, y, z;
};
UnitVector unit_vector(LonLat p) {
  const double lat = p.lat * kRad, lon = p.lon * kRad;
  return {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
}

void check_inputs(const VectorMap& map, const Extent& e, const GeographyParams& p) {
  const auto finite = [](double v) { return std::isfinite(v); };
  if (!(finite(e.lon_min) && finite(e.lon_max) && finite(e.lat_min) && finite(e.lat_max)) || e.lon_max <= e.lon_min ||
      e.lat_max <= e.lat_min)
    throw std::invalid_argument("geography: the extent is empty (expected lon_min < lon_max and lat_min < lat_max)");
  if (!(e.cell_deg > 0) || !finite(e.cell_deg))
    throw std::invalid_argument("geography: the cell size must be a positive number of degrees");
  if (map.countries.size() > static_cast<std::size_t>(std::numeric_limits<std::int8_t>::max()))
    throw std::invalid_argument("geography: at most 127 countries fit the country layer");
  if (map.places.size() > static_cast<std::size_t>(std::numeric_limits<std::int16_t>::max()))
    throw std::invalid_argument("geography: at most 32767 places fit the nearest_place layer");
  for (int t = 0; t < kTerrainKinds; ++t) {
    if (!(p.rural_weight[t] >= 0) || !finite(p.rural_weight[t]))
      throw std::invalid_argument("geography: rural weights must be finite and not negative");
    if (!(p.movement_cost[t] > 0) || !finite(p.movement_cost[t]))
      throw std::invalid_argument("geography: movement costs must be finite and positive");
  }
  if (!(p.floodplain_km >= 0)) throw std::invalid_argument("geography: floodplain_km must not be negative");
}

// Country layer: a scanline even-odd fill per row; a cell goes to the first
// country (in map order, core countries first) whose rings contain its centre.
void fill_countries(Geography& g) {
  const int w = g.grid.width;
  core::for_each_index(
      g.grid.height,
      [&](std::int64_t row) {
        const int y = static_cast<int>(row);
        const double lat = g.lat_of(y);
        std::int8_t* cells = g.country.data() + static_cast<std::int64_t>(y) * w;
        std::vector<double> cross;
        for (std::size_t k = 0; k < g.countries.size(); ++k) {
          row_crossings(g.countries[k].rings, lat, cross);
          for (std::size_t i = 0; i + 1 < cross.size(); i += 2) {
            // The cells whose centre longitude lies in [cross[i], cross[i+1]).
            const auto first_at_or_east = [&](double lon) {
              int x = static_cast<int>(std::clamp(std::ceil((lon - g.extent.lon_min) / g.extent.cell_deg - 0.5), 0.0,
                                                  static_cast<double>(w)));
              while (x > 0 && g.lon_of(x - 1) >= lon) --x;
              while (x < w && g.lon_of(x) < lon) ++x;
              return x;
            };
            const int x1 = first_at_or_east(cross[i + 1]);
            for (int x = first_at_or_east(cross[i]); x < x1; ++x)
              if (cells[x] < 0) cells[x] = static_cast<std::int8_t>(k);
          }
        }
      },
      1);
}

// River flag: a cell is flagged when its centre lies within floodplain_km of
// a river segment. Segments are grouped in runs of kRun with a bounding box,
// and a cell measures only the runs whose box, widened by floodplain_km, it
// lies in; the widening is exact for the equirectangular distance, so the
// flag equals distance_to_polyline_km(centre, line) <= floodplain_km.
void fill_river(Geography& g, const std::vector<std::vector<LonLat>>& river, double floodplain_km) {
  constexpr std::size_t kRun = 16;
  struct Run {
    double lon0, lon1, lat0, lat1;
    const LonLat* points;
    std::size_t count;  // points (segments + 1)
  };
  std::vector<Run> runs;
  for (const auto& line : river) {
    if (line.size() == 1) runs.push_back({line[0].lon, line[0].lon, line[0].lat, line[0].lat, line.data(), 1});
    for (std::size_t s = 0; s + 1 < line.size(); s += kRun) {
      const std::size_t count = std::min(kRun + 1, line.size() - s);
      Run r{line[s].lon, line[s].lon, line[s].lat, line[s].lat, line.data() + s, count};
      for (std::size_t i = 1; i < count; ++i) {
        r.lon0 = std::min(r.lon0, line[s + i].lon);
        r.lon1 = std::max(r.lon1, line[s + i].lon);
        r.lat0 = std::min(r.lat0, line[s + i].lat);
        r.lat1 = std::max(r.lat1, line[s + i].lat);
      }
      runs.push_back(r);
    }
  }
  const double slack = 1 + 1e-9;
  const double lat_margin = floodplain_km / kKmPerDegree * slack;
  core::for_each_index(g.grid.cells(), [&](std::int64_t c) {
    const int x = g.grid.x_of(static_cast<core::CellIndex>(c)), y = g.grid.y_of(static_cast<core::CellIndex>(c));
    const LonLat p{g.lon_of(x), g.lat_of(y)};
    const double lon_margin = lat_margin / std::max(std::cos(p.lat * kRad), 1e-9);
    std::uint8_t near = 0;
    for (const Run& r : runs) {
      if (p.lat < r.lat0 - lat_margin || p.lat > r.lat1 + lat_margin || p.lon < r.lon0 - lon_margin ||
          p.lon > r.lon1 + lon_margin)
        continue;
      for (std::size_t i = 0; i < r.count && !near; ++i)
        near = segment_km(p, r.points[i], r.points[i + 1 < r.count ? i + 1 : i]) <= floodplain_km;
      if (near) break;
    }
    g.river.data()[c] = near;
  });
}

void fill_terrain(Geography& g, const GeographyParams& params) {
  std::vector<std::uint8_t> urban(static_cast<std::size_t>(g.grid.cells()), 0);
  for (std::size_t i = 0; i < g.places.size(); ++i) {
    const Place& p = g.places[i];
    if (p.kind != PlaceKind::town || p.population < params.urban_min_population) continue;
    for (const core::CellIndex c : g.place_cells[i]) urban[static_cast<std::size_t>(c)] = 1;
  }
  core::for_each_index(g.grid.cells(), [&](std::int64_t c) {
    const double lat = g.lat_of(g.grid.y_of(static_cast<core::CellIndex>(c)));
    Terrain t = lat >= params.desert_south_lat   ? Terrain::desert
                : lat >= params.steppe_south_lat ? Terrain::steppe
                                                 : Terrain::savanna;
    if (g.river.data()[c]) t = Terrain::floodplain;
    if (urban[static_cast<std::size_t>(c)]) t = Terrain::urban;
    g.terrain.data()[c] = static_cast<std::uint8_t>(t);
    g.movement_cost.data()[c] = static_cast<float>(params.movement_cost[static_cast<int>(t)]);
  });
}

// The cell of country k nearest to p (great-circle distance to the cell
// centre, ties to the lower index), or kNoCell if the country has no cell.
// Searches square rings around p's cell; once a ring holds a match, rings
// out to twice that radius are still searched, as a diagonal or a wider
// degree of longitude can hide a nearer cell a little further out.
core::CellIndex nearest_cell_of(const Geography& g, LonLat p, int k) {
  const core::Grid& grid = g.grid;
  const int px =
      std::clamp(static_cast<int>(std::floor((p.lon - g.extent.lon_min) / g.extent.cell_deg)), 0, grid.width - 1);
  const int py =
      std::clamp(static_cast<int>(std::floor((p.lat - g.extent.lat_min) / g.extent.cell_deg)), 0, grid.height - 1);
  core::CellIndex best = core::kNoCell;
  double best_km = std::numeric_limits<double>::infinity();
  int stop = std::max(grid.width, grid.height);
  for (int r = 0; r <= stop; ++r) {
    for (int y = py - r; y <= py + r; ++y)
      for (int x = px - r; x <= px + r; x += (y == py - r || y == py + r || x == px + r) ? 1 : 2 * r) {
        const core::CellIndex c = grid.offset_xy(x, y, 0, 0);
        if (c == core::kNoCell || g.country.data()[c] != k) continue;
        const double km = distance_km(p, {g.lon_of(x), g.lat_of(y)});
        if (km < best_km || (km == best_km && c < best)) {
          best = c;
          best_km = km;
        }
      }
    if (best != core::kNoCell) stop = std::min(stop, 2 * r + 1);
  }
  return best;
}

// Per country, the sum over its cells of rural_weight[terrain] x cos(lat)
// (cos(latitude) is proportional to a cell's area). Rows are summed in
// parallel, then added in order, so the sums do not depend on the thread count.
std::vector<double> rural_weights(const Geography& g, const GeographyParams& params) {
  const std::size_t countries = g.countries.size();
  const int w = g.grid.width, h = g.grid.height;
  std::vector<double> row_weight(static_cast<std::size_t>(h) * countries, 0.0);
  core::for_each_index(
      h,
      [&](std::int64_t y) {
        const double cos_lat = std::cos(g.lat_of(static_cast<int>(y)) * kRad);
        double* sums = row_weight.data() + static_cast<std::size_t>(y) * countries;
        for (int x = 0; x < w; ++x) {
          const core::CellIndex c = g.grid.index(x, static_cast<int>(y));
          const int k = g.country.data()[c];
          if (k >= 0) sums[k] += params.rural_weight[g.terrain.data()[c]] * cos_lat;
        }
      },
      1);
  std::vector<double> weight(countries, 0.0);
  for (int y = 0; y < h; ++y)
    for (std::size_t k = 0; k < countries; ++k) weight[k] += row_weight[static_cast<std::size_t>(y) * countries + k];
  return weight;
}

// The rural weight of each core country over all of its cells. A country
// that the extent cuts is weighed on the same grid grown to hold every core
// country whole, so its cells inside the extent get the people they would
// get on the whole map.
std::vector<double> whole_country_weights(const VectorMap& map, const Geography& g, const GeographyParams& params) {
  std::vector<double> weight = rural_weights(g, params);
  const Extent& e = g.extent;
  const double lon1 = e.lon_min + g.grid.width * e.cell_deg, lat1 = e.lat_min + g.grid.height * e.cell_deg;
  double blon0 = e.lon_min, blon1 = lon1, blat0 = e.lat_min, blat1 = lat1;
  std::vector<std::size_t> cut;
  for (std::size_t k = 0; k < g.countries.size(); ++k) {
    if (!g.countries[k].core) continue;
    bool whole = true;
    for (const Ring& ring : g.countries[k].rings)
      for (const LonLat& v : ring) {
        whole = whole && v.lon >= e.lon_min && v.lon <= lon1 && v.lat >= e.lat_min && v.lat <= lat1;
        blon0 = std::min(blon0, v.lon);
        blon1 = std::max(blon1, v.lon);
        blat0 = std::min(blat0, v.lat);
        blat1 = std::max(blat1, v.lat);
      }
    if (!whole) cut.push_back(k);
  }
  if (cut.empty()) return weight;
  // Whole cells added on the west and south keep the cells aligned; one more
  // on each side guards against rounding.
  const auto cells_over = [&](double over) { return over > 0 ? std::ceil(over / e.cell_deg) + 1 : 0.0; };
  Extent grown = e;
  grown.lon_min = e.lon_min - cells_over(e.lon_min - blon0) * e.cell_deg;
  grown.lat_min = e.lat_min - cells_over(e.lat_min - blat0) * e.cell_deg;
  if (blon1 > lon1) grown.lon_max = blon1 + e.cell_deg;
  if (blat1 > lat1) grown.lat_max = blat1 + e.cell_deg;
  const std::vector<double> whole = rural_weights(rasterise(map, grown, params), params);
  for (const std::size_t k : cut) weight[k] = whole[k];
  return weight;
}

// Population: each core country's national total is its towns' populations,
// each in its town's cell, plus the rural remainder (national total minus
// all its towns) spread over the country's cells in proportion to
// rural_weight[terrain] x cos(latitude). Camps are left out (their people
// are refugees, placed by the scenario). Other countries get no one.
void fill_population(Geography& g, const GeographyParams& params, const std::vector<double>& weight) {
  std::vector<double> rural_per_weight(g.countries.size(), 0.0);
  for (std::size_t k = 0; k < g.countries.size(); ++k) {
    const CountryShape& country = g.countries[k];
    if (!country.core || weight[k] <= 0) continue;
    double towns = 0;
    for (const Place& p : g.places)
      if (p.kind == PlaceKind::town && p.country == country.code) towns += static_cast<double>(p.population);
    rural_per_weight[k] = std::max(0.0, static_cast<double>(country.population) - towns) / weight[k];
  }
  core::for_each_index(g.grid.cells(), [&](std::int64_t c) {
    const int k = g.country.data()[c];
    g.population.data()[c] = k >= 0 ? rural_per_weight[static_cast<std::size_t>(k)] *
                                          params.rural_weight[g.terrain.data()[c]] *
                                          std::cos(g.lat_of(g.grid.y_of(static_cast<core::CellIndex>(c))) * kRad)
                                    : 0.0;
  });
  // Towns, in map order, spread evenly over their footprints.
  for (std::size_t i = 0; i < g.places.size(); ++i) {
    const Place& p = g.places[i];
    const int k = g.country_index(p.country);
    if (p.kind != PlaceKind::town || k < 0 || !g.countries[static_cast<std::size_t>(k)].core ||
        g.place_cells[i].empty())
      continue;
    const double share = static_cast<double>(p.population) / static_cast<double>(g.place_cells[i].size());
    for (const core::CellIndex c : g.place_cells[i]) g.population.data()[c] += share;
  }
}

// Footprints: a town covers the n = max(1, round(population / density /
// cell area)) cells of its own country nearest to it (distance between
// cell centres; ties to the lower index), starting from the cell nearest
// to it; a camp or a town of a country off the grid covers its own cell.
// A town whose cell went to another country (a border cell) starts from
// the nearest cell of its own country.
void fill_place_cells(Geography& g, const GeographyParams& params) {
  g.place_cells.assign(g.places.size(), {});
  for (std::size_t i = 0; i < g.places.size(); ++i) {
    const Place& p = g.places[i];
    core::CellIndex c = g.cell_at(p.at);
    if (c == core::kNoCell) continue;
    const int k = g.country_index(p.country);
    if (p.kind != PlaceKind::town || k < 0) {
      g.place_cells[i] = {c};
      continue;
    }
    if (g.country.data()[c] != k) c = nearest_cell_of(g, p.at, k);
    if (c == core::kNoCell) continue;
    const double area = static_cast<double>(p.population) / std::max(1.0, params.town_density);
    const auto n = static_cast<std::size_t>(std::max(1.0, std::round(area / cell_area_km2(g.extent, g.grid.y_of(c)))));
    const int reach = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n)))) + 1;
    std::vector<std::pair<double, core::CellIndex>> near;
    for (int dy = -reach; dy <= reach; ++dy)
      for (int dx = -reach; dx <= reach; ++dx) {
        const core::CellIndex n_cell = g.grid.offset_xy(g.grid.x_of(c), g.grid.y_of(c), dx, dy);
        if (n_cell == core::kNoCell || g.country.data()[n_cell] != k) continue;
        const LonLat centre{g.lon_of(g.grid.x_of(n_cell)), g.lat_of(g.grid.y_of(n_cell))};
        near.emplace_back(n_cell == c ? -1.0 : distance_km(p.at, centre), n_cell);
      }
    std::sort(near.begin(), near.end());
    for (std::size_t j = 0; j < near.size() && j < n; ++j) g.place_cells[i].push_back(near[j].second);
  }
}

void fill_border(Geography& g) {
  const core::Grid& grid = g.grid;
  core::for_each_index(grid.cells(), [&](std::int64_t c) {
    const int x = grid.x_of(static_cast<core::CellIndex>(c)), y = grid.y_of(static_cast<core::CellIndex>(c));
    const std::int8_t k = g.country.data()[c];
    std::uint8_t border = 0;
    constexpr int kDx[4] = {1, -1, 0, 0}, kDy[4] = {0, 0, 1, -1};
    for (int i = 0; i < 4; ++i) {
      const core::CellIndex n = grid.offset_xy(x, y, kDx[i], kDy[i]);
      if (n != core::kNoCell && g.country.data()[n] != k) border = 1;
    }
    g.border.data()[c] = border;
  });
}

// Nearest place by great-circle distance: the largest dot product of unit
// vectors is the smallest central angle; ties go to the lower index.
void fill_nearest_place(Geography& g) {
  std::vector<UnitVector> places;
  for (const Place& p : g.places) places.push_back(unit_vector(p.at));
  core::for_each_index(g.grid.cells(), [&](std::int64_t c) {
    const core::CellIndex cell = static_cast<core::CellIndex>(c);
    const UnitVector u = unit_vector({g.lon_of(g.grid.x_of(cell)), g.lat_of(g.grid.y_of(cell))});
    int best = -1;
    double best_dot = -2;
    for (std::size_t i = 0; i < places.size(); ++i) {
      const double dot = u.x * places[i].x + u.y * places[i].y + u.z * places[i].z;
      if (dot > best_dot) {
        best_dot = dot;
        best = static_cast<int>(i);
      }
    }
    g.nearest_place.data()[c] = static_cast<std::int16_t>(best);
  });
}

}  // namespace

core::CellIndex Geography::cell_at(LonLat p) const {
  const double fx = std::floor((p.lon - extent.lon_min) / extent.cell_deg);
  const double fy = std::floor((p.lat - extent.lat_min) / extent.cell_deg);
  if (!(fx >= 0 && fy >= 0 && fx < grid.width && fy < grid.height)) return core::kNoCell;
  return grid.index(static_cast<int>(fx), static_cast<int>(fy));
}

int Geography::country_index(const std::string& code) const {
  for (std::size_t k = 0; k < countries.size(); ++k)
    if (countries[k].code == code) return static_cast<int>(k);
  return -1;
}

Geography rasterise(const VectorMap& map, const Extent& extent, const GeographyParams& params) {
  check_inputs(map, extent, params);
  const double width = std::ceil((extent.lon_max - extent.lon_min) / extent.cell_deg - 1e-9);
  const double height = std::ceil((extent.lat_max - extent.lat_min) / extent.cell_deg - 1e-9);
  if (width * height > std::numeric_limits<core::CellIndex>::max())
    throw std::invalid_argument("geography: the extent holds more than 2^31 - 1 cells at this cell size");

  Geography g;
  g.grid = core::Grid{static_cast<int>(width), static_cast<int>(height), false};
  g.extent = extent;
  g.countries = map.countries;
  g.places = map.places;
  g.mines = map.mines;
  g.bases = map.bases;
  g.country = g.grid.make_layer<std::int8_t>(-1);
  g.terrain = g.grid.make_layer<std::uint8_t>(0);
  g.movement_cost = g.grid.make_layer<float>(0);
  g.population = g.grid.make_layer<double>(0);
  g.resource = g.grid.make_layer<float>(0);
  g.border = g.grid.make_layer<std::uint8_t>(0);
  g.river = g.grid.make_layer<std::uint8_t>(0);
  g.nearest_place = g.grid.make_layer<std::int16_t>(-1);

  fill_countries(g);
  fill_place_cells(g, params);
  fill_river(g, map.river, params.floodplain_km);
  fill_terrain(g, params);
  fill_population(g, params, whole_country_weights(map, g, params));
  for (const Mine& m : g.mines) {
    const core::CellIndex c = g.cell_at(m.at);
    if (c != core::kNoCell) g.resource.data()[c] += static_cast<float>(m.value);
  }
  fill_border(g);
  fill_nearest_place(g);
  return g;
}

double distance_km(LonLat a, LonLat b) {
  const double dlat = (b.lat - a.lat) * kRad, dlon = (b.lon - a.lon) * kRad;
  const double s = std::sin(dlat / 2), t = std::sin(dlon / 2);
  const double hav = s * s + std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * t * t;
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(hav)));
}

double distance_to_polyline_km(LonLat p, const std::vector<LonLat>& line) {
  if (line.empty()) return std::numeric_limits<double>::infinity();
  if (line.size() == 1) return segment_km(p, line[0], line[0]);
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i + 1 < line.size(); ++i) best = std::min(best, segment_km(p, line[i], line[i + 1]));
  return best;
}

double spherical_area_km2(const std::vector<Ring>& rings) {
  // Even-odd: a ring inside an odd number of the other rings is a hole.
  double area = 0;
  for (std::size_t i = 0; i < rings.size(); ++i) {
    if (rings[i].size() < 3) continue;
    bool hole = false;
    for (std::size_t j = 0; j < rings.size(); ++j)
      if (j != i && rings[j].size() >= 3) toggle_crossings(rings[j], rings[i][0], hole);
    const double a = std::abs(ring_signed_area_km2(rings[i]));
    area += hole ? -a : a;
  }
  return area;
}

bool contains(const std::vector<Ring>& rings, LonLat p) {
  bool inside = false;
  for (const Ring& ring : rings)
    if (!ring.empty()) toggle_crossings(ring, p, inside);
  return inside;
}

double cell_area_km2(const Extent& extent, int y) {
  const double south = (extent.lat_min + y * extent.cell_deg) * kRad;
  const double north = (extent.lat_min + (y + 1) * extent.cell_deg) * kRad;
  return kEarthRadiusKm * kEarthRadiusKm * extent.cell_deg * kRad * (std::sin(north) - std::sin(south));
}

}  // namespace sahel::model
