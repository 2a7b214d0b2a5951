// SPDX-License-Identifier: MIT
#include "cli/analysis_tools.hpp"

#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "run/sahel_run.hpp"
#include "scenario/input_error.hpp"

extern char** environ;

namespace sahel::cli {

namespace {

std::string analysis_root() {
  if (const char* p = std::getenv("SAHELSIM_ANALYSIS_PATH")) return p;
  return SAHELSIM_SOURCE_DIR;
}

}  // namespace

int run_analysis_module(const std::string& module, const std::vector<std::string>& args) {
  const std::string root = analysis_root();
  if (!std::filesystem::is_directory(std::filesystem::path(root) / "analysis")) {
    fmt::print(stderr,
               "sahelsim: the analysis kit is not at {}/analysis (set SAHELSIM_ANALYSIS_PATH to the source tree)\n",
               root);
    return 2;
  }
  const char* python_env = std::getenv("SAHELSIM_PYTHON");
  const std::string python = python_env ? python_env : "/usr/bin/python3";
  std::vector<std::string> argv_text = {python, "-m", module};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);
  // The child's environment: ours, with the kit first on PYTHONPATH.
  std::vector<std::string> env_text;
  const char* old = std::getenv("PYTHONPATH");
  for (char** e = environ; *e; ++e)
    if (std::string_view(*e).rfind("PYTHONPATH=", 0) != 0) env_text.emplace_back(*e);
  std::string pythonpath = "PYTHONPATH=";
  pythonpath += root;
  if (old && *old) pythonpath.append(":").append(old);
  env_text.push_back(std::move(pythonpath));
  std::vector<char*> envp;
  for (auto& e : env_text) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawn(&pid, python.c_str(), nullptr, nullptr, argv.data(), envp.data()) != 0) {
    fmt::print(stderr, "sahelsim: cannot start {} (install python3 with: .ci/install-deps.sh analysis)\n", python);
    return 2;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 2;
}

int draw_scenario_map(const std::string& scenario_file, const run::Overrides& overrides, const std::string& out,
                      const std::string& title) {
  run::Overrides o = overrides;
  run::AnyScenario any = run::load_scenario(scenario_file, o);
  auto* s = std::get_if<scenario::SahelScenario>(&any);
  if (!s)
    throw scenario::InputError({scenario_file, 0, 0}, "map draws Sahel scenarios (model: sahel), found an Epstein one");
  const std::string name = s->header.name;
  std::string folder = (std::filesystem::temp_directory_path() / "sahelsim-map-XXXXXX").string();
  if (!mkdtemp(folder.data())) throw std::runtime_error("cannot create a temporary folder");
  run::SahelRunPlan plan;
  plan.out = folder;
  s->snapshot_every = std::max(1, s->snapshot_every);
  s->header.run.ticks = 0;
  int status = 2;
  try {
    run::simulate(std::move(*s), plan);
    std::vector<std::string> args = {folder, "--out", out};
    if (!title.empty()) args.insert(args.end(), {"--title", title});
    status = run_analysis_module("analysis.scenario_map", args);
  } catch (...) {
    std::filesystem::remove_all(folder);
    throw;
  }
  std::filesystem::remove_all(folder);
  return status;
}

}  // namespace sahel::cli
