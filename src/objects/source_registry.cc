// Per-isolate registry of program sources (see source_registry.h).
#include "objects/source_registry.h"

namespace capy {

void register_source(Isolate& I, std::string filename, std::string text) {
  SourceRegistry::Entry e;
  e.text = std::move(text);
  source_registry(I).files.insert_or_assign(std::move(filename), std::move(e));
}

std::string_view isolate_source_line(Isolate& I, std::string_view filename, uint32_t lineno) {
  SourceRegistry& reg = source_registry(I);
  auto it = reg.files.find(std::string(filename));
  if (it == reg.files.end() || lineno == 0) return {};
  SourceRegistry::Entry& e = it->second;
  if (e.line_starts.empty()) {
    e.line_starts.push_back(0);
    for (size_t i = 0; i < e.text.size(); ++i) {
      char c = e.text[i];
      if (c == '\n' || (c == '\r' && (i + 1 >= e.text.size() || e.text[i + 1] != '\n')))
        e.line_starts.push_back(static_cast<uint32_t>(i + 1));
    }
  }
  if (lineno > e.line_starts.size()) return {};
  size_t start = e.line_starts[lineno - 1];
  if (start >= e.text.size()) return {};
  size_t end = lineno < e.line_starts.size() ? e.line_starts[lineno] : e.text.size();
  std::string_view line(e.text.data() + start, end - start);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  return line;
}

}  // namespace capy
