// SPDX-License-Identifier: MIT
// Tables in memory and CSV files from the same rows.
#include <catch2/catch.hpp>
#include <cmath>
#include <optional>
#include <sstream>

#include "output/table.hpp"

using namespace sahel;

TEST_CASE("a table types each column by its first non-empty field, and a CSV sink writes the same rows") {
  std::ostringstream text;
  output::CsvSink csv(text);
  sahelsim::Table table;
  output::TableSink memory(table);
  output::TeeSink both(csv, memory);
  both.header({"date", "count", "share", "note", "maybe"});
  both.row("2017-01-01", 3, 0.1f, "", std::optional<double>());
  both.row("2017-01-02", std::int64_t{-4}, 2.5, "a, quoted", std::optional<double>(0.25));
  both.row("2017-01-03", 5u, 1e-9, "", "");

  CHECK(text.str() ==
        "date,count,share,note,maybe\n"
        "2017-01-01,3,0.1,,\n"
        "2017-01-02,-4,2.5,\"a, quoted\",0.25\n"
        "2017-01-03,5,1e-09,,\n");
  REQUIRE(table.rows() == 3);
  CHECK(table.column("date").text);
  CHECK_FALSE(table.column("count").text);
  CHECK(table.column("count").numbers == std::vector<double>{3, -4, 5});
  CHECK(table.column("share").numbers[0] == Approx(0.1));
  CHECK(table.column("note").text);
  CHECK(table.column("note").texts == std::vector<std::string>{"", "a, quoted", ""});
  const auto& maybe = table.column("maybe").numbers;
  CHECK((std::isnan(maybe[0]) && maybe[1] == 0.25 && std::isnan(maybe[2])));
  CHECK_THROWS_AS(table.column("nothing"), std::out_of_range);
}

TEST_CASE("a numeric column that receives text becomes text, keeping its earlier values") {
  sahelsim::Table table({"x"});
  table.append(std::vector<sahelsim::Value>{std::int64_t{7}});
  table.append(std::vector<sahelsim::Value>{std::string("12")});  // a number written as text stays a number
  CHECK_FALSE(table.column("x").text);
  table.append(std::vector<sahelsim::Value>{std::string("MLI")});
  CHECK(table.column("x").text);
  CHECK(table.column("x").texts == std::vector<std::string>{"7", "12", "MLI"});
  CHECK_THROWS_AS(table.append(std::vector<sahelsim::Value>{1.0, 2.0}), std::logic_error);
  const auto columns = table.release();
  CHECK(columns.size() == 1);
  CHECK(table.columns().empty());
}
