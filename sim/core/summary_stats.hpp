// SPDX-License-Identifier: MIT
#pragma once
// Sample summaries for comparing runs: mean, standard deviation and the
// two-sided 95 % Student-t confidence interval of the mean.
#include <vector>

namespace sahel::core {

struct SampleSummary {
  int n = 0;
  double mean = 0, sd = 0;  // sd with n - 1 in the denominator (0 for n < 2)
  double ci_low = 0, ci_high = 0;
};

SampleSummary summarise(const std::vector<double>& values);

// The 0.975 quantile of Student's t with `df` degrees of freedom (exact
// table to 30, Cornish-Fisher expansion beyond: error below 1e-4).
double student_t_975(int df);

}  // namespace sahel::core
