// SPDX-License-Identifier: MIT
// `extends:` across folders: a relative path (map.file) is read relative to
// the file that wrote it, not to the child that inherits it.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "scenario/document.hpp"
#include "scenario/input_error.hpp"
#include "scenario/sahel_scenario.hpp"

using namespace sahel;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the system's temporary directory, removed at the end.
struct TempDir {
  fs::path path;
  TempDir() {
    std::random_device rd;
    path = fs::temp_directory_path() / ("sahelsim_extends_" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

scenario::SahelScenario load(const fs::path& file) {
  const scenario::Document doc = scenario::Document::load(file.string());
  return scenario::read_sahel_scenario(doc, scenario::read_header(doc, {"sahel"}));
}

// The parent, in base/, names a map of its own folder (base/maps/sahel.yaml).
const std::string kParent =
    "model: sahel\nname: parent\nstart_date: 2021-07-01\nticks: 10\n"
    "map: {file: maps/sahel.yaml, cell_deg: 0.5}\ncivilians: {people_per_agent: 10000}\n"
    "factions:\n  - {name: FAMa, kind: state, country: ML, start: [{place: Bamako, troops: 100}]}\n";

}  // namespace

TEST_CASE("an inherited map.file is relative to the parent's folder, not the child's", "[scenario][extends]") {
  TempDir tmp;
  fs::create_directories(tmp.path / "base/maps");
  fs::copy_file(fs::path(SAHELSIM_SOURCE_DIR) / "scenarios/maps/sahel.yaml", tmp.path / "base/maps/sahel.yaml");
  write(tmp.path / "base/parent.yaml", kParent);

  SECTION("a child in another folder inherits the map") {
    write(tmp.path / "what_if/child.yaml", "extends: ../base/parent.yaml\nname: child\nseed: 7\n");
    const scenario::SahelScenario s = load(tmp.path / "what_if/child.yaml");
    CHECK(s.map_file == "maps/sahel.yaml");
    CHECK(s.header.run.seed == 7);
    CHECK(s.setup.factions.size() == 1);
  }
  SECTION("through a chain, the grandparent's folder counts") {
    write(tmp.path / "what_if/child.yaml", "extends: ../base/parent.yaml\nname: child\n");
    write(tmp.path / "what_if/deeper/grandchild.yaml", "extends: ../child.yaml\nname: grandchild\n");
    CHECK(load(tmp.path / "what_if/deeper/grandchild.yaml").map_file == "maps/sahel.yaml");
  }
  SECTION("a child that sets map.file itself resolves it relative to its own folder") {
    write(tmp.path / "what_if/child.yaml",
          "extends: ../base/parent.yaml\nname: child\nmap: {file: ../base/maps/sahel.yaml}\n");
    CHECK(load(tmp.path / "what_if/child.yaml").map_file == "../base/maps/sahel.yaml");
    write(tmp.path / "what_if/child.yaml", "extends: ../base/parent.yaml\nname: child\nmap: {file: maps/sahel.yaml}\n");
    try {
      load(tmp.path / "what_if/child.yaml");
      FAIL("no error for a map missing from the child's folder");
    } catch (const scenario::InputError& e) {
      CHECK_THAT(std::string(e.what()), Contains("child.yaml:3:13: error: map.file: expected an existing map file") &&
                                            Contains((fs::path("what_if") / "maps/sahel.yaml").string()));
    }
  }
}
