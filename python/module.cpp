// SPDX-License-Identifier: MIT
// The compiled half of the Python module (sahelsim/_sahelsim): the public
// C++ API with the GIL released during runs, results handed over as dicts
// of numpy arrays that own the C++ buffers (the cell layers stay views;
// pandas may copy the columns when it makes its DataFrames).
// sahelsim/__init__.py turns them into pandas DataFrames.
#include <pybind11/functional.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <memory>

#include "sahelsim/sahelsim.hpp"

namespace py = pybind11;

namespace {

// A numpy array over a vector that it now owns.
template <class T>
py::array owning_array(std::vector<T>&& values) {
  auto* held = new std::vector<T>(std::move(values));
  py::capsule owner(held, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array_t<T>({static_cast<py::ssize_t>(held->size())}, {static_cast<py::ssize_t>(sizeof(T))}, held->data(),
                        owner);
}

py::dict columns_of(sahelsim::Table&& table) {
  py::dict out;
  auto columns = table.release();
  for (auto& c : columns) {
    if (c.text)
      out[py::str(c.name)] = py::cast(c.texts);
    else
      out[py::str(c.name)] = owning_array(std::move(c.numbers));
  }
  return out;
}

py::dict layers_of(sahelsim::CellLayers&& layers) {
  py::dict out;
  for (std::size_t i = 0; i < layers.names.size(); ++i) {
    auto* held = new sahelsim::LayerArray(std::move(layers.layers[i]));
    py::capsule owner(held, [](void* p) { delete static_cast<sahelsim::LayerArray*>(p); });
    const auto rows = static_cast<py::ssize_t>(held->rows()), cols = static_cast<py::ssize_t>(held->cols());
    out[py::str(layers.names[i])] = py::array_t<float>(
        {rows, cols}, {static_cast<py::ssize_t>(cols * sizeof(float)), static_cast<py::ssize_t>(sizeof(float))},
        held->data(), owner);
  }
  return out;
}

// A Python progress function as a C++ one that may be called from any of
// the run's threads: it takes the GIL for each call. The Python object is
// held through a shared pointer so copies of the C++ function never touch
// its reference count without the GIL.
sahelsim::Progress progress_of(const py::object& fn) {
  if (fn.is_none()) return {};
  auto held = std::shared_ptr<py::object>(new py::object(fn), [](py::object* p) {
    py::gil_scoped_acquire gil;
    delete p;
  });
  return [held](std::int64_t done, std::int64_t total, const std::string& where) {
    py::gil_scoped_acquire gil;
    (*held)(done, total, where);
  };
}

void overrides(sahelsim::Overrides& o, std::optional<std::uint64_t> seed, std::optional<int> ticks,
               std::vector<std::string> set) {
  o.seed = seed;
  o.ticks = ticks;
  o.set = std::move(set);
}

py::dict run(const std::string& file, std::optional<std::uint64_t> seed, std::optional<int> ticks,
             std::vector<std::string> set, int threads, std::optional<std::filesystem::path> out, bool tables,
             bool layers, const py::object& progress) {
  sahelsim::RunOptions o;
  overrides(o, seed, ticks, std::move(set));
  o.threads = threads;
  if (out) o.out = *out;
  o.tables = tables;
  o.layers = layers;
  o.progress = progress_of(progress);
  sahelsim::RunResult r;
  {
    py::gil_scoped_release release;
    r = sahelsim::run(file, o);
  }
  py::dict d;
  d["model"] = r.model;
  d["scenario_name"] = r.scenario_name;
  d["scenario_sha256"] = r.scenario_sha256;
  d["seed"] = r.seed;
  d["first_date"] = r.first_date;
  d["last_date"] = r.last_date;
  py::list outcomes;
  for (const auto& m : r.outcomes) outcomes.append(py::make_tuple(m.name, m.value, m.unit, m.description));
  d["outcomes"] = outcomes;
  d["timeseries"] = columns_of(std::move(r.timeseries));
  d["countries"] = columns_of(std::move(r.countries));
  d["events"] = columns_of(std::move(r.events));
  d["grid"] = py::make_tuple(r.layers.lon_min, r.layers.lat_min, r.layers.cell_deg);
  d["layers"] = layers_of(std::move(r.layers));
  d["final_state_sha256"] = r.final_state_sha256;
  d["wall_seconds"] = r.wall_seconds;
  d["outputs"] = r.outputs;
  return d;
}

py::dict compare(const std::vector<std::string>& files, int seeds, std::optional<std::uint64_t> first_seed,
                 std::optional<int> ticks, std::vector<std::string> set, const std::string& branch_at, int threads,
                 std::optional<std::filesystem::path> out, const py::object& progress) {
  sahelsim::CompareOptions o;
  overrides(o, std::nullopt, ticks, std::move(set));
  o.seeds = seeds;
  o.first_seed = first_seed;
  o.branch_at = branch_at;
  o.threads = threads;
  if (out) o.out = *out;
  o.progress = progress_of(progress);
  sahelsim::Comparison c;
  {
    py::gil_scoped_release release;
    c = sahelsim::compare(files, o);
  }
  auto summary = [](const sahelsim::Summary& s) { return py::make_tuple(s.n, s.mean, s.sd, s.ci_low, s.ci_high); };
  py::dict d;
  d["files"] = c.files;
  d["names"] = c.names;
  d["seeds"] = c.seeds;
  d["metrics"] = c.metrics;
  d["values"] = c.values;
  py::list level, difference;
  for (std::size_t m = 0; m < c.level.size(); ++m) {
    py::list l, df;
    for (std::size_t k = 0; k < c.level[m].size(); ++k) {
      l.append(summary(c.level[m][k]));
      df.append(summary(c.difference[m][k]));
    }
    level.append(l);
    difference.append(df);
  }
  d["level"] = level;
  d["difference"] = difference;
  return d;
}

py::dict sweep(const std::string& file, const std::filesystem::path& out, int threads, const std::string& shard,
               bool per_run_outputs, const py::object& progress) {
  sahelsim::SweepOptions o;
  o.threads = threads;
  o.shard = shard;
  o.per_run_outputs = per_run_outputs;
  o.progress = progress_of(progress);
  sahelsim::SweepResult r;
  {
    py::gil_scoped_release release;
    r = sahelsim::sweep(file, out, o);
  }
  py::dict d;
  d["name"] = r.name;
  d["runs"] = r.runs;
  d["ran"] = r.ran;
  d["failed"] = r.failed;
  d["missing"] = r.missing;
  d["results"] = r.results.empty() ? py::object(py::none()) : py::object(py::str(r.results.string()));
  return d;
}

py::dict check(const std::string& file, std::optional<std::uint64_t> seed, std::optional<int> ticks,
               std::vector<std::string> set) {
  sahelsim::Overrides o;
  overrides(o, seed, ticks, std::move(set));
  const sahelsim::ScenarioInfo i = sahelsim::check(file, o);
  py::dict d;
  d["model"] = i.model;
  d["name"] = i.name;
  d["description"] = i.description;
  d["sha256"] = i.sha256;
  d["seed"] = i.seed;
  d["ticks"] = i.ticks;
  return d;
}

}  // namespace

PYBIND11_MODULE(_sahelsim, m) {
  m.doc() = "sahelsim's compiled core; use the sahelsim package";
  // InputError is a ValueError with the place of the problem.
  static py::handle input_error = py::exception<sahelsim::InputError>(m, "InputError", PyExc_ValueError).release();
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const sahelsim::InputError& e) {
      py::object err = py::reinterpret_borrow<py::object>(input_error)(e.what());
      err.attr("file") = e.file();
      err.attr("line") = e.line();
      err.attr("column") = e.column();
      PyErr_SetObject(input_error.ptr(), err.ptr());
    }
  });
  m.def("version", &sahelsim::version);
  m.def("outcome_catalogue", [] {
    py::list out;
    for (const auto& o : sahelsim::outcome_catalogue()) out.append(py::make_tuple(o.name, o.unit, o.description));
    return out;
  });
  m.def("faction_kinds", [] {
    py::list out;
    for (const auto& k : sahelsim::faction_kinds()) out.append(py::make_tuple(k.kind, k.side));
    return out;
  });
  using py::arg;
  m.def("run", &run, arg("file"), arg("seed"), arg("ticks"), arg("set"), arg("threads"), arg("out"), arg("tables"),
        arg("layers"), arg("progress"));
  m.def("compare", &compare, arg("files"), arg("seeds"), arg("first_seed"), arg("ticks"), arg("set"), arg("branch_at"),
        arg("threads"), arg("out"), arg("progress"));
  m.def("sweep", &sweep, arg("file"), arg("out"), arg("threads"), arg("shard"), arg("per_run_outputs"),
        arg("progress"));
  m.def("check", &check, arg("file"), arg("seed"), arg("ticks"), arg("set"));
}
