// SPDX-License-Identifier: MIT
#include "output/csv_writer.hpp"

namespace sahel::output {

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (char ch : text) {
    if (ch == '"') quoted += '"';
    quoted += ch;
  }
  quoted += '"';
  return quoted;
}

CsvWriter::CsvWriter(std::ostream& out, const std::vector<std::string>& header) : out_(out) {
  fields(header);
}

void CsvWriter::fields(const std::vector<std::string>& values) {
  std::string line;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) line += ',';
    line += csv_field(values[i]);
  }
  out_ << line << '\n';
}

}  // namespace sahel::output
