// SPDX-License-Identifier: MIT
#pragma once
// The ledger of a sweep: every run's start and result, appended and synced
// to disk as it happens, so a killed sweep resumes without repeating or
// losing a finished run. One file per writer (a process, an MPI rank or a
// shard) in OUT/ledger/, so writers never share a file; readers take the
// union. A last line cut short by a kill is ignored and trimmed.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace sahel::sweep {

struct RunRecord {
  std::int64_t run = 0;
  bool ok = false;
  std::string error;                 // failed runs: why
  std::vector<std::string> metrics;  // ok runs: values as written to results.csv
};

class Ledger {
 public:
  Ledger(const std::filesystem::path& out, const std::string& writer);
  ~Ledger();
  Ledger(const Ledger&) = delete;
  Ledger& operator=(const Ledger&) = delete;
  void started(std::int64_t run);
  void finished(const RunRecord& record);

 private:
  void append(const std::string& line);
  int fd_ = -1;
  std::string path_;
};

struct LedgerState {
  std::map<std::int64_t, RunRecord> finished;  // the first record of each run
  std::map<std::int64_t, int> starts;          // how often each run was started
};

// Reads every ledger of a sweep folder; `metrics` is how many values an ok
// record must carry (others are malformed and ignored).
LedgerState read_ledgers(const std::filesystem::path& out, std::size_t metrics);

}  // namespace sahel::sweep
