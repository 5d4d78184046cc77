// re: regular expressions on PCRE2, with Python's syntax and semantics.
//
// Patterns are translated from Python's syntax by re_parse.cc (which also
// reproduces CPython's compile errors) and compiled by PCRE2 (JIT when
// available). Pattern, Match and the scanner are native types created per
// isolate; their state (types, the compile cache, PCRE2 contexts) lives in a
// ReState object that every module function is bound to. Positions exposed
// to Python are code-point indices; PCRE2 works on UTF-8 byte offsets, and
// the conversion is skipped for ASCII strings and bytes.
//
// Every match runs under PCRE2's match, depth and heap limits, and PCRE2's
// memory is charged to the isolate's heap: a catastrophic pattern ends with
// RuntimeError instead of running without bound.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "modules/re_parse.h"
#include "modules/registry.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm/eval.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

constexpr uint32_t kMatchLimit = 100000000;   // PCRE2 match() calls per start position
constexpr uint32_t kDepthLimit = 10000000;    // backtracking depth (interpreter)
constexpr uint32_t kHeapLimitKiB = 1048576;   // 1 GiB of backtracking frames (also charged to the isolate heap)
constexpr size_t kJitStackMax = 64u << 20;  // reserved lazily
constexpr size_t kCacheMax = 512;

struct PatternObj;

/// Per-isolate module state.
struct ReState : Object {
  Type* pattern_type;
  Type* match_type;
  Type* scanner_type;
  Type* iter_type;
  Dict* cache;
  Value error_cls;
  Module* module;
  pcre2_general_context* gctx;
  pcre2_compile_context* cctx;
  pcre2_match_context* mctx;
  pcre2_jit_stack* jit_stack;
};

struct PatternObj : Object {
  ReState* state;
  Value pattern;       // the pattern as given (str or bytes)
  Dict* groupindex;    // name -> group
  Tuple* indexgroup;   // group -> name or None
  Value tmpl_src;      // last replacement template and its parse (a tuple)
  Value tmpl_parsed;
  int64_t flags;
  int64_t cache_flags; // the flags argument it was compiled with (cache check)
  uint32_t groups;
  uint8_t is_bytes;
  uint8_t jit[6];
  // search, match (anchored), fullmatch (anchored at both ends); then the
  // same three compiled for subjects with lone surrogates (invalid UTF-8).
  pcre2_code* code[6];
  pcre2_match_data* md;
  uint32_t* parent;    // parent[g]: enclosing capture group
  char* literal;       // plain literal pattern text (or nullptr)
  size_t literal_len;
  std::string* pcre_text;  // the translated pattern (for the anchored variants)
};

struct MatchObj : Object {
  PatternObj* pattern;
  Value string;       // the subject as given
  Value keep;         // the object owning `data`
  const char* data;
  int64_t pos, endpos;     // code points
  int64_t hint_b, hint_cp; // a known (byte, code point) pair for conversions
  uint32_t ngroups;        // groups + 1
  uint8_t ascii;           // byte offsets are code point offsets
  uint8_t is_str;
  int64_t ov[];            // 2 per group; -1 when the group did not match
};

struct ScannerObj : Object {
  PatternObj* pattern;
  Value string;
  Value keep;
  const char* data;
  size_t len;              // endpos in bytes
  int64_t pos, endpos;
  size_t cur_b;
  int64_t cur_cp;
  uint8_t must_advance;
  uint8_t done;
  uint8_t ascii;
  uint8_t is_str;
  uint8_t valid;
};

// --- PCRE2 memory, charged to the isolate heap -------------------------------------

void* re_malloc(size_t n, void* data) {
  Heap* h = static_cast<Heap*>(data);
  size_t total = n + 16;
  if (!h->charge(total)) return nullptr;
  void* p = std::malloc(total);
  if (!p) { h->credit(total); return nullptr; }
  *static_cast<size_t*>(p) = total;
  return static_cast<char*>(p) + 16;
}
void re_free(void* p, void* data) {
  if (!p) return;
  char* q = static_cast<char*>(p) - 16;
  static_cast<Heap*>(data)->credit(*reinterpret_cast<size_t*>(q));
  std::free(q);
}

// --- helpers ----------------------------------------------------------------------

inline bool is_str_obj(Value v) { return v.is_object() && (v.as_object()->type_->flags & kTypeStrSubclass); }
inline bool is_bytes_obj(Value v) { return v.is_object() && (v.as_object()->type_->flags & kTypeBytesSubclass); }

size_t count_cps(const char* p, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; ++i) c += (static_cast<unsigned char>(p[i]) & 0xC0) != 0x80;
  return c;
}

Value make_substr(Isolate& I, const char* p, size_t n, bool is_str, bool ascii) {
  if (!is_str) return bytes_value(I, std::string_view(p, n));
  if (n == 1 && static_cast<unsigned char>(p[0]) < 0x80) return Value::object(I.rt.latin1_chars[static_cast<unsigned char>(p[0])]);
  Str* s = ascii ? str_new_known(I, std::string_view(p, n), uint32_t(n), true) : str_new(I, std::string_view(p, n));
  return s ? Value::object(s) : Value::error();
}

Value make_text(Isolate& I, const std::string& s, bool is_str) {
  if (!is_str) return bytes_value(I, s);
  Str* r = str_new(I, s);
  return r ? Value::object(r) : Value::error();
}

bool get_ssize(Isolate& I, Value v, int64_t* out) {
  if (v.is_small_int()) { *out = v.as_small_int(); return true; }
  return index_i64(I, v, out);
}

// Code points of a str or bytes pattern/template.
void to_cps(Value v, bool is_str, std::vector<uint32_t>& out) {
  out.clear();
  if (is_str) {
    Str* s = v.as<Str>();
    out.reserve(s->length);
    const char* p = s->data;
    const char* e = p + s->size();
    while (p < e) out.push_back(utf8_decode(p));
  } else {
    std::string_view b = bytes_view(v);
    out.reserve(b.size());
    for (unsigned char c : b) out.push_back(c);
  }
}

Value raise_re_error(Isolate& I, ReState* st, const std::string& msg, Value pattern, int64_t pos) {
  Value args[3];
  Value m = str_value(I, msg);
  if (m.is_error()) return m;
  args[0] = m;
  size_t n = 1;
  if (!pattern.is_null()) {
    args[1] = pattern;
    args[2] = pos >= 0 ? int_from_i64(I, pos) : Value::none();
    n = 3;
  }
  Value e = call(I, st->error_cls, args, n);
  if (e.is_error()) return e;
  return raise_value(I, e);
}

Value raise_parse_error(Isolate& I, ReState* st, const re::ParseError& err, Value pattern) {
  switch (err.kind) {
    case re::ParseError::Re: return raise_re_error(I, st, err.msg, pattern, err.pos);
    case re::ParseError::ReNoPos: return raise_re_error(I, st, err.msg, Value::null(), -1);
    case re::ParseError::Value: return raise(I, I.rt.exc_ValueError, err.msg);
    case re::ParseError::Overflow: return raise(I, I.rt.exc_OverflowError, err.msg);
    case re::ParseError::Recursion: return raise(I, I.rt.exc_RecursionError, err.msg);
    case re::ParseError::Index: return raise(I, I.rt.exc_IndexError, err.msg);
  }
  return Value::error();
}

// --- per-isolate types --------------------------------------------------------------

// A native type of this isolate. `name` is CPython's tp_name ("re.Match"):
// the core derives __name__ / __module__ from the dotted form.
// `name` is CPython's tp_name ("re.Pattern"): the module is the part before
// the last dot, the qualified name the part after it.
Type* new_type(Isolate& I, const char* name, uint32_t basicsize) {
  std::string_view full(name);
  size_t dot = full.rfind('.');
  if (dot == std::string_view::npos) return isolate_type_new(I, name, name, "builtins", basicsize, nullptr);
  std::string module(full.substr(0, dot));
  return isolate_type_new(I, name, name + dot + 1, module.c_str(), basicsize, nullptr);
}

// --- state ------------------------------------------------------------------------------

void state_trace(Object* o, Tracer& t) {
  auto* s = static_cast<ReState*>(o);
  t.visit(s->pattern_type);
  t.visit(s->match_type);
  t.visit(s->scanner_type);
  t.visit(s->iter_type);
  t.visit(s->cache);
  t.visit(s->error_cls);
  t.visit(s->module);
}
void state_finalize(Isolate&, Object* o) {
  auto* s = static_cast<ReState*>(o);
  if (s->jit_stack) pcre2_jit_stack_free(s->jit_stack);
  if (s->mctx) pcre2_match_context_free(s->mctx);
  if (s->cctx) pcre2_compile_context_free(s->cctx);
  if (s->gctx) pcre2_general_context_free(s->gctx);
  s->jit_stack = nullptr;
  s->mctx = nullptr;
  s->cctx = nullptr;
  s->gctx = nullptr;
}

// --- Pattern ------------------------------------------------------------------------------

void pattern_trace(Object* o, Tracer& t) {
  auto* p = static_cast<PatternObj*>(o);
  t.visit(p->state);
  t.visit(p->pattern);
  t.visit(p->groupindex);
  t.visit(p->indexgroup);
  t.visit(p->tmpl_src);
  t.visit(p->tmpl_parsed);
}
void pattern_finalize(Isolate& I, Object* o) {
  auto* p = static_cast<PatternObj*>(o);
  for (int i = 0; i < 6; ++i) {
    if (p->code[i]) pcre2_code_free(p->code[i]);
    p->code[i] = nullptr;
  }
  if (p->md) pcre2_match_data_free(p->md);
  p->md = nullptr;
  if (p->parent) I.heap.free_raw(p->parent, sizeof(uint32_t) * (p->groups + 1));
  p->parent = nullptr;
  if (p->literal) I.heap.free_raw(p->literal, p->literal_len + 1);
  p->literal = nullptr;
  if (p->pcre_text) {
    I.heap.credit(p->pcre_text->size());
    delete p->pcre_text;
  }
  p->pcre_text = nullptr;
}

Value raise_pcre_error(Isolate& I, int code) {
  if (code == PCRE2_ERROR_MATCHLIMIT)
    return raise(I, I.rt.exc_RuntimeError, "regular expression exceeded the match step limit (catastrophic backtracking?)");
  if (code == PCRE2_ERROR_DEPTHLIMIT)
    return raise(I, I.rt.exc_RuntimeError, "regular expression exceeded the backtracking depth limit");
  if (code == PCRE2_ERROR_HEAPLIMIT)
    return raise(I, I.rt.exc_RuntimeError, "regular expression exceeded the backtracking memory limit");
  if (code == PCRE2_ERROR_NOMEMORY) return raise_memory(I);
  PCRE2_UCHAR buf[256];
  pcre2_get_error_message(code, buf, sizeof buf);
  return raisef(I, I.rt.exc_RuntimeError, "regular expression engine error: %s", reinterpret_cast<char*>(buf));
}

// Compiles one variant of the pattern (0 search, 1 match, 2 fullmatch).
pcre2_code* pattern_code(Isolate& I, PatternObj* p, int mode) {
  if (p->code[mode]) return p->code[mode];
  ReState* st = p->state;
  uint32_t opts = PCRE2_ALT_CIRCUMFLEX | PCRE2_NO_UTF_CHECK;
  bool invalid = mode >= 3;
  if (!p->is_bytes) opts |= PCRE2_UTF;
  if (invalid) opts |= PCRE2_MATCH_INVALID_UTF;
  int base = invalid ? mode - 3 : mode;
  if (!p->is_bytes && !(p->flags & re::kAscii)) opts |= PCRE2_UCP;
  if (p->flags & re::kIgnoreCase) opts |= PCRE2_CASELESS;
  if (p->flags & re::kMultiline) opts |= PCRE2_MULTILINE;
  if (p->flags & re::kDotAll) opts |= PCRE2_DOTALL;
  if (base >= 1) opts |= PCRE2_ANCHORED;
  if (base == 2) opts |= PCRE2_ENDANCHORED;
  int errcode = 0;
  PCRE2_SIZE erroff = 0;
  const std::string& text = *p->pcre_text;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), opts, &errcode,
                                   &erroff, st->cctx);
  if (!code) {
    if (errcode == PCRE2_ERROR_NOMEMORY || errcode == PCRE2_ERROR_HEAPLIMIT) {
      raise_memory(I);
      return nullptr;
    }
    PCRE2_UCHAR buf[256];
    pcre2_get_error_message(errcode, buf, sizeof buf);
    raise_re_error(I, st, reinterpret_cast<char*>(buf), Value::null(), -1);
    return nullptr;
  }
  // The invalid-UTF variants run in the interpreter: PCRE2 10.42's JIT
  // mis-matches \S \W \D on non-ASCII characters in that mode.
  p->jit[mode] = !invalid && pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
  p->code[mode] = code;
  return code;
}

// Runs the pattern; 1 match (ovector in p->md), 0 none, -1 error.
// `valid`: the subject is valid UTF-8 (no lone surrogates) or bytes.
int run_match(Isolate& I, PatternObj* p, int mode, const char* data, size_t len, size_t start, uint32_t opts,
              bool valid) {
  if (valid) {
    opts |= PCRE2_NO_UTF_CHECK;
  } else {
    mode += 3;
    opts |= PCRE2_NO_JIT;
  }
  pcre2_code* code = pattern_code(I, p, mode);
  if (!code) return -1;
  if (start > len) return 0;
  // findall/sub/split call this once per match: poll the time limit.
  if (!I.poll(16)) return -1;
  pcre2_match_context* mctx = p->state->mctx;
  int rc = pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(data), len, start, opts, p->md, mctx);
  if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
    rc = pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(data), len, start, opts | PCRE2_NO_JIT, p->md, mctx);
  if (rc > 0) {
    // Groups from rc on were not set by this match: PCRE2 leaves whatever an
    // earlier attempt wrote there.
    uint32_t pairs = pcre2_get_ovector_count(p->md);
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(p->md);
    for (uint32_t g = uint32_t(rc); g < pairs; ++g) ov[2 * g] = ov[2 * g + 1] = PCRE2_UNSET;
    return 1;
  }
  if (rc == 0) return 1;
  if (rc == PCRE2_ERROR_NOMATCH) return 0;
  raise_pcre_error(I, rc);
  return -1;
}

/// The subject of a match operation.
struct Subject {
  Value obj;
  Value keep;
  const char* data = nullptr;
  size_t len = 0;     // bytes
  int64_t cplen = 0;  // code points
  bool is_str = false;
  bool ascii = true;
  bool valid = true;   // no lone surrogates
  Str* str = nullptr;
};

// Does UTF-8 text contain an encoded surrogate (ED A0..BF xx)?
bool has_surrogate(const char* p, size_t n) {
  const char* e = p + n;
  while (p < e) {
    const void* q = std::memchr(p, 0xED, size_t(e - p));
    if (!q) return false;
    const char* c = static_cast<const char*>(q);
    if (c + 1 < e && static_cast<unsigned char>(c[1]) >= 0xA0) return true;
    p = c + 1;
  }
  return false;
}

bool get_subject(Isolate& I, PatternObj* p, Value v, Subject& s) {
  s.obj = v;
  if (is_str_obj(v)) {
    if (p->is_bytes) {
      raise(I, I.rt.exc_TypeError, "cannot use a bytes pattern on a string-like object");
      return false;
    }
    Str* st = v.as<Str>();
    s.str = st;
    s.keep = v;
    s.data = st->data;
    s.len = st->size();
    s.cplen = st->length;
    s.is_str = true;
    s.ascii = st->ascii;
    s.valid = st->ascii || !has_surrogate(st->data, st->size());
    return true;
  }
  std::string_view view;
  Value keep = Value::null();
  int r = bytes_like(I, v, &view, &keep);
  if (r < 0) return false;
  if (r == 0) {
    raisef(I, I.rt.exc_TypeError, "expected string or bytes-like object, got '%s'", type_name(I, v));
    return false;
  }
  if (!p->is_bytes) {
    raise(I, I.rt.exc_TypeError, "cannot use a string pattern on a bytes-like object");
    return false;
  }
  if (is_bytes_obj(v)) {
    s.keep = v;
  } else {
    // A mutable buffer: match on a private copy.
    Value copy = bytes_value(I, view);
    if (copy.is_error()) return false;
    s.keep = copy;
    view = bytes_view(copy);
  }
  s.data = view.data();
  s.len = view.size();
  s.cplen = int64_t(view.size());
  s.is_str = false;
  s.ascii = true;
  return true;
}

size_t cp_to_byte(const Subject& s, int64_t cp) {
  if (s.ascii) return size_t(cp);
  return str_byte_offset(s.str, size_t(cp));
}

// Clamps pos/endpos like sre's state_init.
void clamp(int64_t& pos, int64_t& endpos, int64_t len) {
  if (pos < 0) pos = 0;
  else if (pos > len) pos = len;
  if (endpos < 0) endpos = 0;
  else if (endpos > len) endpos = len;
}

// --- Match --------------------------------------------------------------------------------

void match_trace(Object* o, Tracer& t) {
  auto* m = static_cast<MatchObj*>(o);
  t.visit(m->pattern);
  t.visit(m->string);
  t.visit(m->keep);
}

MatchObj* new_match(Isolate& I, PatternObj* p, const Subject& s, int64_t pos, int64_t endpos, int64_t hint_b,
                    int64_t hint_cp) {
  uint32_t ng = p->groups + 1;
  auto* m = static_cast<MatchObj*>(
      I.heap.alloc_object(p->state->match_type, sizeof(MatchObj) + sizeof(int64_t) * 2 * ng));
  if (!m) { raise_memory(I); return nullptr; }
  m->aux_ = ng;
  m->pattern = p;
  m->string = s.obj;
  m->keep = s.keep;
  m->data = s.data;
  m->pos = pos;
  m->endpos = endpos;
  m->hint_b = hint_b;
  m->hint_cp = hint_cp;
  m->ngroups = ng;
  m->ascii = s.ascii;
  m->is_str = s.is_str;
  uint32_t count = pcre2_get_ovector_count(p->md);
  PCRE2_SIZE* ov = pcre2_get_ovector_pointer(p->md);
  for (uint32_t g = 0; g < ng; ++g) {
    if (g < count && ov[2 * g] != PCRE2_UNSET) {
      m->ov[2 * g] = int64_t(ov[2 * g]);
      m->ov[2 * g + 1] = int64_t(ov[2 * g + 1]);
    } else {
      m->ov[2 * g] = -1;
      m->ov[2 * g + 1] = -1;
    }
  }
  return m;
}

int64_t match_cp(MatchObj* m, int64_t b) {
  if (b < 0) return -1;
  if (m->ascii) return b;
  if (b >= m->hint_b) return m->hint_cp + int64_t(count_cps(m->data + m->hint_b, size_t(b - m->hint_b)));
  return m->hint_cp - int64_t(count_cps(m->data + b, size_t(m->hint_b - b)));
}

// Resolves a group argument (int-like or name) to an index; -1 with IndexError.
int64_t match_index(Isolate& I, MatchObj* m, Value g) {
  int64_t i;
  if (g.is_small_int()) {
    i = g.as_small_int();
  } else if (is_int(I, g)) {
    if (!int_to_i64(int_unwrap(I, g), &i)) i = -1;
  } else {
    Value r = dict_get(I, m->pattern->groupindex, g);
    if (r.is_error()) {
      // Unhashable keys simply are not group names.
      I.pending = nullptr;
      r = Value::null();
    }
    if (r.is_null() || !r.is_small_int()) {
      raise(I, I.rt.exc_IndexError, "no such group");
      return -1;
    }
    i = r.as_small_int();
  }
  if (i < 0 || i >= int64_t(m->ngroups)) {
    raise(I, I.rt.exc_IndexError, "no such group");
    return -1;
  }
  return i;
}

Value match_group_at(Isolate& I, MatchObj* m, int64_t i, Value dflt) {
  int64_t a = m->ov[2 * i], b = m->ov[2 * i + 1];
  if (a < 0) return dflt;
  if (!m->is_str && a == 0 && is_bytes_obj(m->string) && m->string.as_object()->type_ == I.rt.bytes_type &&
      size_t(b) == bytes_view(m->string).size())
    return m->string;
  return make_substr(I, m->data + a, size_t(b - a), m->is_str, m->ascii);
}

MatchObj* as_match(Isolate& I, Value v) {
  (void)I;
  return v.as<MatchObj>();
}

Value match_group(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "group", kw) < 0) return Value::error();
  MatchObj* m = as_match(I, args[0]);
  if (nargs == 1) return match_group_at(I, m, 0, Value::none());
  if (nargs == 2) {
    int64_t i = match_index(I, m, args[1]);
    if (i < 0) return Value::error();
    return match_group_at(I, m, i, Value::none());
  }
  Tuple* t = tuple_new(I, nargs - 1);
  if (!t) return Value::error();
  for (size_t k = 1; k < nargs; ++k) {
    int64_t i = match_index(I, m, args[k]);
    if (i < 0) return Value::error();
    Value v = match_group_at(I, m, i, Value::none());
    if (v.is_error()) return v;
    t->items[k - 1] = v;
  }
  return Value::object(t);
}

Value match_getitem(Isolate& I, Value self, Value key) {
  MatchObj* m = self.as<MatchObj>();
  int64_t i = match_index(I, m, key);
  if (i < 0) return Value::error();
  return match_group_at(I, m, i, Value::none());
}

Value match_groups(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  if (bind_args(I, "groups", args + 1, nargs - 1, kw, {"default"}, 0, 1, 0, a) < 0) return Value::error();
  Value dflt = a[0].is_null() ? Value::none() : a[0];
  MatchObj* m = as_match(I, args[0]);
  Tuple* t = tuple_new(I, m->ngroups - 1);
  if (!t) return Value::error();
  for (uint32_t g = 1; g < m->ngroups; ++g) {
    Value v = match_group_at(I, m, g, dflt);
    if (v.is_error()) return v;
    t->items[g - 1] = v;
  }
  return Value::object(t);
}

Value match_groupdict(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  if (bind_args(I, "groupdict", args + 1, nargs - 1, kw, {"default"}, 0, 1, 0, a) < 0) return Value::error();
  Value dflt = a[0].is_null() ? Value::none() : a[0];
  MatchObj* m = as_match(I, args[0]);
  Dict* d = dict_new(I);
  if (!d) return Value::error();
  uint32_t pos = 0;
  Value k, v;
  Dict* gi = m->pattern->groupindex;
  while (dict_next(gi, &pos, &k, &v)) {
    Value g = match_group_at(I, m, v.as_small_int(), dflt);
    if (g.is_error() || dict_set(I, d, k, g) < 0) return Value::error();
  }
  return Value::object(d);
}

int64_t group_arg(Isolate& I, MatchObj* m, const Value* args, size_t nargs, Tuple* kw, const char* name) {
  if (check_no_kwargs(I, name, kw) < 0) return -1;
  if (nargs > 2) {
    raisef(I, I.rt.exc_TypeError, "%s expected at most 1 argument, got %zu", name, nargs - 1);
    return -1;
  }
  if (nargs == 1) return 0;
  return match_index(I, m, args[1]);
}

Value match_start(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  MatchObj* m = as_match(I, args[0]);
  int64_t i = group_arg(I, m, args, nargs, kw, "start");
  if (i < 0) return Value::error();
  return int_from_i64(I, match_cp(m, m->ov[2 * i]));
}
Value match_end(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  MatchObj* m = as_match(I, args[0]);
  int64_t i = group_arg(I, m, args, nargs, kw, "end");
  if (i < 0) return Value::error();
  return int_from_i64(I, match_cp(m, m->ov[2 * i + 1]));
}
Value match_span_of(Isolate& I, MatchObj* m, int64_t i) {
  return tuple_pack(I, {int_from_i64(I, match_cp(m, m->ov[2 * i])), int_from_i64(I, match_cp(m, m->ov[2 * i + 1]))});
}
Value match_span(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  MatchObj* m = as_match(I, args[0]);
  int64_t i = group_arg(I, m, args, nargs, kw, "span");
  if (i < 0) return Value::error();
  return match_span_of(I, m, i);
}

int64_t match_lastindex_of(MatchObj* m) {
  // sre's lastindex is the group that closed last. A group nested in
  // another closes before it; otherwise the one ending later closed later
  // (on a tie, the one further right in the pattern).
  const uint32_t* parent = m->pattern->parent;
  int64_t best = -1;
  for (uint32_t g = 1; g < m->ngroups; ++g) {
    if (m->ov[2 * g] < 0) continue;
    if (best < 0) {
      best = g;
      continue;
    }
    bool nested = false;
    for (uint32_t a = parent ? parent[g] : 0; a; a = parent[a])
      if (int64_t(a) == best) { nested = true; break; }
    if (nested) continue;
    if (m->ov[2 * g + 1] >= m->ov[2 * best + 1]) best = g;
  }
  return best;
}

Value match_get_lastindex(Isolate& I, Value self) {
  int64_t li = match_lastindex_of(self.as<MatchObj>());
  return li < 0 ? Value::none() : int_from_i64(I, li);
}
Value match_get_lastgroup(Isolate&, Value self) {
  MatchObj* m = self.as<MatchObj>();
  int64_t li = match_lastindex_of(m);
  if (li < 0) return Value::none();
  return m->pattern->indexgroup->items[li];
}
Value match_get_pos(Isolate& I, Value self) { return int_from_i64(I, self.as<MatchObj>()->pos); }
Value match_get_endpos(Isolate& I, Value self) { return int_from_i64(I, self.as<MatchObj>()->endpos); }
Value match_get_re(Isolate&, Value self) { return Value::object(self.as<MatchObj>()->pattern); }
Value match_get_string(Isolate&, Value self) { return self.as<MatchObj>()->string; }
Value match_get_regs(Isolate& I, Value self) {
  MatchObj* m = self.as<MatchObj>();
  Tuple* t = tuple_new(I, m->ngroups);
  if (!t) return Value::error();
  for (uint32_t g = 0; g < m->ngroups; ++g) {
    Value sp = match_span_of(I, m, g);
    if (sp.is_error()) return sp;
    t->items[g] = sp;
  }
  return Value::object(t);
}

// Repr truncated to n code points (CPython's %.nR).
Value repr_truncated(Isolate& I, Value v, size_t n, std::string& out) {
  Value r = repr(I, v);
  if (r.is_error()) return r;
  Str* s = r.as<Str>();
  if (s->length <= n) out.append(s->data, s->size());
  else out.append(s->data, str_byte_offset(s, n));
  return Value::none();
}

Value match_repr(Isolate& I, Value self) {
  MatchObj* m = self.as<MatchObj>();
  std::string out = "<re.Match object; span=(";
  out += std::to_string(match_cp(m, m->ov[0]));
  out += ", ";
  out += std::to_string(match_cp(m, m->ov[1]));
  out += "), match=";
  Value g = match_group_at(I, m, 0, Value::none());
  if (g.is_error()) return g;
  if (repr_truncated(I, g, 50, out).is_error()) return Value::error();
  out += '>';
  return str_value(I, out);
}

Value match_copy(Isolate&, const Value* args, size_t, Tuple*) { return args[0]; }

// --- templates ----------------------------------------------------------------------------

// Parses (or fetches from the pattern's one-entry cache) a replacement
// template: a tuple of literal chunks (str/bytes) and group numbers (int).
Value get_template(Isolate& I, PatternObj* p, Value tmpl) {
  if (!p->tmpl_src.is_null()) {
    if (p->tmpl_src.is(tmpl)) return p->tmpl_parsed;
    Value a = p->tmpl_src;
    if (type_of(I, a) == type_of(I, tmpl)) {
      bool same = false;
      if (is_str_obj(a)) same = str_eq(a.as<Str>(), tmpl.as<Str>());
      else if (is_bytes_obj(a)) same = bytes_view(a) == bytes_view(tmpl);
      if (same) return p->tmpl_parsed;
    }
  }
  bool tstr;
  std::vector<uint32_t> cps;
  if (is_str_obj(tmpl)) {
    tstr = true;
    to_cps(tmpl, true, cps);
  } else {
    std::string_view view;
    Value keep;
    int r = bytes_like(I, tmpl, &view, &keep);
    if (r < 0) return Value::error();
    if (r == 0)
      return raisef(I, I.rt.exc_TypeError, "decoding to str: need a bytes-like object, %s found", type_name(I, tmpl));
    tstr = false;
    cps.reserve(view.size());
    for (unsigned char c : view) cps.push_back(c);
  }
  std::vector<std::pair<std::string, uint32_t>> names;
  uint32_t pos = 0;
  Value k, v;
  while (dict_next(p->groupindex, &pos, &k, &v))
    names.push_back({std::string(k.as<Str>()->view()), uint32_t(v.as_small_int())});
  std::vector<re::TemplateItem> items;
  re::ParseError err;
  if (!re::parse_template(cps.data(), cps.size(), !tstr, p->groups, names, items, err)) {
    Value tv = tmpl;
    if (!tstr && !is_bytes_obj(tmpl)) {
      tv = bytes_value(I, bytes_view(tmpl));
      if (tv.is_error()) return tv;
    }
    return raise_parse_error(I, p->state, err, tv);
  }
  Tuple* t = tuple_new(I, items.size());
  if (!t) return Value::error();
  for (size_t i = 0; i < items.size(); ++i) {
    Value x = items[i].group >= 0 ? int_from_i64(I, items[i].group) : make_text(I, items[i].text, tstr);
    if (x.is_error()) return x;
    t->items[i] = x;
  }
  p->tmpl_src = tmpl;
  p->tmpl_parsed = Value::object(t);
  return Value::object(t);
}

// Checks that a template's literal chunks have the subject's kind; returns
// false with CPython's join TypeError.
bool template_kind_ok(Isolate& I, Tuple* t, bool is_str) {
  for (size_t i = 0; i < t->size(); ++i) {
    Value x = t->items[i];
    if (x.is_small_int()) continue;
    if (is_str && !is_str_obj(x)) {
      raisef(I, I.rt.exc_TypeError, "sequence item %zu: expected str instance, %s found", i, type_name(I, x));
      return false;
    }
    if (!is_str && is_str_obj(x)) {
      raisef(I, I.rt.exc_TypeError, "sequence item %zu: expected a bytes-like object, %s found", i, type_name(I, x));
      return false;
    }
  }
  return true;
}

// Appends the expansion of template t for the groups in ov (byte offsets;
// unset groups are -1 / PCRE2_UNSET).
template <class Off>
void expand_into(std::string& out, Tuple* t, const char* data, const Off* ov) {
  for (size_t i = 0; i < t->size(); ++i) {
    Value x = t->items[i];
    if (x.is_small_int()) {
      int64_t g = x.as_small_int();
      if (ov[2 * g] != Off(-1)) out.append(data + ov[2 * g], size_t(ov[2 * g + 1] - ov[2 * g]));
    } else if (is_str_obj(x)) {
      out.append(x.as<Str>()->view());
    } else {
      out.append(bytes_view(x));
    }
  }
}

Value match_expand(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  if (bind_args(I, "expand", args + 1, nargs - 1, kw, {"template"}, 0, 1, 1, a) < 0) return Value::error();
  MatchObj* m = as_match(I, args[0]);
  Value tv = get_template(I, m->pattern, a[0]);
  if (tv.is_error()) return tv;
  Tuple* t = tv.as<Tuple>();
  if (!template_kind_ok(I, t, m->is_str)) return Value::error();
  std::string out;
  expand_into(out, t, m->data, m->ov);
  return make_text(I, out, m->is_str);
}

// --- Pattern methods -----------------------------------------------------------------

PatternObj* as_pattern(Value v) { return v.as<PatternObj>(); }

// Reads (string, pos, endpos) arguments.
bool pattern_args(Isolate& I, const char* name, const Value* args, size_t nargs, Tuple* kw, Value* string,
                  int64_t* pos, int64_t* endpos) {
  *pos = 0;
  *endpos = INT64_MAX;
  if (nargs == 2 && (!kw || kw->size() == 0)) {
    *string = args[1];
    return true;
  }
  Value a[3];
  if (bind_args(I, name, args + 1, nargs - 1, kw, {"string", "pos", "endpos"}, 0, 3, 1, a) < 0) return false;
  *string = a[0];
  if (!a[1].is_null() && !get_ssize(I, a[1], pos)) return false;
  if (!a[2].is_null() && !get_ssize(I, a[2], endpos)) return false;
  return true;
}

Value pattern_do_match(Isolate& I, PatternObj* p, int mode, Value string, int64_t pos, int64_t endpos) {
  Subject s;
  if (!get_subject(I, p, string, s)) return Value::error();
  clamp(pos, endpos, s.cplen);
  if (pos > endpos) return Value::none();
  size_t sb = cp_to_byte(s, pos);
  size_t eb = endpos == s.cplen ? s.len : cp_to_byte(s, endpos);
  int r = run_match(I, p, mode, s.data, eb, sb, 0, s.valid);
  if (r < 0) return Value::error();
  if (r == 0) return Value::none();
  MatchObj* m = new_match(I, p, s, pos, endpos, int64_t(sb), pos);
  return m ? Value::object(m) : Value::error();
}

Value pattern_search(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value string;
  int64_t pos, endpos;
  if (!pattern_args(I, "search", args, nargs, kw, &string, &pos, &endpos)) return Value::error();
  return pattern_do_match(I, as_pattern(args[0]), 0, string, pos, endpos);
}
Value pattern_match(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value string;
  int64_t pos, endpos;
  if (!pattern_args(I, "match", args, nargs, kw, &string, &pos, &endpos)) return Value::error();
  return pattern_do_match(I, as_pattern(args[0]), 1, string, pos, endpos);
}
Value pattern_fullmatch(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value string;
  int64_t pos, endpos;
  if (!pattern_args(I, "fullmatch", args, nargs, kw, &string, &pos, &endpos)) return Value::error();
  return pattern_do_match(I, as_pattern(args[0]), 2, string, pos, endpos);
}

// findall
Value pattern_do_findall(Isolate& I, PatternObj* p, Value string, int64_t pos, int64_t endpos) {
  Subject s;
  if (!get_subject(I, p, string, s)) return Value::error();
  clamp(pos, endpos, s.cplen);
  List* out = list_new(I, 0);
  if (!out) return Value::error();
  if (pos > endpos) return Value::object(out);
  size_t sb = cp_to_byte(s, pos);
  size_t eb = endpos == s.cplen ? s.len : cp_to_byte(s, endpos);
  bool must_advance = false;
  size_t start = sb;
  uint32_t groups = p->groups;
  while (start <= eb) {
    int r = run_match(I, p, 0, s.data, eb, start, must_advance ? PCRE2_NOTEMPTY_ATSTART : 0, s.valid);
    if (r < 0) return Value::error();
    if (r == 0) break;
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(p->md);
    size_t b = ov[0], e = ov[1];
    Value item;
    if (groups == 0) {
      item = make_substr(I, s.data + b, e - b, s.is_str, s.ascii);
    } else if (groups == 1) {
      item = ov[2] == PCRE2_UNSET ? make_substr(I, s.data, 0, s.is_str, true)
                                  : make_substr(I, s.data + ov[2], ov[3] - ov[2], s.is_str, s.ascii);
    } else {
      // Copy the offsets first: building items allocates (no Python code runs).
      std::vector<PCRE2_SIZE> o(ov, ov + 2 * (groups + 1));
      Tuple* t = tuple_new(I, groups);
      if (!t) return Value::error();
      for (uint32_t g = 1; g <= groups; ++g) {
        Value x = o[2 * g] == PCRE2_UNSET ? make_substr(I, s.data, 0, s.is_str, true)
                                          : make_substr(I, s.data + o[2 * g], o[2 * g + 1] - o[2 * g], s.is_str, s.ascii);
        if (x.is_error()) return x;
        t->items[g - 1] = x;
      }
      item = Value::object(t);
    }
    if (item.is_error() || list_append(I, out, item) < 0) return Value::error();
    must_advance = e == b;
    start = e;
  }
  return Value::object(out);
}

Value pattern_findall(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value string;
  int64_t pos, endpos;
  if (!pattern_args(I, "findall", args, nargs, kw, &string, &pos, &endpos)) return Value::error();
  return pattern_do_findall(I, as_pattern(args[0]), string, pos, endpos);
}

// scanner / finditer
void scanner_trace(Object* o, Tracer& t) {
  auto* s = static_cast<ScannerObj*>(o);
  t.visit(s->pattern);
  t.visit(s->string);
  t.visit(s->keep);
}

Value new_scanner(Isolate& I, PatternObj* p, Type* type, Value string, int64_t pos, int64_t endpos) {
  Subject s;
  if (!get_subject(I, p, string, s)) return Value::error();
  clamp(pos, endpos, s.cplen);
  auto* sc = static_cast<ScannerObj*>(I.heap.alloc_object(type, sizeof(ScannerObj)));
  if (!sc) return raise_memory(I);
  sc->pattern = p;
  sc->string = s.obj;
  sc->keep = s.keep;
  sc->data = s.data;
  sc->pos = pos;
  sc->endpos = endpos;
  sc->ascii = s.ascii;
  sc->is_str = s.is_str;
  sc->valid = s.valid;
  if (pos > endpos) {
    sc->done = 1;
    return Value::object(sc);
  }
  sc->cur_b = cp_to_byte(s, pos);
  sc->cur_cp = pos;
  sc->len = endpos == s.cplen ? s.len : cp_to_byte(s, endpos);
  return Value::object(sc);
}

Value scanner_step(Isolate& I, ScannerObj* sc, int mode) {
  if (sc->done) return Value::none();
  PatternObj* p = sc->pattern;
  int r = run_match(I, p, mode, sc->data, sc->len, sc->cur_b, sc->must_advance ? PCRE2_NOTEMPTY_ATSTART : 0,
                    sc->valid);
  if (r < 0) return Value::error();
  if (r == 0) {
    sc->done = 1;
    return Value::none();
  }
  Subject s;
  s.obj = sc->string;
  s.keep = sc->keep;
  s.data = sc->data;
  s.is_str = sc->is_str;
  s.ascii = sc->ascii;
  MatchObj* m = new_match(I, p, s, sc->pos, sc->endpos, int64_t(sc->cur_b), sc->cur_cp);
  if (!m) return Value::error();
  size_t b = size_t(m->ov[0]), e = size_t(m->ov[1]);
  sc->must_advance = e == b;
  int64_t ecp = match_cp(m, int64_t(e));
  sc->cur_b = e;
  sc->cur_cp = ecp;
  if (sc->cur_b > sc->len) sc->done = 1;
  return Value::object(m);
}

Value scanner_match(Isolate& I, const Value* args, size_t, Tuple*) { return scanner_step(I, args[0].as<ScannerObj>(), 1); }
Value scanner_search(Isolate& I, const Value* args, size_t, Tuple*) { return scanner_step(I, args[0].as<ScannerObj>(), 0); }
Value scanner_get_pattern(Isolate&, Value self) { return Value::object(self.as<ScannerObj>()->pattern); }
Value iter_self(Isolate&, Value self) { return self; }
Value iter_next_match(Isolate& I, Value self) {
  Value r = scanner_step(I, self.as<ScannerObj>(), 0);
  if (r.is_none()) return Value::null();
  return r;
}

Value pattern_finditer(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value string;
  int64_t pos, endpos;
  if (!pattern_args(I, "finditer", args, nargs, kw, &string, &pos, &endpos)) return Value::error();
  PatternObj* p = as_pattern(args[0]);
  return new_scanner(I, p, p->state->iter_type, string, pos, endpos);
}
Value pattern_scanner(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value string;
  int64_t pos, endpos;
  if (!pattern_args(I, "scanner", args, nargs, kw, &string, &pos, &endpos)) return Value::error();
  PatternObj* p = as_pattern(args[0]);
  return new_scanner(I, p, p->state->scanner_type, string, pos, endpos);
}

// split
Value pattern_do_split(Isolate& I, PatternObj* p, Value string, int64_t maxsplit) {
  Subject s;
  if (!get_subject(I, p, string, s)) return Value::error();
  List* out = list_new(I, 0);
  if (!out) return Value::error();
  size_t last = 0, start = 0;
  bool must_advance = false;
  int64_t n = 0;
  uint32_t groups = p->groups;
  std::vector<PCRE2_SIZE> o;
  while (maxsplit == 0 || n < maxsplit) {
    if (start > s.len) break;
    int r = run_match(I, p, 0, s.data, s.len, start, must_advance ? PCRE2_NOTEMPTY_ATSTART : 0, s.valid);
    if (r < 0) return Value::error();
    if (r == 0) break;
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(p->md);
    o.assign(ov, ov + 2 * (groups + 1));
    size_t b = o[0], e = o[1];
    Value item = make_substr(I, s.data + last, b - last, s.is_str, s.ascii);
    if (item.is_error() || list_append(I, out, item) < 0) return Value::error();
    for (uint32_t g = 1; g <= groups; ++g) {
      Value x = o[2 * g] == PCRE2_UNSET ? Value::none()
                                        : make_substr(I, s.data + o[2 * g], o[2 * g + 1] - o[2 * g], s.is_str, s.ascii);
      if (x.is_error() || list_append(I, out, x) < 0) return Value::error();
    }
    ++n;
    must_advance = e == b;
    last = start = e;
  }
  Value tail = make_substr(I, s.data + last, s.len - last, s.is_str, s.ascii);
  if (tail.is_error() || list_append(I, out, tail) < 0) return Value::error();
  return Value::object(out);
}

Value pattern_split(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  if (bind_args(I, "split", args + 1, nargs - 1, kw, {"string", "maxsplit"}, 0, 2, 1, a) < 0) return Value::error();
  int64_t maxsplit = 0;
  if (!a[1].is_null() && !get_ssize(I, a[1], &maxsplit)) return Value::error();
  return pattern_do_split(I, as_pattern(args[0]), a[0], maxsplit);
}

// sub / subn
Value pattern_do_sub(Isolate& I, PatternObj* p, Value repl, Value string, int64_t count, bool subn) {
  Subject s;
  // The replacement is inspected first, as CPython does.
  Value filter = Value::null();   // callable
  Value literal = Value::null();  // str/bytes without backslashes
  Tuple* tmpl = nullptr;
  bool literal_is_str = false;
  if (is_callable(I, repl)) {
    filter = repl;
  } else {
    std::string_view view;
    bool lit = false;
    if (is_str_obj(repl)) {
      view = repl.as<Str>()->view();
      lit = view.find('\\') == std::string_view::npos;
      literal_is_str = true;
    } else {
      Value keep;
      int r = bytes_like(I, repl, &view, &keep);
      if (r < 0) return Value::error();
      if (r > 0) lit = view.find('\\') == std::string_view::npos;
    }
    if (lit) {
      literal = repl;
    } else {
      Value tv = get_template(I, p, repl);
      if (tv.is_error()) return tv;
      tmpl = tv.as<Tuple>();
      // A template of one literal chunk is used as that literal.
      if (tmpl->size() == 1 && !tmpl->items[0].is_small_int()) {
        literal = tmpl->items[0];
        literal_is_str = is_str_obj(literal);
        tmpl = nullptr;
      }
    }
  }
  if (!get_subject(I, p, string, s)) return Value::error();
  if (tmpl && !template_kind_ok(I, tmpl, s.is_str)) return Value::error();
  std::string_view lit_view;
  if (!literal.is_null()) {
    if (s.is_str != literal_is_str) {
      return raisef(I, I.rt.exc_TypeError,
                    s.is_str ? "sequence item %d: expected str instance, %s found"
                             : "sequence item %d: expected a bytes-like object, %s found",
                    0, type_name(I, literal));
    }
    if (literal_is_str) lit_view = literal.as<Str>()->view();
    else lit_view = bytes_view(literal);
  }
  std::string out;
  size_t last = 0, start = 0;
  bool must_advance = false;
  int64_t n = 0;
  size_t list_index = 0;  // CPython's join list position (for error messages)
  size_t hint_b = 0;
  int64_t hint_cp = 0;
  bool out_ascii = s.ascii;
  if (!literal.is_null() && literal_is_str && !literal.as<Str>()->ascii) out_ascii = false;
  while (count == 0 || n < count) {
    if (start > s.len) break;
    int r = run_match(I, p, 0, s.data, s.len, start, must_advance ? PCRE2_NOTEMPTY_ATSTART : 0, s.valid);
    if (r < 0) return Value::error();
    if (r == 0) break;
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(p->md);
    size_t b = ov[0], e = ov[1];
    if (last < b) {
      out.append(s.data + last, b - last);
      ++list_index;
    }
    if (!literal.is_null()) {
      out.append(lit_view);
      ++list_index;
    } else if (tmpl) {
      expand_into(out, tmpl, s.data, ov);
      ++list_index;
    } else {
      // Conversion hint: a (byte, code point) pair at or before the match.
      if (!s.ascii) {
        hint_cp += int64_t(count_cps(s.data + hint_b, b - hint_b));
        hint_b = b;
      }
      MatchObj* m = new_match(I, p, s, 0, s.cplen, int64_t(hint_b), hint_cp);
      if (!m) return Value::error();
      Value item = call(I, filter, {Value::object(m)});
      if (item.is_error()) return item;
      if (!item.is_none()) {
        if (s.is_str) {
          if (!is_str_obj(item))
            return raisef(I, I.rt.exc_TypeError, "sequence item %zu: expected str instance, %s found", list_index,
                          type_name(I, item));
          Str* is = item.as<Str>();
          if (!is->ascii) out_ascii = false;
          out.append(is->view());
        } else {
          std::string_view iv;
          Value keep;
          int br = bytes_like(I, item, &iv, &keep);
          if (br < 0) return Value::error();
          if (br == 0)
            return raisef(I, I.rt.exc_TypeError, "sequence item %zu: expected a bytes-like object, %s found",
                          list_index, type_name(I, item));
          out.append(iv);
        }
        ++list_index;
      }
    }
    ++n;
    must_advance = e == b;
    last = start = e;
  }
  Value result;
  if (n == 0 && ((s.is_str && type_of(I, string) == I.rt.str_type) ||
                 (!s.is_str && type_of(I, string) == I.rt.bytes_type))) {
    result = string;
  } else {
    out.append(s.data + last, s.len - last);
    if (s.is_str) {
      Str* rs = out_ascii ? str_new_known(I, out, uint32_t(out.size()), true) : str_new(I, out);
      result = rs ? Value::object(rs) : Value::error();
    } else {
      result = bytes_value(I, out);
    }
  }
  if (result.is_error()) return result;
  if (!subn) return result;
  return tuple_pack(I, {result, int_from_i64(I, n)});
}

Value pattern_sub_common(Isolate& I, const Value* args, size_t nargs, Tuple* kw, bool subn) {
  Value a[3];
  if (bind_args(I, subn ? "subn" : "sub", args + 1, nargs - 1, kw, {"repl", "string", "count"}, 0, 3, 2, a) < 0)
    return Value::error();
  int64_t count = 0;
  if (!a[2].is_null() && !get_ssize(I, a[2], &count)) return Value::error();
  return pattern_do_sub(I, as_pattern(args[0]), a[0], a[1], count, subn);
}
Value pattern_sub(Isolate& I, const Value* args, size_t nargs, Tuple* kw) { return pattern_sub_common(I, args, nargs, kw, false); }
Value pattern_subn(Isolate& I, const Value* args, size_t nargs, Tuple* kw) { return pattern_sub_common(I, args, nargs, kw, true); }

Value pattern_copy(Isolate&, const Value* args, size_t, Tuple*) { return args[0]; }
// re.Pattern[str] / re.Match[bytes] in annotations (as capy's list[int]).
Value class_getitem(Isolate&, const Value* args, size_t, Tuple*) { return args[0]; }

Value pattern_get_pattern(Isolate&, Value self) { return as_pattern(self)->pattern; }
Value pattern_get_flags(Isolate& I, Value self) { return int_from_i64(I, as_pattern(self)->flags); }
Value pattern_get_groups(Isolate& I, Value self) { return int_from_i64(I, as_pattern(self)->groups); }
Value pattern_get_groupindex(Isolate& I, Value self) {
  PatternObj* p = as_pattern(self);
  Dict* copy = dict_copy(I, p->groupindex);
  if (!copy) return Value::error();
  Type* mp = I.rt.mappingproxy_type;
  if (mp->basicsize != sizeof(Object) + sizeof(Value)) return Value::object(copy);
  // A read-only view of a copy, as CPython's Pattern.groupindex (the same
  // layout type.__dict__ uses for its mappingproxy).
  Object* o = I.heap.alloc_object(mp, sizeof(Object) + sizeof(Value));
  if (!o) return raise_memory(I);
  *reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + sizeof(Object)) = Value::object(copy);
  return Value::object(o);
}

Value pattern_repr(Isolate& I, Value self) {
  PatternObj* p = as_pattern(self);
  std::string out = "re.compile(";
  if (repr_truncated(I, p->pattern, 200, out).is_error()) return Value::error();
  int64_t flags = p->flags;
  if (!p->is_bytes && (flags & (re::kLocale | re::kUnicode | re::kAscii)) == re::kUnicode) flags &= ~re::kUnicode;
  if (flags) {
    static const struct { const char* name; int64_t v; } names[] = {
        {"re.TEMPLATE", re::kTemplate}, {"re.IGNORECASE", re::kIgnoreCase}, {"re.LOCALE", re::kLocale},
        {"re.MULTILINE", re::kMultiline}, {"re.DOTALL", re::kDotAll}, {"re.UNICODE", re::kUnicode},
        {"re.VERBOSE", re::kVerbose}, {"re.DEBUG", re::kDebug}, {"re.ASCII", re::kAscii},
    };
    out += ", ";
    bool first = true;
    for (auto& n : names) {
      if (flags & n.v) {
        if (!first) out += '|';
        out += n.name;
        first = false;
        flags &= ~n.v;
      }
    }
    if (flags) {
      if (!first) out += '|';
      char buf[32];
      std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(flags));
      out += buf;
    }
  }
  out += ')';
  return str_value(I, out);
}

int64_t pattern_hash(Isolate& I, Value self) {
  PatternObj* p = as_pattern(self);
  int64_t h = hash(I, p->pattern);
  if (h == -1) return -1;
  h ^= p->flags * 1000003;
  h ^= p->is_bytes;
  if (h == -1) h = -2;
  return h;
}

Value pattern_richcompare(Isolate& I, Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(I, a) != type_of(I, b))
    return Value::not_implemented();
  PatternObj* x = as_pattern(a);
  PatternObj* y = as_pattern(b);
  bool same;
  if (x == y) {
    same = true;
  } else if (x->flags != y->flags || x->is_bytes != y->is_bytes) {
    same = false;
  } else {
    int r = eq(I, x->pattern, y->pattern);
    if (r < 0) return Value::error();
    same = r == 1;
  }
  return Value::boolean(op == CompareOp::Eq ? same : !same);
}

// --- compiling ------------------------------------------------------------------------------

Value compile_pattern(Isolate& I, ReState* st, Value pattern, int64_t flags) {
  bool is_str = is_str_obj(pattern);
  std::vector<uint32_t> cps;
  to_cps(pattern, is_str, cps);
  re::Translation tr;
  re::ParseError err;
  uint32_t depth = I.recursion_limit > 8 ? I.recursion_limit / 2 : 4;
  if (!re::translate(cps.data(), cps.size(), !is_str, flags, depth, tr, err))
    return raise_parse_error(I, st, err, pattern);
  auto* p = static_cast<PatternObj*>(I.heap.alloc_object(st->pattern_type, sizeof(PatternObj)));
  if (!p) return raise_memory(I);
  p->state = st;
  p->pattern = pattern;
  p->flags = tr.flags;
  p->cache_flags = flags;
  p->groups = tr.groups;
  p->is_bytes = !is_str;
  p->tmpl_src = Value::null();
  p->tmpl_parsed = Value::null();
  if (!I.heap.charge(tr.pcre.size())) return raise_memory(I);
  p->pcre_text = new std::string(std::move(tr.pcre));
  p->parent = static_cast<uint32_t*>(I.heap.alloc_raw(sizeof(uint32_t) * (tr.groups + 1)));
  if (!p->parent) return raise_memory(I);
  for (uint32_t g = 0; g <= tr.groups; ++g) p->parent[g] = g < tr.parent.size() ? tr.parent[g] : 0;
  if (tr.literal) {
    p->literal = static_cast<char*>(I.heap.alloc_raw(tr.literal_text.size() + 1));
    if (!p->literal) return raise_memory(I);
    std::memcpy(p->literal, tr.literal_text.data(), tr.literal_text.size());
    p->literal[tr.literal_text.size()] = 0;
    p->literal_len = tr.literal_text.size();
  }
  p->groupindex = dict_new(I);
  p->indexgroup = tuple_new(I, tr.groups + 1);
  if (!p->groupindex || !p->indexgroup) return Value::error();
  for (auto& nm : tr.names) {
    Str* k = str_new(I, nm.first);
    if (!k) return Value::error();
    if (dict_set(I, p->groupindex, Value::object(k), int_from_i64(I, nm.second)) < 0) return Value::error();
    p->indexgroup->items[nm.second] = Value::object(k);
  }
  pcre2_code* code = pattern_code(I, p, 0);
  if (!code) return Value::error();
  p->md = pcre2_match_data_create_from_pattern(code, st->gctx);
  if (!p->md) return raise_memory(I);
  return Value::object(p);
}

bool flags_arg(Isolate& I, Value v, int64_t* out) {
  *out = 0;
  if (v.is_null()) return true;
  if (v.is_small_int()) { *out = v.as_small_int(); return true; }
  if (!is_int(I, v)) {
    raisef(I, I.rt.exc_TypeError, "unsupported operand type(s) for &: '%s' and 'RegexFlag'", type_name(I, v));
    return false;
  }
  if (!int_to_i64(int_unwrap(I, v), out)) {
    raise(I, I.rt.exc_OverflowError, "Python int too large to convert to C int");
    return false;
  }
  return true;
}

Value get_compiled(Isolate& I, ReState* st, Value pattern, int64_t flags) {
  Type* t = type_of(I, pattern);
  if (t == I.rt.str_type || t == I.rt.bytes_type) {
    Value hit = dict_get(I, st->cache, pattern);
    if (hit.is_error()) return hit;
    if (!hit.is_null() && as_pattern(hit)->cache_flags == flags) return hit;
    Value p = compile_pattern(I, st, pattern, flags);
    if (p.is_error()) return p;
    if (flags & re::kDebug) return p;
    if (hit.is_null() && st->cache->count >= kCacheMax) {
      uint32_t pos = 0;
      Value k, v;
      if (dict_next(st->cache, &pos, &k, &v) && dict_del(I, st->cache, k) < 0) return Value::error();
    }
    if (dict_set(I, st->cache, pattern, p) < 0) return Value::error();
    return p;
  }
  if (t == st->pattern_type) {
    if (flags) return raise(I, I.rt.exc_ValueError, "cannot process flags argument with a compiled pattern");
    return pattern;
  }
  if (is_str_obj(pattern) || is_bytes_obj(pattern)) return compile_pattern(I, st, pattern, flags);
  if (hash(I, pattern) == -1) return Value::error();
  return raise(I, I.rt.exc_TypeError, "first argument must be string or compiled pattern");
}

// --- module functions (bound to the ReState: args[0]) ----------------------------------------

ReState* state_of(Value v) { return v.as<ReState>(); }

Value re_compile(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  if (bind_args(I, "compile", args + 1, nargs - 1, kw, {"pattern", "flags"}, 0, 2, 1, a) < 0) return Value::error();
  int64_t flags;
  if (!flags_arg(I, a[1], &flags)) return Value::error();
  return get_compiled(I, state_of(args[0]), a[0], flags);
}

// re.search/match/fullmatch(pattern, string, flags=0)
Value re_match_common(Isolate& I, const Value* args, size_t nargs, Tuple* kw, const char* name, int mode) {
  Value pat, string, fl = Value::null();
  if (nargs == 3 && (!kw || kw->size() == 0)) {
    pat = args[1];
    string = args[2];
  } else {
    Value a[3];
    if (bind_args(I, name, args + 1, nargs - 1, kw, {"pattern", "string", "flags"}, 0, 3, 2, a) < 0)
      return Value::error();
    pat = a[0];
    string = a[1];
    fl = a[2];
  }
  int64_t flags;
  if (!flags_arg(I, fl, &flags)) return Value::error();
  Value p = get_compiled(I, state_of(args[0]), pat, flags);
  if (p.is_error()) return p;
  return pattern_do_match(I, as_pattern(p), mode, string, 0, INT64_MAX);
}
Value re_search(Isolate& I, const Value* args, size_t nargs, Tuple* kw) { return re_match_common(I, args, nargs, kw, "search", 0); }
Value re_match(Isolate& I, const Value* args, size_t nargs, Tuple* kw) { return re_match_common(I, args, nargs, kw, "match", 1); }
Value re_fullmatch(Isolate& I, const Value* args, size_t nargs, Tuple* kw) { return re_match_common(I, args, nargs, kw, "fullmatch", 2); }

Value re_findall(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[3];
  if (bind_args(I, "findall", args + 1, nargs - 1, kw, {"pattern", "string", "flags"}, 0, 3, 2, a) < 0) return Value::error();
  int64_t flags;
  if (!flags_arg(I, a[2], &flags)) return Value::error();
  Value p = get_compiled(I, state_of(args[0]), a[0], flags);
  if (p.is_error()) return p;
  return pattern_do_findall(I, as_pattern(p), a[1], 0, INT64_MAX);
}
Value re_finditer(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[3];
  if (bind_args(I, "finditer", args + 1, nargs - 1, kw, {"pattern", "string", "flags"}, 0, 3, 2, a) < 0) return Value::error();
  int64_t flags;
  if (!flags_arg(I, a[2], &flags)) return Value::error();
  Value p = get_compiled(I, state_of(args[0]), a[0], flags);
  if (p.is_error()) return p;
  return new_scanner(I, as_pattern(p), state_of(args[0])->iter_type, a[1], 0, INT64_MAX);
}
Value re_split(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[4];
  if (bind_args(I, "split", args + 1, nargs - 1, kw, {"pattern", "string", "maxsplit", "flags"}, 0, 4, 2, a) < 0)
    return Value::error();
  int64_t flags, maxsplit = 0;
  if (!flags_arg(I, a[3], &flags)) return Value::error();
  if (!a[2].is_null() && !get_ssize(I, a[2], &maxsplit)) return Value::error();
  Value p = get_compiled(I, state_of(args[0]), a[0], flags);
  if (p.is_error()) return p;
  return pattern_do_split(I, as_pattern(p), a[1], maxsplit);
}
Value re_sub_common(Isolate& I, const Value* args, size_t nargs, Tuple* kw, bool subn) {
  Value a[5];
  if (bind_args(I, subn ? "subn" : "sub", args + 1, nargs - 1, kw, {"pattern", "repl", "string", "count", "flags"}, 0,
                5, 3, a) < 0)
    return Value::error();
  int64_t flags, count = 0;
  if (!flags_arg(I, a[4], &flags)) return Value::error();
  if (!a[3].is_null() && !get_ssize(I, a[3], &count)) return Value::error();
  Value p = get_compiled(I, state_of(args[0]), a[0], flags);
  if (p.is_error()) return p;
  return pattern_do_sub(I, as_pattern(p), a[1], a[2], count, subn);
}
Value re_sub(Isolate& I, const Value* args, size_t nargs, Tuple* kw) { return re_sub_common(I, args, nargs, kw, false); }
Value re_subn(Isolate& I, const Value* args, size_t nargs, Tuple* kw) { return re_sub_common(I, args, nargs, kw, true); }

Value re_purge(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "purge", kw) < 0 || check_nargs(I, "purge", nargs - 1, 0, 0) < 0) return Value::error();
  dict_clear(I, state_of(args[0])->cache);
  return Value::none();
}

bool escape_special(uint32_t c) {
  switch (c) {
    case '(': case ')': case '[': case ']': case '{': case '}': case '?': case '*': case '+': case '-':
    case '|': case '^': case '$': case '\\': case '.': case '&': case '~': case '#': case ' ': case '\t':
    case '\n': case '\r': case '\v': case '\f':
      return true;
    default:
      return false;
  }
}

Value re_escape(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  if (bind_args(I, "escape", args + 1, nargs - 1, kw, {"pattern"}, 0, 1, 1, a) < 0) return Value::error();
  Value v = a[0];
  std::string out;
  if (is_str_obj(v)) {
    Str* s = v.as<Str>();
    out.reserve(s->size() + 8);
    for (size_t i = 0; i < s->size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s->data[i]);
      if (c < 0x80 && escape_special(c)) out += '\\';
      out += char(c);
    }
    Str* r = s->ascii ? str_new_known(I, out, uint32_t(out.size()), true) : str_new(I, out);
    return r ? Value::object(r) : Value::error();
  }
  std::string_view view;
  Value keep;
  int r = bytes_like(I, v, &view, &keep);
  if (r < 0) return Value::error();
  if (r == 0)
    return raisef(I, I.rt.exc_TypeError, "decoding to str: need a bytes-like object, %s found", type_name(I, v));
  for (unsigned char c : view) {
    if (escape_special(c)) out += '\\';
    out += char(c);
  }
  return bytes_value(I, out);
}

// The parts of re simplest to state in Python.
const char kReSource[] = R"PY(
__all__ = ["match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer", "compile",
           "purge", "escape", "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
           "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE", "UNICODE",
           "NOFLAG", "RegexFlag"]
__version__ = "2.2.1"

class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            nl = '\n' if isinstance(pattern, str) else b'\n'
            self.lineno = pattern.count(nl, 0, pos) + 1
            self.colno = pos - pattern.rfind(nl, 0, pos)
            if nl in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        Exception.__init__(self, msg)
error.__module__ = 're'

class _FlagType(type):
    def __repr__(cls):
        return "<flag 'RegexFlag'>"
    def __iter__(cls):
        return iter(cls._members)
    def __len__(cls):
        return len(cls._members)
    def __contains__(cls, v):
        return isinstance(v, cls) and v in cls._members

class RegexFlag(int, metaclass=_FlagType):
    _order = (('ASCII', 256), ('IGNORECASE', 2), ('LOCALE', 4), ('UNICODE', 32), ('MULTILINE', 8),
              ('DOTALL', 16), ('VERBOSE', 64), ('TEMPLATE', 1), ('DEBUG', 128))
    def __new__(cls, value=0):
        return int.__new__(cls, value)
    def __repr__(self):
        v = int(self)
        if v == 0:
            return 're.NOFLAG'
        parts = []
        for name, bit in RegexFlag._order:
            if v & bit:
                parts.append('re.' + name)
                v &= ~bit
        if v:
            parts.append(hex(v))
        return '|'.join(parts)
    __str__ = __repr__
    def __format__(self, spec):
        if not spec:
            return repr(self)
        return int.__format__(int(self), spec)
    @property
    def name(self):
        v = int(self)
        if v == 0:
            return 'NOFLAG'
        parts = []
        for n, bit in RegexFlag._order:
            if v & bit:
                parts.append(n)
                v &= ~bit
        return '|'.join(parts) if parts and not v else (None if not parts else '|'.join(parts))
    @property
    def value(self):
        return int(self)
    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented
    __ror__ = __or__
    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented
    __rand__ = __and__
    def __xor__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) ^ int(other))
        return NotImplemented
    __rxor__ = __xor__
    def __invert__(self):
        return RegexFlag(0x1ff & ~int(self))
    def __reduce__(self):
        return (RegexFlag, (int(self),))

NOFLAG = RegexFlag(0)
A = ASCII = RegexFlag(256)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
U = UNICODE = RegexFlag(32)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
X = VERBOSE = RegexFlag(64)
T = TEMPLATE = RegexFlag(1)
DEBUG = RegexFlag(128)
RegexFlag._members = (ASCII, IGNORECASE, LOCALE, UNICODE, MULTILINE, DOTALL, VERBOSE, TEMPLATE, DEBUG)
for _f in RegexFlag._members:
    setattr(RegexFlag, repr(_f)[3:], _f)
RegexFlag.NOFLAG = NOFLAG
RegexFlag.A = ASCII; RegexFlag.I = IGNORECASE; RegexFlag.L = LOCALE; RegexFlag.U = UNICODE
RegexFlag.M = MULTILINE; RegexFlag.S = DOTALL; RegexFlag.X = VERBOSE; RegexFlag.T = TEMPLATE
del _f
RegexFlag.__module__ = 're'

class Scanner:
    # Experimental in CPython too: each phrase becomes one alternative of a
    # combined pattern; the alternative that matched selects the action.
    def __init__(self, lexicon, flags=0):
        self.lexicon = lexicon
        parts = []
        self._groups = []
        g = 1
        for phrase, action in lexicon:
            parts.append('(' + phrase + ')')
            self._groups.append(g)
            g += 1 + compile(phrase, flags).groups
        self.scanner = compile('|'.join(parts), flags)
    def scan(self, string):
        result = []
        append = result.append
        match = self.scanner.scanner(string).match
        groups = self._groups
        i = 0
        while True:
            m = match()
            if not m:
                break
            j = m.end()
            if i == j:
                break
            k = 0
            while m.start(groups[k]) < 0:
                k += 1
            action = self.lexicon[k][1]
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None:
                append(action)
            i = j
        return result, string[i:]
)PY";

}  // namespace

int init_re_module(Isolate& I, Module* m) {
  // State object and the per-isolate types.
  Type* state_t = new_type(I, "re._ReState", sizeof(ReState));
  if (!state_t) return -1;
  state_t->trace = state_trace;
  state_t->finalize = state_finalize;
  auto* st = static_cast<ReState*>(I.heap.alloc_object(state_t, sizeof(ReState)));
  if (!st) { raise_memory(I); return -1; }
  st->module = m;
  st->error_cls = Value::none();
  st->cache = dict_new(I);
  if (!st->cache) return -1;
  st->gctx = pcre2_general_context_create(re_malloc, re_free, &I.heap);
  if (!st->gctx) { raise_memory(I); return -1; }
  st->cctx = pcre2_compile_context_create(st->gctx);
  st->mctx = pcre2_match_context_create(st->gctx);
  if (!st->cctx || !st->mctx) { raise_memory(I); return -1; }
  pcre2_set_newline(st->cctx, PCRE2_NEWLINE_LF);
  pcre2_set_parens_nest_limit(st->cctx, 10000);
  pcre2_set_compile_extra_options(st->cctx, PCRE2_EXTRA_ALLOW_SURROGATE_ESCAPES);
  pcre2_set_match_limit(st->mctx, kMatchLimit);
  pcre2_set_depth_limit(st->mctx, kDepthLimit);
  pcre2_set_heap_limit(st->mctx, kHeapLimitKiB);
  st->jit_stack = pcre2_jit_stack_create(32 * 1024, kJitStackMax, st->gctx);
  if (st->jit_stack) pcre2_jit_stack_assign(st->mctx, nullptr, st->jit_stack);

  Type* pt = new_type(I, "re.Pattern", sizeof(PatternObj));
  Type* mt = new_type(I, "re.Match", sizeof(MatchObj));
  Type* sct = new_type(I, "_sre.SRE_Scanner", sizeof(ScannerObj));
  Type* it = new_type(I, "callable_iterator", sizeof(ScannerObj));
  if (!pt || !mt || !sct || !it) return -1;
  st->pattern_type = pt;
  st->match_type = mt;
  st->scanner_type = sct;
  st->iter_type = it;

  pt->trace = pattern_trace;
  pt->finalize = pattern_finalize;
  pt->repr = pattern_repr;
  pt->hash = pattern_hash;
  pt->richcompare = pattern_richcompare;
  mt->trace = match_trace;
  mt->itemsize = sizeof(int64_t) * 2;
  mt->repr = match_repr;
  mt->getitem = match_getitem;
  sct->trace = scanner_trace;
  it->trace = scanner_trace;
  it->iter = iter_self;
  it->next = iter_next_match;

  struct M { const char* name; NativeFn fn; };
  static const M pattern_methods[] = {
      {"match", pattern_match}, {"fullmatch", pattern_fullmatch}, {"search", pattern_search},
      {"sub", pattern_sub}, {"subn", pattern_subn}, {"split", pattern_split}, {"findall", pattern_findall},
      {"finditer", pattern_finditer}, {"scanner", pattern_scanner}, {"__copy__", pattern_copy},
      {"__deepcopy__", pattern_copy},
  };
  for (const M& d : pattern_methods)
    if (add_method(I, pt, d.name, d.fn) < 0) return -1;
  if (add_getset(I, pt, "pattern", pattern_get_pattern) < 0 ||
      add_getset(I, pt, "flags", pattern_get_flags) < 0 ||
      add_getset(I, pt, "groups", pattern_get_groups) < 0 ||
      add_getset(I, pt, "groupindex", pattern_get_groupindex) < 0)
    return -1;
  static const M match_methods[] = {
      {"group", match_group}, {"groups", match_groups}, {"groupdict", match_groupdict},
      {"start", match_start}, {"end", match_end}, {"span", match_span}, {"expand", match_expand},
      {"__copy__", match_copy}, {"__deepcopy__", match_copy},
  };
  for (const M& d : match_methods)
    if (add_method(I, mt, d.name, d.fn) < 0) return -1;
  if (add_method(I, pt, "__class_getitem__", class_getitem, kMethodClass) < 0 ||
      add_method(I, mt, "__class_getitem__", class_getitem, kMethodClass) < 0)
    return -1;
  if (add_getset(I, mt, "lastindex", match_get_lastindex) < 0 ||
      add_getset(I, mt, "lastgroup", match_get_lastgroup) < 0 ||
      add_getset(I, mt, "pos", match_get_pos) < 0 || add_getset(I, mt, "endpos", match_get_endpos) < 0 ||
      add_getset(I, mt, "re", match_get_re) < 0 || add_getset(I, mt, "string", match_get_string) < 0 ||
      add_getset(I, mt, "regs", match_get_regs) < 0)
    return -1;
  if (add_method(I, sct, "match", scanner_match) < 0 || add_method(I, sct, "search", scanner_search) < 0 ||
      add_getset(I, sct, "pattern", scanner_get_pattern) < 0)
    return -1;

  static const M functions[] = {
      {"compile", re_compile}, {"search", re_search}, {"match", re_match}, {"fullmatch", re_fullmatch},
      {"findall", re_findall}, {"finditer", re_finditer}, {"split", re_split}, {"sub", re_sub},
      {"subn", re_subn}, {"purge", re_purge}, {"escape", re_escape},
  };
  for (const M& d : functions) {
    Str* n = I.intern(d.name);
    if (!n) return -1;
    Value f = builtin_function_new(I, n, d.fn, Value::object(st));
    if (f.is_error() || dict_set_str(I, m->dict, n, f) < 0) return -1;
  }
  if (module_add_value(I, m, "Pattern", Value::object(pt)) < 0 ||
      module_add_value(I, m, "Match", Value::object(mt)) < 0)
    return -1;
  Value r = run_module_source(I, m, "<capy>/re.py", kReSource);
  if (r.is_error()) return -1;
  Value err = dict_get_cstr(I, m->dict, "error");
  if (err.is_error() || err.is_null()) return -1;
  st->error_cls = err;
  return 0;
}

}  // namespace capy
