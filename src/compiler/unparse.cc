// Expression unparser (CPython's Python/ast_unparse.c): turns an annotation back
// into source text for `from __future__ import annotations` (PEP 563).
#include <string>

#include "compiler/codegen.h"

namespace capy::compiler {

using namespace syntax;

namespace {

enum Prec : int {
  kTuple, kTest, kOr, kAnd, kNot, kCmp, kExpr, kBor = kExpr, kBxor, kBand, kShift, kArith, kTerm, kFactor,
  kPower, kAwait, kAtom,
};

class Unparser {
 public:
  std::string out;

  void expr(const Expr* e, int level) {
    if (e == nullptr) return;
    if (++depth_ > 2000) {
      out += "...";
      --depth_;
      return;
    }
    visit(e, level);
    --depth_;
  }

 private:
  int depth_ = 0;

  void paren_open(bool cond) { if (cond) out += '('; }
  void paren_close(bool cond) { if (cond) out += ')'; }

  void seq(Seq<Expr*> elts, const char* sep = ", ") {
    for (size_t i = 0; i < elts.size(); ++i) {
      if (i) out += sep;
      expr(elts[i], kTest);
    }
  }

  void comprehensions(Seq<Comprehension*> gens) {
    for (const Comprehension* g : gens) {
      out += g->is_async ? " async for " : " for ";
      expr(g->target, kTuple);
      out += " in ";
      expr(g->iter, kTest + 1);
      for (const Expr* i : g->ifs) {
        out += " if ";
        expr(i, kTest + 1);
      }
    }
  }

  void fstring_body(Seq<Expr*> values, bool is_spec) {
    for (const Expr* v : values) {
      if (const Constant* c = v->as<Constant>()) {
        for (char ch : c->value.str) {
          if (ch == '{') out += "{{";
          else if (ch == '}') out += "}}";
          else out += ch;
        }
      } else if (const FormattedValue* f = v->as<FormattedValue>()) {
        Unparser inner;
        inner.expr(f->value, kTest + 1);
        out += '{';
        if (!inner.out.empty() && inner.out[0] == '{') out += ' ';
        out += inner.out;
        if (f->conversion > 0) {
          out += '!';
          out += static_cast<char>(f->conversion);
        }
        if (f->format_spec) {
          out += ':';
          if (const JoinedStr* js = f->format_spec->as<JoinedStr>()) fstring_body(js->values, true);
        }
        out += '}';
      }
    }
    (void)is_spec;
  }

  void visit(const Expr* e, int level) {
    switch (e->kind) {
      case ExprKind::BoolOp: {
        const auto& b = e->cast<BoolOp>();
        int pr = b.op == BoolOperator::And ? kAnd : kOr;
        paren_open(level > pr);
        for (size_t i = 0; i < b.values.size(); ++i) {
          if (i) out += b.op == BoolOperator::And ? " and " : " or ";
          expr(b.values[i], pr + 1);
        }
        paren_close(level > pr);
        return;
      }
      case ExprKind::NamedExpr: {
        const auto& n = e->cast<NamedExpr>();
        paren_open(level > kTuple);
        expr(n.target, kAtom);
        out += " := ";
        expr(n.value, kAtom);
        paren_close(level > kTuple);
        return;
      }
      case ExprKind::BinOp: {
        const auto& b = e->cast<BinOp>();
        int pr;
        switch (b.op) {
          case Operator::Add: case Operator::Sub: pr = kArith; break;
          case Operator::Mult: case Operator::MatMult: case Operator::Div: case Operator::Mod:
          case Operator::FloorDiv: pr = kTerm; break;
          case Operator::LShift: case Operator::RShift: pr = kShift; break;
          case Operator::BitOr: pr = kBor; break;
          case Operator::BitXor: pr = kBxor; break;
          case Operator::BitAnd: pr = kBand; break;
          default: pr = kPower; break;
        }
        bool rassoc = b.op == Operator::Pow;
        paren_open(level > pr);
        expr(b.left, pr + (rassoc ? 1 : 0));
        out += ' ';
        out += operator_text(b.op);
        out += ' ';
        expr(b.right, pr + (rassoc ? 0 : 1));
        paren_close(level > pr);
        return;
      }
      case ExprKind::UnaryOp: {
        const auto& u = e->cast<UnaryOp>();
        const char* op = u.op == UnaryOperator::Not ? "not " : u.op == UnaryOperator::Invert ? "~"
                         : u.op == UnaryOperator::UAdd ? "+" : "-";
        int pr = u.op == UnaryOperator::Not ? kNot : kFactor;
        paren_open(level > pr);
        out += op;
        expr(u.operand, pr);
        paren_close(level > pr);
        return;
      }
      case ExprKind::Lambda: {
        const auto& l = e->cast<Lambda>();
        paren_open(level > kTest);
        out += "lambda";
        const Arguments* a = l.args;
        bool first = true;
        auto sep = [&]() { out += first ? " " : ", "; first = false; };
        size_t npos = a->posonlyargs.size() + a->args.size();
        size_t ndef = a->defaults.size();
        for (size_t i = 0; i < npos; ++i) {
          sep();
          const Arg* arg = i < a->posonlyargs.size() ? a->posonlyargs[i] : a->args[i - a->posonlyargs.size()];
          out += arg->arg;
          if (i + ndef >= npos) {
            out += '=';
            expr(a->defaults[i + ndef - npos], kTest);
          }
          if (!a->posonlyargs.empty() && i + 1 == a->posonlyargs.size()) {
            sep();
            out += '/';
          }
        }
        if (a->vararg || !a->kwonlyargs.empty()) {
          sep();
          out += '*';
          if (a->vararg) out += a->vararg->arg;
        }
        for (size_t i = 0; i < a->kwonlyargs.size(); ++i) {
          sep();
          out += a->kwonlyargs[i]->arg;
          if (i < a->kw_defaults.size() && a->kw_defaults[i]) {
            out += '=';
            expr(a->kw_defaults[i], kTest);
          }
        }
        if (a->kwarg) {
          sep();
          out += "**";
          out += a->kwarg->arg;
        }
        out += ": ";
        expr(l.body, kTest);
        paren_close(level > kTest);
        return;
      }
      case ExprKind::IfExp: {
        const auto& i = e->cast<IfExp>();
        paren_open(level > kTest);
        expr(i.body, kTest + 1);
        out += " if ";
        expr(i.test, kTest + 1);
        out += " else ";
        expr(i.orelse, kTest);
        paren_close(level > kTest);
        return;
      }
      case ExprKind::Dict: {
        const auto& d = e->cast<Dict>();
        out += '{';
        for (size_t i = 0; i < d.values.size(); ++i) {
          if (i) out += ", ";
          if (d.keys[i]) {
            expr(d.keys[i], kTest);
            out += ": ";
            expr(d.values[i], kTest);
          } else {
            out += "**";
            expr(d.values[i], kExpr);
          }
        }
        out += '}';
        return;
      }
      case ExprKind::Set:
        out += '{';
        seq(e->cast<Set>().elts);
        out += '}';
        return;
      case ExprKind::ListComp:
        out += '[';
        expr(e->cast<ListComp>().elt, kTest);
        comprehensions(e->cast<ListComp>().generators);
        out += ']';
        return;
      case ExprKind::SetComp:
        out += '{';
        expr(e->cast<SetComp>().elt, kTest);
        comprehensions(e->cast<SetComp>().generators);
        out += '}';
        return;
      case ExprKind::GeneratorExp:
        out += '(';
        expr(e->cast<GeneratorExp>().elt, kTest);
        comprehensions(e->cast<GeneratorExp>().generators);
        out += ')';
        return;
      case ExprKind::DictComp:
        out += '{';
        expr(e->cast<DictComp>().key, kTest);
        out += ": ";
        expr(e->cast<DictComp>().value, kTest);
        comprehensions(e->cast<DictComp>().generators);
        out += '}';
        return;
      case ExprKind::Await:
        paren_open(level > kAwait);
        out += "await ";
        expr(e->cast<Await>().value, kAtom);
        paren_close(level > kAwait);
        return;
      case ExprKind::Yield:
        out += "(yield";
        if (e->cast<Yield>().value) {
          out += ' ';
          expr(e->cast<Yield>().value, kTest);
        }
        out += ')';
        return;
      case ExprKind::YieldFrom:
        out += "(yield from ";
        expr(e->cast<YieldFrom>().value, kTest);
        out += ')';
        return;
      case ExprKind::Compare: {
        const auto& c = e->cast<Compare>();
        paren_open(level > kCmp);
        expr(c.left, kCmp + 1);
        for (size_t i = 0; i < c.ops.size(); ++i) {
          out += ' ';
          out += operator_text(c.ops[i]);
          out += ' ';
          expr(c.comparators[i], kCmp + 1);
        }
        paren_close(level > kCmp);
        return;
      }
      case ExprKind::Call: {
        const auto& c = e->cast<Call>();
        expr(c.func, kAtom);
        if (c.args.size() == 1 && c.keywords.empty() && c.args[0]->kind == ExprKind::GeneratorExp) {
          const auto& g = c.args[0]->cast<GeneratorExp>();
          out += '(';
          expr(g.elt, kTest);
          comprehensions(g.generators);
          out += ')';
          return;
        }
        out += '(';
        bool first = true;
        for (const Expr* a : c.args) {
          if (!first) out += ", ";
          first = false;
          expr(a, kTest);
        }
        for (const Keyword* k : c.keywords) {
          if (!first) out += ", ";
          first = false;
          if (k->arg.empty()) {
            out += "**";
          } else {
            out += k->arg;
            out += '=';
          }
          expr(k->value, kTest);
        }
        out += ')';
        return;
      }
      case ExprKind::FormattedValue:
      case ExprKind::JoinedStr: {
        Unparser body;
        if (e->kind == ExprKind::JoinedStr) body.fstring_body(e->cast<JoinedStr>().values, false);
        else {
          Expr* one[1] = {const_cast<Expr*>(e)};
          body.fstring_body(Seq<Expr*>(one, 1), false);
        }
        out += 'f';
        out += const_repr(Const{body.out});
        return;
      }
      case ExprKind::Constant: {
        const ConstantValue& v = e->cast<Constant>().value;
        if (v.kind == ConstantValue::Kind::Ellipsis) {
          out += "...";
          return;
        }
        Const c = const_from_ast(v);
        if (c.kind() == Const::kFloat || c.kind() == Const::kComplex) {
          std::string r = const_repr(c);
          if (r.find("inf") != std::string::npos) {
            // CPython writes infinity as 1e309 so the text parses back.
            size_t p;
            while ((p = r.find("inf")) != std::string::npos) r.replace(p, 3, "1e309");
          }
          out += r;
          return;
        }
        if (e->cast<Constant>().kind_u) out += 'u';
        out += const_repr(c);
        return;
      }
      case ExprKind::Attribute: {
        const auto& a = e->cast<Attribute>();
        expr(a.value, kAtom);
        // `1 .real`: an int literal needs a space before the dot.
        if (const Constant* c = a.value->as<Constant>(); c && c->value.kind == ConstantValue::Kind::Int) out += ' ';
        out += '.';
        out += a.attr;
        return;
      }
      case ExprKind::Subscript: {
        const auto& s = e->cast<Subscript>();
        expr(s.value, kAtom);
        out += '[';
        if (const Tuple* t = s.slice->as<Tuple>(); t && !t->elts.empty()) {
          for (size_t i = 0; i < t->elts.size(); ++i) {
            if (i) out += ", ";
            expr(t->elts[i], kTest);
          }
          if (t->elts.size() == 1) out += ',';
        } else {
          expr(s.slice, kTuple);
        }
        out += ']';
        return;
      }
      case ExprKind::Starred:
        out += '*';
        expr(e->cast<Starred>().value, kExpr);
        return;
      case ExprKind::Name:
        out += e->cast<Name>().id;
        return;
      case ExprKind::List:
        out += '[';
        seq(e->cast<List>().elts);
        out += ']';
        return;
      case ExprKind::Tuple: {
        const auto& t = e->cast<Tuple>();
        if (t.elts.empty()) {
          out += "()";
          return;
        }
        paren_open(level > kTuple);
        seq(t.elts);
        if (t.elts.size() == 1) out += ',';
        paren_close(level > kTuple);
        return;
      }
      case ExprKind::Slice: {
        const auto& s = e->cast<Slice>();
        if (s.lower) expr(s.lower, kTest);
        out += ':';
        if (s.upper) expr(s.upper, kTest);
        if (s.step) {
          out += ':';
          expr(s.step, kTest);
        }
        return;
      }
    }
  }
};

}  // namespace

std::string unparse_expr(const Expr* e) {
  Unparser u;
  u.expr(e, kTest);
  return std::move(u.out);
}

}  // namespace capy::compiler
