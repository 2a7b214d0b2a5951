// SPDX-License-Identifier: MIT
// sahelsim's command line: one program, sub-commands with the same flags.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>

#include "cli/analysis_tools.hpp"
#include "cli/compare.hpp"
#include "cli/run_epstein.hpp"
#include "cli/run_sahel.hpp"
#include "cli/sweep_command.hpp"
#include "model/sahel/outcomes.hpp"
#include "output/atomic_file.hpp"
#include "output/checkpoint.hpp"
#include "run/scenario_loader.hpp"
#include "run/version.hpp"
#include "scenario/input_error.hpp"
#include "scenario/schema_markdown.hpp"

namespace {

constexpr int kBadInput = 2;

std::string joined_arguments(int argc, char** argv) {
  std::string s;
  for (int i = 0; i < argc; ++i) s += (i ? " " : "") + std::string(argv[i]);
  return s;
}

void add_scenario_flags(CLI::App& cmd, std::string& file, sahel::run::Overrides& o) {
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
  app.set_version_flag("--version", std::string("sahelsim ") + run::kVersion);

  std::string file;
  run::Overrides overrides;
  cli::RunOptions run_options;

  CLI::App* run = app.add_subcommand("run", "Run a scenario and write its outputs");
  add_scenario_flags(*run, file, overrides);
  run->add_option("--out", run_options.out, "Output folder (default: out/<scenario file name>)");
  run->add_option("--threads", run_options.threads, "Worker threads (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  run->add_flag("--quiet", run_options.quiet, "Print nothing but errors (and no progress line)");
  run->add_option("--checkpoint-at", run_options.checkpoint_at,
                  "Sahel: save the whole state after this date in OUT/checkpoint-DATE.bin")
      ->type_name("YYYY-MM-DD");
  run->add_option("--from", run_options.resume_from,
                  "Sahel: continue from a checkpoint under this scenario's later events and parameters")
      ->type_name("CHECKPOINT");

  cli::CompareOptions compare_options;
  CLI::App* compare =
      app.add_subcommand("compare", "Run Sahel scenarios over the same seeds and compare their outcomes");
  compare->add_option("scenarios", compare_options.scenarios, "Scenario files; differences are to the first")
      ->required()
      ->expected(2, -1);
  compare->add_option("--seeds", compare_options.seeds, "Seeds per scenario (default 20)")
      ->check(CLI::Range(1, 100000));
  compare->add_option("--first-seed", compare_options.first_seed, "First seed (default: the first scenario's)");
  compare
      ->add_option("--branch-at", compare_options.branch_at,
                   "Run the first scenario to this date once per seed, then branch every scenario from there")
      ->type_name("YYYY-MM-DD");
  compare->add_option("--out", compare_options.out, "Output folder")->required();
  compare->add_option("--threads", compare_options.threads, "Worker threads (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  compare->add_option("--ticks", compare_options.overrides.ticks, "Number of days (overrides every scenario's)");
  compare->add_option("--set", compare_options.overrides.set, "Override a key in every scenario (repeatable)")
      ->type_name("KEY=VALUE");
  compare->add_flag("--all-snapshots", compare_options.all_snapshots,
                    "Cell snapshots for every run (default: each scenario's first seed only)");
  compare->add_flag("--quiet", compare_options.quiet, "Print nothing but errors");

  cli::SweepOptions sweep_options;
  sweep_options.program = argv[0];
  std::filesystem::path merge_dir;
  CLI::App* sweep = app.add_subcommand("sweep", "Run a parameter sweep (threads, mpirun, or Slurm shards)");
  sweep->require_subcommand(0, 1);
  sweep->add_option("file", sweep_options.file, "Sweep file (scenarios/sweeps/*.yaml)");
  sweep->add_option("--out", sweep_options.out, "Output folder");
  sweep->add_option("--shard", sweep_options.shard, "Run only share I of N (Slurm array tasks)")->type_name("I/N");
  sweep
      ->add_option("--threads", sweep_options.threads,
                   "Worker threads (default: all cores; per rank under mpirun: cores / ranks)")
      ->check(CLI::NonNegativeNumber);
  sweep->add_flag("--per-run-outputs", sweep_options.per_run_outputs, "Also write every run's folder in OUT/runs/");
  sweep->add_flag("--quiet", sweep_options.quiet, "Print nothing but errors");
  CLI::App* merge = sweep->add_subcommand("merge", "Assemble results.csv from the ledgers of every shard");
  merge->add_option("dir", merge_dir, "Sweep output folder")->required();
  merge->add_flag("--quiet", sweep_options.quiet, "Print nothing but errors");
  CLI::App* slurm = sweep->add_subcommand("slurm", "Write a Slurm array script (OUT/sweep.sbatch) for a sweep");
  slurm->add_option("file", sweep_options.file, "Sweep file")->required();
  slurm->add_option("--out", sweep_options.out, "Output folder")->required();
  slurm->add_option("--shards", sweep_options.shards, "Array tasks (default: one per 8 runs)")
      ->check(CLI::Range(1, 100000));
  slurm->add_option("--cpus-per-task", sweep_options.cpus_per_task, "CPUs per task (default 2)")
      ->check(CLI::Range(1, 1024));
  slurm->add_option("--time", sweep_options.time_limit, "Time limit per task (default 04:00:00)");
  slurm->add_option("--partition", sweep_options.partition, "Slurm partition");
  slurm->add_flag("--quiet", sweep_options.quiet, "Print nothing but errors");

  std::vector<std::string> report_dirs;
  std::string report_out, report_title;
  CLI::App* report = app.add_subcommand("report", "Write one self-contained HTML report of runs or comparisons");
  report->add_option("dirs", report_dirs, "Run folders or compare folders")->required();
  report->add_option("--out", report_out, "The HTML file to write")->required();
  report->add_option("--title", report_title, "Title of the report");

  std::vector<std::string> pattern_dirs;
  std::string pattern_record = "auto", pattern_csv, pattern_markdown;
  CLI::App* patterns = app.add_subcommand(
      "patterns", "Judge runs (5 seeds or more) against patterns of the public record (docs/validation.md)");
  patterns->add_option("dirs", pattern_dirs, "Run folders or compare folders of one scenario")->required();
  patterns->add_option("--record", pattern_record, "Which record: sahel_2017, mali_2012 or auto (by start date)")
      ->check(CLI::IsMember({"auto", "sahel_2017", "mali_2012"}));
  patterns->add_option("--out", pattern_csv, "Also write the table as CSV");
  patterns->add_option("--markdown", pattern_markdown, "Also write the table as Markdown");

  std::string map_out, map_title;
  CLI::App* map = app.add_subcommand("map", "Draw a Sahel scenario's initial state (forces, population, map)");
  add_scenario_flags(*map, file, overrides);
  map->add_option("--out", map_out, "The PNG file to write")->required();
  map->add_option("--title", map_title, "Title (default: the scenario's name and start date)");

  CLI::App* metrics = app.add_subcommand("metrics", "List the outcome metrics of Sahel runs (Markdown table)");

  CLI::App* check = app.add_subcommand("check", "Validate a scenario without running it");
  add_scenario_flags(*check, file, overrides);

  // The scenario reference, generated from the parameter tables in code.
  CLI::App* schema = app.add_subcommand("schema", "Print every scenario key (type, unit, default, range, source)");
  bool schema_markdown = false;
  std::string schema_out;
  schema->add_flag("--markdown", schema_markdown, "As Markdown (docs/scenario-reference.md)")->required();
  schema->add_option("--out", schema_out, "Write to this file instead of standard output");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    return status == 0 ? 0 : kBadInput;
  }

  try {
    if (*schema) {
      const std::string text = scenario::scenario_reference_markdown();
      if (schema_out.empty())
        fmt::print("{}", text);
      else
        output::write_file_atomically(schema_out, text);
      return 0;
    }
    if (*metrics) {
      fmt::print("| metric | unit | definition |\n|---|---|---|\n");
      for (const auto& m : model::outcome_metric_catalogue())
        fmt::print("| `{}` | {} | {} |\n", m.name, m.unit, m.description);
      return 0;
    }
    if (*patterns) {
      std::vector<std::string> args = pattern_dirs;
      args.insert(args.end(), {"--record", pattern_record});
      if (!pattern_csv.empty()) args.insert(args.end(), {"--out", pattern_csv});
      if (!pattern_markdown.empty()) args.insert(args.end(), {"--markdown", pattern_markdown});
      return cli::run_analysis_module("analysis.patterns", args);
    }
    if (*report) {
      std::vector<std::string> args = report_dirs;
      args.insert(args.end(), {"--out", report_out});
      if (!report_title.empty()) args.insert(args.end(), {"--title", report_title});
      return cli::run_analysis_module("analysis.report", args);
    }
    if (*map) return cli::draw_scenario_map(file, overrides, map_out, map_title);
    if (*sweep) {
      sweep_options.command_line = joined_arguments(argc, argv);
      if (*merge) return cli::sweep_merge(merge_dir, sweep_options.quiet);
      if (*slurm) return cli::sweep_slurm_script(sweep_options);
      if (sweep_options.file.empty() || sweep_options.out.empty())
        throw scenario::InputError({"sweep", 0, 0},
                                   "expected a sweep file and --out DIR: sahelsim sweep FILE --out DIR");
      return cli::sweep(sweep_options);
    }
    if (*compare) {
      compare_options.command_line = joined_arguments(argc, argv);
      return cli::compare_scenarios(compare_options);
    }
    run::AnyScenario scenario = run::load_scenario(file, overrides);
    if (*check) {
      fmt::print("{}: valid {} scenario '{}' (sha256 {})\n", file, run::header_of(scenario).model,
                 run::header_of(scenario).name, std::visit([](const auto& s) { return s.sha256; }, scenario));
      return 0;
    }
    if (run_options.out.empty()) run_options.out = std::filesystem::path("out") / std::filesystem::path(file).stem();
    run_options.command_line = joined_arguments(argc, argv);
    if (auto* sahel = std::get_if<scenario::SahelScenario>(&scenario))
      return cli::run_sahel(std::move(*sahel), run_options);
    if (!run_options.checkpoint_at.empty() || !run_options.resume_from.empty())
      throw scenario::InputError({file, 0, 0}, "--checkpoint-at and --from need a Sahel scenario (model: sahel)");
    return cli::run_epstein(std::get<scenario::EpsteinScenario>(scenario), run_options);
  } catch (const scenario::InputError& e) {
    fmt::print(stderr, "{}\n", e.what());
    return kBadInput;
  } catch (const output::OutputError& e) {
    fmt::print(stderr, "sahelsim: {}\n", e.what());
    return kBadInput;
  } catch (const output::CheckpointError& e) {
    fmt::print(stderr, "sahelsim: {}\n", e.what());
    return kBadInput;
  }
}
