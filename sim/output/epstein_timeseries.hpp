// SPDX-License-Identifier: MIT
#pragma once
// timeseries.csv of an Epstein run: one row per tick.
#include <ostream>

#include "model/epstein/model.hpp"
#include "output/table.hpp"

namespace sahel::output {

class EpsteinTimeseries {
 public:
  explicit EpsteinTimeseries(RowSink& out);
  void write(const epstein::Census& c);

 private:
  RowSink& sink_;
};

}  // namespace sahel::output
