// Per-isolate registry of program sources, so that tracebacks can show the
// line of each entry (CPython reads them back through linecache).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace capy {

class Isolate;

struct SourceRegistry {
  struct Entry {
    std::string text;
    std::vector<uint32_t> line_starts;  // byte offset of each line; built on first use
  };
  std::unordered_map<std::string, Entry> files;
};

/// The isolate's registry. Implemented by the lead (an Isolate member).
SourceRegistry& source_registry(Isolate& I);

/// Records the source text of `filename` (replacing an earlier one).
void register_source(Isolate& I, std::string filename, std::string text);
/// Line `lineno` (1-based) of a registered file, without its line break;
/// empty when unknown.
std::string_view isolate_source_line(Isolate& I, std::string_view filename, uint32_t lineno);

}  // namespace capy
