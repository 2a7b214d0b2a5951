// SPDX-License-Identifier: MIT
#include "run/cell_layers.hpp"

#include <stdexcept>

namespace sahelsim {

const LayerArray& CellLayers::operator[](const std::string& name) const {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return layers[i];
  throw std::out_of_range("no cell layer named '" + name + "'");
}

}  // namespace sahelsim

namespace sahel::run {

CellLayers cell_layers_of(const model::World& w) {
  const model::Geography& geo = w.geo;
  CellLayers out;
  out.lon_min = geo.extent.lon_min;
  out.lat_min = geo.extent.lat_min;
  out.cell_deg = geo.extent.cell_deg;
  auto add = [&](std::string name, core::Layer<float> layer) {
    out.names.push_back(std::move(name));
    out.layers.push_back(std::move(layer));
  };
  add("country", geo.country.cast<float>());
  add("control", w.control);
  add("zone", w.zone.cast<float>());
  add("controller", w.controller.cast<float>());
  // Counted in integers, so large cells stay exact before the cast.
  core::Layer<std::int64_t> people = geo.grid.make_layer<std::int64_t>(0), displaced = people;
  for (std::size_t i = 0; i < w.civilians.size(); ++i) {
    const auto c = w.civilians.cell[i];
    people.data()[c] += w.civilians.people[i];
    if (w.civilians.displaced[i]) displaced.data()[c] += w.civilians.people[i];
  }
  add("population", people.cast<float>());
  add("displaced", displaced.cast<float>());
  add("legitimacy", w.legitimacy());
  add("violence", w.violence);
  for (std::size_t a = model::kFirstArmedGroup; a < w.actors(); ++a)
    add("support_" + w.factions[static_cast<std::size_t>(w.actor_faction[a])].spec.name, w.support[a]);
  return out;
}

}  // namespace sahel::run
