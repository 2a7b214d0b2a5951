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
  CHECK_THAT(
      e, Contains("test.yaml:4:3: error: epstein.legitimacyy: unknown key 'legitimacyy'; did you mean 'legitimacy'?"));
  CHECK_THAT(error_of(kHead + "grd: {width: 3}\n"), Contains("test.yaml:3:1:") && Contains("did you mean 'grid'?"));
  CHECK_THAT(error_of(kHead + "zzzzzzzz: 1\n"), Contains("expected one of:") && Contains("epstein"));
}

TEST_CASE("a wrong type says what was expected and found", "[scenario][errors]") {
  CHECK_THAT(error_of(kHead + "epstein: {citizen_vision: seven}\n"),
             Contains("test.yaml:3:27:") &&
                 Contains("epstein.citizen_vision: expected a whole number from 0 to 1000 cells, found 'seven'"));
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
             Contains("test.yaml:4:15:") &&
                 Contains("epstein.cop_vision: expected a whole number from 0 to 1000 cells, found '-3'"));
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

// ---------------------------------------------------------------------------
// The Sahel timeline: the keys of each event type, and the factions, places,
// mines and countries they name.

namespace {
const std::string kSahel =
    "model: sahel\nname: bad\nstart_date: 2021-07-01\nticks: 100\n"
    "map: {file: maps/sahel.yaml, cell_deg: 0.5}\ncivilians: {people_per_agent: 10000}\n"
    "factions:\n  - {name: FAMa, kind: state, country: ML}\n  - {name: Wagner, kind: mercenary, country: RU}\n"
    "events:\n";  // the event is on line 11

std::string sahel_error_of(const std::string& event) {
  try {
    test::sahel_from_text(kSahel + "  - " + event + "\n");
  } catch (const scenario::InputError& e) {
    return e.what();
  }
  FAIL("no error for event:\n" << event);
  return {};
}
}  // namespace

TEST_CASE("an event's unknown key suggests the nearest key of its type, or names the type it belongs to",
          "[scenario][errors][events]") {
  CHECK_THAT(sahel_error_of("{date: 2021-07-02, type: contract_start, faction: Wagner, paid_by: FAMa, "
                            "cost_per_month: 1000, concesion: [Sadiola]}"),
             Contains("test.yaml:11:") &&
                 Contains("events[0].concesion: unknown key 'concesion'; did you mean 'concession'?"));
  CHECK_THAT(
      sahel_error_of("{date: 2021-07-02, type: border_closure, country: ML, budget_cut: 0.2}"),
      Contains("events[0].budget_cut: 'budget_cut' is not a key of a border_closure event (it belongs to sanctions); "
               "expected one of: name, date, tick, type, note, country, until, civilians, armed_groups"));
  CHECK_THAT(
      sahel_error_of("{date: 2021-07-02, type: lockdown, country: ML}"),
      Contains("events[0].type: expected one of deploy, withdraw,") && Contains("border_closure, found 'lockdown'"));
}

TEST_CASE("a set event takes dotted keys of the model's sections, checked like the file",
          "[scenario][errors][events]") {
  CHECK_THAT(
      sahel_error_of("{date: 2021-07-02, type: set, set: {flight.per_deth: 0.1}}"),
      Contains("events[0].set.flight.per_deth: unknown key 'flight.per_deth'; did you mean 'flight.per_death'?"));
  CHECK_THAT(sahel_error_of("{date: 2021-07-02, type: set, set: {combat.kill_rate: 2}}"),
             Contains("test.yaml:11:") && Contains("events[0].set.combat.kill_rate: expected a number from 0 to 1 per "
                                                   "enemy fighter per engagement, found '2'"));
  CHECK_THAT(sahel_error_of("{date: 2021-07-02, type: set, set: {civilians.people_per_agent: 50}}"),
             Contains("'civilians.people_per_agent' is read only when a run starts"));
  CHECK_THAT(sahel_error_of("{date: 2021-07-02, type: set, set: {civilians: {flee_rate: 0.1}}}"),
             Contains("unknown key 'civilians'"));
  CHECK_THAT(sahel_error_of("{date: 2021-07-02, type: set, set: 3}"),
             Contains("events[0].set: expected a mapping of dotted parameter keys"));
}

TEST_CASE("legitimacy_shock and border_closure check their values, countries and dates", "[scenario][errors][events]") {
  CHECK_THAT(sahel_error_of("{date: 2021-07-02, type: legitimacy_shock, change: 1.5}"),
             Contains("test.yaml:11:56: error: events[0].change: expected a number from -1 to 1, found '1.5'"));
  CHECK_THAT(sahel_error_of("{date: 2021-07-02, type: legitimacy_shock}"),
             Contains("events[0].change: missing; a legitimacy_shock event needs 'change'"));
  CHECK_THAT(sahel_error_of("{date: 2021-07-02, type: legitimacy_shock, change: -0.1, country: MLI}"),
             Contains("events[0].country: unknown country code 'MLI'; did you mean 'ML'? expected one of:") &&
                 Contains("BF") && Contains("NE"));
  CHECK_THAT(
      sahel_error_of("{date: 2021-07-02, type: border_closure, country: NE, civilians: false, armed_groups: false}"),
      Contains("expected the border closed to civilians, armed_groups or both"));
  CHECK_THAT(sahel_error_of("{date: 2021-07-02, type: border_closure, country: NE, until: 2022-01-01}"),
             Contains("events[0].until: expected a date within the run, 2021-07-01 to 2021-10-09, found 2022-01-01"));
  CHECK_THAT(sahel_error_of("{date: 2021-07-02, type: border_closure, country: NE, civilians: maybe}"),
             Contains("events[0].civilians: expected true or false, found 'maybe'"));
}

TEST_CASE("contract events name a mercenary faction, a payer, places and mines that exist",
          "[scenario][errors][events]") {
  const std::string head = "{date: 2021-07-02, type: contract_start, ";
  CHECK_THAT(sahel_error_of(head + "faction: FAMa, paid_by: Wagner, cost_per_month: 1}"),
             Contains("events[0].faction: expected a faction of kind mercenary for a contract_start event, found "
                      "'FAMa' of kind state"));
  CHECK_THAT(sahel_error_of(head + "faction: Wagner, paid_by: FAMA, cost_per_month: 1}"),
             Contains("events[0].paid_by: unknown faction 'FAMA'; did you mean 'FAMa'? expected one of: FAMa, Wagner"));
  CHECK_THAT(sahel_error_of(head + "faction: Wagner, paid_by: Wagner, cost_per_month: 1}"),
             Contains("expected another faction than the mercenaries themselves"));
  CHECK_THAT(sahel_error_of(head + "faction: Wagner, paid_by: FAMa}"),
             Contains("events[0].cost_per_month: missing; a contract_start event needs 'cost_per_month'"));
  CHECK_THAT(sahel_error_of(head + "faction: Wagner, paid_by: FAMa, cost_per_month: 1, concession: [Sadiolla]}"),
             Contains("events[0].concession[0]: unknown mine 'Sadiolla'; did you mean 'Sadiola'? expected one of:") &&
                 Contains("Syama"));
  CHECK_THAT(sahel_error_of(head + "faction: Wagner, paid_by: FAMa, cost_per_month: 1, troops: 400}"),
             Contains("events[0].place: missing; a contract_start event needs 'place'"));
  CHECK_THAT(sahel_error_of(head + "faction: Wagner, paid_by: FAMa, cost_per_month: 1, place: Bamako}"),
             Contains("events[0].place: expected 'troops' (1 or more) with a 'place'"));
  CHECK_THAT(sahel_error_of("{date: 2021-08-02, type: contract_end, faction: Wagner, until: 2021-08-01}"),
             Contains("events[0].until: expected a date on or after the event's date, 2021-08-02, found 2021-08-01"));
}

TEST_CASE("base events and deployments name a known place and list the known ones", "[scenario][errors][events]") {
  CHECK_THAT(sahel_error_of("{date: 2021-07-02, type: base_open, faction: FAMa, place: Gaoo}"),
             Contains("events[0].place: unknown place 'Gaoo'; did you mean 'Gao'? expected one of:") &&
                 Contains("Bamako") && Contains("Tessalit"));
  CHECK_THAT(sahel_error_of("{date: 2021-07-02, type: base_close, faction: FAMa, place: \"Mbera / Fassala\"}"),
             Contains("events[0].place: expected a place inside a core country"));
  CHECK_THAT(sahel_error_of("{date: 2021-07-02, type: base_open, faction: Barkhane, place: Gao}"),
             Contains("events[0].faction: unknown faction 'Barkhane'; expected one of: FAMa, Wagner"));
  CHECK_THAT(sahel_error_of("{date: 2021-07-02, type: deploy, faction: FAMa, place: Zzzzzz, troops: 5}"),
             Contains("unknown place 'Zzzzzz'; expected one of:") && Contains("Bamako"));
}

TEST_CASE("a place may be a point {lat, lon} inside the map, for deployments and starting positions",
          "[scenario][events]") {
  const auto s =
      test::sahel_from_text(kSahel +
                            "  - {date: 2021-07-02, type: deploy, faction: FAMa, place: {lat: 14.5, lon: -4.2}, "
                            "troops: 150}\n");
  REQUIRE(s.setup.events.size() == 1);
  const auto& deploy = std::get<model::event::Deploy>(s.setup.events[0].action);
  CHECK(deploy.cell == s.setup.geo.cell_at({-4.2, 14.5}));
  CHECK(deploy.place == "14.50N -4.20E");
  CHECK_THAT(sahel_error_of("{date: 2021-07-02, type: deploy, faction: FAMa, place: {lat: 14.5}, troops: 5}"),
             Contains("expected a point with both lat and lon"));
  CHECK_THAT(sahel_error_of("{date: 2021-07-02, type: deploy, faction: FAMa, place: {lat: 14.5, lon: 95}, troops: 5}"),
             Contains("expected a point inside the map's extent"));
  CHECK_THAT(sahel_error_of("{date: 2021-07-02, type: deploy, faction: FAMa, place: {lat: 99, lon: 0}, troops: 5}"),
             Contains("events[0].place.lat") && Contains("-90 to 90"));
}
