// SPDX-License-Identifier: MIT
#include "output/epstein_timeseries.hpp"

namespace sahel::output {

EpsteinTimeseries::EpsteinTimeseries(RowSink& out) : sink_(out) {
  sink_.header({"tick", "legitimacy", "citizens", "quiet", "active", "jailed", "cops", "arrests", "released",
                "mean_grievance", "mean_arrest_probability"});
}

void EpsteinTimeseries::write(const epstein::Census& c) {
  sink_.row(c.tick, c.legitimacy, c.citizens, c.quiet, c.active, c.jailed, c.cops, c.arrests, c.released,
            c.mean_grievance, c.mean_arrest_probability);
}

}  // namespace sahel::output
