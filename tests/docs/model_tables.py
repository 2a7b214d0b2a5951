# SPDX-License-Identifier: MIT
"""Keep the parameter tables of docs/model.md (section 4.5) in step with the
program's own parameter tables, as written to docs/scenario-reference.md.

    /usr/bin/python3 tests/docs/model_tables.py docs/scenario-reference.md docs/model.md [--fix]

Checks every row of the model.md tables headed "(`section.*`)": its meaning,
unit, default and source must be those of the reference, and every key of the
reference's section must have a row. With --fix the cells are rewritten from
the reference and missing rows are appended (review the legal range of an
appended row by hand). Exit status 1 when something differs and --fix is not
given.
"""
import re
import sys

HEADING = re.compile(r"^#### 4\.5\.\d+ .*\(`([^`]+)\.\*`\)")
# The tables laid out as the reference's (map.*, initial.* and the faction
# keys are described in prose and tables of their own).
CHECKED = {"civilians", "flight", "legitimacy", "combat", "operations", "control",
           "factions[i].doctrine", "factions[i].weights"}


def split_row(line):
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def reference_rows(path):
    """Key -> dict(unit, default, range, description, source) of the tables with a unit column."""
    rows = {}
    header = None
    for line in open(path, encoding="utf-8"):
        if line.startswith("| key |"):
            header = split_row(line)
            continue
        if not line.startswith("| `") or header is None or "unit" not in header:
            continue
        cells = dict(zip(header, split_row(line)))
        key = cells["key"].strip("`")
        if cells.get("type") == "integer":
            cells["legal range"] += " (integer)"
        rows[key] = cells
    return rows


def reference_prefix(section):
    # model.md heads the faction tables with `factions[i].doctrine.*`; the
    # reference names those keys doctrine.x.
    return section.split(".", 1)[1] if section.startswith("factions[i].") else section


def same_value(a, b):
    """Defaults compare as numbers where both are numbers (1.0 is 1, 7,500 is 7500)."""
    def number(text):
        try:
            return float(text.replace(",", "").replace("−", "-"))
        except ValueError:
            return None
    x, y = number(a), number(b)
    return a == b if x is None or y is None else x == y


def range_text(reference_range):
    text = reference_range.replace(" to ", "–")
    return re.sub(r"(?<![\d.])-(?=\d)", "−", text)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    ref = reference_rows(argv[1])
    fix = "--fix" in argv
    lines = open(argv[2], encoding="utf-8").read().split("\n")
    problems = []
    out = []
    section = None
    seen = set()
    i = 0
    while i < len(lines):
        line = lines[i]
        m = HEADING.match(line)
        if m:
            section = reference_prefix(m.group(1)) if m.group(1) in CHECKED else None
            seen = set()
        elif line.startswith("#"):
            section = None
        if section and line.startswith("| `"):
            cells = split_row(line)
            key = section + "." + cells[0].strip("`")
            seen.add(key)
            r = ref.get(key)
            if r is None:
                problems.append(f"model.md documents {key}, which the program does not know")
            else:
                default = cells[3] if same_value(cells[3], r["default"]) else r["default"]
                want = [cells[0], r["description"], r["unit"], default, cells[4], r["source"]]
                for name, have, should in zip(["meaning", "unit", "default", "source"],
                                              [cells[1], cells[2], cells[3], cells[5]],
                                              [want[1], want[2], want[3], want[5]]):
                    if have != should:
                        problems.append(f"{key}: {name} is '{have}' in model.md, '{should}' in the program")
                if fix:
                    line = "| " + " | ".join(want) + " |"
            # The table ends at the first line that is not a row: add missing keys there.
            if not (i + 1 < len(lines) and lines[i + 1].startswith("|")):
                missing = [k for k in ref if k.startswith(section + ".") and k not in seen and
                           "." not in k[len(section) + 1:]]
                out.append(line)
                for k in missing:
                    problems.append(f"{k} is missing from model.md")
                    if fix:
                        r = ref[k]
                        out.append("| `" + k[len(section) + 1:] + "` | " + " | ".join(
                            [r["description"], r["unit"], r["default"], range_text(r["legal range"]),
                             r["source"]]) + " |")
                i += 1
                continue
        out.append(line)
        i += 1
    if fix:
        open(argv[2], "w", encoding="utf-8").write("\n".join(out))
        for p in problems:
            print("fixed:", p)
        return 0
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} difference(s); run: /usr/bin/python3 tests/docs/model_tables.py "
              "docs/scenario-reference.md docs/model.md --fix")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
