// SPDX-License-Identifier: MIT
#include "scenario/document.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace sahel::scenario {

namespace {
Location mark_of(const std::string& file, const YAML::Mark& m) {
  if (m.is_null()) return {file, 0, 0};
  return {file, m.line + 1, m.column + 1};
}
}  // namespace

namespace {

bool contains_node(const YAML::Node& tree, const YAML::Node& target) {
  if (tree.is(target)) return true;
  if (tree.IsMap()) {
    for (const auto& kv : tree)
      if (contains_node(kv.first, target) || contains_node(kv.second, target)) return true;
  } else if (tree.IsSequence()) {
    for (const auto& item : tree)
      if (contains_node(item, target)) return true;
  }
  return false;
}

bool named_list(const YAML::Node& n) {
  if (!n.IsSequence() || n.size() == 0) return false;
  for (const auto& item : n)
    if (!item.IsMap() || !item["name"] || !item["name"].IsScalar()) return false;
  return true;
}

// The child's values over the parent's. New nodes are made only where both
// sides are mappings or named lists; everything else is the original node,
// so its line and column stay known.
YAML::Node merge(const YAML::Node& parent, const YAML::Node& child) {
  if (parent.IsMap() && child.IsMap()) {
    YAML::Node out(YAML::NodeType::Map);
    for (const auto& kv : parent) {
      const YAML::Node over = child[kv.first.Scalar()];
      out.force_insert(kv.first, over ? merge(kv.second, over) : kv.second);
    }
    for (const auto& kv : child)
      if (!parent[kv.first.Scalar()]) out.force_insert(kv.first, kv.second);
    return out;
  }
  if (named_list(parent) && named_list(child)) {
    YAML::Node out(YAML::NodeType::Sequence);
    for (const auto& item : parent) {
      YAML::Node merged = item;
      for (const auto& c : child)
        if (c["name"].Scalar() == item["name"].Scalar()) merged = merge(item, c);
      out.push_back(merged);
    }
    for (const auto& c : child) {
      bool known = false;
      for (const auto& item : parent) known = known || item["name"].Scalar() == c["name"].Scalar();
      if (!known) out.push_back(c);
    }
    return out;
  }
  return child;
}

}  // namespace

Document Document::load(const std::string& path) {
  std::vector<std::string> chain;
  return load_chain(path, chain);
}

Document Document::load_chain(const std::string& path, std::vector<std::string>& chain) {
  const std::string canonical = std::filesystem::weakly_canonical(path).string();
  if (std::find(chain.begin(), chain.end(), canonical) != chain.end())
    throw InputError({path, 0, 0},
                     fmt::format("extends: cycle ({} is its own ancestor); expected a chain that ends", path));
  chain.push_back(canonical);
  Document d = read_one(path);
  const YAML::Node parent_name = d.root_["extends"];
  if (!parent_name) return d;
  if (!parent_name.IsScalar())
    d.fail(parent_name, "extends",
           fmt::format("expected the path of a parent scenario, found {}", describe(parent_name)));
  const std::string parent_path = (std::filesystem::path(path).parent_path() / parent_name.Scalar()).string();
  if (!std::filesystem::exists(parent_path))
    d.fail(parent_name, "extends", fmt::format("expected an existing scenario file, found no file at {}", parent_path));
  Document parent = load_chain(parent_path, chain);
  YAML::Node child_root(YAML::NodeType::Map);
  for (const auto& kv : d.root_)
    if (kv.first.Scalar() != "extends") child_root.force_insert(kv.first, kv.second);
  Document merged;
  merged.file_ = path;
  merged.root_ = merge(parent.root_, child_root);
  merged.sources_.emplace_back(path, d.root_);
  merged.sources_.insert(merged.sources_.end(), parent.sources_.begin(), parent.sources_.end());
  return merged;
}

Document Document::read_one(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError({path, 0, 0},
                     "cannot open the scenario file (expected a readable YAML file, found none at this path)");
  std::stringstream text;
  text << in.rdbuf();
  return parse(path, text.str());
}

Document Document::parse(const std::string& label, const std::string& text) {
  Document d;
  d.file_ = label;
  try {
    d.root_ = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw InputError(mark_of(label, e.mark),
                     fmt::format("not valid YAML: {} (expected a YAML mapping of scenario keys)", e.msg));
  }
  if (!d.root_.IsMap())
    throw InputError(
        mark_of(label, d.root_.Mark()),
        fmt::format("expected a YAML mapping of scenario keys (key: value lines), found {}", describe(d.root_)));
  d.sources_.emplace_back(label, d.root_);
  return d;
}

void Document::apply_override(const std::string& assignment) {
  if (!has_written_) {
    written_ = YAML::Clone(root_);
    has_written_ = true;
  }
  const std::string label = "--set " + assignment;
  const auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0)
    throw InputError({label, 1, 1}, "expected KEY=VALUE with a dotted key such as epstein.legitimacy=0.7");
  const std::string path = assignment.substr(0, eq);
  YAML::Node value;
  try {
    value = YAML::Load(assignment.substr(eq + 1));
  } catch (const YAML::ParserException& e) {
    throw InputError({label, 1, static_cast<int>(eq) + 2}, fmt::format("the value is not valid YAML: {}", e.msg));
  }
  YAML::Node cur = root_;
  std::size_t start = 0;
  // The same key as the scenario reader spells it (factions[2].doctrine.x),
  // so an error in the value points at this override.
  std::string indexed;
  while (true) {
    const auto dot = path.find('.', start);
    const std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (part.empty())
      throw InputError({label, 1, static_cast<int>(start) + 1}, "expected a dotted key, found an empty part");
    // A list of named items (factions, events) is entered by an item's
    // name: factions.JNIM.doctrine.aggression.
    if (cur.IsSequence()) {
      YAML::Node found;
      std::string known;
      std::size_t index = 0;
      for (std::size_t i = 0; i < cur.size(); ++i) {
        YAML::Node item = cur[i];
        if (!item.IsMap() || !item["name"] || !item["name"].IsScalar()) continue;
        if (item["name"].Scalar() == part && found.IsNull()) {
          found.reset(item);
          index = i;
        }
        known += (known.empty() ? "" : ", ") + item["name"].Scalar();
      }
      if (!found.IsDefined() || found.IsNull())
        throw InputError({label, 1, static_cast<int>(start) + 1},
                         fmt::format("'{}' names no item of the list {} (names: {})", part, path.substr(0, start - 1),
                                     known.empty() ? "none" : known));
      if (dot == std::string::npos)
        throw InputError({label, 1, static_cast<int>(start) + 1},
                         "expected a key inside the named item, after its name");
      cur.reset(found);
      indexed += fmt::format("[{}]", index);
      start = dot + 1;
      continue;
    }
    indexed += (indexed.empty() ? "" : ".") + part;
    if (dot == std::string::npos) {
      cur[part] = value;
      break;
    }
    if (cur[part].IsSequence()) {
      YAML::Node next = cur[part];
      cur.reset(next);
      start = dot + 1;
      continue;
    }
    if (!cur[part].IsMap()) {
      if (cur[part].IsDefined() && !cur[part].IsNull())
        throw InputError({label, 1, static_cast<int>(start) + 1},
                         fmt::format("'{}' holds {}, not a section of keys", path.substr(0, dot), describe(cur[part])));
      cur[part] = YAML::Node(YAML::NodeType::Map);
    }
    YAML::Node next = cur[part];
    cur.reset(next);
    start = dot + 1;
  }
  overrides_[path] = Location{label, 1, static_cast<int>(eq) + 2};
  if (indexed != path) overrides_[indexed] = overrides_[path];
}

// The --set override that wrote `path` (or a section holding it), if any.
const Location* Document::override_of(std::string_view path) const {
  for (const auto& [key, loc] : overrides_)
    if (path == key || (path.size() > key.size() && path.starts_with(key) && path[key.size()] == '.')) return &loc;
  return nullptr;
}

Location Document::where(const YAML::Node& node, std::string_view path) const {
  if (const Location* loc = override_of(path)) return *loc;
  // An inherited value names the file it was written in.
  for (const auto& [file, tree] : sources_)
    if (sources_.size() > 1 && !node.Mark().is_null() && contains_node(tree, node)) return mark_of(file, node.Mark());
  return mark_of(file_, node.Mark());
}

const std::string& Document::file_of(const YAML::Node& node, std::string_view path) const {
  if (override_of(path) != nullptr) return file_;
  // sources_ lists the file itself first, then its ancestors: the first tree
  // that holds the very node is the file that wrote it.
  for (const auto& [file, tree] : sources_)
    if (contains_node(tree, node)) return file;
  return file_;
}

void Document::fail(const YAML::Node& node, std::string_view path, const std::string& what) const {
  throw InputError(where(node, path), fmt::format("{}: {}", path, what));
}

std::string describe(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a mapping";
  return fmt::format("'{}'", node.Scalar());
}

}  // namespace sahel::scenario
