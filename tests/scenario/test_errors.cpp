// SPDX-License-Identifier: MIT
// Bad input gets one clear message: file, line, column, what was expected
// and what was found.
#include <catch2/catch.hpp>

#include "scenario/input_error.hpp"
#include "support/scenario_text.hpp"

using namespace sahel;
using Catch::Matchers::Contains;

namespace {
const std::string kHead = "model: epstein\nname: bad\n";

std::string error_of(const std::string& yaml, const std::vector<std::string>& overrides = {}) {
  try {
    test::epstein_from_text(yaml, overrides);
  } catch (const scenario::InputError& e) {
    return e.what();
  }
  FAIL("no error for:\n" << yaml);
  return {};
}
}  // namespace

TEST_CASE("an unknown key names its place and suggests the nearest key", "[scenario][errors]") {
  const std::string e = error_of(kHead + "epstein:\n  legitimacyy: 0.8\n");
  CHECK_THAT(e, Contains("test.yaml:4:3: error: epstein.legitimacyy: unknown key 'legitimacyy'; did you mean 'legitimacy'?"));
  CHECK_THAT(error_of(kHead + "grd: {width: 3}\n"), Contains("test.yaml:3:1:") && Contains("did you mean 'grid'?"));
  CHECK_THAT(error_of(kHead + "zzzzzzzz: 1\n"), Contains("expected one of:") && Contains("epstein"));
}

TEST_CASE("a wrong type says what was expected and found", "[scenario][errors]") {
  CHECK_THAT(error_of(kHead + "epstein: {citizen_vision: seven}\n"),
             Contains("test.yaml:3:27:") && Contains("epstein.citizen_vision: expected a whole number from 0 to 1000 cells, found 'seven'"));
  CHECK_THAT(error_of(kHead + "epstein: {citizen_vision: 2.5}\n"), Contains("expected a whole number"));
  CHECK_THAT(error_of(kHead + "grid: {torus: maybe}\n"), Contains("grid.torus: expected true or false, found 'maybe'"));
  CHECK_THAT(error_of(kHead + "epstein: {rounding: ceil}\n"),
             Contains("expected one of none, floor, round, found 'ceil'"));
  CHECK_THAT(error_of(kHead + "epstein: [1, 2]\n"), Contains("epstein: expected a mapping of keys, found a list"));
  CHECK_THAT(error_of(kHead + "epstein: {legitimacy: [0.8]}\n"), Contains("expected a number, found a list"));
}

TEST_CASE("a value out of range gives the legal range", "[scenario][errors]") {
  CHECK_THAT(error_of(kHead + "epstein: {citizen_density: 1.5}\n"),
             Contains("epstein.citizen_density: expected a number from 0 to 1 share of cells, found '1.5'"));
  CHECK_THAT(error_of(kHead + "epstein:\n  cop_vision: -3\n"),
             Contains("test.yaml:4:15:") && Contains("epstein.cop_vision: expected a whole number from 0 to 1000 cells, found '-3'"));
  CHECK_THAT(error_of(kHead + "ticks: -1\n"), Contains("ticks: expected a whole number from 0 to"));
  CHECK_THAT(error_of(kHead + "epstein: {legitimacy: .nan}\n"), Contains("expected a number from 0 to 1"));
  CHECK_THAT(error_of(kHead + "epstein: {citizen_density: 0.9, cop_density: 0.2}\n"),
             Contains("expected citizen_density + cop_density <= 1"));
  CHECK_THAT(error_of(kHead + "grid: {width: 10, height: 10}\nepstein: {citizen_vision: 7}\n"),
             Contains("epstein.citizen_vision: expected a vision whose window (2v+1 = 15) fits the 10 x 10 torus"));
}

TEST_CASE("a legitimacy schedule must be ordered, with ticks from 0", "[scenario][errors]") {
  CHECK_THAT(error_of(kHead + "ticks: 100\nepstein:\n  legitimacy_schedule:\n    - {tick: 50, legitimacy: 0.5}\n"
                              "    - {tick: 40, legitimacy: 0.4}\n"),
             Contains("test.yaml:7:14:") && Contains("expected a tick after 50"));
  CHECK_THAT(error_of(kHead + "ticks: 100\nepstein: {legitimacy_schedule: [{tick: -5, legitimacy: 0.5}]}\n"),
             Contains("legitimacy_schedule[0].tick: expected a whole number from 0 to"));
  CHECK_THAT(error_of(kHead + "epstein: {legitimacy_schedule: [{tick: 5, legitimacy: 1.5}]}\n"),
             Contains("legitimacy_schedule[0].legitimacy: expected a number from 0 to 1"));
  CHECK_THAT(error_of(kHead + "epstein: {legitimacy_schedule: [{tick: 5, legit: 0.5}]}\n"),
             Contains("did you mean 'legitimacy'?"));
}

TEST_CASE("text that is not YAML, or not a mapping, is refused", "[scenario][errors]") {
  CHECK_THAT(error_of("model: epstein\nname: [unclosed\n"), Contains("test.yaml:") && Contains("not valid YAML"));
  CHECK_THAT(error_of("- a\n- b\n"), Contains("expected a YAML mapping of scenario keys"));
  CHECK_THAT(error_of("name: x\n"), Contains("model: missing; expected a text value"));
  CHECK_THAT(error_of("model: lotka\nname: x\n"), Contains("model: expected one of epstein, found 'lotka'"));
}

TEST_CASE("a missing file is named", "[scenario][errors]") {
  CHECK_THROWS_WITH(scenario::Document::load("/no/such/scenario.yaml"),
                    Contains("/no/such/scenario.yaml: error: cannot open the scenario file"));
}

TEST_CASE("a grid too large for memory is refused before anything is allocated", "[scenario][errors]") {
  // 46,000 x 46,000 cells fit the 32-bit cell index but need ~80 GiB.
  CHECK_THAT(error_of(kHead + "grid: {width: 46000, height: 46000}\n"),
             Contains("test.yaml:3:7: error: grid: too large for memory") && Contains("GiB available"));
  CHECK_THAT(error_of(kHead + "grid: {width: 100000, height: 100000}\n"),
             Contains("expected at most 2147483647 cells"));
}

TEST_CASE("overrides are validated like the file and named in errors", "[scenario][errors]") {
  CHECK_THAT(error_of(kHead, {"epstein.legitimacy=2"}),
             Contains("--set epstein.legitimacy=2:1:20: error: epstein.legitimacy: expected a number from 0 to 1"));
  CHECK_THAT(error_of(kHead, {"epstein.legitimcy=0.5"}),
             Contains("--set epstein.legitimcy=0.5") && Contains("did you mean 'legitimacy'?"));
  CHECK_THAT(error_of(kHead, {"no_equals_sign"}), Contains("expected KEY=VALUE"));
  CHECK_THAT(error_of(kHead, {"name.x=1"}), Contains("'name' holds 'bad', not a section of keys"));
}
