// SPDX-License-Identifier: MIT
#include "scenario/document.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace sahel::scenario {

namespace {
Location mark_of(const std::string& file, const YAML::Mark& m) {
  if (m.is_null()) return {file, 0, 0};
  return {file, m.line + 1, m.column + 1};
}
}  // namespace

Document Document::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({path, 0, 0}, "cannot open the scenario file (expected a readable YAML file, found none at this path)");
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
    throw InputError(mark_of(label, e.mark), fmt::format("not valid YAML: {} (expected a YAML mapping of scenario keys)", e.msg));
  }
  if (!d.root_.IsMap())
    throw InputError(mark_of(label, d.root_.Mark()),
                     fmt::format("expected a YAML mapping of scenario keys (key: value lines), found {}", describe(d.root_)));
  return d;
}

void Document::apply_override(const std::string& assignment) {
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
  while (true) {
    const auto dot = path.find('.', start);
    const std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (part.empty()) throw InputError({label, 1, static_cast<int>(start) + 1}, "expected a dotted key, found an empty part");
    if (dot == std::string::npos) {
      cur[part] = value;
      break;
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
}

Location Document::where(const YAML::Node& node, std::string_view path) const {
  for (const auto& [key, loc] : overrides_) {
    if (path == key || (path.size() > key.size() && path.starts_with(key) && path[key.size()] == '.')) return loc;
  }
  return mark_of(file_, node.Mark());
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
