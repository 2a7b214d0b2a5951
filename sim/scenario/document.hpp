// SPDX-License-Identifier: MIT
#pragma once
// A scenario file as a YAML tree that remembers where each value came from:
// a line and column of the file, or a `--set KEY=VALUE` override.
#include <yaml-cpp/yaml.h>

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scenario/input_error.hpp"

namespace sahel::scenario {

class Document {
 public:
  // Reads and parses a file. A missing or unreadable file, text that is not
  // YAML, or a document that is not a mapping is an InputError. A file with
  // `extends: PARENT.yaml` (relative to the file; chains allowed, cycles an
  // error) is deep-merged over its parent: mappings key by key, lists of
  // mappings with a `name` by name, anything else replaced.
  static Document load(const std::string& path);
  static Document parse(const std::string& label, const std::string& text);

  // Applies "path.to.key=value" (the value is parsed as YAML). The key is
  // validated later, with everything else, and errors name the override.
  void apply_override(const std::string& assignment);

  const YAML::Node& root() const { return root_; }
  // The tree as the files wrote it, before any --set override.
  const YAML::Node& as_written() const { return has_written_ ? written_ : root_; }
  const std::string& file() const { return file_; }
  // Where the value at `path` (dotted) was written; `node` gives the line
  // and column in the file, `parent` stands in when the key is missing.
  Location where(const YAML::Node& node, std::string_view path) const;
  [[noreturn]] void fail(const YAML::Node& node, std::string_view path, const std::string& what) const;
  // The file the value at `path` was written in, for paths that are relative
  // to "this file" (map.file): a parent's file for a value inherited through
  // `extends:`, file() for the file itself and for a --set override.
  const std::string& file_of(const YAML::Node& node, std::string_view path) const;

 private:
  static Document load_chain(const std::string& path, std::vector<std::string>& chain);
  static Document read_one(const std::string& path);
  const Location* override_of(std::string_view path) const;

  std::string file_;
  YAML::Node root_;
  // Every file that contributed to root_ (itself first), to name the right
  // file when a value inherited through `extends:` is wrong.
  std::vector<std::pair<std::string, YAML::Node>> sources_;
  std::map<std::string, Location, std::less<>> overrides_;
  YAML::Node written_;  // a copy of root_ taken at the first override
  bool has_written_ = false;
};

// "'abc'", "a list", "a map", "nothing": what a node holds, for messages.
std::string describe(const YAML::Node& node);

}  // namespace sahel::scenario
