// Python regular-expression syntax -> PCRE2 syntax.
//
// The parser follows the grammar, the checks and the error messages of
// CPython 3.11's re._parser (and the look-behind check of re._compiler),
// building a small tree; the emitter then writes a PCRE2 pattern that
// means the same thing. Everything PCRE2 would interpret differently is
// spelled out: named groups become plain numbered groups (the names live in
// our own table), backreferences are \g{N}, \Z is \z, classes escape every
// non-alphanumeric character (so "[[:alpha:]]" stays literal), verbose
// whitespace and comments are dropped here, and Python's scoped ASCII /
// UNICODE flags pick the category spellings.
#include "modules/re_parse.h"

#include <cstdio>
#include <deque>

#include "objects/unicode.h"
#include "support/stack_limit.h"

namespace capy::re {

namespace {

enum Op : uint8_t {
  LIT, NOT_LIT, ANY, IN, AT, BRANCH, SUBPAT, ATOMIC, REPEAT, GROUPREF, GROUPREF_EXISTS, ASSERT, ASSERT_NOT,
};
enum AtKind : uint8_t { AT_BEGIN, AT_BEGIN_STRING, AT_BOUNDARY, AT_NON_BOUNDARY, AT_END, AT_END_STRING };
enum Cat : uint8_t { C_DIGIT, C_NOT_DIGIT, C_SPACE, C_NOT_SPACE, C_WORD, C_NOT_WORD };
enum RepKind : uint8_t { GREEDY, LAZY, POSSESSIVE };

struct SetItem {
  uint8_t kind;  // 0 literal, 1 range, 2 category
  uint32_t lo, hi;
};

struct Seq;
struct Node {
  Op op;
  uint32_t v = 0;          // literal / at kind / group / repeat kind / assert direction (1 = behind)
  int64_t add = 0, del = 0;
  uint64_t min = 0, max = 0;
  bool negate = false;
  std::vector<SetItem> set;
  std::vector<Seq*> subs;  // BRANCH: alternatives; others: [body] or [yes, no]
};
struct Seq {
  std::vector<Node*> items;
  bool has_width = false;
  uint64_t lo = 0, hi = 0;
};

constexpr uint64_t kSat = uint64_t(1) << 62;
uint64_t sat_add(uint64_t a, uint64_t b) { uint64_t r = a + b; return r > kSat ? kSat : r; }
uint64_t sat_mul(uint64_t a, uint64_t b) {
  if (a == 0 || b == 0) return 0;
  if (a > kSat / b) return kSat;
  uint64_t r = a * b;
  return r > kSat ? kSat : r;
}

bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
bool is_oct(uint32_t c) { return c >= '0' && c <= '7'; }
bool is_hex(uint32_t c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_ascii_letter(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
int hexval(uint32_t c) { return is_digit(c) ? int(c - '0') : (c >= 'a' ? int(c - 'a' + 10) : int(c - 'A' + 10)); }

bool is_identifier(const std::vector<uint32_t>& s) {
  if (s.empty()) return false;
  if (!(s[0] == '_' || uni::is_xid_start(s[0]))) return false;
  for (size_t i = 1; i < s.size(); ++i)
    if (!uni::is_xid_continue(s[i])) return false;
  return true;
}

std::string utf8_of(const std::vector<uint32_t>& s) {
  std::string o;
  for (uint32_t c : s) append_cp(o, c, false);
  return o;
}

// Python's repr() of a str given as code points.
std::string py_repr(const std::vector<uint32_t>& s) {
  bool has_sq = false, has_dq = false;
  for (uint32_t c : s) {
    if (c == '\'') has_sq = true;
    if (c == '"') has_dq = true;
  }
  char q = (has_sq && !has_dq) ? '"' : '\'';
  std::string o(1, q);
  char buf[16];
  for (uint32_t c : s) {
    if (c == uint32_t(q) || c == '\\') { o += '\\'; o += char(c); }
    else if (c == '\t') o += "\\t";
    else if (c == '\n') o += "\\n";
    else if (c == '\r') o += "\\r";
    else if (c < 0x20 || c == 0x7f) { std::snprintf(buf, sizeof buf, "\\x%02x", c); o += buf; }
    else if (c < 0x7f) o += char(c);
    else if (uni::is_printable(c)) append_cp(o, c, false);
    else if (c <= 0xff) { std::snprintf(buf, sizeof buf, "\\x%02x", c); o += buf; }
    else if (c <= 0xffff) { std::snprintf(buf, sizeof buf, "\\u%04x", c); o += buf; }
    else { std::snprintf(buf, sizeof buf, "\\U%08x", c); o += buf; }
  }
  o += q;
  return o;
}

// --- tokenizer ------------------------------------------------------------------

class Parser {
 public:
  Parser(const uint32_t* s, size_t n, bool bytes, ParseError& err) : s_(s), n_(n), bytes_(bytes), err_(err) {}

  const uint32_t* s_;
  size_t n_;
  bool bytes_;
  ParseError& err_;
  bool failed_ = false;

  // The current token: a char, or a backslash pair (esc).
  size_t index_ = 0;
  bool has_ = false;
  bool esc_ = false;
  uint32_t c_ = 0;

  void advance() {
    size_t i = index_;
    if (i >= n_) { has_ = false; return; }
    uint32_t ch = s_[i];
    if (ch == '\\') {
      ++i;
      if (i >= n_) {
        has_ = false;
        error_at("bad escape (end of pattern)", int64_t(n_) - 1);
        return;
      }
      esc_ = true;
      c_ = s_[i];
    } else {
      esc_ = false;
      c_ = ch;
    }
    index_ = i + 1;
    has_ = true;
  }
  size_t tell() const { return index_ - (has_ ? (esc_ ? 2 : 1) : 0); }
  bool next_is(uint32_t ch) const { return has_ && !esc_ && c_ == ch; }
  bool match(uint32_t ch) {
    if (next_is(ch)) { advance(); return true; }
    return false;
  }
  // Token text length (1 or 2).
  size_t tok_len() const { return esc_ ? 2 : 1; }

  std::string encode_msg(const std::string& m) {
    if (!bytes_) return m;
    // The message holds latin-1 text as UTF-8: escape non-ASCII like
    // 'ascii' + 'backslashreplace'.
    std::string o;
    const unsigned char* p = reinterpret_cast<const unsigned char*>(m.data());
    size_t i = 0;
    while (i < m.size()) {
      unsigned char c = p[i];
      if (c < 0x80) { o += char(c); ++i; continue; }
      uint32_t cp = 0;
      if ((c & 0xE0) == 0xC0 && i + 1 < m.size()) { cp = ((c & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu); i += 2; }
      else { cp = c; ++i; }
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", cp & 0xff);
      o += buf;
    }
    return o;
  }
  void error_at(const std::string& msg, int64_t pos) {
    if (failed_) return;
    failed_ = true;
    err_.kind = ParseError::Re;
    err_.msg = encode_msg(msg);
    err_.pos = pos;
  }
  // source.error(msg, offset)
  void error(const std::string& msg, int64_t offset = 0) { error_at(msg, int64_t(tell()) - offset); }
  void error_kind(ParseError::Kind k, const std::string& msg) {
    if (failed_) return;
    failed_ = true;
    err_.kind = k;
    err_.msg = msg;
    err_.pos = -1;
  }

  // Text of a token for messages ("\\x", "a").
  std::string tok_text(bool esc, uint32_t c) {
    std::string o;
    if (esc) o += '\\';
    append_cp(o, c, false);
    return o;
  }

  // getuntil: collects tokens (escape pairs as two chars) until terminator.
  bool getuntil(uint32_t term, const char* name, std::vector<uint32_t>& result) {
    result.clear();
    for (;;) {
      bool had = has_, e = esc_;
      uint32_t c = c_;
      advance();
      if (failed_) return false;
      if (!had) {
        if (result.empty()) error(std::string("missing ") + name);
        else {
          std::string m = "missing ";
          append_cp(m, term, false);
          m += ", unterminated name";
          error(m, int64_t(result.size()));
        }
        return false;
      }
      if (!e && c == term) {
        if (result.empty()) { error(std::string("missing ") + name, 1); return false; }
        break;
      }
      if (e) result.push_back('\\');
      result.push_back(c);
    }
    return true;
  }

  bool checkgroupname(const std::vector<uint32_t>& name, int64_t offset) {
    if (!is_identifier(name)) {
      error("bad character in group name " + py_repr(name), int64_t(name.size()) + offset);
      return false;
    }
    return true;
  }

  // --- state ------------------------------------------------------------------
  int64_t flags_ = 0;
  struct GroupInfo { bool closed = false; uint64_t lo = 0, hi = 0; uint32_t parent = 0; };
  std::vector<GroupInfo> groupw_{GroupInfo{true, 0, 0, 0}};  // group 0
  std::vector<std::pair<std::vector<uint32_t>, uint32_t>> groupdict_;
  int64_t lookbehindgroups_ = -1;  // -1: None
  std::vector<std::pair<uint32_t, int64_t>> grouprefpos_;
  std::vector<uint32_t> open_groups_;  // enclosing capture groups (for parent[])
  uint32_t depth_ = 0, max_depth_ = 1000;
  std::deque<Node> nodes_;
  std::deque<Seq> seqs_;

  size_t ngroups() const { return groupw_.size(); }
  Node* node(Op op) { nodes_.emplace_back(); Node* n = &nodes_.back(); n->op = op; return n; }
  Seq* seq() { seqs_.emplace_back(); return &seqs_.back(); }

  int64_t lookup_name(const std::vector<uint32_t>& name) {
    for (auto& p : groupdict_) if (p.first == name) return p.second;
    return -1;
  }
  bool checkgroup(size_t gid) { return gid < groupw_.size() && groupw_[gid].closed; }
  bool checklookbehindgroup(size_t gid) {
    if (lookbehindgroups_ >= 0) {
      if (!checkgroup(gid)) { error("cannot refer to an open group"); return false; }
      if (int64_t(gid) >= lookbehindgroups_) {
        error("cannot refer to group defined in the same lookbehind subpattern");
        return false;
      }
    }
    return true;
  }

  // --- widths -----------------------------------------------------------------
  void width(Seq* s, uint64_t& lo_out, uint64_t& hi_out) {
    if (s->has_width) { lo_out = s->lo; hi_out = s->hi; return; }
    uint64_t lo = 0, hi = 0;
    for (Node* n : s->items) {
      uint64_t i, j;
      switch (n->op) {
        case BRANCH: {
          i = kMaxRepeat - 1;
          j = 0;
          for (Seq* b : n->subs) {
            uint64_t l, h;
            width(b, l, h);
            if (l < i) i = l;
            if (h > j) j = h;
          }
          lo = sat_add(lo, i); hi = sat_add(hi, j);
          break;
        }
        case ATOMIC:
        case SUBPAT:
          width(n->subs[0], i, j);
          lo = sat_add(lo, i); hi = sat_add(hi, j);
          break;
        case REPEAT:
          width(n->subs[0], i, j);
          lo = sat_add(lo, sat_mul(i, n->min));
          hi = sat_add(hi, sat_mul(j, n->max));
          break;
        case ANY: case IN: case LIT: case NOT_LIT:
          lo = sat_add(lo, 1); hi = sat_add(hi, 1);
          break;
        case GROUPREF:
          lo = sat_add(lo, groupw_[n->v].lo); hi = sat_add(hi, groupw_[n->v].hi);
          break;
        case GROUPREF_EXISTS: {
          width(n->subs[0], i, j);
          if (n->subs[1]) {
            uint64_t l, h;
            width(n->subs[1], l, h);
            if (l < i) i = l;
            if (h > j) j = h;
          } else {
            i = 0;
          }
          lo = sat_add(lo, i); hi = sat_add(hi, j);
          break;
        }
        default:
          break;
      }
    }
    s->lo = lo < kMaxRepeat - 1 ? lo : kMaxRepeat - 1;
    s->hi = hi < kMaxRepeat ? hi : kMaxRepeat;
    s->has_width = true;
    lo_out = s->lo;
    hi_out = s->hi;
  }

  // --- escapes ----------------------------------------------------------------
  struct Code {
    uint8_t kind;  // 0 literal, 1 category (IN), 2 AT, 3 groupref
    uint32_t v;
  };

  bool simple_escape(uint32_t c, uint32_t* out) {
    switch (c) {
      case 'a': *out = 7; return true;
      case 'b': *out = 8; return true;
      case 'f': *out = 12; return true;
      case 'n': *out = 10; return true;
      case 'r': *out = 13; return true;
      case 't': *out = 9; return true;
      case 'v': *out = 11; return true;
      case '\\': *out = '\\'; return true;
      default: return false;
    }
  }
  bool category_escape(uint32_t c, uint32_t* cat) {
    switch (c) {
      case 'd': *cat = C_DIGIT; return true;
      case 'D': *cat = C_NOT_DIGIT; return true;
      case 's': *cat = C_SPACE; return true;
      case 'S': *cat = C_NOT_SPACE; return true;
      case 'w': *cat = C_WORD; return true;
      case 'W': *cat = C_NOT_WORD; return true;
      default: return false;
    }
  }

  // Reads \x \u \U \N escapes (shared by both contexts). Returns 1 handled
  // (code set), 0 not one of these, -1 error.
  int numeric_escape(uint32_t c, Code& code) {
    std::string esc = "\\";
    append_cp(esc, c, false);
    auto hex_digits = [&](size_t want) -> bool {
      uint32_t v = 0;
      size_t got = 0;
      while (got < want && has_ && !esc_ && is_hex(c_)) {
        esc += char(c_);
        v = v * 16 + uint32_t(hexval(c_));
        ++got;
        advance();
        if (failed_) return false;
      }
      if (got != want) {
        error("incomplete escape " + esc, int64_t(esc.size()));
        return false;
      }
      code = {0, v};
      return true;
    };
    if (c == 'x') return hex_digits(2) ? 1 : -1;
    if (c == 'u' && !bytes_) return hex_digits(4) ? 1 : -1;
    if (c == 'U' && !bytes_) {
      // Read the 8 digits as an unsigned 64-bit value (they may exceed 0x10FFFF).
      uint64_t v = 0;
      size_t got = 0;
      while (got < 8 && has_ && !esc_ && is_hex(c_)) {
        esc += char(c_);
        v = v * 16 + uint64_t(hexval(c_));
        ++got;
        advance();
        if (failed_) return -1;
      }
      if (got != 8) { error("incomplete escape " + esc, int64_t(esc.size())); return -1; }
      if (v > 0x10FFFF) { error("bad escape " + esc, int64_t(esc.size())); return -1; }
      code = {0, uint32_t(v)};
      return 1;
    }
    if (c == 'N' && !bytes_) {
      if (!match('{')) { if (!failed_) error("missing {"); return -1; }
      std::vector<uint32_t> name;
      if (!getuntil('}', "character name", name)) return -1;
      // capy has no Unicode name database: every name is unknown.
      error("undefined character name " + py_repr(name), int64_t(name.size()) + 4);
      return -1;
    }
    return 0;
  }

  bool class_escape(uint32_t c, Code& code) {
    uint32_t v;
    if (simple_escape(c, &v)) { code = {0, v}; return true; }
    if (category_escape(c, &v)) { code = {1, v}; return true; }
    int r = numeric_escape(c, code);
    if (r < 0) return false;
    if (r > 0) return true;
    std::string esc = "\\";
    append_cp(esc, c, false);
    if (is_oct(c)) {
      uint32_t val = c - '0';
      for (int k = 0; k < 2 && has_ && !esc_ && is_oct(c_); ++k) {
        esc += char(c_);
        val = val * 8 + (c_ - '0');
        advance();
        if (failed_) return false;
      }
      if (val > 0377) {
        error("octal escape value " + esc + " outside of range 0-0o377", int64_t(esc.size()));
        return false;
      }
      code = {0, val};
      return true;
    }
    if (is_digit(c) || is_ascii_letter(c)) {
      error("bad escape " + esc, int64_t(esc.size()));
      return false;
    }
    code = {0, c};
    return true;
  }

  bool escape(uint32_t c, Code& code) {
    uint32_t v;
    switch (c) {
      case 'A': code = {2, AT_BEGIN_STRING}; return true;
      case 'b': code = {2, AT_BOUNDARY}; return true;
      case 'B': code = {2, AT_NON_BOUNDARY}; return true;
      case 'Z': code = {2, AT_END_STRING}; return true;
      default: break;
    }
    if (category_escape(c, &v)) { code = {1, v}; return true; }
    if (simple_escape(c, &v)) { code = {0, v}; return true; }
    int r = numeric_escape(c, code);
    if (r < 0) return false;
    if (r > 0) return true;
    std::string esc = "\\";
    append_cp(esc, c, false);
    if (c == '0') {
      uint32_t val = 0;
      for (int k = 0; k < 2 && has_ && !esc_ && is_oct(c_); ++k) {
        val = val * 8 + (c_ - '0');
        advance();
        if (failed_) return false;
      }
      code = {0, val};
      return true;
    }
    if (is_digit(c)) {
      if (has_ && !esc_ && is_digit(c_)) {
        uint32_t c2 = c_;
        esc += char(c2);
        advance();
        if (failed_) return false;
        if (is_oct(c) && is_oct(c2) && has_ && !esc_ && is_oct(c_)) {
          uint32_t c3 = c_;
          esc += char(c3);
          advance();
          if (failed_) return false;
          uint32_t val = (c - '0') * 64 + (c2 - '0') * 8 + (c3 - '0');
          if (val > 0377) {
            error("octal escape value " + esc + " outside of range 0-0o377", int64_t(esc.size()));
            return false;
          }
          code = {0, val};
          return true;
        }
      }
      uint32_t group = 0;
      for (size_t k = 1; k < esc.size(); ++k) group = group * 10 + uint32_t(esc[k] - '0');
      if (group < ngroups()) {
        if (!checkgroup(group)) {
          error("cannot refer to an open group", int64_t(esc.size()));
          return false;
        }
        if (!checklookbehindgroup(group)) return false;
        code = {3, group};
        return true;
      }
      error("invalid group reference " + std::to_string(group), int64_t(esc.size()) - 1);
      return false;
    }
    if (is_ascii_letter(c)) {
      error("bad escape " + esc, int64_t(esc.size()));
      return false;
    }
    code = {0, c};
    return true;
  }

  Node* code_node(const Code& code) {
    Node* n;
    switch (code.kind) {
      case 0: n = node(LIT); n->v = code.v; return n;
      case 1: n = node(IN); n->set.push_back({2, code.v, 0}); return n;
      case 2: n = node(AT); n->v = code.v; return n;
      default: n = node(GROUPREF); n->v = code.v; return n;
    }
  }

  // --- grammar --------------------------------------------------------------------

  static bool is_ws(uint32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 11 || c == 12; }

  // _parse_sub: alternation.
  Seq* parse_sub(bool verbose, uint32_t nested) {
    if (++depth_ > max_depth_ || support::stack_exhausted()) {
      error_kind(ParseError::Recursion, "maximum recursion depth exceeded");
      return nullptr;
    }
    std::vector<Seq*> items;
    for (;;) {
      Seq* s = parse(verbose, nested + 1, nested == 0 && items.empty());
      if (!s) return nullptr;
      items.push_back(s);
      if (!match('|')) break;
      if (failed_) return nullptr;
      if (nested == 0) verbose = flags_ & kVerbose;
    }
    if (failed_) return nullptr;
    --depth_;
    if (items.size() == 1) return items[0];
    Seq* out = seq();
    Node* b = node(BRANCH);
    b->subs = items;
    out->items.push_back(b);
    return out;
  }

  // _parse: a sequence.
  Seq* parse(bool verbose, uint32_t nested, bool first) {
    Seq* sp = seq();
    for (;;) {
      if (failed_) return nullptr;
      if (!has_) break;
      if (!esc_ && (c_ == '|' || c_ == ')')) break;
      bool esc = esc_;
      uint32_t c = c_;
      advance();
      if (failed_) return nullptr;
      if (verbose && !esc) {
        if (is_ws(c)) continue;
        if (c == '#') {
          for (;;) {
            bool had = has_, e = esc_;
            uint32_t cc = c_;
            advance();
            if (failed_) return nullptr;
            if (!had || (!e && cc == '\n')) break;
          }
          continue;
        }
      }
      if (esc) {
        Code code;
        if (!escape(c, code)) return nullptr;
        sp->items.push_back(code_node(code));
        continue;
      }
      switch (c) {
        case '[':
          if (!parse_set(sp)) return nullptr;
          break;
        case '*': case '+': case '?': case '{':
          if (!parse_repeat(sp, c)) return nullptr;
          break;
        case '.':
          sp->items.push_back(node(ANY));
          break;
        case '(':
          if (!parse_group(sp, verbose, nested, first)) return nullptr;
          if (verbose_changed_) {
            verbose_changed_ = false;
            verbose = flags_ & kVerbose;
          }
          break;
        case '^': {
          Node* n = node(AT); n->v = AT_BEGIN; sp->items.push_back(n);
          break;
        }
        case '$': {
          Node* n = node(AT); n->v = AT_END; sp->items.push_back(n);
          break;
        }
        default: {
          Node* n = node(LIT); n->v = c; sp->items.push_back(n);
          break;
        }
      }
    }
    if (failed_) return nullptr;
    // Unpack plain non-capturing groups.
    std::vector<Node*> flat;
    flat.reserve(sp->items.size());
    for (Node* n : sp->items) {
      if (n->op == SUBPAT && n->v == 0 && !n->add && !n->del) {
        for (Node* m : n->subs[0]->items) flat.push_back(m);
      } else {
        flat.push_back(n);
      }
    }
    sp->items.swap(flat);
    return sp;
  }

  bool parse_set(Seq* sp) {
    int64_t here = int64_t(tell()) - 1;
    Node* in = node(IN);
    in->negate = match('^');
    if (failed_) return false;
    std::vector<SetItem>& set = in->set;
    for (;;) {
      if (!has_) {
        error("unterminated character set", int64_t(tell()) - here);
        return false;
      }
      bool esc = esc_;
      uint32_t c = c_;
      advance();
      if (failed_) return false;
      Code code1;
      if (!esc && c == ']' && !set.empty()) break;
      if (esc) {
        if (!class_escape(c, code1)) return false;
      } else {
        code1 = {0, c};
      }
      if (match('-')) {
        if (!has_) {
          if (!failed_) error("unterminated character set", int64_t(tell()) - here);
          return false;
        }
        bool esc2 = esc_;
        uint32_t c2 = c_;
        advance();
        if (failed_) return false;
        if (!esc2 && c2 == ']') {
          set.push_back({uint8_t(code1.kind == 1 ? 2 : 0), code1.v, 0});
          set.push_back({0, '-', 0});
          break;
        }
        Code code2;
        if (esc2) {
          if (!class_escape(c2, code2)) return false;
        } else {
          code2 = {0, c2};
        }
        std::string t1 = tok_text(esc, c), t2 = tok_text(esc2, c2);
        int64_t off = int64_t(1 + (esc ? 2 : 1) + (esc2 ? 2 : 1));
        if (code1.kind != 0 || code2.kind != 0 || code2.v < code1.v) {
          error("bad character range " + t1 + "-" + t2, off);
          return false;
        }
        set.push_back({1, code1.v, code2.v});
      } else {
        if (failed_) return false;
        set.push_back({uint8_t(code1.kind == 1 ? 2 : 0), code1.v, 0});
      }
    }
    if (set.size() == 1 && set[0].kind == 0) {
      Node* n = node(in->negate ? NOT_LIT : LIT);
      n->v = set[0].lo;
      sp->items.push_back(n);
    } else {
      sp->items.push_back(in);
    }
    return true;
  }

  bool parse_repeat(Seq* sp, uint32_t c) {
    int64_t here = int64_t(tell());
    uint64_t mn = 0, mx = kMaxRepeat;
    if (c == '?') { mn = 0; mx = 1; }
    else if (c == '*') { mn = 0; mx = kMaxRepeat; }
    else if (c == '+') { mn = 1; mx = kMaxRepeat; }
    else {
      if (next_is('}')) {
        Node* n = node(LIT); n->v = '{'; sp->items.push_back(n);
        return true;
      }
      size_t save = index_;
      bool save_has = has_, save_esc = esc_;
      uint32_t save_c = c_;
      std::string lo, hi;
      while (has_ && !esc_ && is_digit(c_)) { lo += char(c_); advance(); if (failed_) return false; }
      if (match(',')) {
        while (has_ && !esc_ && is_digit(c_)) { hi += char(c_); advance(); if (failed_) return false; }
      } else {
        if (failed_) return false;
        hi = lo;
      }
      if (!match('}')) {
        if (failed_) return false;
        Node* n = node(LIT); n->v = '{'; sp->items.push_back(n);
        index_ = save; has_ = save_has; esc_ = save_esc; c_ = save_c;
        return true;
      }
      auto parse_num = [&](const std::string& d, uint64_t* out) -> bool {
        uint64_t v = 0;
        for (char ch : d) {
          v = v * 10 + uint64_t(ch - '0');
          if (v >= kMaxRepeat) {
            error_kind(ParseError::Overflow, "the repetition number is too large");
            return false;
          }
        }
        *out = v;
        return true;
      };
      if (!lo.empty() && !parse_num(lo, &mn)) return false;
      if (!hi.empty()) {
        if (!parse_num(hi, &mx)) return false;
        if (mx < mn) {
          error("min repeat greater than max repeat", int64_t(tell()) - here);
          return false;
        }
      }
    }
    int64_t off = int64_t(tell()) - here + 1;
    if (sp->items.empty() || sp->items.back()->op == AT) {
      error("nothing to repeat", off);
      return false;
    }
    Node* item = sp->items.back();
    if (item->op == REPEAT) {
      error("multiple repeat", off);
      return false;
    }
    Seq* body;
    if (item->op == SUBPAT && item->v == 0 && !item->add && !item->del) {
      body = item->subs[0];
    } else {
      body = seq();
      body->items.push_back(item);
    }
    Node* r = node(REPEAT);
    r->min = mn;
    r->max = mx;
    r->subs.push_back(body);
    if (match('?')) r->v = LAZY;
    else if (match('+')) r->v = POSSESSIVE;
    else r->v = GREEDY;
    if (failed_) return false;
    sp->items.back() = r;
    return true;
  }

  // Parses inline flags after "(?" whose first char is c. Returns 1 for
  // global flags "(?x)", 0 for scoped "(?x:", -1 on error.
  int parse_flags(uint32_t c, int64_t& add, int64_t& del) {
    auto flag_of = [](uint32_t ch) -> int64_t {
      switch (ch) {
        case 'i': return kIgnoreCase;
        case 'L': return kLocale;
        case 'm': return kMultiline;
        case 's': return kDotAll;
        case 'x': return kVerbose;
        case 'a': return kAscii;
        case 't': return kTemplate;
        case 'u': return kUnicode;
        default: return 0;
      }
    };
    const int64_t type_flags = kAscii | kLocale | kUnicode;
    const int64_t global_flags = kDebug | kTemplate;
    auto is_alpha = [](uint32_t ch) { return uni::is_alpha(ch); };
    bool have = true;  // c is a valid token
    if (c != '-') {
      for (;;) {
        int64_t f = flag_of(c);
        if (!bytes_ && c == 'L') { error("bad inline flags: cannot use 'L' flag with a str pattern"); return -1; }
        if (bytes_ && c == 'u') { error("bad inline flags: cannot use 'u' flag with a bytes pattern"); return -1; }
        add |= f;
        if ((f & type_flags) && (add & type_flags) != f) {
          error("bad inline flags: flags 'a', 'u' and 'L' are incompatible");
          return -1;
        }
        have = has_;
        bool e = esc_;
        c = c_;
        advance();
        if (failed_) return -1;
        if (!have) { error("missing -, : or )"); return -1; }
        if (!e && (c == ')' || c == '-' || c == ':')) break;
        if (e || !flag_of(c)) {
          error((!e && is_alpha(c)) ? "unknown flag" : "missing -, : or )", e ? 2 : 1);
          return -1;
        }
      }
    }
    if (c == ')') {
      flags_ |= add;
      return 1;
    }
    if (add & global_flags) { error("bad inline flags: cannot turn on global flag", 1); return -1; }
    if (c == '-') {
      have = has_;
      bool e = esc_;
      c = c_;
      advance();
      if (failed_) return -1;
      if (!have) { error("missing flag"); return -1; }
      if (e || !flag_of(c)) {
        error((!e && is_alpha(c)) ? "unknown flag" : "missing flag", e ? 2 : 1);
        return -1;
      }
      for (;;) {
        int64_t f = flag_of(c);
        if (f & type_flags) { error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'"); return -1; }
        del |= f;
        have = has_;
        e = esc_;
        c = c_;
        advance();
        if (failed_) return -1;
        if (!have) { error("missing :"); return -1; }
        if (!e && c == ':') break;
        if (e || !flag_of(c)) {
          error((!e && is_alpha(c)) ? "unknown flag" : "missing :", e ? 2 : 1);
          return -1;
        }
      }
    }
    if (del & global_flags) { error("bad inline flags: cannot turn off global flag", 1); return -1; }
    if (add & del) { error("bad inline flags: flag turned on and off", 1); return -1; }
    return 0;
  }

  bool parse_group(Seq* sp, bool verbose, uint32_t nested, bool first) {
    int64_t start = int64_t(tell()) - 1;
    bool capture = true, atomic = false;
    std::vector<uint32_t> name;
    bool has_name = false;
    int64_t add = 0, del = 0;
    if (match('?')) {
      if (!has_) { if (!failed_) error("unexpected end of pattern"); return false; }
      bool esc = esc_;
      uint32_t c = c_;
      advance();
      if (failed_) return false;
      if (esc) {
        error("unknown extension ?" + tok_text(true, c), 3);
        return false;
      }
      if (c == 'P') {
        if (match('<')) {
          if (!getuntil('>', "group name", name)) return false;
          if (!checkgroupname(name, 1)) return false;
          has_name = true;
        } else if (match('=')) {
          if (!getuntil(')', "group name", name)) return false;
          if (!checkgroupname(name, 1)) return false;
          int64_t gid = lookup_name(name);
          if (gid < 0) { error("unknown group name " + py_repr(name), int64_t(name.size()) + 1); return false; }
          if (!checkgroup(size_t(gid))) { error("cannot refer to an open group", int64_t(name.size()) + 1); return false; }
          if (!checklookbehindgroup(size_t(gid))) return false;
          Node* n = node(GROUPREF);
          n->v = uint32_t(gid);
          sp->items.push_back(n);
          return true;
        } else {
          if (failed_) return false;
          if (!has_) { error("unexpected end of pattern"); return false; }
          bool e2 = esc_;
          uint32_t c2 = c_;
          advance();
          if (failed_) return false;
          error("unknown extension ?P" + tok_text(e2, c2), e2 ? 4 : 3);
          return false;
        }
      } else if (c == ':') {
        capture = false;
      } else if (c == '#') {
        for (;;) {
          if (!has_) { error("missing ), unterminated comment", int64_t(tell()) - start); return false; }
          bool e = esc_;
          uint32_t cc = c_;
          advance();
          if (failed_) return false;
          if (!e && cc == ')') break;
        }
        return true;
      } else if (c == '=' || c == '!' || c == '<') {
        uint32_t dir = 0;
        if (c == '<') {
          if (!has_) { error("unexpected end of pattern"); return false; }
          bool e2 = esc_;
          uint32_t c2 = c_;
          advance();
          if (failed_) return false;
          if (e2 || (c2 != '=' && c2 != '!')) {
            error("unknown extension ?<" + tok_text(e2, c2), (e2 ? 2 : 1) + 2);
            return false;
          }
          c = c2;
          dir = 1;
        }
        int64_t saved_lb = lookbehindgroups_;
        if (dir == 1 && saved_lb < 0) lookbehindgroups_ = int64_t(ngroups());
        Seq* p = parse_sub(verbose, nested + 1);
        if (!p) return false;
        if (dir == 1 && saved_lb < 0) lookbehindgroups_ = -1;
        if (!match(')')) {
          if (!failed_) error("missing ), unterminated subpattern", int64_t(tell()) - start);
          return false;
        }
        Node* n = node(c == '=' ? ASSERT : ASSERT_NOT);
        n->v = dir;
        n->subs.push_back(p);
        sp->items.push_back(n);
        return true;
      } else if (c == '(') {
        std::vector<uint32_t> condname;
        if (!getuntil(')', "group name", condname)) return false;
        int64_t condgroup;
        if (is_identifier(condname)) {
          condgroup = lookup_name(condname);
          if (condgroup < 0) {
            error("unknown group name " + py_repr(condname), int64_t(condname.size()) + 1);
            return false;
          }
        } else {
          // int(condname): ASCII/Unicode decimal digits, optional sign and
          // surrounding whitespace, single underscores between digits.
          int64_t v = 0;
          bool okv = parse_int_text(condname, &v);
          if (!okv || v < 0) {
            error("bad character in group name " + py_repr(condname), int64_t(condname.size()) + 1);
            return false;
          }
          condgroup = v;
          if (condgroup == 0) { error("bad group number", int64_t(condname.size()) + 1); return false; }
          if (condgroup >= 1073741823) {
            error("invalid group reference " + std::to_string(condgroup), int64_t(condname.size()) + 1);
            return false;
          }
          bool seen = false;
          for (auto& g : grouprefpos_) if (g.first == uint32_t(condgroup)) seen = true;
          if (!seen) grouprefpos_.push_back({uint32_t(condgroup), int64_t(tell()) - int64_t(condname.size()) - 1});
        }
        if (!checklookbehindgroup(size_t(condgroup))) return false;
        Seq* yes = parse(verbose, nested + 1, false);
        if (!yes) return false;
        Seq* no = nullptr;
        if (match('|')) {
          no = parse(verbose, nested + 1, false);
          if (!no) return false;
          if (next_is('|')) { error("conditional backref with more than two branches"); return false; }
        }
        if (failed_) return false;
        if (!match(')')) {
          if (!failed_) error("missing ), unterminated subpattern", int64_t(tell()) - start);
          return false;
        }
        Node* n = node(GROUPREF_EXISTS);
        n->v = uint32_t(condgroup);
        n->subs.push_back(yes);
        n->subs.push_back(no);
        sp->items.push_back(n);
        return true;
      } else if (c == '>') {
        capture = false;
        atomic = true;
      } else if (c == 'i' || c == 'L' || c == 'm' || c == 's' || c == 'x' || c == 'a' || c == 't' ||
                 c == 'u' || c == '-') {
        int r = parse_flags(c, add, del);
        if (r < 0) return false;
        if (r == 1) {
          if (!first || !sp->items.empty()) {
            error("global flags not at the start of the expression", int64_t(tell()) - start);
            return false;
          }
          // The caller's verbose state changes: signal through flags_.
          verbose_changed_ = true;
          return true;
        }
        capture = false;
      } else {
        error("unknown extension ?" + tok_text(false, c), 2);
        return false;
      }
    } else if (failed_) {
      return false;
    }
    uint32_t group = 0;
    if (capture) {
      group = uint32_t(ngroups());
      if (has_name) {
        int64_t og = lookup_name(name);
        if (og >= 0) {
          error("redefinition of group name " + py_repr(name) + " as group " + std::to_string(group) +
                    "; was group " + std::to_string(og),
                int64_t(name.size()) + 1);
          return false;
        }
        groupdict_.push_back({name, group});
      }
      GroupInfo gi;
      gi.parent = open_groups_.empty() ? 0 : open_groups_.back();
      groupw_.push_back(gi);
      open_groups_.push_back(group);
    }
    bool sub_verbose = (verbose || (add & kVerbose)) && !(del & kVerbose);
    Seq* p = parse_sub(sub_verbose, nested + 1);
    if (capture) open_groups_.pop_back();
    if (!p) return false;
    if (!match(')')) {
      if (!failed_) error("missing ), unterminated subpattern", int64_t(tell()) - start);
      return false;
    }
    if (capture) {
      uint64_t lo, hi;
      width(p, lo, hi);
      groupw_[group].closed = true;
      groupw_[group].lo = lo;
      groupw_[group].hi = hi;
    }
    Node* n = node(atomic ? ATOMIC : SUBPAT);
    n->v = group;
    n->add = add;
    n->del = del;
    n->subs.push_back(p);
    sp->items.push_back(n);
    return true;
  }

  bool verbose_changed_ = false;

  static bool parse_int_text(const std::vector<uint32_t>& t, int64_t* out) {
    size_t i = 0, n = t.size();
    auto ws = [](uint32_t c) { return uni::is_space(c); };
    while (i < n && ws(t[i])) ++i;
    while (n > i && ws(t[n - 1])) --n;
    bool neg = false;
    if (i < n && (t[i] == '+' || t[i] == '-')) { neg = t[i] == '-'; ++i; }
    if (i >= n) return false;
    int64_t v = 0;
    bool prev_digit = false;
    for (; i < n; ++i) {
      if (t[i] == '_') {
        if (!prev_digit || i + 1 >= n) return false;
        prev_digit = false;
        continue;
      }
      int d = uni::decimal_value(t[i]);
      if (d < 0) return false;
      if (v < (int64_t(1) << 40)) v = v * 10 + d;
      prev_digit = true;
    }
    if (!prev_digit) return false;
    *out = neg ? -v : v;
    return true;
  }
};

// --- emission -------------------------------------------------------------------------

class Emitter {
 public:
  Emitter(Parser& p, bool bytes, bool ucp) : p_(p), bytes_(bytes), ucp_(ucp) {}
  Parser& p_;
  bool bytes_;
  bool ucp_;   // PCRE2_UCP is on (str pattern without ASCII)
  std::string o;
  bool failed = false;
  ParseError err;

  void hex(uint32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "\\x{%x}", c);
    o += buf;
  }
  void lit(uint32_t c) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) o += char(c);
    else if (c > 0x20 && c < 0x7f) { o += '\\'; o += char(c); }
    else if (!bytes_ && c >= 0x80 && !(c >= 0xD800 && c <= 0xDFFF)) append_cp(o, c, false);
    else hex(c);
  }
  // Python's Unicode whitespace beyond PCRE2's \s (Unicode mode).
  void extra_space() { o += "\\x{1c}-\\x{1f}\\x{85}"; }

  // A category as an atom (outside a class).
  void category(uint32_t cat, bool uni) {
    if (uni == ucp_ || bytes_) {
      switch (cat) {
        case C_DIGIT: o += "\\d"; return;
        case C_NOT_DIGIT: o += "\\D"; return;
        case C_WORD: o += "\\w"; return;
        case C_NOT_WORD: o += "\\W"; return;
        case C_SPACE:
          if (ucp_ && !bytes_) { o += "[\\s"; extra_space(); o += "]"; } else o += "\\s";
          return;
        case C_NOT_SPACE:
          if (ucp_ && !bytes_) { o += "[^\\s"; extra_space(); o += "]"; } else o += "\\S";
          return;
      }
    }
    if (!uni) {  // ASCII categories inside a Unicode pattern
      switch (cat) {
        case C_DIGIT: o += "[0-9]"; return;
        case C_NOT_DIGIT: o += "[^0-9]"; return;
        case C_WORD: o += "[a-zA-Z0-9_]"; return;
        case C_NOT_WORD: o += "[^a-zA-Z0-9_]"; return;
        case C_SPACE: o += "[\\t\\n\\x{b}\\f\\r\\x{20}]"; return;
        case C_NOT_SPACE: o += "[^\\t\\n\\x{b}\\f\\r\\x{20}]"; return;
      }
    }
    // Unicode categories inside an ASCII str pattern.
    switch (cat) {
      case C_DIGIT: o += "\\p{Nd}"; return;
      case C_NOT_DIGIT: o += "\\P{Nd}"; return;
      case C_WORD: o += "\\p{Xwd}"; return;
      case C_NOT_WORD: o += "\\P{Xwd}"; return;
      case C_SPACE: o += "[\\p{Xps}"; extra_space(); o += "]"; return;
      case C_NOT_SPACE: o += "[^\\p{Xps}"; extra_space(); o += "]"; return;
    }
  }
  // A category inside a class.
  void class_category(uint32_t cat, bool uni) {
    if (uni == ucp_ || bytes_) {
      switch (cat) {
        case C_DIGIT: o += "\\d"; return;
        case C_NOT_DIGIT: o += "\\D"; return;
        case C_WORD: o += "\\w"; return;
        case C_NOT_WORD: o += "\\W"; return;
        case C_SPACE: o += "\\s"; if (ucp_ && !bytes_) extra_space(); return;
        case C_NOT_SPACE: o += "\\S"; return;
      }
    }
    if (!uni) {
      switch (cat) {
        case C_DIGIT: o += "0-9"; return;
        case C_NOT_DIGIT: o += "[:^digit:]"; return;
        case C_WORD: o += "a-zA-Z0-9_"; return;
        case C_NOT_WORD: o += "[:^word:]"; return;
        case C_SPACE: o += "\\t\\n\\x{b}\\f\\r\\x{20}"; return;
        case C_NOT_SPACE: o += "[:^space:]"; return;
      }
    }
    switch (cat) {
      case C_DIGIT: o += "\\p{Nd}"; return;
      case C_NOT_DIGIT: o += "\\P{Nd}"; return;
      case C_WORD: o += "\\p{Xwd}"; return;
      case C_NOT_WORD: o += "\\P{Xwd}"; return;
      case C_SPACE: o += "\\p{Xps}"; extra_space(); return;
      case C_NOT_SPACE: o += "\\P{Xps}"; return;
    }
  }

  static const char* pcre_letters(int64_t f, std::string& buf) {
    buf.clear();
    if (f & kIgnoreCase) buf += 'i';
    if (f & kMultiline) buf += 'm';
    if (f & kDotAll) buf += 's';
    return buf.c_str();
  }

  void fail_nopos(const char* msg) {
    if (failed) return;
    failed = true;
    err.kind = ParseError::ReNoPos;
    err.msg = msg;
    err.pos = -1;
  }

  void seq(Seq* s, bool uni) {
    for (Node* n : s->items) {
      if (failed) return;
      emit(n, uni);
    }
  }

  // Does this node emit as a single quantifiable atom?
  static bool atom(Node* n) {
    switch (n->op) {
      case LIT: case NOT_LIT: case ANY: case IN: case GROUPREF: case SUBPAT: case ATOMIC: case BRANCH:
        return true;
      default:
        return false;
    }
  }

  void emit(Node* n, bool uni) {
    switch (n->op) {
      case LIT: lit(n->v); break;
      case NOT_LIT: o += "[^"; lit(n->v); o += "]"; break;
      case ANY: o += '.'; break;
      case IN:
        if (!n->negate && n->set.size() == 1 && n->set[0].kind == 2) {
          category(n->set[0].lo, uni);
          break;
        }
        o += n->negate ? "[^" : "[";
        for (const SetItem& it : n->set) {
          if (it.kind == 0) lit(it.lo);
          else if (it.kind == 1) { lit(it.lo); o += '-'; lit(it.hi); }
          else class_category(it.lo, uni);
        }
        o += ']';
        break;
      case AT:
        switch (n->v) {
          case AT_BEGIN: o += '^'; break;
          case AT_BEGIN_STRING: o += "\\A"; break;
          case AT_BOUNDARY: o += "\\b"; break;
          // sre's \B never matches in an empty string.
          case AT_NON_BOUNDARY: o += "(?!\\A\\z)\\B"; break;
          case AT_END: o += '$'; break;
          case AT_END_STRING: o += "\\z"; break;
        }
        break;
      case BRANCH:
        o += "(?:";
        for (size_t i = 0; i < n->subs.size(); ++i) {
          if (i) o += '|';
          seq(n->subs[i], uni);
        }
        o += ')';
        break;
      case SUBPAT: {
        bool u = uni;
        if (n->add & kAscii) u = false;
        if (n->add & (kUnicode)) u = true;
        if (n->v) {
          o += '(';
        } else {
          std::string a, d;
          pcre_letters(n->add, a);
          pcre_letters(n->del, d);
          o += "(?";
          o += a;
          if (!d.empty()) { o += '-'; o += d; }
          o += ':';
        }
        seq(n->subs[0], u);
        o += ')';
        break;
      }
      case ATOMIC:
        o += "(?>";
        seq(n->subs[0], uni);
        o += ')';
        break;
      case REPEAT: {
        Seq* body = n->subs[0];
        uint64_t wlo, whi;
        p_.width(body, wlo, whi);
        if (wlo == 0 && whi == 0) {
          // A zero-width body (assertions, empty groups): repeating it is
          // the same as trying it once, which PCRE2 also accepts inside
          // look-behinds (branches of equal fixed length).
          if (n->min >= 1) {
            o += "(?:";
            seq(body, uni);
            o += ')';
          } else {
            o += n->v == POSSESSIVE ? "(?>" : "(?:";
            if (n->v == LAZY) o += '|';
            seq(body, uni);
            if (n->v != LAZY) o += '|';
            o += ')';
          }
          break;
        }
        // Possessive repeats are written as atomic groups: PCRE2 10.42's JIT
        // can report stale captures for X*+ but not for (?>X*).
        if (n->v == POSSESSIVE) o += "(?>";
        if (body->items.size() == 1 && atom(body->items[0])) {
          emit(body->items[0], uni);
        } else {
          o += "(?:";
          seq(body, uni);
          o += ')';
        }
        uint64_t mn = n->min, mx = n->max;
        if (mn == 0 && mx == kMaxRepeat) o += '*';
        else if (mn == 1 && mx == kMaxRepeat) o += '+';
        else if (mn == 0 && mx == 1) o += '?';
        else if (mx == kMaxRepeat) { o += '{'; o += std::to_string(mn); o += ",}"; }
        else if (mn == mx) { o += '{'; o += std::to_string(mn); o += '}'; }
        else { o += '{'; o += std::to_string(mn); o += ','; o += std::to_string(mx); o += '}'; }
        if (n->v == LAZY) o += '?';
        else if (n->v == POSSESSIVE) o += ')';
        break;
      }
      case GROUPREF:
        o += "\\g{";
        o += std::to_string(n->v);
        o += '}';
        break;
      case GROUPREF_EXISTS:
        o += "(?(";
        o += std::to_string(n->v);
        o += ')';
        seq(n->subs[0], uni);
        if (n->subs[1]) { o += '|'; seq(n->subs[1], uni); }
        o += ')';
        break;
      case ASSERT:
      case ASSERT_NOT: {
        if (n->v == 1) {
          uint64_t lo, hi;
          p_.width(n->subs[0], lo, hi);
          if (lo > 0xFFFFFFFFull - 1 - 0) { /* unreachable in practice */ }
          if (lo != hi) { fail_nopos("look-behind requires fixed-width pattern"); return; }
        }
        o += "(?";
        if (n->v == 1) o += '<';
        o += n->op == ASSERT ? '=' : '!';
        seq(n->subs[0], uni);
        o += ')';
        break;
      }
    }
  }
};

}  // namespace

void append_cp(std::string& out, uint32_t cp, bool is_bytes) {
  if (is_bytes || cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    out.push_back(char(0xC0 | (cp >> 6)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(char(0xE0 | (cp >> 12)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(char(0xF0 | (cp >> 18)));
    out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  }
}

bool translate(const uint32_t* cps, size_t n, bool is_bytes, int64_t flags, uint32_t max_depth,
               Translation& out, ParseError& err) {
  Parser p(cps, n, is_bytes, err);
  p.max_depth_ = max_depth;
  p.flags_ = flags;
  p.advance();
  if (p.failed_) return false;

  Seq* top = p.parse_sub(flags & kVerbose, 0);
  if (!top) return false;

  // fix_flags
  int64_t f = p.flags_;
  if (!is_bytes) {
    if (f & kLocale) { err = {ParseError::Value, "cannot use LOCALE flag with a str pattern", -1}; return false; }
    if (!(f & kAscii)) f |= kUnicode;
    else if (f & kUnicode) { err = {ParseError::Value, "ASCII and UNICODE flags are incompatible", -1}; return false; }
  } else {
    if (f & kUnicode) { err = {ParseError::Value, "cannot use UNICODE flag with a bytes pattern", -1}; return false; }
    if ((f & kLocale) && (f & kAscii)) { err = {ParseError::Value, "ASCII and LOCALE flags are incompatible", -1}; return false; }
  }
  if (p.has_) {
    p.error("unbalanced parenthesis");
    return false;
  }
  for (auto& g : p.grouprefpos_) {
    if (g.first >= p.ngroups()) {
      err = {ParseError::Re, "invalid group reference " + std::to_string(g.first), g.second};
      return false;
    }
  }

  bool ucp = !is_bytes && !(f & kAscii);
  Emitter e(p, is_bytes, ucp);
  // The whole pattern is wrapped so that the top level never ends in a bare
  // alternation (the caller may append to it).
  e.seq(top, ucp);
  if (e.failed) { err = e.err; return false; }

  out.pcre.swap(e.o);
  out.flags = f;
  out.groups = uint32_t(p.ngroups() - 1);
  out.options = 0;
  if (f & kIgnoreCase) out.options |= 0x00000008u;   // PCRE2_CASELESS
  if (f & kMultiline) out.options |= 0x00000400u;    // PCRE2_MULTILINE
  if (f & kDotAll) out.options |= 0x00000020u;       // PCRE2_DOTALL
  out.names.clear();
  for (auto& g : p.groupdict_) {
    std::string nm;
    for (uint32_t c : g.first) append_cp(nm, c, false);
    out.names.push_back({nm, g.second});
  }
  out.parent.assign(p.ngroups(), 0);
  for (size_t i = 0; i < p.ngroups(); ++i) out.parent[i] = p.groupw_[i].parent;
  // Plain literal?
  out.literal = false;
  if (!(f & kIgnoreCase)) {
    bool all = true;
    std::string text;
    for (Node* nd : top->items) {
      if (nd->op != LIT) { all = false; break; }
      append_cp(text, nd->v, is_bytes);
    }
    if (all && !text.empty()) {
      out.literal = true;
      out.literal_text.swap(text);
    }
  }
  return true;
}

// --- templates ------------------------------------------------------------------------

bool parse_template(const uint32_t* cps, size_t n, bool is_bytes, uint32_t groups,
                    const std::vector<std::pair<std::string, uint32_t>>& names,
                    std::vector<TemplateItem>& out, ParseError& err) {
  Parser s(cps, n, is_bytes, err);
  s.advance();
  if (s.failed_) return false;
  std::string literal;
  auto addgroup = [&](int64_t index, int64_t offset) -> bool {
    if (index > int64_t(groups)) {
      s.error("invalid group reference " + std::to_string(index), offset);
      return false;
    }
    if (!literal.empty()) {
      out.push_back({-1, literal});
      literal.clear();
    }
    out.push_back({index, std::string()});
    return true;
  };
  for (;;) {
    if (!s.has_) break;
    bool esc = s.esc_;
    uint32_t c = s.c_;
    s.advance();
    if (s.failed_) return false;
    if (!esc) {
      append_cp(literal, c, is_bytes);
      continue;
    }
    if (c == 'g') {
      if (!s.match('<')) {
        if (!s.failed_) s.error("missing <");
        return false;
      }
      std::vector<uint32_t> name;
      if (!s.getuntil('>', "group name", name)) return false;
      int64_t index;
      if (is_identifier(name)) {
        std::string nm = utf8_of(name);
        index = -1;
        for (auto& p : names) if (p.first == nm) { index = p.second; break; }
        if (index < 0) {
          err = {ParseError::Index, "unknown group name " + py_repr(name), -1};
          return false;
        }
      } else {
        int64_t v = 0;
        if (!Parser::parse_int_text(name, &v) || v < 0) {
          s.error("bad character in group name " + py_repr(name), int64_t(name.size()) + 1);
          return false;
        }
        index = v;
        if (index >= 1073741823) {
          s.error("invalid group reference " + std::to_string(index), int64_t(name.size()) + 1);
          return false;
        }
      }
      if (!addgroup(index, int64_t(name.size()) + 1)) return false;
    } else if (c == '0') {
      uint32_t v = 0;
      for (int k = 0; k < 2 && s.has_ && !s.esc_ && is_oct(s.c_); ++k) {
        v = v * 8 + (s.c_ - '0');
        s.advance();
        if (s.failed_) return false;
      }
      append_cp(literal, v & 0xff, is_bytes);
    } else if (is_digit(c)) {
      std::string text = "\\";
      text += char(c);
      bool isoctal = false;
      if (s.has_ && !s.esc_ && is_digit(s.c_)) {
        uint32_t c2 = s.c_;
        text += char(c2);
        s.advance();
        if (s.failed_) return false;
        if (is_oct(c) && is_oct(c2) && s.has_ && !s.esc_ && is_oct(s.c_)) {
          uint32_t c3 = s.c_;
          text += char(c3);
          s.advance();
          if (s.failed_) return false;
          isoctal = true;
          uint32_t v = (c - '0') * 64 + (c2 - '0') * 8 + (c3 - '0');
          if (v > 0377) {
            s.error("octal escape value " + text + " outside of range 0-0o377", int64_t(text.size()));
            return false;
          }
          append_cp(literal, v, is_bytes);
        }
      }
      if (!isoctal) {
        int64_t idx = 0;
        for (size_t k = 1; k < text.size(); ++k) idx = idx * 10 + (text[k] - '0');
        if (!addgroup(idx, int64_t(text.size()) - 1)) return false;
      }
    } else {
      uint32_t v;
      switch (c) {
        case 'a': v = 7; break;
        case 'b': v = 8; break;
        case 'f': v = 12; break;
        case 'n': v = 10; break;
        case 'r': v = 13; break;
        case 't': v = 9; break;
        case 'v': v = 11; break;
        case '\\': v = '\\'; break;
        default: v = 0xFFFFFFFFu; break;
      }
      if (v != 0xFFFFFFFFu) {
        append_cp(literal, v, is_bytes);
      } else {
        if (is_ascii_letter(c)) {
          std::string t = "\\";
          append_cp(t, c, false);
          s.error("bad escape " + t, 2);
          return false;
        }
        literal += '\\';
        append_cp(literal, c, is_bytes);
      }
    }
  }
  if (!literal.empty()) out.push_back({-1, literal});
  return true;
}

}  // namespace capy::re
