// Opcode metadata tables (names, docs, operand kinds) and stack effects, from opcodes.def.
#include "compiler/opcodes.h"

#include <array>

namespace capy::compiler {

namespace {

struct OpInfo {
  std::string_view name;
  std::string_view effect;
  std::string_view doc;
  OperandKind kind;
};

constexpr OpInfo kOpInfo[] = {
#define CAPY_OPCODE(name, kind, effect, doc) {#name, effect, doc, OperandKind::kind},
#define CAPY_PSEUDO_OPCODE(name, doc) {#name, "", doc, OperandKind::Jump},
#include "compiler/opcodes.def"
};

constexpr std::string_view kNbText[kNumNbOps] = {
    "+",  "&",  "//",  "<<",  "@",  "*",  "%",  "|",  "**",  ">>",  "-",  "/",  "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
};

constexpr std::string_view kCompareText[] = {"<", "<=", "==", "!=", ">", ">="};

}  // namespace

std::string_view opcode_name(Opcode op) noexcept {
  auto i = static_cast<size_t>(op);
  return i < std::size(kOpInfo) ? kOpInfo[i].name : std::string_view("<invalid>");
}

std::string_view opcode_effect_doc(Opcode op) noexcept {
  auto i = static_cast<size_t>(op);
  return i < std::size(kOpInfo) ? kOpInfo[i].effect : std::string_view();
}

std::string_view opcode_doc(Opcode op) noexcept {
  auto i = static_cast<size_t>(op);
  return i < std::size(kOpInfo) ? kOpInfo[i].doc : std::string_view();
}

OperandKind operand_kind(Opcode op) noexcept {
  auto i = static_cast<size_t>(op);
  return i < std::size(kOpInfo) ? kOpInfo[i].kind : OperandKind::None;
}

std::string_view nb_op_text(uint32_t arg) noexcept {
  return arg < static_cast<uint32_t>(kNumNbOps) ? kNbText[arg] : std::string_view("?");
}

std::string_view compare_op_text(uint32_t arg) noexcept {
  return arg < std::size(kCompareText) ? kCompareText[arg] : std::string_view("?");
}

int stack_effect(Opcode op, uint32_t arg, bool jump) noexcept {
  const int n = static_cast<int>(arg);
  switch (op) {
    case Opcode::NOP: case Opcode::SWAP: case Opcode::EXTENDED_ARG:
    case Opcode::DELETE_FAST: case Opcode::MAKE_CELL: case Opcode::COPY_FREE_VARS:
    case Opcode::DELETE_DEREF: case Opcode::DELETE_NAME: case Opcode::DELETE_GLOBAL:
    case Opcode::LOAD_ATTR: case Opcode::SETUP_ANNOTATIONS:
    case Opcode::UNARY_POSITIVE: case Opcode::UNARY_NEGATIVE: case Opcode::UNARY_NOT:
    case Opcode::UNARY_INVERT: case Opcode::LIST_TO_TUPLE: case Opcode::KW_NAMES:
    case Opcode::JUMP: case Opcode::JUMP_BACKWARD: case Opcode::JUMP_BACKWARD_NO_INTERRUPT:
    case Opcode::GET_ITER: case Opcode::YIELD_VALUE: case Opcode::ASYNC_GEN_WRAP:
    case Opcode::GET_YIELD_FROM_ITER: case Opcode::GET_AWAITABLE: case Opcode::GET_AITER:
    case Opcode::CHECK_EXC_MATCH: case Opcode::CHECK_EG_MATCH:
      return 0;
    case Opcode::POP_TOP: case Opcode::STORE_FAST: case Opcode::STORE_DEREF:
    case Opcode::STORE_NAME: case Opcode::STORE_GLOBAL: case Opcode::DELETE_ATTR:
    case Opcode::BINARY_OP: case Opcode::COMPARE_OP: case Opcode::IS_OP: case Opcode::CONTAINS_OP:
    case Opcode::BINARY_SUBSCR: case Opcode::LIST_APPEND: case Opcode::SET_ADD:
    case Opcode::LIST_EXTEND: case Opcode::SET_UPDATE: case Opcode::DICT_UPDATE:
    case Opcode::DICT_MERGE: case Opcode::RETURN_VALUE:
    case Opcode::POP_JUMP_IF_FALSE: case Opcode::POP_JUMP_IF_TRUE:
    case Opcode::POP_JUMP_IF_NONE: case Opcode::POP_JUMP_IF_NOT_NONE:
    case Opcode::POP_EXCEPT: case Opcode::PREP_RERAISE_STAR: case Opcode::RERAISE:
    case Opcode::IMPORT_NAME: case Opcode::IMPORT_STAR: case Opcode::PRINT_EXPR:
      return -1;
    case Opcode::PUSH_NULL: case Opcode::COPY: case Opcode::LOAD_CONST: case Opcode::LOAD_FAST:
    case Opcode::LOAD_CLOSURE: case Opcode::LOAD_DEREF: case Opcode::LOAD_CLASSDEREF:
    case Opcode::LOAD_NAME: case Opcode::LOAD_GLOBAL: case Opcode::LOAD_METHOD:
    case Opcode::LOAD_BUILD_CLASS: case Opcode::LOAD_ASSERTION_ERROR: case Opcode::GET_ANEXT:
    case Opcode::BEFORE_ASYNC_WITH: case Opcode::PUSH_EXC_INFO: case Opcode::BEFORE_WITH:
    case Opcode::WITH_EXCEPT_START: case Opcode::IMPORT_FROM: case Opcode::GET_LEN:
    case Opcode::MATCH_MAPPING: case Opcode::MATCH_SEQUENCE: case Opcode::MATCH_KEYS:
      return 1;
    case Opcode::STORE_ATTR: case Opcode::DELETE_SUBSCR: case Opcode::MAP_ADD:
    case Opcode::CLEANUP_THROW: case Opcode::END_ASYNC_FOR: case Opcode::MATCH_CLASS:
      return -2;
    case Opcode::STORE_SUBSCR:
      return -3;
    case Opcode::BUILD_SLICE:
      return n == 3 ? -2 : -1;
    case Opcode::BUILD_TUPLE: case Opcode::BUILD_LIST: case Opcode::BUILD_SET:
    case Opcode::BUILD_STRING:
      return 1 - n;
    case Opcode::BUILD_MAP:
      return 1 - 2 * n;
    case Opcode::BUILD_CONST_KEY_MAP:
      return -n;
    case Opcode::UNPACK_SEQUENCE:
      return n - 1;
    case Opcode::UNPACK_EX:
      return (n & 0xFF) + (n >> 8);
    case Opcode::FORMAT_VALUE:
      return (arg & kFormatHaveSpec) ? -1 : 0;
    case Opcode::CALL:
      return -1 - n;
    case Opcode::CALL_FUNCTION_EX:
      return -2 - static_cast<int>(arg & 1);
    case Opcode::MAKE_FUNCTION:
      return -static_cast<int>(((arg & 1) != 0) + ((arg & 2) != 0) + ((arg & 4) != 0) + ((arg & 8) != 0));
    case Opcode::JUMP_IF_FALSE_OR_POP: case Opcode::JUMP_IF_TRUE_OR_POP:
      return jump ? 0 : -1;
    case Opcode::FOR_ITER:
      return jump ? -1 : 1;
    case Opcode::SEND:
      return jump ? -1 : 0;
    case Opcode::RAISE_VARARGS:
      return -n;
    case Opcode::SETUP_FINALLY: case Opcode::SETUP_CLEANUP: case Opcode::SETUP_WITH:
      return 0;
  }
  return 0;
}

}  // namespace capy::compiler
