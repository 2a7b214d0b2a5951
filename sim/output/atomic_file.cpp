// SPDX-License-Identifier: MIT
#include "output/atomic_file.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace sahel::output {

namespace fs = std::filesystem;

AtomicFile::AtomicFile(fs::path final_path) : final_(std::move(final_path)) {
  temporary_ = final_.parent_path() / fmt::format(".{}.part-{}", final_.filename().string(), ::getpid());
  out_.open(temporary_, std::ios::binary | std::ios::trunc);
  if (!out_) throw OutputError(fmt::format("{}: cannot write: {}", temporary_.string(), std::strerror(errno)));
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  out_.close();
  std::error_code ignored;
  fs::remove(temporary_, ignored);
}

void AtomicFile::commit() {
  out_.flush();
  out_.close();
  if (!out_) throw OutputError(fmt::format("{}: write failed: {}", temporary_.string(), std::strerror(errno)));
  std::error_code ec;
  fs::rename(temporary_, final_, ec);
  if (ec) throw OutputError(fmt::format("{}: cannot rename into place: {}", final_.string(), ec.message()));
  committed_ = true;
}

void write_file_atomically(const fs::path& path, const std::string& text) {
  AtomicFile f(path);
  f.stream() << text;
  f.commit();
}

void prepare_output_folder(const fs::path& folder) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec || !fs::is_directory(folder))
    throw OutputError(fmt::format("{}: cannot create the output folder: {} (expected a writable folder)",
                                  folder.string(), ec ? ec.message() : "a file of that name is in the way"));
  if (::access(folder.c_str(), W_OK | X_OK) != 0)
    throw OutputError(fmt::format("{}: the output folder is not writable: {} (expected a writable folder)",
                                  folder.string(), std::strerror(errno)));
}

}  // namespace sahel::output
