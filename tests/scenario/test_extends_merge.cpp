// SPDX-License-Identifier: MIT
// `extends:` merge rules: the child's scalars replace the parent's, mappings
// merge key by key, lists of named items merge by name (new names are
// appended), other lists are replaced, chains resolve from the farthest
// ancestor, cycles are refused, and an error in an inherited value names
// the file it was written in.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>

#include "scenario/common_sections.hpp"
#include "scenario/document.hpp"
#include "scenario/epstein_scenario.hpp"

namespace fs = std::filesystem;
using sahel::scenario::Document;
using sahel::scenario::InputError;

namespace {

struct Folder {
  fs::path path;
  Folder() {
    std::random_device rd;
    path = fs::temp_directory_path() / ("sahelsim_merge_" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(path);
  }
  ~Folder() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name) << text;
    return (path / name).string();
  }
};

const char* kParent =
    "model: sahel\n"
    "name: parent\n"
    "seed: 3\n"
    "civilians: {flee_rate: 0.001, threshold: 0.2}\n"
    "tags: [a, b, c]\n"
    "factions:\n"
    "  - {name: Army, kind: state, doctrine: {aggression: 0.5, scrutiny: 0.4}}\n"
    "  - {name: Rebels, kind: militant, doctrine: {aggression: 0.7}}\n";

}  // namespace

TEST_CASE("a child's scalars and maps merge over its parent's", "[scenario][extends]") {
  Folder f;
  f.write("parent.yaml", kParent);
  const auto child =
      f.write("child.yaml", "extends: parent.yaml\nname: child\ncivilians: {threshold: 0.3}\ntags: [z]\n");
  const Document d = Document::load(child);
  CHECK(d.root()["name"].Scalar() == "child");
  CHECK(d.root()["seed"].Scalar() == "3");                        // inherited scalar
  CHECK(d.root()["civilians"]["threshold"].Scalar() == "0.3");    // replaced inside a map
  CHECK(d.root()["civilians"]["flee_rate"].Scalar() == "0.001");  // kept inside a map
  REQUIRE(d.root()["tags"].size() == 1);                          // plain lists are replaced
  CHECK(d.root()["tags"][0].Scalar() == "z");
}

TEST_CASE("lists of named items merge by name and new names are appended", "[scenario][extends]") {
  Folder f;
  f.write("parent.yaml", kParent);
  const auto child = f.write("child.yaml",
                             "extends: parent.yaml\n"
                             "factions:\n"
                             "  - {name: Rebels, doctrine: {aggression: 0.9}}\n"
                             "  - {name: Mercs, kind: mercenary}\n");
  const YAML::Node factions = Document::load(child).root()["factions"];
  REQUIRE(factions.size() == 3);
  CHECK(factions[0]["name"].Scalar() == "Army");
  CHECK(factions[0]["doctrine"]["aggression"].Scalar() == "0.5");
  CHECK(factions[1]["name"].Scalar() == "Rebels");
  CHECK(factions[1]["kind"].Scalar() == "militant");               // kept from the parent
  CHECK(factions[1]["doctrine"]["aggression"].Scalar() == "0.9");  // the child's value
  CHECK(factions[2]["name"].Scalar() == "Mercs");
}

TEST_CASE("chains resolve from the farthest ancestor and cycles are refused", "[scenario][extends]") {
  Folder f;
  f.write("parent.yaml", kParent);
  f.write("child.yaml", "extends: parent.yaml\nseed: 4\ncivilians: {threshold: 0.3}\n");
  const auto grandchild = f.write("grandchild.yaml", "extends: child.yaml\nseed: 5\n");
  const Document d = Document::load(grandchild);
  CHECK(d.root()["seed"].Scalar() == "5");
  CHECK(d.root()["civilians"]["threshold"].Scalar() == "0.3");
  CHECK(d.root()["civilians"]["flee_rate"].Scalar() == "0.001");
  CHECK(d.root()["name"].Scalar() == "parent");

  f.write("a.yaml", "extends: b.yaml\nname: a\n");
  f.write("b.yaml", "extends: c.yaml\nname: b\n");
  const auto c = f.write("c.yaml", "extends: a.yaml\nname: c\n");
  CHECK_THROWS_WITH(Document::load(c), Catch::Contains("cycle"));
  const auto self = f.write("self.yaml", "extends: self.yaml\nname: self\n");
  CHECK_THROWS_WITH(Document::load(self), Catch::Contains("cycle"));
  const auto orphan = f.write("orphan.yaml", "extends: nowhere.yaml\nname: orphan\n");
  CHECK_THROWS_WITH(Document::load(orphan), Catch::Contains("nowhere.yaml"));
}

TEST_CASE("an error in an inherited value names the parent file, line and column", "[scenario][extends]") {
  Folder f;
  const auto parent = f.write("parent.yaml",
                              "model: epstein\nname: parent\nseed: 1\nticks: 10\n"
                              "grid: {width: 20, height: 20, torus: true}\n"
                              "epstein:\n  legitimacy: 1.7\n");
  const auto child = f.write("child.yaml", "extends: parent.yaml\nname: child\nticks: 20\n");
  try {
    const Document d = Document::load(child);
    const auto header = sahel::scenario::read_header(d, {"epstein", "sahel"});
    (void)sahel::scenario::read_epstein_scenario(d, header);
    FAIL("the out-of-range inherited legitimacy was accepted");
  } catch (const InputError& e) {
    CHECK(fs::path(e.where().file).filename() == "parent.yaml");
    CHECK(e.where().line == 7);
    CHECK(e.where().column > 0);
    CHECK_THAT(e.what(), Catch::Contains("legitimacy"));
  }
  (void)parent;
}
