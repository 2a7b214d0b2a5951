// SPDX-License-Identifier: MIT
#pragma once
// A file that appears under its name only when complete: it is written to a
// hidden temporary name in the same folder and renamed into place by
// commit(). Destroyed without commit() (an error, an exception), it removes
// its temporary; a killed process leaves only a `.NAME.part-PID` file, which
// no reader mistakes for the real output.
#include <filesystem>
#include <fstream>
#include <string>

namespace sahel::output {

class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path final_path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return out_; }
  void commit();  // flush, close and rename; throws on any I/O error
  const std::filesystem::path& path() const { return final_; }

 private:
  std::filesystem::path final_, temporary_;
  std::ofstream out_;
  bool committed_ = false;
};

// Writes `text` to `path` atomically.
void write_file_atomically(const std::filesystem::path& path, const std::string& text);

// Makes the output folder (and parents) and proves it writable. Throws
// OutputError naming the folder and the reason otherwise.
void prepare_output_folder(const std::filesystem::path& folder);

struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace sahel::output
