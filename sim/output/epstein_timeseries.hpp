// SPDX-License-Identifier: MIT
#pragma once
// timeseries.csv of an Epstein run: one row per tick.
#include <ostream>

#include "model/epstein/model.hpp"
#include "output/csv_writer.hpp"

namespace sahel::output {

class EpsteinTimeseries {
 public:
  explicit EpsteinTimeseries(std::ostream& out);
  void write(const epstein::Census& c);

 private:
  CsvWriter csv_;
};

}  // namespace sahel::output
