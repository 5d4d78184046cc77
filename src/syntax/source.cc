// Source preparation: BOM, PEP 263 coding cookie, UTF-8 validation, newline normalisation, line table.
#include "syntax/source.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>

namespace capy::syntax {

std::string_view error_kind_name(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::SyntaxError: return "SyntaxError";
    case ErrorKind::IndentationError: return "IndentationError";
    case ErrorKind::TabError: return "TabError";
    case ErrorKind::RecursionError: return "RecursionError";
    case ErrorKind::MemoryError: return "MemoryError";
  }
  return "SyntaxError";
}

std::string SyntaxErrorInfo::summary() const {
  std::string out(error_kind_name(kind));
  if (!msg.empty()) {
    out += ": ";
    out += msg;
  }
  return out;
}

namespace {

// Length of the valid UTF-8 sequence at s (with n bytes available), or 0.
// Rejects overlong forms, surrogates and code points above U+10FFFF, like
// CPython's UTF-8 decoder.
size_t utf8_sequence_length(const unsigned char* s, size_t n) {
  unsigned char c = s[0];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  if (c < 0xE0) return (n >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;
  if (c < 0xF0) {
    if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && s[1] < 0xA0) return 0;   // overlong
    if (c == 0xED && s[1] >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c < 0xF5) {
    if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80) return 0;
    if (c == 0xF0 && s[1] < 0x90) return 0;   // overlong
    if (c == 0xF4 && s[1] >= 0x90) return 0;  // > U+10FFFF
    return 4;
  }
  return 0;
}

// PEP 263: looks for "coding[:=]\s*([-\w.]+)" in a comment line.
bool find_cookie(std::string_view line, std::string* name) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) ++i;
  if (i >= line.size() || line[i] != '#') return false;
  size_t pos = line.find("coding", i);
  while (pos != std::string_view::npos) {
    size_t j = pos + 6;
    if (j < line.size() && (line[j] == ':' || line[j] == '=')) {
      ++j;
      while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
      size_t start = j;
      while (j < line.size()) {
        unsigned char c = static_cast<unsigned char>(line[j]);
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
          ++j;
        } else {
          break;
        }
      }
      if (j > start) {
        *name = std::string(line.substr(start, j - start));
        return true;
      }
    }
    pos = line.find("coding", pos + 1);
  }
  return false;
}

// tokenizer.c get_normal_name(): "utf-8", "iso-8859-1" or the name itself.
std::string normal_encoding_name(const std::string& s) {
  std::string buf;
  for (size_t i = 0; i < s.size() && i < 12; ++i) {
    char c = s[i];
    buf += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  auto starts = [&](const char* p) { return buf.compare(0, std::strlen(p), p) == 0; };
  if (buf == "utf-8" || starts("utf-8-")) return "utf-8";
  if (buf == "latin-1" || buf == "iso-8859-1" || buf == "iso-latin-1" || starts("latin-1-") || starts("iso-8859-1-") ||
      starts("iso-latin-1-")) {
    return "iso-8859-1";
  }
  return s;
}

}  // namespace

bool Source::prepare(std::string_view raw, std::string_view filename, SyntaxErrorInfo* error) {
  filename_ = std::string(filename);
  text_.clear();
  line_starts_.clear();
  auto fail = [&](std::string msg, int lineno) {
    error->kind = ErrorKind::SyntaxError;
    error->msg = std::move(msg);
    error->filename = filename_;
    error->lineno = lineno;
    error->offset = lineno > 0 ? 0 : -1;
    error->end_lineno = 0;
    error->end_offset = 0;
    error->text.clear();
    return false;
  };

  bool bom = false;
  if (raw.size() >= 3 && static_cast<unsigned char>(raw[0]) == 0xEF && static_cast<unsigned char>(raw[1]) == 0xBB &&
      static_cast<unsigned char>(raw[2]) == 0xBF) {
    raw.remove_prefix(3);
    bom = true;
  }

  // Null bytes are rejected before anything else (CPython 3.11.4+).
  if (const void* nul = std::memchr(raw.data(), 0, raw.size())) {
    size_t at = static_cast<const char*>(nul) - raw.data();
    int lineno = 1 + static_cast<int>(std::count(raw.begin(), raw.begin() + static_cast<long>(at), '\n'));
    return fail("source code cannot contain null bytes", lineno);
  }

  // Coding cookie: line 1, or line 2 if line 1 is blank or a comment.
  std::string encoding = "utf-8";
  bool declared = false;
  {
    size_t e1 = raw.find('\n');
    std::string_view l1 = raw.substr(0, e1 == std::string_view::npos ? raw.size() : e1);
    std::string name;
    if (find_cookie(l1, &name)) {
      declared = true;
      encoding = name;
    } else if (e1 != std::string_view::npos) {
      size_t k = 0;
      while (k < l1.size() && (l1[k] == ' ' || l1[k] == '\t' || l1[k] == '\f' || l1[k] == '\r')) ++k;
      if (k == l1.size() || l1[k] == '#') {
        std::string_view rest = raw.substr(e1 + 1);
        size_t e2 = rest.find('\n');
        if (find_cookie(rest.substr(0, e2 == std::string_view::npos ? rest.size() : e2), &name)) {
          declared = true;
          encoding = name;
        }
      }
    }
  }
  std::string norm = normal_encoding_name(encoding);
  std::string lowered;
  for (char c : norm) lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool latin1 = false;
  if (norm == "utf-8" || lowered == "utf8") {
    // default
  } else if (norm == "iso-8859-1" || lowered == "latin1" || lowered == "l1" || lowered == "iso8859-1") {
    latin1 = true;
  } else if (lowered == "ascii" || lowered == "us-ascii") {
    // ASCII is a subset of UTF-8; non-ASCII bytes fail validation below.
  } else {
    if (bom) return fail("encoding problem: " + encoding + " with BOM", 0);
    return fail("encoding problem: " + encoding, 0);
  }
  if (bom && declared && norm != "utf-8") return fail("encoding problem: " + encoding + " with BOM", 0);

  text_.reserve(raw.size() + 2);
  if (latin1) {
    for (char ch : raw) {
      unsigned char c = static_cast<unsigned char>(ch);
      if (c < 0x80) {
        text_ += ch;
      } else {
        text_ += static_cast<char>(0xC0 | (c >> 6));
        text_ += static_cast<char>(0x80 | (c & 0x3F));
      }
    }
  } else {
    const auto* s = reinterpret_cast<const unsigned char*>(raw.data());
    size_t n = raw.size();
    size_t i = 0;
    while (i < n) {
      // Fast path over ASCII runs.
      size_t j = i;
      while (j < n && s[j] < 0x80) ++j;
      if (j == n) break;
      size_t len = utf8_sequence_length(s + j, n - j);
      if (len == 0) {
        int lineno = 1 + static_cast<int>(std::count(raw.begin(), raw.begin() + static_cast<long>(j), '\n'));
        char hex[8];
        std::snprintf(hex, sizeof hex, "%02x", s[j]);
        if (declared) {
          return fail(std::string("(unicode error) 'utf-8' codec can't decode byte 0x") + hex + " in position " +
                          std::to_string(j) + ": invalid start byte",
                      lineno);
        }
        return fail(std::string("Non-UTF-8 code starting with '\\x") + hex + "' in file " + filename_ + " on line " +
                        std::to_string(lineno) +
                        ", but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                    lineno);
      }
      i = j + len;
    }
    text_.assign(raw.data(), raw.size());
  }

  // Universal newlines.
  if (text_.find('\r') != std::string::npos) {
    std::string out;
    out.reserve(text_.size());
    for (size_t i = 0; i < text_.size(); ++i) {
      char c = text_[i];
      if (c == '\r') {
        out += '\n';
        if (i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
      } else {
        out += c;
      }
    }
    text_.swap(out);
  }
  added_final_newline_ = false;
  if (!text_.empty() && text_.back() != '\n') {
    text_ += '\n';
    added_final_newline_ = true;
  }

  const char* p = text_.data();
  const char* end = p + text_.size();
  while (p < end) {
    line_starts_.push_back(static_cast<uint32_t>(p - text_.data()));
    const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
    p = nl ? static_cast<const char*>(nl) + 1 : end;
  }
  return true;
}

uint32_t Source::line_start(int lineno) const noexcept {
  if (lineno < 1) return 0;
  if (lineno > line_count()) return size();
  return line_starts_[static_cast<size_t>(lineno - 1)];
}

std::string_view Source::line_with_newline(int lineno) const noexcept {
  if (lineno < 1 || lineno > line_count()) return {};
  uint32_t s = line_starts_[static_cast<size_t>(lineno - 1)];
  uint32_t e = lineno < line_count() ? line_starts_[static_cast<size_t>(lineno)] : size();
  return std::string_view(text_).substr(s, e - s);
}

std::string_view Source::line(int lineno) const noexcept {
  std::string_view l = line_with_newline(lineno);
  if (!l.empty() && l.back() == '\n') l.remove_suffix(1);
  return l;
}

int Source::line_of(uint32_t pos) const noexcept {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), pos);
  int n = static_cast<int>(it - line_starts_.begin());
  return n < 1 ? 1 : n;
}

int Source::byte_to_char_col(int lineno, int byte_col) const noexcept {
  if (byte_col <= 0) return byte_col;
  std::string_view l = line_with_newline(lineno);
  int len = static_cast<int>(l.size());
  int extra = 0;
  if (byte_col > len) {
    extra = 1;  // CPython decodes one byte past the end (the NUL terminator)
    byte_col = len;
  }
  int chars = 0;
  for (int i = 0; i < byte_col; ++i) {
    if ((static_cast<unsigned char>(l[static_cast<size_t>(i)]) & 0xC0) != 0x80) ++chars;
  }
  return chars + extra;
}

}  // namespace capy::syntax
