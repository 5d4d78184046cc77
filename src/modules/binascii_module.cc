// binascii: conversions between binary data and ASCII encodings (hex,
// base64, uu, quoted-printable) and the crc32 / crc_hqx checksums, as
// CPython 3.11's binascii module. The Error and Incomplete classes are
// defined in Python (kBinasciiSource); the native functions find them through
// sys.modules and fall back to ValueError / Exception if the module was
// removed from it.
#include <cstring>
#include <string>
#include <zlib.h>

#include "modules/registry.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/memoryview.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/eval.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

Type* binascii_class(Isolate& I, const char* name, Type* fallback) {
  // The module's own exception classes, as its init left them.
  Value t = native_module_state(I, "binascii", name);
  if (!t.is_object() || !(type_of(I, t)->flags & kTypeTypeSubclass)) return fallback;
  Type* k = t.as<Type>();
  return (k->flags & kTypeExceptionSubclass) ? k : fallback;
}

Value raise_error(Isolate& I, const char* msg) {
  return raise(I, binascii_class(I, "Error", I.rt.exc_ValueError), msg);
}

/// A bytes-like argument (binary side). Returns false with TypeError set.
bool get_buffer(Isolate& I, Value v, std::string_view* out, std::string* keep) {
  int r = buffer_bytes(I, v, out, keep);
  if (r < 0) return false;
  if (r == 0) {
    raisef(I, I.rt.exc_TypeError, "a bytes-like object is required, not '%s'", type_name(I, v));
    return false;
  }
  return true;
}

/// An ASCII-side argument: bytes-like or an ASCII-only str.
bool get_ascii(Isolate& I, Value v, std::string_view* out, std::string* keep) {
  if (v.is_object() && (v.as_object()->type_->flags & kTypeStrSubclass)) {
    Str* s = v.as<Str>();
    if (!s->ascii) {
      raise(I, I.rt.exc_ValueError, "string argument should contain only ASCII characters");
      return false;
    }
    *out = s->view();
    return true;
  }
  int r = buffer_bytes(I, v, out, keep);
  if (r < 0) return false;
  if (r == 0) {
    raisef(I, I.rt.exc_TypeError, "argument should be bytes, buffer or ASCII string, not '%s'", type_name(I, v));
    return false;
  }
  return true;
}

/// unsigned int(bitwise=True): any int, truncated to 32 bits.
bool get_uint_mask(Isolate& I, Value v, uint32_t* out) {
  if (v.is_small_int()) {
    *out = static_cast<uint32_t>(static_cast<uint64_t>(v.as_small_int()));
    return true;
  }
  Value iv = index(I, v);
  if (iv.is_error()) return false;
  iv = int_unwrap(I, iv);
  int64_t x;
  if (int_to_i64(iv, &x)) {
    *out = static_cast<uint32_t>(static_cast<uint64_t>(x));
    return true;
  }
  // Big: take the low 32 bits of the two's complement.
  Value m = binary_op(I, iv, int_from_i64(I, 0xFFFFFFFFll), NbOp::And);
  if (m.is_error()) return false;
  if (!int_to_i64(m, &x)) return false;
  *out = static_cast<uint32_t>(x);
  return true;
}

bool get_bool(Isolate& I, Value v, bool dflt, bool* out) {
  if (v.is_null()) {
    *out = dflt;
    return true;
  }
  int r = truthy(I, v);
  if (r < 0) return false;
  *out = r != 0;
  return true;
}

const char kHexDigits[] = "0123456789abcdef";

inline int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

/// hex with an optional separator (shared logic of b2a_hex / hexlify), as
/// CPython's _Py_strhex_impl: groups counted from the right when
/// bytes_per_sep > 0, from the left when < 0.
Value binascii_hex(Isolate& I, std::string_view data, Value sep, Value bps_v) {
  char sepc = 0;
  bool has_sep = false;
  if (!sep.is_null() && !sep.is_none()) {
    if (sep.is_object() && (sep.as_object()->type_->flags & kTypeStrSubclass)) {
      Str* s = sep.as<Str>();
      if (s->length != 1) return raise(I, I.rt.exc_ValueError, "sep must be length 1.");
      uint32_t cp = str_char_at(s, 0);
      if (cp > 255) return raise(I, I.rt.exc_ValueError, "sep must be ASCII.");
      sepc = static_cast<char>(cp);
    } else {
      std::string_view sv;
      std::string keep;
      int r = buffer_bytes(I, sep, &sv, &keep);
      if (r < 0) return Value::error();
      if (r == 0) {
        int64_t n = length(I, sep);
        if (n < 0) return Value::error();
        return raise(I, I.rt.exc_ValueError, "sep must be length 1.");
      }
      if (sv.size() != 1) return raise(I, I.rt.exc_ValueError, "sep must be length 1.");
      sepc = sv[0];
    }
    has_sep = true;
  }
  int64_t bps = 1;
  if (!bps_v.is_null()) {
    if (!index_i64(I, bps_v, &bps)) {
      if (!pending_matches(I, I.rt.exc_OverflowError)) return Value::error();
      I.pending = nullptr;
      bps = INT64_MAX;
    }
    if (bps > INT32_MAX || bps < INT32_MIN)
      return raise(I, I.rt.exc_OverflowError, "Python int too large to convert to C int");
  }
  size_t n = data.size();
  if (!has_sep || bps == 0 || n == 0) {
    Bytes* b = bytes_alloc(I, n * 2);
    if (!b) return Value::error();
    for (size_t i = 0; i < n; ++i) {
      unsigned char c = static_cast<unsigned char>(data[i]);
      b->data[2 * i] = kHexDigits[c >> 4];
      b->data[2 * i + 1] = kHexDigits[c & 15];
    }
    return Value::object(b);
  }
  uint64_t group = static_cast<uint64_t>(bps < 0 ? -bps : bps);
  size_t nseps = group >= n ? 0 : (n - 1) / group;
  Bytes* b = bytes_alloc(I, n * 2 + nseps);
  if (!b) return Value::error();
  char* p = b->data;
  for (size_t i = 0; i < n; ++i) {
    // Separator before byte i?
    if (i > 0 && nseps) {
      bool put = bps < 0 ? (i % group == 0) : ((n - i) % group == 0);
      if (put) *p++ = sepc;
    }
    unsigned char c = static_cast<unsigned char>(data[i]);
    *p++ = kHexDigits[c >> 4];
    *p++ = kHexDigits[c & 15];
  }
  return Value::object(b);
}

namespace {

Value fn_b2a_hex(Isolate& I, const Value* args, size_t nargs, Tuple* kw, const char* name) {
  Value a[3];
  if (bind_args(I, name, args, nargs, kw, {"data", "sep", "bytes_per_sep"}, 0, 3, 1, a) < 0) return Value::error();
  std::string_view data;
  std::string keep;
  if (!get_buffer(I, a[0], &data, &keep)) return Value::error();
  return binascii_hex(I, data, a[1], a[2]);
}
Value fn_hexlify(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  return fn_b2a_hex(I, args, nargs, kw, "hexlify");
}
Value fn_b2a_hex_(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  return fn_b2a_hex(I, args, nargs, kw, "b2a_hex");
}

Value fn_a2b_hex(Isolate& I, const Value* args, size_t nargs, Tuple* kw, const char* name) {
  Value a[1];
  if (bind_args(I, name, args, nargs, kw, {"hexstr"}, 0, 1, 1, a) < 0) return Value::error();
  std::string_view s;
  std::string keep;
  if (!get_ascii(I, a[0], &s, &keep)) return Value::error();
  if (s.size() % 2) return raise_error(I, "Odd-length string");
  Bytes* b = bytes_alloc(I, s.size() / 2);
  if (!b) return Value::error();
  for (size_t i = 0; i < s.size(); i += 2) {
    int hi = hex_value(static_cast<unsigned char>(s[i]));
    int lo = hex_value(static_cast<unsigned char>(s[i + 1]));
    if (hi < 0 || lo < 0) return raise_error(I, "Non-hexadecimal digit found");
    b->data[i / 2] = static_cast<char>((hi << 4) | lo);
  }
  return Value::object(b);
}
Value fn_unhexlify(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  return fn_a2b_hex(I, args, nargs, kw, "unhexlify");
}
Value fn_a2b_hex_(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  return fn_a2b_hex(I, args, nargs, kw, "a2b_hex");
}

// --- base64 -----------------------------------------------------------------------

const char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int8_t b64_value(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return static_cast<int8_t>(c - 'A');
  if (c >= 'a' && c <= 'z') return static_cast<int8_t>(c - 'a' + 26);
  if (c >= '0' && c <= '9') return static_cast<int8_t>(c - '0' + 52);
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

Value fn_b2a_base64(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  if (nargs > 1) return raisef(I, I.rt.exc_TypeError, "b2a_base64() takes exactly 1 positional argument (%zu given)", nargs);
  if (bind_args(I, "b2a_base64", args, nargs, kw, {"data", "newline"}, 1, 1, 1, a) < 0) return Value::error();
  bool newline;
  if (!get_bool(I, a[1], true, &newline)) return Value::error();
  std::string_view d;
  std::string keep;
  if (!get_buffer(I, a[0], &d, &keep)) return Value::error();
  size_t n = d.size();
  size_t out = (n + 2) / 3 * 4 + (newline ? 1 : 0);
  Bytes* b = bytes_alloc(I, out);
  if (!b) return Value::error();
  char* p = b->data;
  const unsigned char* s = reinterpret_cast<const unsigned char*>(d.data());
  size_t i = 0;
  for (; i + 3 <= n; i += 3) {
    uint32_t v = (uint32_t(s[i]) << 16) | (uint32_t(s[i + 1]) << 8) | s[i + 2];
    *p++ = kB64[v >> 18];
    *p++ = kB64[(v >> 12) & 63];
    *p++ = kB64[(v >> 6) & 63];
    *p++ = kB64[v & 63];
  }
  if (n - i == 1) {
    uint32_t v = uint32_t(s[i]) << 16;
    *p++ = kB64[v >> 18];
    *p++ = kB64[(v >> 12) & 63];
    *p++ = '=';
    *p++ = '=';
  } else if (n - i == 2) {
    uint32_t v = (uint32_t(s[i]) << 16) | (uint32_t(s[i + 1]) << 8);
    *p++ = kB64[v >> 18];
    *p++ = kB64[(v >> 12) & 63];
    *p++ = kB64[(v >> 6) & 63];
    *p++ = '=';
  }
  if (newline) *p++ = '\n';
  return Value::object(b);
}

Value fn_a2b_base64(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  if (nargs > 1) return raisef(I, I.rt.exc_TypeError, "a2b_base64() takes exactly 1 positional argument (%zu given)", nargs);
  if (bind_args(I, "a2b_base64", args, nargs, kw, {"data", "strict_mode"}, 1, 1, 1, a) < 0) return Value::error();
  bool strict;
  if (!get_bool(I, a[1], false, &strict)) return Value::error();
  std::string_view d;
  std::string keep;
  if (!get_ascii(I, a[0], &d, &keep)) return Value::error();
  std::string out;
  out.reserve(d.size() / 4 * 3 + 3);
  if (strict && !d.empty() && d[0] == '=') return raise_error(I, "Leading padding not allowed");
  int quad_pos = 0;
  unsigned leftchar = 0;
  int pads = 0;
  bool padding_started = false;
  size_t n = d.size();
  for (size_t i = 0; i < n; ++i) {
    unsigned char ch = static_cast<unsigned char>(d[i]);
    if (ch == '=') {
      padding_started = true;
      if (strict && quad_pos == 0) return raise_error(I, "Excess padding not allowed");
      if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
        if (strict && i + 1 < n) return raise_error(I, "Excess data after padding");
        quad_pos = 0;
        goto done;
      }
      continue;
    }
    {
      int v = b64_value(ch);
      if (v < 0) {
        if (strict) return raise_error(I, "Only base64 data is allowed");
        continue;
      }
      if (strict && padding_started) return raise_error(I, "Discontinuous padding not allowed");
      pads = 0;
      switch (quad_pos) {
        case 0:
          quad_pos = 1;
          leftchar = static_cast<unsigned>(v);
          break;
        case 1:
          quad_pos = 2;
          out += static_cast<char>((leftchar << 2) | (static_cast<unsigned>(v) >> 4));
          leftchar = static_cast<unsigned>(v) & 0x0f;
          break;
        case 2:
          quad_pos = 3;
          out += static_cast<char>((leftchar << 4) | (static_cast<unsigned>(v) >> 2));
          leftchar = static_cast<unsigned>(v) & 0x03;
          break;
        default:
          quad_pos = 0;
          out += static_cast<char>((leftchar << 6) | static_cast<unsigned>(v));
          leftchar = 0;
          break;
      }
    }
  }
  if (quad_pos != 0) {
    if (quad_pos == 1) {
      std::string msg = "Invalid base64-encoded string: number of data characters (" +
                        std::to_string(out.size() / 3 * 4 + 1) + ") cannot be 1 more than a multiple of 4";
      return raise_error(I, msg.c_str());
    }
    return raise_error(I, "Incorrect padding");
  }
done:
  return bytes_value(I, out);
}

// --- uu ----------------------------------------------------------------------------

Value fn_a2b_uu(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  if (check_no_kwargs(I, "a2b_uu", kw) < 0) return Value::error();
  if (nargs != 1) return raisef(I, I.rt.exc_TypeError, "a2b_uu() takes exactly one argument (%zu given)", nargs);
  if (bind_args(I, "a2b_uu", args, nargs, kw, {"data"}, 1, 1, 1, a) < 0) return Value::error();
  std::string_view d;
  std::string keep;
  if (!get_ascii(I, a[0], &d, &keep)) return Value::error();
  const unsigned char* p = reinterpret_cast<const unsigned char*>(d.data());
  int64_t len = static_cast<int64_t>(d.size());
  // The first byte is the binary length (a missing one reads as NUL, as CPython).
  unsigned first = len > 0 ? p[0] : 0;
  int64_t bin_len = static_cast<int64_t>((first - ' ') & 077);
  if (len > 0) {
    ++p;
    --len;
  }
  std::string out;
  out.reserve(static_cast<size_t>(bin_len));
  unsigned leftchar = 0;
  int leftbits = 0;
  for (; bin_len > 0; --len, ++p) {
    unsigned ch = len > 0 ? *p : 0;
    if (ch == '\n' || ch == '\r' || len <= 0) {
      ch = 0;
    } else {
      if (ch < ' ' || ch > (' ' + 64)) return raise_error(I, "Illegal char");
      ch = (ch - ' ') & 077;
    }
    leftchar = (leftchar << 6) | ch;
    leftbits += 6;
    if (leftbits >= 8) {
      leftbits -= 8;
      out += static_cast<char>((leftchar >> leftbits) & 0xff);
      leftchar &= (1u << leftbits) - 1;
      --bin_len;
    }
  }
  while (len-- > 0) {
    unsigned ch = *p++;
    if (ch != ' ' && ch != ' ' + 64 && ch != '\n' && ch != '\r') return raise_error(I, "Trailing garbage");
  }
  return bytes_value(I, out);
}

Value fn_b2a_uu(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  if (nargs > 1) return raisef(I, I.rt.exc_TypeError, "b2a_uu() takes exactly 1 positional argument (%zu given)", nargs);
  if (bind_args(I, "b2a_uu", args, nargs, kw, {"data", "backtick"}, 1, 1, 1, a) < 0) return Value::error();
  bool backtick;
  if (!get_bool(I, a[1], false, &backtick)) return Value::error();
  std::string_view d;
  std::string keep;
  if (!get_buffer(I, a[0], &d, &keep)) return Value::error();
  if (d.size() > 45) return raise_error(I, "At most 45 bytes at once");
  std::string out;
  int64_t bin_len = static_cast<int64_t>(d.size());
  const unsigned char* s = reinterpret_cast<const unsigned char*>(d.data());
  out += (backtick && !bin_len) ? '`' : static_cast<char>(' ' + bin_len);
  unsigned leftchar = 0;
  int leftbits = 0;
  for (; bin_len > 0 || leftbits != 0; --bin_len, ++s) {
    if (bin_len > 0) leftchar = (leftchar << 8) | *s;
    else leftchar <<= 8;
    leftbits += 8;
    while (leftbits >= 6) {
      unsigned ch = (leftchar >> (leftbits - 6)) & 0x3f;
      leftbits -= 6;
      out += (backtick && !ch) ? '`' : static_cast<char>(ch + ' ');
    }
  }
  out += '\n';
  return bytes_value(I, out);
}

// --- quoted-printable ----------------------------------------------------------------

Value fn_a2b_qp(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  if (bind_args(I, "a2b_qp", args, nargs, kw, {"data", "header"}, 0, 2, 1, a) < 0) return Value::error();
  bool header;
  if (!get_bool(I, a[1], false, &header)) return Value::error();
  std::string_view d;
  std::string keep;
  if (!get_ascii(I, a[0], &d, &keep)) return Value::error();
  std::string out;
  size_t n = d.size(), in = 0;
  while (in < n) {
    if (d[in] == '=') {
      ++in;
      if (in >= n) break;
      // Soft line breaks.
      if (d[in] == '\n' || d[in] == '\r') {
        if (d[in] != '\n') {
          while (in < n && d[in] != '\n') ++in;
        }
        if (in < n) ++in;
      } else if (d[in] == '=') {
        out += '=';
        ++in;
      } else if (in + 1 < n && hex_value(static_cast<unsigned char>(d[in])) >= 0 &&
                 hex_value(static_cast<unsigned char>(d[in + 1])) >= 0) {
        out += static_cast<char>((hex_value(static_cast<unsigned char>(d[in])) << 4) |
                                 hex_value(static_cast<unsigned char>(d[in + 1])));
        in += 2;
      } else {
        out += '=';
      }
    } else if (header && d[in] == '_') {
      out += ' ';
      ++in;
    } else {
      out += d[in];
      ++in;
    }
  }
  return bytes_value(I, out);
}

Value fn_b2a_qp(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[4];
  if (bind_args(I, "b2a_qp", args, nargs, kw, {"data", "quotetabs", "istext", "header"}, 0, 4, 1, a) < 0)
    return Value::error();
  bool quotetabs, istext, header;
  if (!get_bool(I, a[1], false, &quotetabs) || !get_bool(I, a[2], true, &istext) ||
      !get_bool(I, a[3], false, &header))
    return Value::error();
  std::string_view d;
  std::string keep;
  if (!get_buffer(I, a[0], &d, &keep)) return Value::error();
  const unsigned char* s = reinterpret_cast<const unsigned char*>(d.data());
  size_t n = d.size();
  const size_t kMaxLine = 76;
  // Line ending style: CRLF if the first line ends with \r\n.
  bool crlf = false;
  {
    const void* nl = std::memchr(s, '\n', n);
    if (nl) {
      size_t pos = static_cast<const unsigned char*>(nl) - s;
      if (pos > 0 && s[pos - 1] == '\r') crlf = true;
    }
  }
  auto needs_quote = [&](size_t in, size_t linelen) {
    unsigned char c = s[in];
    return c > 126 || c == '=' || (header && c == '_') ||
           (c == '.' && linelen == 0 && (in + 1 == n || s[in + 1] == '\n' || s[in + 1] == '\r' || s[in + 1] == 0)) ||
           (!istext && (c == '\r' || c == '\n')) || ((c == '\t' || c == ' ') && in + 1 == n) ||
           (c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' ')));
  };
  static const char kUpper[] = "0123456789ABCDEF";
  std::string out;
  size_t linelen = 0, in = 0;
  while (in < n) {
    unsigned char c = s[in];
    if (needs_quote(in, linelen)) {
      if (linelen + 3 >= kMaxLine) {
        out += '=';
        if (crlf) out += '\r';
        out += '\n';
        linelen = 0;
      }
      out += '=';
      out += kUpper[c >> 4];
      out += kUpper[c & 15];
      linelen += 3;
      ++in;
    } else if (istext && (c == '\n' || (in + 1 < n && c == '\r' && s[in + 1] == '\n'))) {
      linelen = 0;
      if (!out.empty() && (out.back() == ' ' || out.back() == '\t')) {
        unsigned char ch = static_cast<unsigned char>(out.back());
        out.back() = '=';
        out += kUpper[ch >> 4];
        out += kUpper[ch & 15];
      }
      if (crlf) out += '\r';
      out += '\n';
      in += (c == '\r') ? 2 : 1;
    } else {
      if (in + 1 != n && s[in + 1] != '\n' && linelen + 1 >= kMaxLine) {
        out += '=';
        if (crlf) out += '\r';
        out += '\n';
        linelen = 0;
      }
      ++linelen;
      out += (header && c == ' ') ? '_' : static_cast<char>(c);
      ++in;
    }
  }
  return bytes_value(I, out);
}

// --- checksums -------------------------------------------------------------------

const uint16_t kCrcHqx[256] = {
    0x0000, 0x1021, 0x2042, 0x3063, 0x4084, 0x50a5, 0x60c6, 0x70e7, 0x8108, 0x9129, 0xa14a, 0xb16b, 0xc18c,
    0xd1ad, 0xe1ce, 0xf1ef, 0x1231, 0x0210, 0x3273, 0x2252, 0x52b5, 0x4294, 0x72f7, 0x62d6, 0x9339, 0x8318,
    0xb37b, 0xa35a, 0xd3bd, 0xc39c, 0xf3ff, 0xe3de, 0x2462, 0x3443, 0x0420, 0x1401, 0x64e6, 0x74c7, 0x44a4,
    0x5485, 0xa56a, 0xb54b, 0x8528, 0x9509, 0xe5ee, 0xf5cf, 0xc5ac, 0xd58d, 0x3653, 0x2672, 0x1611, 0x0630,
    0x76d7, 0x66f6, 0x5695, 0x46b4, 0xb75b, 0xa77a, 0x9719, 0x8738, 0xf7df, 0xe7fe, 0xd79d, 0xc7bc, 0x48c4,
    0x58e5, 0x6886, 0x78a7, 0x0840, 0x1861, 0x2802, 0x3823, 0xc9cc, 0xd9ed, 0xe98e, 0xf9af, 0x8948, 0x9969,
    0xa90a, 0xb92b, 0x5af5, 0x4ad4, 0x7ab7, 0x6a96, 0x1a71, 0x0a50, 0x3a33, 0x2a12, 0xdbfd, 0xcbdc, 0xfbbf,
    0xeb9e, 0x9b79, 0x8b58, 0xbb3b, 0xab1a, 0x6ca6, 0x7c87, 0x4ce4, 0x5cc5, 0x2c22, 0x3c03, 0x0c60, 0x1c41,
    0xedae, 0xfd8f, 0xcdec, 0xddcd, 0xad2a, 0xbd0b, 0x8d68, 0x9d49, 0x7e97, 0x6eb6, 0x5ed5, 0x4ef4, 0x3e13,
    0x2e32, 0x1e51, 0x0e70, 0xff9f, 0xefbe, 0xdfdd, 0xcffc, 0xbf1b, 0xaf3a, 0x9f59, 0x8f78, 0x9188, 0x81a9,
    0xb1ca, 0xa1eb, 0xd10c, 0xc12d, 0xf14e, 0xe16f, 0x1080, 0x00a1, 0x30c2, 0x20e3, 0x5004, 0x4025, 0x7046,
    0x6067, 0x83b9, 0x9398, 0xa3fb, 0xb3da, 0xc33d, 0xd31c, 0xe37f, 0xf35e, 0x02b1, 0x1290, 0x22f3, 0x32d2,
    0x4235, 0x5214, 0x6277, 0x7256, 0xb5ea, 0xa5cb, 0x95a8, 0x8589, 0xf56e, 0xe54f, 0xd52c, 0xc50d, 0x34e2,
    0x24c3, 0x14a0, 0x0481, 0x7466, 0x6447, 0x5424, 0x4405, 0xa7db, 0xb7fa, 0x8799, 0x97b8, 0xe75f, 0xf77e,
    0xc71d, 0xd73c, 0x26d3, 0x36f2, 0x0691, 0x16b0, 0x6657, 0x7676, 0x4615, 0x5634, 0xd94c, 0xc96d, 0xf90e,
    0xe92f, 0x99c8, 0x89e9, 0xb98a, 0xa9ab, 0x5844, 0x4865, 0x7806, 0x6827, 0x18c0, 0x08e1, 0x3882, 0x28a3,
    0xcb7d, 0xdb5c, 0xeb3f, 0xfb1e, 0x8bf9, 0x9bd8, 0xabbb, 0xbb9a, 0x4a75, 0x5a54, 0x6a37, 0x7a16, 0x0af1,
    0x1ad0, 0x2ab3, 0x3a92, 0xfd2e, 0xed0f, 0xdd6c, 0xcd4d, 0xbdaa, 0xad8b, 0x9de8, 0x8dc9, 0x7c26, 0x6c07,
    0x5c64, 0x4c45, 0x3ca2, 0x2c83, 0x1ce0, 0x0cc1, 0xef1f, 0xff3e, 0xcf5d, 0xdf7c, 0xaf9b, 0xbfba, 0x8fd9,
    0x9ff8, 0x6e17, 0x7e36, 0x4e55, 0x5e74, 0x2e93, 0x3eb2, 0x0ed1, 0x1ef0,
};

Value fn_crc_hqx(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "crc_hqx", kw) < 0) return Value::error();
  if (nargs != 2) return raisef(I, I.rt.exc_TypeError, "crc_hqx expected 2 arguments, got %zu", nargs);
  uint32_t crc;
  if (!get_uint_mask(I, args[1], &crc)) return Value::error();
  std::string_view d;
  std::string keep;
  if (!get_buffer(I, args[0], &d, &keep)) return Value::error();
  crc &= 0xffff;
  for (unsigned char c : d) crc = ((crc << 8) & 0xff00) ^ kCrcHqx[(crc >> 8) ^ c];
  return Value::small_int(crc);
}

Value fn_crc32(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "crc32", kw) < 0) return Value::error();
  if (nargs < 1 || nargs > 2) {
    if (nargs < 1) return raisef(I, I.rt.exc_TypeError, "crc32 expected at least 1 argument, got %zu", nargs);
    return raisef(I, I.rt.exc_TypeError, "crc32 expected at most 2 arguments, got %zu", nargs);
  }
  uint32_t crc = 0;
  if (nargs == 2 && !get_uint_mask(I, args[1], &crc)) return Value::error();
  std::string_view d;
  std::string keep;
  if (!get_buffer(I, args[0], &d, &keep)) return Value::error();
  uLong c = crc;
  const Bytef* p = reinterpret_cast<const Bytef*>(d.data());
  size_t left = d.size();
  while (left > 0) {
    uInt chunk = left > 0x40000000u ? 0x40000000u : static_cast<uInt>(left);
    c = ::crc32(c, p, chunk);
    p += chunk;
    left -= chunk;
  }
  return Value::small_int(static_cast<int64_t>(c & 0xffffffffu));
}

const char kBinasciiSource[] = R"PY(
class Error(ValueError):
    pass

class Incomplete(Exception):
    pass
)PY";

}  // namespace

int init_binascii_module(Isolate& I, Module* m) {
  if (module_add_function(I, m, "hexlify", fn_hexlify) < 0 || module_add_function(I, m, "b2a_hex", fn_b2a_hex_) < 0 ||
      module_add_function(I, m, "unhexlify", fn_unhexlify) < 0 ||
      module_add_function(I, m, "a2b_hex", fn_a2b_hex_) < 0 ||
      module_add_function(I, m, "b2a_base64", fn_b2a_base64) < 0 ||
      module_add_function(I, m, "a2b_base64", fn_a2b_base64) < 0 ||
      module_add_function(I, m, "a2b_uu", fn_a2b_uu) < 0 || module_add_function(I, m, "b2a_uu", fn_b2a_uu) < 0 ||
      module_add_function(I, m, "a2b_qp", fn_a2b_qp) < 0 || module_add_function(I, m, "b2a_qp", fn_b2a_qp) < 0 ||
      module_add_function(I, m, "crc_hqx", fn_crc_hqx) < 0 || module_add_function(I, m, "crc32", fn_crc32) < 0)
    return -1;
  Value r = run_module_source(I, m, "<capy>/binascii.py", kBinasciiSource);
  return r.is_error() ? -1 : 0;
}

}  // namespace capy
