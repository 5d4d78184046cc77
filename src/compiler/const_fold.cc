// Constant folding (a small stand-in for CPython's AST optimizer, Python/ast_opt.c):
// literals under unary operators, safe int64/float/complex arithmetic, bounded
// str/bytes concatenation and repetition, constant tuples.
#include <cmath>
#include <limits>

#include "compiler/codegen.h"

namespace capy::compiler {

using namespace syntax;

int const_truth(const Const& c) {
  switch (c.kind()) {
    case Const::kNone: return 0;
    case Const::kEllipsis: return 1;
    case Const::kBool: return c.get<bool>() ? 1 : 0;
    case Const::kInt: return c.get<int64_t>() != 0 ? 1 : 0;
    case Const::kBigInt: return 1;
    case Const::kFloat: return c.get<double>() != 0 ? 1 : 0;
    case Const::kComplex: return (c.get<ComplexConst>().real != 0 || c.get<ComplexConst>().imag != 0) ? 1 : 0;
    case Const::kStr: return c.get<std::string>().empty() ? 0 : 1;
    case Const::kBytes: return c.get<BytesConst>().data.empty() ? 0 : 1;
    case Const::kTuple: return c.get<TupleConst>().items.empty() ? 0 : 1;
    case Const::kCode: return -1;
  }
  return -1;
}

namespace {

// Integer view of an int/bool constant.
bool as_int(const Const& c, int64_t& out) {
  if (c.kind() == Const::kInt) {
    out = c.get<int64_t>();
    return true;
  }
  if (c.kind() == Const::kBool) {
    out = c.get<bool>() ? 1 : 0;
    return true;
  }
  return false;
}

bool as_real(const Const& c, double& out) {
  int64_t i;
  if (as_int(c, i)) {
    out = static_cast<double>(i);
    return true;
  }
  if (c.kind() == Const::kFloat) {
    out = c.get<double>();
    return true;
  }
  return false;
}

bool as_complex(const Const& c, double& re, double& im) {
  if (c.kind() == Const::kComplex) {
    re = c.get<ComplexConst>().real;
    im = c.get<ComplexConst>().imag;
    return true;
  }
  im = 0;
  return as_real(c, re);
}

Const negate_bigint(const std::string& dec) {
  if (!dec.empty() && dec[0] == '-') return Const{BigIntConst{dec.substr(1)}};
  if (dec == "9223372036854775808") return Const{std::numeric_limits<int64_t>::min()};
  return Const{BigIntConst{"-" + dec}};
}

// Largest str/bytes a fold may produce (CPython's MAX_STR_SIZE).
constexpr size_t kMaxFoldedStr = 4096;

// int64 arithmetic with Python semantics; false when the result would not fit
// (or raise), leaving the operation to run time.
bool fold_int_binop(Operator op, int64_t a, int64_t b, Const& out) {
  int64_t res = 0;
  switch (op) {
    case Operator::Add:
      if (__builtin_add_overflow(a, b, &res)) return false;
      break;
    case Operator::Sub:
      if (__builtin_sub_overflow(a, b, &res)) return false;
      break;
    case Operator::Mult:
      if (__builtin_mul_overflow(a, b, &res)) return false;
      break;
    case Operator::FloorDiv:
    case Operator::Mod: {
      if (b == 0 || (a == std::numeric_limits<int64_t>::min() && b == -1)) return false;
      int64_t q = a / b, m = a % b;
      if (m != 0 && ((m < 0) != (b < 0))) {
        q -= 1;
        m += b;
      }
      res = op == Operator::FloorDiv ? q : m;
      break;
    }
    case Operator::Div: {
      // Exact operands give a correctly rounded quotient, as Python's int / int.
      constexpr int64_t kExact = int64_t{1} << 53;
      if (b == 0 || a > kExact || a < -kExact || b > kExact || b < -kExact) return false;
      out = Const{static_cast<double>(a) / static_cast<double>(b)};
      return true;
    }
    case Operator::Pow: {
      if (b < 0 || b > 64) return false;
      res = 1;
      for (int64_t k = 0; k < b; ++k)
        if (__builtin_mul_overflow(res, a, &res)) return false;
      break;
    }
    case Operator::LShift:
      if (b < 0 || b >= 63) return false;
      if (a != 0 && (a > (std::numeric_limits<int64_t>::max() >> b) || a < (std::numeric_limits<int64_t>::min() >> b)))
        return false;
      res = static_cast<int64_t>(static_cast<uint64_t>(a) << b);
      break;
    case Operator::RShift:
      if (b < 0) return false;
      res = b >= 63 ? (a < 0 ? -1 : 0) : (a >> b);
      break;
    case Operator::BitAnd: res = a & b; break;
    case Operator::BitOr: res = a | b; break;
    case Operator::BitXor: res = a ^ b; break;
    case Operator::MatMult: return false;
  }
  out = Const{res};
  return true;
}

bool fold_impl(const Expr* e, Const& out, int depth) {
  if (depth > 64) return false;
  switch (e->kind) {
    case ExprKind::Constant:
      out = const_from_ast(e->cast<Constant>().value);
      return true;
    case ExprKind::Name: {
      const auto& n = e->cast<Name>();
      if (n.ctx == ExprContext::Load && n.id == "__debug__") {
        out = Const{true};
        return true;
      }
      return false;
    }
    case ExprKind::UnaryOp: {
      const auto& u = e->cast<UnaryOp>();
      Const v;
      if (!fold_impl(u.operand, v, depth + 1)) return false;
      int64_t i;
      switch (u.op) {
        case UnaryOperator::Not: {
          int t = const_truth(v);
          if (t < 0) return false;
          out = Const{t == 0};
          return true;
        }
        case UnaryOperator::USub:
          if (as_int(v, i)) {
            out = i == std::numeric_limits<int64_t>::min() ? Const{BigIntConst{"9223372036854775808"}} : Const{-i};
            return true;
          }
          if (v.kind() == Const::kBigInt) {
            out = negate_bigint(v.get<BigIntConst>().decimal);
            return true;
          }
          if (v.kind() == Const::kFloat) {
            out = Const{-v.get<double>()};
            return true;
          }
          if (v.kind() == Const::kComplex) {
            out = Const{ComplexConst{-v.get<ComplexConst>().real, -v.get<ComplexConst>().imag}};
            return true;
          }
          return false;
        case UnaryOperator::UAdd:
          if (as_int(v, i)) {
            out = Const{i};
            return true;
          }
          if (v.kind() == Const::kBigInt || v.kind() == Const::kFloat || v.kind() == Const::kComplex) {
            out = std::move(v);
            return true;
          }
          return false;
        case UnaryOperator::Invert:
          if (as_int(v, i)) {
            out = Const{~i};
            return true;
          }
          return false;
      }
      return false;
    }
    case ExprKind::BinOp: {
      const auto& b = e->cast<BinOp>();
      Const l, r;
      if (!fold_impl(b.left, l, depth + 1) || !fold_impl(b.right, r, depth + 1)) return false;
      int64_t li, ri;
      if (as_int(l, li) && as_int(r, ri)) {
        if (!fold_int_binop(b.op, li, ri, out)) return false;
        // bool & | ^ bool stays a bool.
        if (l.kind() == Const::kBool && r.kind() == Const::kBool &&
            (b.op == Operator::BitAnd || b.op == Operator::BitOr || b.op == Operator::BitXor))
          out = Const{out.get<int64_t>() != 0};
        return true;
      }
      // str/bytes concatenation and repetition, bounded like CPython's folder.
      if ((l.kind() == Const::kStr && r.kind() == Const::kStr) ||
          (l.kind() == Const::kBytes && r.kind() == Const::kBytes)) {
        if (b.op != Operator::Add) return false;
        bool is_str = l.kind() == Const::kStr;
        std::string a = is_str ? l.get<std::string>() : l.get<BytesConst>().data;
        const std::string& c = is_str ? r.get<std::string>() : r.get<BytesConst>().data;
        if (a.size() + c.size() > kMaxFoldedStr) return false;
        a += c;
        out = is_str ? Const{std::move(a)} : Const{BytesConst{std::move(a)}};
        return true;
      }
      if ((l.kind() == Const::kStr || l.kind() == Const::kBytes) && as_int(r, ri) && b.op == Operator::Mult) {
        bool is_str = l.kind() == Const::kStr;
        const std::string& a = is_str ? l.get<std::string>() : l.get<BytesConst>().data;
        if (ri < 0) ri = 0;
        if (a.size() != 0 && static_cast<uint64_t>(ri) > kMaxFoldedStr / a.size()) return false;
        std::string rep;
        for (int64_t k = 0; k < ri; ++k) rep += a;
        out = is_str ? Const{std::move(rep)} : Const{BytesConst{std::move(rep)}};
        return true;
      }
      double lr, rr;
      if (as_real(l, lr) && as_real(r, rr) && (l.kind() == Const::kFloat || r.kind() == Const::kFloat)) {
        switch (b.op) {
          case Operator::Add: out = Const{lr + rr}; return true;
          case Operator::Sub: out = Const{lr - rr}; return true;
          case Operator::Mult: out = Const{lr * rr}; return true;
          case Operator::Div:
            if (rr == 0) return false;
            out = Const{lr / rr};
            return true;
          default: return false;
        }
      }
      if (b.op != Operator::Add && b.op != Operator::Sub) return false;
      double lre, lim, rre, rim;
      if ((l.kind() == Const::kComplex || r.kind() == Const::kComplex) && b.op != Operator::Mult &&
          as_complex(l, lre, lim) && as_complex(r, rre, rim)) {
        out = b.op == Operator::Add ? Const{ComplexConst{lre + rre, lim + rim}}
                                    : Const{ComplexConst{lre - rre, lim - rim}};
        return true;
      }
      return false;
    }
    case ExprKind::Tuple: {
      const auto& t = e->cast<Tuple>();
      if (t.ctx != ExprContext::Load) return false;
      TupleConst tuple;
      tuple.items.reserve(t.elts.size());
      for (const Expr* x : t.elts) {
        Const c;
        if (x->kind == ExprKind::Starred || !fold_impl(x, c, depth + 1)) return false;
        tuple.items.push_back(std::move(c));
      }
      out = Const{std::move(tuple)};
      return true;
    }
    default:
      return false;
  }
}

}  // namespace

bool Codegen::fold(const Expr* e, Const& out) const { return fold_impl(e, out, 0); }

bool Codegen::is_const_expr(const Expr* e) const {
  Const c;
  return fold_impl(e, c, 0);
}

}  // namespace capy::compiler
