// SPDX-License-Identifier: MIT
#include "output/table.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

#include "output/csv_writer.hpp"

namespace sahel::output {

std::string field_text(const Value& v) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          return {};
        else if constexpr (std::is_same_v<T, std::string>)
          return x;
        else
          return fmt::format("{}", x);
      },
      v);
}

void CsvSink::header(const std::vector<std::string>& names) {
  line_.clear();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) line_ += ',';
    line_ += csv_field(names[i]);
  }
  line_ += '\n';
  out_ << line_;
}

void CsvSink::put(std::span<const Value> row) {
  line_.clear();
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i) line_ += ',';
    if (const auto* s = std::get_if<std::string>(&row[i]))
      line_ += csv_field(*s);
    else
      line_ += field_text(row[i]);
  }
  line_ += '\n';
  out_ << line_;
}

}  // namespace sahel::output

namespace sahelsim {

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

bool empty(const Value& v) {
  return std::holds_alternative<std::monostate>(v) ||
         (std::holds_alternative<std::string>(v) && std::get<std::string>(v).empty());
}

// The field as a number (NaN when empty), or nothing when it is text.
std::optional<double> number_of(const Value& v) {
  return std::visit(
      [](const auto& x) -> std::optional<double> {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return kMissing;
        } else if constexpr (std::is_same_v<T, std::string>) {
          if (x.empty()) return kMissing;
          double d = 0;
          const auto [end, ec] = std::from_chars(x.data(), x.data() + x.size(), d);
          if (ec != std::errc() || end != x.data() + x.size()) return std::nullopt;
          return d;
        } else {
          return static_cast<double>(x);
        }
      },
      v);
}

}  // namespace

void Table::set_header(const std::vector<std::string>& names) {
  columns_.clear();
  for (const auto& n : names) columns_.push_back({n, false, {}, {}});
  decided_.assign(names.size(), false);
  rows_ = 0;
}

void Table::make_text(Column& c) {
  c.texts.reserve(c.numbers.size());
  for (double d : c.numbers) c.texts.push_back(std::isnan(d) ? std::string() : fmt::format("{}", d));
  c.numbers.clear();
  c.text = true;
}

void Table::append(std::span<const Value> row) {
  if (row.size() != columns_.size())
    throw std::logic_error(fmt::format("a row of {} fields for a table of {} columns", row.size(), columns_.size()));
  for (std::size_t i = 0; i < row.size(); ++i) {
    Column& c = columns_[i];
    const Value& v = row[i];
    if (!decided_[i] && !empty(v)) {
      decided_[i] = true;
      if (std::holds_alternative<std::string>(v) && !number_of(v)) make_text(c);
    }
    if (!c.text) {
      if (const auto d = number_of(v)) {
        c.numbers.push_back(*d);
        continue;
      }
      make_text(c);
    }
    c.texts.push_back(sahel::output::field_text(v));
  }
  ++rows_;
}

std::vector<Table::Column> Table::release() {
  std::vector<Column> out = std::move(columns_);
  columns_.clear();
  decided_.clear();
  rows_ = 0;
  return out;
}

const Table::Column& Table::column(std::string_view name) const {
  for (const auto& c : columns_)
    if (c.name == name) return c;
  throw std::out_of_range(fmt::format("no column '{}' in the table", name));
}

}  // namespace sahelsim
