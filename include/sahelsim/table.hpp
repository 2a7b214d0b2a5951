// SPDX-License-Identifier: MIT
#pragma once
// sahelsim's tables: the rows of a run's records (timeseries, countries,
// events), kept column by column. The Python module hands the columns to
// pandas as they are.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sahelsim {

// One field. float stays float so that files keep the shortest form of the
// float (0.1f is written "0.1", not 0.10000000149011612).
using Value = std::variant<std::monostate, std::int64_t, std::uint64_t, double, float, std::string>;

// A column is numeric (missing fields are NaN) or text (missing fields are
// empty), fixed by its first non-empty field; a numeric column that later
// receives text that is not a number becomes text.
class Table {
 public:
  struct Column {
    std::string name;
    bool text = false;
    std::vector<double> numbers;     // when !text
    std::vector<std::string> texts;  // when text
  };
  Table() = default;
  explicit Table(const std::vector<std::string>& names) { set_header(names); }
  // Starts the table afresh with these columns.
  void set_header(const std::vector<std::string>& names);
  // Appends a row of one field per column; throws std::logic_error otherwise.
  void append(std::span<const Value> row);
  std::size_t rows() const { return rows_; }
  const std::vector<Column>& columns() const { return columns_; }
  const Column& column(std::string_view name) const;  // throws std::out_of_range
  // The columns, moved out (no copy); the table is left empty.
  std::vector<Column> release();

 private:
  void make_text(Column& c);
  std::vector<Column> columns_;
  std::vector<bool> decided_;
  std::size_t rows_ = 0;
};

}  // namespace sahelsim
