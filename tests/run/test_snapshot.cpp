// SPDX-License-Identifier: MIT
// A run snapshotted to bytes in memory and restored continues exactly as
// the run that was not interrupted; damaged bytes are refused.
#include <catch2/catch.hpp>
#include <string>

#include "model/sahel/model.hpp"
#include "model/sahel/outcomes.hpp"
#include "output/checkpoint.hpp"
#include "run/scenario_loader.hpp"

using namespace sahel;

namespace {

scenario::SahelScenario classroom() {
  run::AnyScenario any =
      run::load_scenario(std::string(SAHELSIM_SOURCE_DIR) + "/scenarios/classroom/central_mali.yaml", {});
  return std::get<scenario::SahelScenario>(std::move(any));
}

int same_day(const std::string&) {
  return 10;
}

}  // namespace

TEST_CASE("a snapshot in memory restores a run that continues byte for byte") {
  model::Model whole(model::make_world(classroom().setup));
  output::RunCursor cursor;
  cursor.tally = model::start_tally(whole.world(), whole.census());
  for (int d = 0; d < 10; ++d) whole.step();
  cursor.events_logged = 42;
  const std::string bytes = output::checkpoint_bytes(whole.world(), cursor, {10, "2022-01-11", 1, 0, "classroom"});
  for (int d = 0; d < 10; ++d) whole.step();

  model::World fresh = model::make_world(classroom().setup);
  output::RunCursor restored_cursor;
  const output::CheckpointInfo info = output::restore_checkpoint(bytes, "memory", fresh, restored_cursor, same_day);
  CHECK(info.date == "2022-01-11");
  CHECK(restored_cursor.events_logged == 42);
  model::Model resumed(std::move(fresh));
  for (int d = 0; d < 10; ++d) resumed.step();
  CHECK(resumed.state_digest() == whole.state_digest());

  std::string damaged = bytes;
  damaged[damaged.size() / 2] ^= 1;
  model::World other = model::make_world(classroom().setup);
  CHECK_THROWS_WITH(output::restore_checkpoint(damaged, "memory", other, restored_cursor, same_day),
                    Catch::Contains("memory: the checksum does not match"));
}
