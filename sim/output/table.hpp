// SPDX-License-Identifier: MIT
#pragma once
// Rows of a run's records, and where they go. A record writer (the time
// series, the event log) hands each row to a RowSink: a CSV file, a Table
// kept in memory for a program that called the run (the Python module turns
// it into a DataFrame), or both. One writer, so a file and a table of the
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

namespace sahel::output {

// One field. float stays float so that files keep the shortest form of the
// float (0.1f is written "0.1", not 0.10000000149011612).
using Value = std::variant<std::monostate, std::int64_t, std::uint64_t, double, float, std::string>;

template <class T>
Value to_value(const T& v) {
  if constexpr (std::is_same_v<T, std::monostate>) return v;
  else if constexpr (std::is_convertible_v<T, std::string_view>) return std::string(std::string_view(v));
  else if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>) return v;
  else if constexpr (std::is_integral_v<T> && std::is_unsigned_v<T> && sizeof(T) == 8) return std::uint64_t{v};
  else if constexpr (std::is_integral_v<T>) return static_cast<std::int64_t>(v);
  else return v ? to_value(*v) : Value{};  // std::optional: empty is a missing field
}

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

// A table in memory, column by column. A column is numeric (missing fields
// are NaN) or text (missing fields are empty), fixed by its first non-empty
// field; a numeric column that later receives text that is not a number
// becomes text.
class Table final : public RowSink {
 public:
  struct Column {
    std::string name;
    bool text = false;
    std::vector<double> numbers;     // when !text
    std::vector<std::string> texts;  // when text
  };
  Table() = default;
  explicit Table(const std::vector<std::string>& names) { header(names); }
  void header(const std::vector<std::string>& names) override;
  void put(std::span<const Value> row) override;
  std::size_t rows() const { return rows_; }
  const std::vector<Column>& columns() const { return columns_; }
  const Column& column(std::string_view name) const;  // throws std::out_of_range

 private:
  void make_text(Column& c);
  std::vector<Column> columns_;
  std::vector<bool> decided_;
  std::size_t rows_ = 0;
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
