// Names of AST node kinds and operators, as Python's `ast` module spells them.
#include "syntax/ast.h"

namespace capy::syntax {

std::string_view kind_name(ModKind k) noexcept {
  switch (k) {
#define CAPY_AST_MOD(cpp, py) \
  case ModKind::cpp:          \
    return py;
#include "syntax/ast.def"
  }
  return "?";
}

std::string_view kind_name(StmtKind k) noexcept {
  switch (k) {
#define CAPY_AST_STMT(cpp, py) \
  case StmtKind::cpp:          \
    return py;
#include "syntax/ast.def"
  }
  return "?";
}

std::string_view kind_name(ExprKind k) noexcept {
  switch (k) {
#define CAPY_AST_EXPR(cpp, py) \
  case ExprKind::cpp:          \
    return py;
#include "syntax/ast.def"
  }
  return "?";
}

std::string_view kind_name(PatternKind k) noexcept {
  switch (k) {
#define CAPY_AST_PATTERN(cpp, py) \
  case PatternKind::cpp:          \
    return py;
#include "syntax/ast.def"
  }
  return "?";
}

std::string_view kind_name(ExprContext k) noexcept {
  switch (k) {
    case ExprContext::Load: return "Load";
    case ExprContext::Store: return "Store";
    case ExprContext::Del: return "Del";
  }
  return "?";
}

std::string_view kind_name(BoolOperator k) noexcept { return k == BoolOperator::And ? "And" : "Or"; }

std::string_view kind_name(Operator k) noexcept {
  switch (k) {
    case Operator::Add: return "Add";
    case Operator::Sub: return "Sub";
    case Operator::Mult: return "Mult";
    case Operator::MatMult: return "MatMult";
    case Operator::Div: return "Div";
    case Operator::Mod: return "Mod";
    case Operator::Pow: return "Pow";
    case Operator::LShift: return "LShift";
    case Operator::RShift: return "RShift";
    case Operator::BitOr: return "BitOr";
    case Operator::BitXor: return "BitXor";
    case Operator::BitAnd: return "BitAnd";
    case Operator::FloorDiv: return "FloorDiv";
  }
  return "?";
}

std::string_view kind_name(UnaryOperator k) noexcept {
  switch (k) {
    case UnaryOperator::Invert: return "Invert";
    case UnaryOperator::Not: return "Not";
    case UnaryOperator::UAdd: return "UAdd";
    case UnaryOperator::USub: return "USub";
  }
  return "?";
}

std::string_view kind_name(CmpOperator k) noexcept {
  switch (k) {
    case CmpOperator::Eq: return "Eq";
    case CmpOperator::NotEq: return "NotEq";
    case CmpOperator::Lt: return "Lt";
    case CmpOperator::LtE: return "LtE";
    case CmpOperator::Gt: return "Gt";
    case CmpOperator::GtE: return "GtE";
    case CmpOperator::Is: return "Is";
    case CmpOperator::IsNot: return "IsNot";
    case CmpOperator::In: return "In";
    case CmpOperator::NotIn: return "NotIn";
  }
  return "?";
}

std::string_view operator_text(Operator k) noexcept {
  switch (k) {
    case Operator::Add: return "+";
    case Operator::Sub: return "-";
    case Operator::Mult: return "*";
    case Operator::MatMult: return "@";
    case Operator::Div: return "/";
    case Operator::Mod: return "%";
    case Operator::Pow: return "**";
    case Operator::LShift: return "<<";
    case Operator::RShift: return ">>";
    case Operator::BitOr: return "|";
    case Operator::BitXor: return "^";
    case Operator::BitAnd: return "&";
    case Operator::FloorDiv: return "//";
  }
  return "?";
}

std::string_view operator_text(CmpOperator k) noexcept {
  switch (k) {
    case CmpOperator::Eq: return "==";
    case CmpOperator::NotEq: return "!=";
    case CmpOperator::Lt: return "<";
    case CmpOperator::LtE: return "<=";
    case CmpOperator::Gt: return ">";
    case CmpOperator::GtE: return ">=";
    case CmpOperator::Is: return "is";
    case CmpOperator::IsNot: return "is not";
    case CmpOperator::In: return "in";
    case CmpOperator::NotIn: return "not in";
  }
  return "?";
}

}  // namespace capy::syntax
