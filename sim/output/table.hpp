// SPDX-License-Identifier: MIT
#pragma once
// Where the rows of a run's records go. A record writer (the time series,
// the event log) hands each row to a RowSink: a CSV file, a Table kept in
// memory for a program that called the run (sahelsim/table.hpp), or both. One writer, so a file and a table of the
// same run never disagree.
#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "sahelsim/table.hpp"

namespace sahel::output {

using sahelsim::Table;
using sahelsim::Value;

template <class T>
Value to_value(const T& v) {
  if constexpr (std::is_same_v<T, std::monostate>)
    return v;
  else if constexpr (std::is_convertible_v<T, std::string_view>)
    return std::string(std::string_view(v));
  else if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>)
    return v;
  else if constexpr (std::is_integral_v<T> && std::is_unsigned_v<T> && sizeof(T) == 8)
    return std::uint64_t{v};
  else if constexpr (std::is_integral_v<T>)
    return static_cast<std::int64_t>(v);
  else
    return v ? to_value(*v) : Value{};  // std::optional: empty is a missing field
}

// The text a CSV file holds for a field, before quoting.
std::string field_text(const Value& v);

class RowSink {
 public:
  virtual ~RowSink() = default;
  virtual void header(const std::vector<std::string>& names) = 0;
  virtual void put(std::span<const Value> row) = 0;
  template <class... Fields>
  void row(const Fields&... fields) {
    const std::array<Value, sizeof...(Fields)> r{to_value(fields)...};
    put(r);
  }
};

// A CSV file's rows (csv_writer.hpp's rules: quoting only where needed,
// numbers in their shortest exact form, so the same values give the same bytes).
class CsvSink final : public RowSink {
 public:
  explicit CsvSink(std::ostream& out) : out_(out) {}
  void header(const std::vector<std::string>& names) override;
  void put(std::span<const Value> row) override;

 private:
  std::ostream& out_;
  std::string line_;
};

// Rows into a table in memory.
class TableSink final : public RowSink {
 public:
  explicit TableSink(Table& table) : table_(table) {}
  void header(const std::vector<std::string>& names) override { table_.set_header(names); }
  void put(std::span<const Value> row) override { table_.append(row); }

 private:
  Table& table_;
};

// Both at once: a run that writes its files and keeps its tables.
class TeeSink final : public RowSink {
 public:
  TeeSink(RowSink& a, RowSink& b) : a_(a), b_(b) {}
  void header(const std::vector<std::string>& names) override {
    a_.header(names);
    b_.header(names);
  }
  void put(std::span<const Value> row) override {
    a_.put(row);
    b_.put(row);
  }

 private:
  RowSink &a_, &b_;
};

}  // namespace sahel::output
