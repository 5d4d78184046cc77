// ast.dump(): prints a tree exactly like CPython 3.11's ast.dump(node) (annotate_fields, no indent).
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

#include "support/stack_limit.h"
#include "syntax/ast.h"
#include "syntax/unicode.h"

namespace capy::syntax {

namespace {

// repr() of a float, as Python prints it (shortest round-trip digits,
// exponent form when the decimal exponent is < -4 or >= 16). With
// `add_dot_0`, integral values get ".0" (float repr); without, they do not
// (the parts of a complex repr).
std::string float_repr(double d, bool add_dot_0) {
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  if (std::isnan(d)) return "nan";
  std::string sign;
  if (std::signbit(d)) {
    sign = "-";
    d = -d;
  }
  if (d == 0) return sign + (add_dot_0 ? "0.0" : "0");
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string s(buf, r.ptr);
  std::size_t e = s.find('e');
  std::string mant = s.substr(0, e);
  int exp = std::stoi(s.substr(e + 1));
  std::string digits;
  for (char c : mant) {
    if (c != '.') digits += c;
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int decpt = exp + 1;
  int n = static_cast<int>(digits.size());
  std::string out;
  if (decpt <= -4 || decpt > 16) {
    out = digits.substr(0, 1);
    if (n > 1) out += "." + digits.substr(1);
    int x = decpt - 1;
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", x < 0 ? '-' : '+', x < 0 ? -x : x);
    out += eb;
  } else if (decpt <= 0) {
    out = "0." + std::string(static_cast<std::size_t>(-decpt), '0') + digits;
  } else if (decpt >= n) {
    out = digits + std::string(static_cast<std::size_t>(decpt - n), '0');
    if (add_dot_0) out += ".0";
  } else {
    out = digits.substr(0, static_cast<std::size_t>(decpt)) + "." + digits.substr(static_cast<std::size_t>(decpt));
  }
  return sign + out;
}

// repr() of a str given as UTF-8 (WTF-8 surrogates allowed).
std::string str_repr(const std::string& s) {
  bool has_sq = s.find('\'') != std::string::npos;
  bool has_dq = s.find('"') != std::string::npos;
  char quote = (has_sq && !has_dq) ? '"' : '\'';
  std::string out(1, quote);
  const char* p = s.data();
  const char* end = p + s.size();
  char buf[16];
  while (p < end) {
    const char* start = p;
    uint32_t ch = utf8_decode(&p);
    if (ch == static_cast<uint32_t>(quote) || ch == '\\') {
      out += '\\';
      out += static_cast<char>(ch);
    } else if (ch == '\t') {
      out += "\\t";
    } else if (ch == '\n') {
      out += "\\n";
    } else if (ch == '\r') {
      out += "\\r";
    } else if (ch < ' ' || ch == 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02x", ch);
      out += buf;
    } else if (ch < 0x7F) {
      out += static_cast<char>(ch);
    } else if (is_printable(ch) && !(ch >= 0xD800 && ch <= 0xDFFF)) {
      out.append(start, p);
    } else if (ch <= 0xFF) {
      std::snprintf(buf, sizeof buf, "\\x%02x", ch);
      out += buf;
    } else if (ch <= 0xFFFF) {
      std::snprintf(buf, sizeof buf, "\\u%04x", ch);
      out += buf;
    } else {
      std::snprintf(buf, sizeof buf, "\\U%08x", ch);
      out += buf;
    }
  }
  out += quote;
  return out;
}

// repr() of bytes.
std::string bytes_repr(const std::string& s) {
  bool has_sq = s.find('\'') != std::string::npos;
  bool has_dq = s.find('"') != std::string::npos;
  char quote = (has_sq && !has_dq) ? '"' : '\'';
  std::string out = "b";
  out += quote;
  char buf[8];
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == quote || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (u < ' ' || u >= 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  out += quote;
  return out;
}

std::string constant_repr(const ConstantValue& v) {
  switch (v.kind) {
    case ConstantValue::Kind::None: return "None";
    case ConstantValue::Kind::Bool: return v.bool_value ? "True" : "False";
    case ConstantValue::Kind::Ellipsis: return "Ellipsis";
    case ConstantValue::Kind::Int: return v.str.empty() ? std::to_string(v.int_value) : v.str;
    case ConstantValue::Kind::Float: return float_repr(v.float_value, true);
    case ConstantValue::Kind::Complex: return float_repr(v.float_value, false) + "j";
    case ConstantValue::Kind::Str: return str_repr(v.str);
    case ConstantValue::Kind::Bytes: return bytes_repr(v.str);
  }
  return "None";
}

class Dumper {
 public:
  explicit Dumper(DumpOptions options) : options_(options), limit_(support::stack_limit_for(64u << 20)) {}
  std::string out;

  // Trees from the parser are at most ParseOptions::max_depth deep; this
  // guard only protects against hand-built trees and tiny thread stacks.
  bool too_deep() {
    if (support::current_stack_address() >= limit_) return false;
    out += "...";
    return true;
  }

  void mod(const Mod* m) {
    switch (m->kind) {
      case ModKind::Module:
        open("Module");
        stmts("body", m->cast<Module>().body);
        field("type_ignores");
        out += "[]";
        close();
        break;
      case ModKind::Interactive:
        open("Interactive");
        stmts("body", m->cast<Interactive>().body);
        close();
        break;
      case ModKind::Expression:
        open("Expression");
        field("body");
        expr(m->cast<Expression>().body);
        close();
        break;
      case ModKind::FunctionType:
        open("FunctionType");
        exprs("argtypes", m->cast<FunctionType>().argtypes);
        field("returns");
        expr(m->cast<FunctionType>().returns);
        close();
        break;
    }
  }

  void stmt(const Stmt* s) {
    if (too_deep()) return;
    open(kind_name(s->kind));
    switch (s->kind) {
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: {
        const auto& f = static_cast<const FunctionDefBase&>(*s);
        ident("name", f.name);
        field("args");
        arguments(f.args);
        stmts("body", f.body);
        exprs("decorator_list", f.decorator_list);
        opt_expr("returns", f.returns);
        break;
      }
      case StmtKind::ClassDef: {
        const auto& c = s->cast<ClassDef>();
        ident("name", c.name);
        exprs("bases", c.bases);
        keywords("keywords", c.keywords);
        stmts("body", c.body);
        exprs("decorator_list", c.decorator_list);
        break;
      }
      case StmtKind::Return:
        opt_expr("value", s->cast<Return>().value);
        break;
      case StmtKind::Delete:
        exprs("targets", s->cast<Delete>().targets);
        break;
      case StmtKind::Assign:
        exprs("targets", s->cast<Assign>().targets);
        field("value");
        expr(s->cast<Assign>().value);
        break;
      case StmtKind::AugAssign: {
        const auto& a = s->cast<AugAssign>();
        field("target");
        expr(a.target);
        field("op");
        simple(kind_name(a.op));
        field("value");
        expr(a.value);
        break;
      }
      case StmtKind::AnnAssign: {
        const auto& a = s->cast<AnnAssign>();
        field("target");
        expr(a.target);
        field("annotation");
        expr(a.annotation);
        opt_expr("value", a.value);
        integer("simple", a.simple);
        break;
      }
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        const auto& f = static_cast<const ForBase&>(*s);
        field("target");
        expr(f.target);
        field("iter");
        expr(f.iter);
        stmts("body", f.body);
        stmts("orelse", f.orelse);
        break;
      }
      case StmtKind::While: {
        const auto& w = s->cast<While>();
        field("test");
        expr(w.test);
        stmts("body", w.body);
        stmts("orelse", w.orelse);
        break;
      }
      case StmtKind::If: {
        const auto& i = s->cast<If>();
        field("test");
        expr(i.test);
        stmts("body", i.body);
        stmts("orelse", i.orelse);
        break;
      }
      case StmtKind::With:
      case StmtKind::AsyncWith: {
        const auto& w = static_cast<const WithBase&>(*s);
        field("items");
        list(w.items, [this](const WithItem* item) {
          open("withitem");
          field("context_expr");
          expr(item->context_expr);
          opt_expr("optional_vars", item->optional_vars);
          close();
        });
        stmts("body", w.body);
        break;
      }
      case StmtKind::Match: {
        const auto& m = s->cast<Match>();
        field("subject");
        expr(m.subject);
        field("cases");
        list(m.cases, [this](const MatchCase* c) {
          open("match_case");
          field("pattern");
          pattern(c->pattern);
          opt_expr("guard", c->guard);
          stmts("body", c->body);
          close();
        });
        break;
      }
      case StmtKind::Raise:
        opt_expr("exc", s->cast<Raise>().exc);
        opt_expr("cause", s->cast<Raise>().cause);
        break;
      case StmtKind::Try:
      case StmtKind::TryStar: {
        const auto& t = static_cast<const TryBase&>(*s);
        stmts("body", t.body);
        field("handlers");
        list(t.handlers, [this](const ExceptHandler* h) {
          open("ExceptHandler");
          opt_expr("type", h->type);
          opt_ident("name", h->name);
          stmts("body", h->body);
          attributes(h->pos);
          close();
        });
        stmts("orelse", t.orelse);
        stmts("finalbody", t.finalbody);
        break;
      }
      case StmtKind::Assert:
        field("test");
        expr(s->cast<Assert>().test);
        opt_expr("msg", s->cast<Assert>().msg);
        break;
      case StmtKind::Import:
        aliases(s->cast<Import>().names);
        break;
      case StmtKind::ImportFrom: {
        const auto& i = s->cast<ImportFrom>();
        opt_ident("module", i.module);
        aliases(i.names);
        integer("level", i.level);
        break;
      }
      case StmtKind::Global:
        idents("names", s->cast<Global>().names);
        break;
      case StmtKind::Nonlocal:
        idents("names", s->cast<Nonlocal>().names);
        break;
      case StmtKind::ExprStmt:
        field("value");
        expr(s->cast<ExprStmt>().value);
        break;
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue:
        break;
    }
    attributes(s->pos);
    close();
  }

  void expr(const Expr* e) {
    if (e == nullptr) {
      out += "None";
      return;
    }
    if (too_deep()) return;
    open(kind_name(e->kind));
    switch (e->kind) {
      case ExprKind::BoolOp:
        field("op");
        simple(kind_name(e->cast<BoolOp>().op));
        exprs("values", e->cast<BoolOp>().values);
        break;
      case ExprKind::NamedExpr:
        field("target");
        expr(e->cast<NamedExpr>().target);
        field("value");
        expr(e->cast<NamedExpr>().value);
        break;
      case ExprKind::BinOp:
        field("left");
        expr(e->cast<BinOp>().left);
        field("op");
        simple(kind_name(e->cast<BinOp>().op));
        field("right");
        expr(e->cast<BinOp>().right);
        break;
      case ExprKind::UnaryOp:
        field("op");
        simple(kind_name(e->cast<UnaryOp>().op));
        field("operand");
        expr(e->cast<UnaryOp>().operand);
        break;
      case ExprKind::Lambda:
        field("args");
        arguments(e->cast<Lambda>().args);
        field("body");
        expr(e->cast<Lambda>().body);
        break;
      case ExprKind::IfExp:
        field("test");
        expr(e->cast<IfExp>().test);
        field("body");
        expr(e->cast<IfExp>().body);
        field("orelse");
        expr(e->cast<IfExp>().orelse);
        break;
      case ExprKind::Dict:
        exprs("keys", e->cast<Dict>().keys);
        exprs("values", e->cast<Dict>().values);
        break;
      case ExprKind::Set:
        exprs("elts", e->cast<Set>().elts);
        break;
      case ExprKind::ListComp:
      case ExprKind::SetComp:
      case ExprKind::GeneratorExp: {
        const auto& c = static_cast<const EltComprehensionBase&>(*e);
        field("elt");
        expr(c.elt);
        comprehensions(c.generators);
        break;
      }
      case ExprKind::DictComp:
        field("key");
        expr(e->cast<DictComp>().key);
        field("value");
        expr(e->cast<DictComp>().value);
        comprehensions(e->cast<DictComp>().generators);
        break;
      case ExprKind::Await:
        field("value");
        expr(e->cast<Await>().value);
        break;
      case ExprKind::Yield:
        opt_expr("value", e->cast<Yield>().value);
        break;
      case ExprKind::YieldFrom:
        field("value");
        expr(e->cast<YieldFrom>().value);
        break;
      case ExprKind::Compare: {
        const auto& c = e->cast<Compare>();
        field("left");
        expr(c.left);
        field("ops");
        list(c.ops, [this](CmpOperator op) { simple(kind_name(op)); });
        exprs("comparators", c.comparators);
        break;
      }
      case ExprKind::Call:
        field("func");
        expr(e->cast<Call>().func);
        exprs("args", e->cast<Call>().args);
        keywords("keywords", e->cast<Call>().keywords);
        break;
      case ExprKind::FormattedValue:
        field("value");
        expr(e->cast<FormattedValue>().value);
        integer("conversion", e->cast<FormattedValue>().conversion);
        opt_expr("format_spec", e->cast<FormattedValue>().format_spec);
        break;
      case ExprKind::JoinedStr:
        exprs("values", e->cast<JoinedStr>().values);
        break;
      case ExprKind::Constant:
        field("value");
        out += constant_repr(e->cast<Constant>().value);
        if (e->cast<Constant>().kind_u) {
          field("kind");
          out += "'u'";
        }
        break;
      case ExprKind::Attribute:
        field("value");
        expr(e->cast<Attribute>().value);
        ident("attr", e->cast<Attribute>().attr);
        field("ctx");
        simple(kind_name(e->cast<Attribute>().ctx));
        break;
      case ExprKind::Subscript:
        field("value");
        expr(e->cast<Subscript>().value);
        field("slice");
        expr(e->cast<Subscript>().slice);
        field("ctx");
        simple(kind_name(e->cast<Subscript>().ctx));
        break;
      case ExprKind::Starred:
        field("value");
        expr(e->cast<Starred>().value);
        field("ctx");
        simple(kind_name(e->cast<Starred>().ctx));
        break;
      case ExprKind::Name:
        ident("id", e->cast<Name>().id);
        field("ctx");
        simple(kind_name(e->cast<Name>().ctx));
        break;
      case ExprKind::List:
        exprs("elts", e->cast<List>().elts);
        field("ctx");
        simple(kind_name(e->cast<List>().ctx));
        break;
      case ExprKind::Tuple:
        exprs("elts", e->cast<Tuple>().elts);
        field("ctx");
        simple(kind_name(e->cast<Tuple>().ctx));
        break;
      case ExprKind::Slice:
        opt_expr("lower", e->cast<Slice>().lower);
        opt_expr("upper", e->cast<Slice>().upper);
        opt_expr("step", e->cast<Slice>().step);
        break;
    }
    attributes(e->pos);
    close();
  }

  void pattern(const Pattern* p) {
    if (too_deep()) return;
    open(kind_name(p->kind));
    switch (p->kind) {
      case PatternKind::MatchValue:
        field("value");
        expr(p->cast<MatchValue>().value);
        break;
      case PatternKind::MatchSingleton:
        field("value");
        out += constant_repr(p->cast<MatchSingleton>().value);
        break;
      case PatternKind::MatchSequence:
        patterns("patterns", p->cast<MatchSequence>().patterns);
        break;
      case PatternKind::MatchMapping:
        exprs("keys", p->cast<MatchMapping>().keys);
        patterns("patterns", p->cast<MatchMapping>().patterns);
        opt_ident("rest", p->cast<MatchMapping>().rest);
        break;
      case PatternKind::MatchClass:
        field("cls");
        expr(p->cast<MatchClass>().cls);
        patterns("patterns", p->cast<MatchClass>().patterns);
        idents("kwd_attrs", p->cast<MatchClass>().kwd_attrs);
        patterns("kwd_patterns", p->cast<MatchClass>().kwd_patterns);
        break;
      case PatternKind::MatchStar:
        opt_ident("name", p->cast<MatchStar>().name);
        break;
      case PatternKind::MatchAs:
        if (p->cast<MatchAs>().pattern != nullptr) {
          field("pattern");
          pattern(p->cast<MatchAs>().pattern);
        }
        opt_ident("name", p->cast<MatchAs>().name);
        break;
      case PatternKind::MatchOr:
        patterns("patterns", p->cast<MatchOr>().patterns);
        break;
    }
    attributes(p->pos);
    close();
  }

 private:
  // Each node prints as Name(field=value, ...); `first_` tracks the comma.
  void open(std::string_view name) {
    out += name;
    out += '(';
    first_ = true;
  }
  void close() {
    out += ')';
    first_ = false;
  }
  void field(std::string_view name) {
    if (!first_) out += ", ";
    first_ = false;
    out += name;
    out += '=';
  }
  void simple(std::string_view name) {
    out += name;
    out += "()";
    first_ = false;
  }
  void integer(std::string_view name, int v) {
    field(name);
    out += std::to_string(v);
  }
  void ident(std::string_view name, const Identifier& id) {
    field(name);
    out += str_repr(id);
  }
  void opt_ident(std::string_view name, const Identifier& id) {
    if (!id.empty()) ident(name, id);
  }
  void opt_expr(std::string_view name, const Expr* e) {
    if (e == nullptr) return;
    field(name);
    expr(e);
  }
  template <class T, class F>
  void list(Seq<T> items, F&& each) {
    out += '[';
    bool first = true;
    for (const auto& item : items) {
      if (!first) out += ", ";
      first = false;
      each(item);
    }
    out += ']';
    first_ = false;
  }
  void exprs(std::string_view name, Seq<Expr*> items) {
    field(name);
    list(items, [this](const Expr* e) { expr(e); });
  }
  void stmts(std::string_view name, Seq<Stmt*> items) {
    field(name);
    list(items, [this](const Stmt* s) { stmt(s); });
  }
  void patterns(std::string_view name, Seq<Pattern*> items) {
    field(name);
    list(items, [this](const Pattern* p) { pattern(p); });
  }
  void idents(std::string_view name, Seq<Identifier> items) {
    field(name);
    list(items, [this](const Identifier& id) { out += str_repr(id); });
  }
  void keywords(std::string_view name, Seq<Keyword*> items) {
    field(name);
    list(items, [this](const Keyword* k) {
      open("keyword");
      opt_ident("arg", k->arg);
      field("value");
      expr(k->value);
      attributes(k->pos);
      close();
    });
  }
  void aliases(Seq<Alias*> items) {
    field("names");
    list(items, [this](const Alias* a) {
      open("alias");
      ident("name", a->name);
      opt_ident("asname", a->asname);
      attributes(a->pos);
      close();
    });
  }
  void comprehensions(Seq<Comprehension*> items) {
    field("generators");
    list(items, [this](const Comprehension* c) {
      open("comprehension");
      field("target");
      expr(c->target);
      field("iter");
      expr(c->iter);
      exprs("ifs", c->ifs);
      integer("is_async", c->is_async);
      close();
    });
  }
  void arg(const Arg* a) {
    open("arg");
    ident("arg", a->arg);
    opt_expr("annotation", a->annotation);
    attributes(a->pos);
    close();
  }
  void arguments(const Arguments* a) {
    open("arguments");
    field("posonlyargs");
    list(a->posonlyargs, [this](const Arg* x) { arg(x); });
    field("args");
    list(a->args, [this](const Arg* x) { arg(x); });
    if (a->vararg != nullptr) {
      field("vararg");
      arg(a->vararg);
    }
    field("kwonlyargs");
    list(a->kwonlyargs, [this](const Arg* x) { arg(x); });
    exprs("kw_defaults", a->kw_defaults);
    if (a->kwarg != nullptr) {
      field("kwarg");
      arg(a->kwarg);
    }
    exprs("defaults", a->defaults);
    close();
  }
  void attributes(const Pos& p) {
    if (!options_.include_attributes) return;
    integer("lineno", p.lineno);
    integer("col_offset", p.col_offset);
    integer("end_lineno", p.end_lineno);
    integer("end_col_offset", p.end_col_offset);
  }

  DumpOptions options_;
  const char* limit_;
  bool first_ = true;
};

}  // namespace

std::string dump(const Mod* mod, DumpOptions options) {
  Dumper d(options);
  if (mod != nullptr) d.mod(mod);
  return std::move(d.out);
}

std::string dump(const Stmt* stmt, DumpOptions options) {
  Dumper d(options);
  if (stmt != nullptr) d.stmt(stmt);
  return std::move(d.out);
}

std::string dump(const Expr* expr, DumpOptions options) {
  Dumper d(options);
  d.expr(expr);
  return std::move(d.out);
}

std::string dump(const Pattern* pattern, DumpOptions options) {
  Dumper d(options);
  if (pattern != nullptr) d.pattern(pattern);
  return std::move(d.out);
}

}  // namespace capy::syntax
