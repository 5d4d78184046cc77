// The report printed for an uncaught exception, as CPython 3.11's default
// excepthook (Python/pythonrun.c print_exception_recursive and
// Python/traceback.c tb_printinternal) prints it: tracebacks with their
// source lines, chained causes and contexts, exception groups in boxes,
// notes, SyntaxError's source excerpt and "Did you mean" suggestions.
// The 3.11 caret lines under the source lines (~~~^^^) are not printed.
#include "objects/traceback_format.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "builtins/builtins.h"
#include "objects/dict.h"
#include "objects/exception_group.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/ops.h"
#include "objects/source_registry.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

constexpr int kRecursiveCutoff = 3;   // TB_RECURSIVE_CUTOFF
constexpr long kTracebackLimit = 1000;  // PyTraceBack_LIMIT
constexpr int kMaxGroupWidth = 15;
constexpr int kMaxGroupDepth = 10;
constexpr int kMaxChainDepth = 200;  // native recursion bound while printing

struct Ctx {
  Isolate& I;
  std::string& out;
  std::unordered_set<const Object*> seen;
  int group_depth = 0;
  bool need_close = false;
  int depth = 0;
};

void write_indent(Ctx& c) { c.out.append(static_cast<size_t>(2 * c.group_depth), ' '); }

/// EXC_INDENT + EXC_MARGIN.
void write_margin(Ctx& c) {
  write_indent(c);
  if (c.group_depth) c.out += "| ";
}

/// str(v) as UTF-8; false (exception cleared) when it failed.
bool safe_str(Isolate& I, Value v, std::string& out) {
  std::string s;
  if (str_append(I, v, s) < 0) {
    I.pending = nullptr;
    return false;
  }
  out += s;
  return true;
}

Value safe_attr(Isolate& I, Value v, std::string_view name) {
  Str* s = I.intern(name);
  if (!s) {
    I.pending = nullptr;
    return Value::null();
  }
  Value r = get_attr_opt(I, v, s);
  if (r.is_error()) {
    I.pending = nullptr;
    return Value::null();
  }
  return r;
}

// --- the traceback ------------------------------------------------------------------------

void display_line(Ctx& c, Traceback* tb, Str* filename, uint32_t lineno, Str* name) {
  write_margin(c);
  c.out += "  File \"";
  c.out += filename ? filename->view() : std::string_view("<unknown>");
  c.out += "\", line ";
  c.out += std::to_string(lineno);
  c.out += ", in ";
  c.out += name ? name->view() : std::string_view("<unknown>");
  c.out += '\n';
  if (!filename) return;
  std::string_view line = isolate_source_line(c.I, filename->view(), lineno);
  size_t b = line.find_first_not_of(" \t\f");
  if (b == std::string_view::npos) return;
  line.remove_prefix(b);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\f' ||
                           line.back() == '\r' || line.back() == '\n'))
    line.remove_suffix(1);
  write_margin(c);
  c.out += "    ";
  c.out += line;
  c.out += '\n';
}

void print_repeated(Ctx& c, long cnt) {
  cnt -= kRecursiveCutoff;
  c.out += "  [Previous line repeated " + std::to_string(cnt) + (cnt > 1 ? " more times]\n" : " more time]\n");
}

void print_traceback(Ctx& c, Value tbv, const char* header, const char* header_margin) {
  write_indent(c);
  c.out += header_margin;
  c.out += header;
  long depth = 0;
  for (Value t = tbv; t.is_object(); t = t.as<Traceback>()->next) ++depth;
  Value t = tbv;
  while (t.is_object() && depth > kTracebackLimit) {
    --depth;
    t = t.as<Traceback>()->next;
  }
  Str* last_file = nullptr;
  Str* last_name = nullptr;
  long last_line = -1;
  long cnt = 0;
  for (; t.is_object(); t = t.as<Traceback>()->next) {
    Traceback* tb = t.as<Traceback>();
    Str* file = tb->code ? code_filename(tb->code) : nullptr;
    Str* name = tb->code ? code_name(tb->code) : nullptr;
    long line = traceback_lineno(tb);
    auto same = [](Str* a, Str* b) { return a == b || (a && b && a->view() == b->view()); };
    if (!last_file || !same(file, last_file) || last_line == -1 || line != last_line || !last_name ||
        !same(name, last_name)) {
      if (cnt > kRecursiveCutoff) print_repeated(c, cnt);
      last_file = file;
      last_line = line;
      last_name = name;
      cnt = 0;
    }
    ++cnt;
    if (cnt <= kRecursiveCutoff) display_line(c, tb, file, static_cast<uint32_t>(line), name);
  }
  if (cnt > kRecursiveCutoff) print_repeated(c, cnt);
}

// --- suggestions ("Did you mean: 'x'?") ------------------------------------------------------

constexpr size_t kMaxCandidates = 750;
constexpr size_t kMaxStringSize = 40;
constexpr size_t kMoveCost = 2;
constexpr size_t kCaseCost = 1;

size_t substitution_cost(char a, char b) {
  if ((a & 31) != (b & 31)) return kMoveCost;
  if (a == b) return 0;
  if (a >= 'A' && a <= 'Z') a += 'a' - 'A';
  if (b >= 'A' && b <= 'Z') b += 'a' - 'A';
  return a == b ? kCaseCost : kMoveCost;
}

size_t levenshtein(std::string_view a, std::string_view b, size_t max_cost) {
  if (a.data() == b.data() && a.size() == b.size()) return 0;
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  size_t buffer[kMaxStringSize];
  size_t tmp = kMoveCost;
  for (size_t i = 0; i < a.size(); ++i) {
    buffer[i] = tmp;
    tmp += kMoveCost;
  }
  size_t result = 0;
  for (size_t bi = 0; bi < b.size(); ++bi) {
    char code = b[bi];
    size_t distance = result = bi * kMoveCost;
    size_t minimum = SIZE_MAX;
    for (size_t i = 0; i < a.size(); ++i) {
      size_t substitute = distance + substitution_cost(code, a[i]);
      distance = buffer[i];
      size_t insert_delete = std::min(result, distance) + kMoveCost;
      result = std::min(insert_delete, substitute);
      buffer[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

/// calculate_suggestions: the closest candidate, or nullptr. Candidates that
/// are not str abandon the search (as CPython's failing PyUnicode_AsUTF8).
Str* best_suggestion(Isolate& I, const std::vector<Value>& candidates, Str* name) {
  if (candidates.size() >= kMaxCandidates) return nullptr;
  size_t best_distance = SIZE_MAX;
  Str* best = nullptr;
  for (Value v : candidates) {
    if (!v.is_object() || !(type_of(I, v)->flags & kTypeStrSubclass)) return nullptr;
    Str* item = v.as<Str>();
    if (item->view() == name->view()) continue;
    size_t max_distance = (name->size() + item->size() + 3) * kMoveCost / 6;
    max_distance = std::min(max_distance, best_distance - 1);
    size_t d = levenshtein(name->view(), item->view(), max_distance);
    if (d > max_distance) continue;
    if (!best || d < best_distance) {
      best = item;
      best_distance = d;
    }
  }
  return best;
}

void dict_keys_of(Dict* d, std::vector<Value>& out) {
  out.clear();
  if (!d) return;
  uint32_t pos = 0;
  Value k, v;
  while (dict_next(d, &pos, &k, &v)) out.push_back(k);
}

Str* suggestion_for(Isolate& I, BaseExc* e) {
  Runtime& rt = I.rt;
  Type* t = e->type_;
  if (is_subtype(t, rt.exc_AttributeError)) {
    // Only when the raiser recorded them (stored in the instance dict).
    if (!e->dict) return nullptr;
    Value name = dict_get_cstr(I, e->dict, "name");
    Value obj = dict_get_cstr(I, e->dict, "obj");
    if (name.is_error() || obj.is_error()) {
      I.pending = nullptr;
      return nullptr;
    }
    if (name.is_null() || obj.is_null() || type_of(I, name) != rt.str_type) return nullptr;
    Value dir = builtin_dir_of(I, obj);
    if (dir.is_error()) {
      I.pending = nullptr;
      return nullptr;
    }
    List* l = dir.as<List>();
    std::vector<Value> cands(l->items, l->items + l->size);
    return best_suggestion(I, cands, name.as<Str>());
  }
  if (is_subtype(t, rt.exc_NameError)) {
    Value name = e->dict ? dict_get_cstr(I, e->dict, "name") : Value::null();
    if (name.is_error()) {
      I.pending = nullptr;
      name = Value::null();
    }
    if ((name.is_null() || name.is_none()) && t == rt.exc_NameError && e->args && e->args->size() == 1 &&
        type_of(I, e->args->items[0]) == rt.str_type) {
      // The VM's "name 'x' is not defined" without the name attribute.
      std::string_view m = e->args->items[0].as<Str>()->view();
      constexpr std::string_view pre = "name '", post = "' is not defined";
      if (m.size() > pre.size() + post.size() && m.substr(0, pre.size()) == pre &&
          m.substr(m.size() - post.size()) == post) {
        Str* s = I.intern(m.substr(pre.size(), m.size() - pre.size() - post.size()));
        if (s) name = Value::object(s);
      }
    }
    if (name.is_null() || type_of(I, name) != rt.str_type) return nullptr;
    if (!e->traceback.is_object()) return nullptr;
    Traceback* last = e->traceback.as<Traceback>();
    while (last->next.is_object()) last = last->next.as<Traceback>();
    std::vector<Value> cands;
    if (last->code) {
      Value names = code_varnames(I, last->code);
      if (names.is_error()) {
        I.pending = nullptr;
      } else if (names.is_object() && (type_of(I, names)->flags & kTypeTupleSubclass)) {
        Tuple* t = names.as<Tuple>();
        cands.assign(t->items, t->items + t->size());
      }
      if (Str* s = best_suggestion(I, cands, name.as<Str>())) return s;
    }
    dict_keys_of(I.main_globals, cands);
    if (Str* s = best_suggestion(I, cands, name.as<Str>())) return s;
    dict_keys_of(I.builtins, cands);
    return best_suggestion(I, cands, name.as<Str>());
  }
  return nullptr;
}

// --- the exception line --------------------------------------------------------------------

void write_type_name(Ctx& c, Type* t) {
  Isolate& I = c.I;
  Value mod = safe_attr(I, Value::object(t), "__module__");
  if (mod.is_null() || !(type_of(I, mod)->flags & kTypeStrSubclass)) {
    c.out += "<unknown>.";
  } else {
    std::string_view m = mod.as<Str>()->view();
    if (m != "builtins" && m != "__main__") {
      c.out += m;
      c.out += '.';
    }
  }
  Str* q = t->qualname ? t->qualname : t->name;
  c.out += q ? q->view() : std::string_view("<unknown>");
}

void print_message(Ctx& c, Type* type, Value value, BaseExc* exc) {
  write_margin(c);
  write_type_name(c, type);
  std::string s;
  if (!safe_str(c.I, value, s)) {
    c.out += ": <exception str() failed>";
  } else if (!s.empty()) {
    c.out += ": ";
    c.out += s;
  }
  if (Str* sug = suggestion_for(c.I, exc)) {
    c.out += ". Did you mean: ";
    c.out += str_repr_text(sug->view());
    c.out += '?';
  }
  c.out += '\n';
}

bool get_ssize(Isolate& I, Value v, int64_t* out) {
  if (!index_i64(I, v, out)) {
    I.pending = nullptr;
    return false;
  }
  return true;
}

void print_error_text(Ctx& c, int64_t offset, int64_t end_offset, std::string_view text) {
  size_t caret_repetitions =
      (end_offset > 0 && end_offset > offset) ? static_cast<size_t>(end_offset - offset) : 1;
  offset--;
  size_t p = 0;
  while (p < text.size() && (text[p] == ' ' || text[p] == '\t' || text[p] == '\f')) {
    ++p;
    --offset;
  }
  std::string_view t = text.substr(p);
  size_t nul = t.find('\0');
  if (nul != std::string_view::npos) t = t.substr(0, nul);
  int64_t len = static_cast<int64_t>(t.size());
  if (len > 0 && t[len - 1] == '\n') len--;
  if (offset > len) offset = len;
  for (;;) {
    size_t nl = t.find('\n');
    if (nl == std::string_view::npos) break;
    int64_t inl = static_cast<int64_t>(nl);
    if (inl >= offset) break;
    inl += 1;
    t.remove_prefix(static_cast<size_t>(inl));
    len -= inl;
    offset -= inl;
  }
  c.out += "    ";
  c.out += t;
  if (len < 0 || static_cast<size_t>(len) >= t.size() || t[static_cast<size_t>(len)] != '\n') c.out += '\n';
  if (offset < 0) return;
  c.out += "    ";
  while (--offset >= 0) c.out += ' ';
  c.out.append(caret_repetitions, '^');
  c.out += '\n';
}

/// SyntaxError's '  File "f", line N' and source excerpt; replaces *value by
/// the message on success (parse_syntax_error + print_exception_file_and_line).
void print_file_and_line(Ctx& c, Value* value) {
  Isolate& I = c.I;
  Value v = *value;
  if (safe_attr(I, v, "print_file_and_line").is_null()) return;
  Value msg = safe_attr(I, v, "msg");
  if (msg.is_null()) return;
  Value filename = safe_attr(I, v, "filename");
  if (filename.is_null()) return;
  Value lv = safe_attr(I, v, "lineno");
  int64_t lineno, offset = -1, end_lineno, end_offset = -1;
  if (lv.is_null() || !get_ssize(I, lv, &lineno)) return;
  Value ov = safe_attr(I, v, "offset");
  if (ov.is_null()) return;
  if (!ov.is_none() && !get_ssize(I, ov, &offset)) return;
  end_lineno = lineno;
  if (type_of(I, v) == I.rt.exc_SyntaxError) {
    Value elv = safe_attr(I, v, "end_lineno");
    if (!elv.is_null() && !elv.is_none() && !get_ssize(I, elv, &end_lineno)) return;
    Value eov = safe_attr(I, v, "end_offset");
    if (!eov.is_null() && !eov.is_none() && !get_ssize(I, eov, &end_offset)) return;
  }
  Value text = safe_attr(I, v, "text");
  if (text.is_null()) return;
  *value = msg;
  write_margin(c);
  c.out += "  File \"";
  if (filename.is_none()) {
    c.out += "<string>";
  } else if (!safe_str(I, filename, c.out)) {
    c.out += "<unknown>";
  }
  c.out += "\", line " + std::to_string(lineno) + "\n";
  if (!text.is_none() && (type_of(I, text)->flags & kTypeStrSubclass)) {
    std::string_view line = text.as<Str>()->view();
    int64_t line_size = static_cast<int64_t>(line.size());
    if (end_lineno > lineno) end_offset = line_size;
    if (end_offset > line_size + 1) end_offset = line_size + 1;
    print_error_text(c, offset, end_offset, line);
  }
}

void print_notes(Ctx& c, Value value) {
  Isolate& I = c.I;
  Value notes = safe_attr(I, value, "__notes__");
  if (notes.is_null()) return;
  Type* nt = type_of(I, notes);
  if (!nt->getitem || (nt->flags & kTypeDictSubclass)) {
    write_margin(c);
    std::string s;
    if (repr_append(I, notes, s) < 0) {
      I.pending = nullptr;
      c.out += "<__notes__ repr() failed>";
    } else {
      c.out += s;
    }
    c.out += '\n';
    return;
  }
  Value lst = list_from_iterable(I, notes);
  if (lst.is_error()) {
    I.pending = nullptr;
    return;
  }
  List* l = lst.as<List>();
  for (size_t i = 0; i < l->size; ++i) {
    std::string s;
    if (!safe_str(I, l->items[i], s)) {
      c.out += "<note str() failed>";
    } else {
      size_t start = 0;
      while (start < s.size()) {
        size_t nl = s.find('\n', start);
        size_t end = nl == std::string::npos ? s.size() : nl + 1;
        write_margin(c);
        c.out.append(s, start, end - start);
        start = end;
      }
    }
    c.out += '\n';
  }
}

void print_exception(Ctx& c, BaseExc* e) {
  Value value = Value::object(e);
  bool group = is_exception_group(c.I, value);
  if (e->traceback.is_object()) {
    const char* header = group ? "Exception Group Traceback (most recent call last):\n"
                               : "Traceback (most recent call last):\n";
    const char* header_margin = c.group_depth ? "| " : "";
    if (group && c.group_depth == 1) header_margin = "+ ";
    print_traceback(c, e->traceback, header, header_margin);
  }
  Type* type = e->type_;
  if (is_subtype(type, c.I.rt.exc_SyntaxError)) print_file_and_line(c, &value);
  print_message(c, type, value, e);
  print_notes(c, Value::object(e));
}

void print_recursive(Ctx& c, BaseExc* e);

void print_chained(Ctx& c, BaseExc* e, const char* message) {
  bool need_close = c.need_close;
  print_recursive(c, e);
  c.need_close = need_close;
  write_margin(c);
  c.out += '\n';
  write_margin(c);
  c.out += message;
  write_margin(c);
  c.out += '\n';
}

bool seen(Ctx& c, Value v) { return c.seen.count(v.as_object()) != 0; }

void print_cause_and_context(Ctx& c, BaseExc* e) {
  c.seen.insert(e);
  if (e->cause.is_object()) {
    if (!seen(c, e->cause))
      print_chained(c, e->cause.as<BaseExc>(),
                    "The above exception was the direct cause of the following exception:\n");
    return;
  }
  if (e->suppress_context) return;
  if (e->context.is_object() && !seen(c, e->context))
    print_chained(c, e->context.as<BaseExc>(),
                  "During handling of the above exception, another exception occurred:\n");
}

void print_group(Ctx& c, ExcGroup* g) {
  if (c.group_depth > kMaxGroupDepth) {
    write_margin(c);
    c.out += "... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n";
    return;
  }
  if (c.group_depth == 0) c.group_depth += 1;
  print_exception(c, g);
  Tuple* excs = g->excs.is_object() ? g->excs.as<Tuple>() : c.I.rt.empty_tuple;
  size_t num = excs->size();
  size_t n = num <= kMaxGroupWidth ? num : kMaxGroupWidth + 1;
  c.need_close = false;
  for (size_t i = 0; i < n; ++i) {
    bool last = i == n - 1;
    if (last) c.need_close = true;
    write_indent(c);
    bool truncated = i >= kMaxGroupWidth;
    c.out += i == 0 ? "+-" : "  ";
    c.out += "+---------------- ";
    c.out += truncated ? std::string("...") : std::to_string(i + 1);
    c.out += " ----------------\n";
    c.group_depth += 1;
    if (!truncated) {
      print_recursive(c, excs->items[i].as<BaseExc>());
    } else {
      size_t remaining = num - kMaxGroupWidth;
      write_margin(c);
      c.out += "and " + std::to_string(remaining) + " more exception" + (remaining > 1 ? "s" : "") + "\n";
    }
    if (last && c.need_close) {
      write_indent(c);
      c.out += "+------------------------------------\n";
      c.need_close = false;
    }
    c.group_depth -= 1;
  }
  if (c.group_depth == 1) c.group_depth -= 1;
}

void print_recursive(Ctx& c, BaseExc* e) {
  if (c.depth >= kMaxChainDepth) return;
  ++c.depth;
  print_cause_and_context(c, e);
  if (is_exception_group(c.I, Value::object(e)))
    print_group(c, static_cast<ExcGroup*>(e));
  else
    print_exception(c, e);
  --c.depth;
}

}  // namespace

void format_exception_to(Isolate& I, BaseExc* exc, std::string& out) {
  BaseExc* saved = I.pending;
  I.pending = nullptr;
  Ctx c{I, out};
  print_recursive(c, exc);
  I.pending = saved;
}

std::string format_exception(Isolate& I, BaseExc* exc) {
  std::string out;
  format_exception_to(I, exc, out);
  return out;
}

void format_exception_only(Isolate& I, BaseExc* exc, std::string& out) {
  BaseExc* saved = I.pending;
  I.pending = nullptr;
  Ctx c{I, out};
  Value value = Value::object(exc);
  if (is_subtype(exc->type_, I.rt.exc_SyntaxError)) print_file_and_line(c, &value);
  print_message(c, exc->type_, value, exc);
  print_notes(c, Value::object(exc));
  I.pending = saved;
}

}  // namespace capy
