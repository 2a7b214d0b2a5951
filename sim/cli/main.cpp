// SPDX-License-Identifier: MIT
// sahelsim's command line: one program, sub-commands with the same flags.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <filesystem>

#include "cli/run_epstein.hpp"
#include "cli/run_sahel.hpp"
#include "cli/scenario_loader.hpp"
#include "cli/version.hpp"
#include "output/atomic_file.hpp"
#include "scenario/input_error.hpp"

namespace {

constexpr int kBadInput = 2;

std::string joined_arguments(int argc, char** argv) {
  std::string s;
  for (int i = 0; i < argc; ++i) s += (i ? " " : "") + std::string(argv[i]);
  return s;
}

void add_scenario_flags(CLI::App& cmd, std::string& file, sahel::cli::Overrides& o) {
  cmd.add_option("scenario", file, "Scenario file (YAML)")->required();
  cmd.add_option("--seed", o.seed, "Seed (overrides the scenario's)");
  cmd.add_option("--ticks", o.ticks, "Number of ticks (overrides the scenario's)");
  cmd.add_option("--set", o.set, "Override any scenario key: --set epstein.legitimacy=0.7 (repeatable)")
      ->type_name("KEY=VALUE");
}

}  // namespace

int main(int argc, char** argv) {
  using namespace sahel;
  CLI::App app{"sahelsim: agent-based simulation of civil violence and of the Sahel conflict"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("sahelsim ") + cli::kVersion);

  std::string file;
  cli::Overrides overrides;
  cli::RunOptions run_options;

  CLI::App* run = app.add_subcommand("run", "Run a scenario and write its outputs");
  add_scenario_flags(*run, file, overrides);
  run->add_option("--out", run_options.out, "Output folder (default: out/<scenario file name>)");
  run->add_option("--threads", run_options.threads, "Worker threads (default: all cores)")->check(CLI::NonNegativeNumber);
  run->add_flag("--quiet", run_options.quiet, "Print nothing but errors");

  CLI::App* check = app.add_subcommand("check", "Validate a scenario without running it");
  add_scenario_flags(*check, file, overrides);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    return status == 0 ? 0 : kBadInput;
  }

  try {
    cli::AnyScenario scenario = cli::load_scenario(file, overrides);
    if (*check) {
      fmt::print("{}: valid {} scenario '{}' (sha256 {})\n", file, cli::header_of(scenario).model,
                 cli::header_of(scenario).name,
                 std::visit([](const auto& s) { return s.sha256; }, scenario));
      return 0;
    }
    if (run_options.out.empty()) run_options.out = std::filesystem::path("out") / std::filesystem::path(file).stem();
    run_options.command_line = joined_arguments(argc, argv);
    if (auto* sahel = std::get_if<scenario::SahelScenario>(&scenario))
      return cli::run_sahel(std::move(*sahel), run_options);
    return cli::run_epstein(std::get<scenario::EpsteinScenario>(scenario), run_options);
  } catch (const scenario::InputError& e) {
    fmt::print(stderr, "{}\n", e.what());
    return kBadInput;
  } catch (const output::OutputError& e) {
    fmt::print(stderr, "sahelsim: {}\n", e.what());
    return kBadInput;
  }
}
