// SPDX-License-Identifier: MIT
#include "sweep/ledger.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "output/atomic_file.hpp"

namespace sahel::sweep {

namespace {

// Records are comma-separated with no quoting: error texts are cleaned of
// commas and line breaks when written.
std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(line);
  while (std::getline(in, part, ',')) parts.push_back(part);
  if (!line.empty() && line.back() == ',') parts.emplace_back();
  return parts;
}

std::string clean(std::string text) {
  for (char& c : text)
    if (c == ',' || c == '\n' || c == '\r') c = c == ',' ? ';' : ' ';
  return text;
}

// Cuts a trailing partial line (a write interrupted by a kill).
void trim_partial_line(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return;
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (text.empty() || text.back() == '\n') return;
  const auto keep = text.rfind('\n');
  std::filesystem::resize_file(path, keep == std::string::npos ? 0 : keep + 1);
}

}  // namespace

Ledger::Ledger(const std::filesystem::path& out, const std::string& writer) {
  const auto dir = out / "ledger";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  path_ = (dir / (writer + ".csv")).string();
  trim_partial_line(path_);
  fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw output::OutputError(fmt::format("cannot open the sweep ledger {}: {}", path_, std::strerror(errno)));
}

Ledger::~Ledger() {
  if (fd_ >= 0) ::close(fd_);
}

void Ledger::append(const std::string& line) {
  // One write per record and a sync: a record is on disk whole, or its
  // partial tail is trimmed on the next start.
  std::size_t done = 0;
  while (done < line.size()) {
    const ssize_t n = ::write(fd_, line.data() + done, line.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw output::OutputError(fmt::format("cannot write the sweep ledger {}: {}", path_, std::strerror(errno)));
    }
    done += static_cast<std::size_t>(n);
  }
  ::fdatasync(fd_);
}

void Ledger::started(std::int64_t run) {
  append(fmt::format("started,{}\n", run));
}

void Ledger::finished(const RunRecord& r) {
  std::string line = fmt::format("finished,{},{},{}", r.run, r.ok ? "ok" : "failed", clean(r.error));
  for (const auto& m : r.metrics) line += "," + m;
  append(line + "\n");
}

LedgerState read_ledgers(const std::filesystem::path& out, std::size_t metrics) {
  LedgerState state;
  const auto dir = out / "ledger";
  if (!std::filesystem::is_directory(dir)) return state;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".csv") files.push_back(e.path());
  std::sort(files.begin(), files.end());  // a fixed order, so duplicates resolve the same way
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (!text.empty() && text.back() != '\n')
      text.erase(text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1);
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
      const auto p = split(line);
      try {
        if (p.size() == 2 && p[0] == "started") {
          state.starts[std::stoll(p[1])] += 1;
        } else if (p.size() >= 4 && p[0] == "finished") {
          RunRecord r;
          r.run = std::stoll(p[1]);
          r.ok = p[2] == "ok";
          r.error = p[3];
          r.metrics.assign(p.begin() + 4, p.end());
          if (r.ok && r.metrics.size() != metrics) continue;
          if (!r.ok && p[2] != "failed") continue;
          state.finished.emplace(r.run, std::move(r));
        }
      } catch (const std::exception&) {
        // A damaged line is skipped: its run counts as not finished.
      }
    }
  }
  return state;
}

}  // namespace sahel::sweep
