// Helpers on compiler constants: repr for the disassembler, identity and hashing
// for de-duplication of CodeUnit::consts.
#include "compiler/code_unit.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace capy::compiler {

namespace {

// Python's float repr: shortest round-trip digits, fixed notation for decimal
// exponents in [-4, 16), scientific otherwise ("1e+16", "1.5e-05").
std::string float_repr(double d, bool force_point) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, r.ptr);
  size_t epos = sci.find('e');
  std::string mant = sci.substr(0, epos);
  int exp = std::atoi(sci.c_str() + epos + 1);
  bool neg = !mant.empty() && mant[0] == '-';
  if (neg) mant.erase(0, 1);
  std::string digits;
  for (char c : mant)
    if (c != '.') digits += c;
  std::string out = neg ? "-" : "";
  if (exp < -4 || exp >= 16) {
    out += digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    out += eb;
    return out;
  }
  if (exp < 0) {
    out += "0." + std::string(static_cast<size_t>(-exp - 1), '0') + digits;
  } else if (static_cast<size_t>(exp) + 1 >= digits.size()) {
    out += digits + std::string(static_cast<size_t>(exp) + 1 - digits.size(), '0');
    if (force_point) out += ".0";
  } else {
    out += digits.substr(0, static_cast<size_t>(exp) + 1) + "." + digits.substr(static_cast<size_t>(exp) + 1);
  }
  return out;
}

void append_hex(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += "\\x";
  out += kHex[c >> 4];
  out += kHex[c & 15];
}

std::string str_repr(const std::string& s, bool bytes) {
  bool has_single = s.find('\'') != std::string::npos;
  bool has_double = s.find('"') != std::string::npos;
  char quote = (has_single && !has_double) ? '"' : '\'';
  std::string out = bytes ? "b" : "";
  out += quote;
  for (unsigned char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c == static_cast<unsigned char>(quote)) {
          out += '\\';
          out += static_cast<char>(c);
        } else if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80)) {
          append_hex(out, c);
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += quote;
  return out;
}

uint64_t mix(uint64_t h, uint64_t v) noexcept {
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  return h;
}

uint64_t hash_bytes(const std::string& s) noexcept {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

uint64_t double_bits(double d) noexcept {
  uint64_t b;
  std::memcpy(&b, &d, sizeof b);
  return b;
}

}  // namespace

std::string const_repr(const Const& c) {
  switch (c.kind()) {
    case Const::kNone: return "None";
    case Const::kEllipsis: return "Ellipsis";
    case Const::kBool: return c.get<bool>() ? "True" : "False";
    case Const::kInt: return std::to_string(c.get<int64_t>());
    case Const::kBigInt: return c.get<BigIntConst>().decimal;
    case Const::kFloat: return float_repr(c.get<double>(), true);
    case Const::kComplex: {
      const auto& z = c.get<ComplexConst>();
      if (z.real == 0 && !std::signbit(z.real)) return float_repr(z.imag, false) + "j";
      std::string im = float_repr(z.imag, false);
      if (im[0] != '-') im = "+" + im;
      return "(" + float_repr(z.real, false) + im + "j)";
    }
    case Const::kStr: return str_repr(c.get<std::string>(), false);
    case Const::kBytes: return str_repr(c.get<BytesConst>().data, true);
    case Const::kTuple: {
      const auto& t = c.get<TupleConst>();
      std::string out = t.frozenset ? "frozenset({" : "(";
      for (size_t i = 0; i < t.items.size(); ++i) {
        if (i) out += ", ";
        out += const_repr(t.items[i]);
      }
      if (!t.frozenset && t.items.size() == 1) out += ",";
      out += t.frozenset ? "})" : ")";
      if (t.frozenset && t.items.empty()) return "frozenset()";
      return out;
    }
    case Const::kCode: {
      const auto& code = c.get<CodeConst>();
      return "<code object " + (code ? code->name : std::string("?")) + ", line " +
             std::to_string(code ? code->firstlineno : 0) + ">";
    }
  }
  return "?";
}

bool const_identical(const Const& a, const Const& b) noexcept {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Const::kNone: case Const::kEllipsis: return true;
    case Const::kBool: return a.get<bool>() == b.get<bool>();
    case Const::kInt: return a.get<int64_t>() == b.get<int64_t>();
    case Const::kBigInt: return a.get<BigIntConst>().decimal == b.get<BigIntConst>().decimal;
    case Const::kFloat: return double_bits(a.get<double>()) == double_bits(b.get<double>());
    case Const::kComplex:
      return double_bits(a.get<ComplexConst>().real) == double_bits(b.get<ComplexConst>().real) &&
             double_bits(a.get<ComplexConst>().imag) == double_bits(b.get<ComplexConst>().imag);
    case Const::kStr: return a.get<std::string>() == b.get<std::string>();
    case Const::kBytes: return a.get<BytesConst>().data == b.get<BytesConst>().data;
    case Const::kTuple: {
      const auto& x = a.get<TupleConst>();
      const auto& y = b.get<TupleConst>();
      if (x.frozenset != y.frozenset || x.items.size() != y.items.size()) return false;
      for (size_t i = 0; i < x.items.size(); ++i)
        if (!const_identical(x.items[i], y.items[i])) return false;
      return true;
    }
    case Const::kCode: return a.get<CodeConst>() == b.get<CodeConst>();
  }
  return false;
}

uint64_t const_hash(const Const& c) noexcept {
  uint64_t h = c.kind();
  switch (c.kind()) {
    case Const::kNone: case Const::kEllipsis: return h;
    case Const::kBool: return mix(h, c.get<bool>());
    case Const::kInt: return mix(h, static_cast<uint64_t>(c.get<int64_t>()));
    case Const::kBigInt: return mix(h, hash_bytes(c.get<BigIntConst>().decimal));
    case Const::kFloat: return mix(h, double_bits(c.get<double>()));
    case Const::kComplex:
      return mix(mix(h, double_bits(c.get<ComplexConst>().real)), double_bits(c.get<ComplexConst>().imag));
    case Const::kStr: return mix(h, hash_bytes(c.get<std::string>()));
    case Const::kBytes: return mix(h, hash_bytes(c.get<BytesConst>().data));
    case Const::kTuple: {
      const auto& t = c.get<TupleConst>();
      h = mix(h, t.frozenset);
      for (const auto& item : t.items) h = mix(h, const_hash(item));
      return h;
    }
    case Const::kCode: return mix(h, reinterpret_cast<uintptr_t>(c.get<CodeConst>().get()));
  }
  return h;
}

}  // namespace capy::compiler
