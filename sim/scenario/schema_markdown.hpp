// SPDX-License-Identifier: MIT
#pragma once
// The scenario reference (docs/scenario-reference.md) as Markdown, written
// only from the tables in code: the parameter tables (ParamSpec: key, type,
// unit, default, range, description, source) and the key tables (KeySpec)
// of every section, and the event types with their keys. `sahelsim schema
// --markdown` prints it; a test fails when the committed file differs.
#include <string>

namespace sahel::scenario {

std::string scenario_reference_markdown();

}  // namespace sahel::scenario
