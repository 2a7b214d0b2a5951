// SPDX-License-Identifier: MIT
#pragma once
// RFC 4180 CSV: comma-separated, CRLF-free (LF line ends, which pandas and R
// read as is), fields quoted only when they hold a comma, a quote or a line
// break. Numbers are written in their shortest exact form, so the same
// values always give the same bytes.
#include <fmt/format.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace sahel::output {

std::string csv_field(std::string_view text);

class CsvWriter {
 public:
  CsvWriter(std::ostream& out, const std::vector<std::string>& header);

  template <class... Fields>
  void row(const Fields&... fields) {
    std::string line;
    bool first = true;
    ((append(line, fields, first)), ...);
    line += '\n';
    out_ << line;
  }
  // A row whose fields are only known at run time (sweep factors, metrics).
  void fields(const std::vector<std::string>& values);
  // A row built in parts: fixed fields first, then as many more as needed.
  template <class... Fields>
  void begin_row(const Fields&... fields) {
    pending_.clear();
    bool first = true;
    ((append(pending_, fields, first)), ...);
  }
  template <class T>
  void add(const T& value) {
    bool first = pending_.empty();
    append(pending_, value, first);
  }
  void end_row() {
    pending_ += '\n';
    out_ << pending_;
    pending_.clear();
  }

 private:
  template <class T>
  static void append(std::string& line, const T& value, bool& first) {
    if (!first) line += ',';
    first = false;
    if constexpr (std::is_convertible_v<T, std::string_view>)
      line += csv_field(value);
    else
      line += fmt::format("{}", value);
  }
  std::ostream& out_;
  std::string pending_;
};

}  // namespace sahel::output
