// Opcode enumeration, operand kinds, operand encodings and stack effects, all
// generated from opcodes.def. Shared by the code generator, the disassembler and the VM.
#pragma once

#include <cstdint>
#include <string_view>

namespace capy::compiler {

/// How an instruction's operand is interpreted.
enum class OperandKind : uint8_t {
  None,       ///< ignored (always 0)
  Const,      ///< index into CodeUnit::consts
  Name,       ///< index into CodeUnit::names
  Local,      ///< index into the frame's localsplus array (a plain local)
  Deref,      ///< index into the frame's localsplus array (a cell or free slot)
  Jump,       ///< absolute target instruction index
  Count,      ///< a small integer (item count, depth, flag)
  BinaryOp,   ///< a NbOp value
  CompareOp,  ///< a CompareOp value
  Flags,      ///< a bit set documented per opcode
};

/// Every instruction (real ones first, then compiler-internal pseudo ones).
enum class Opcode : uint8_t {
#define CAPY_OPCODE(name, kind, effect, doc) name,
#define CAPY_PSEUDO_OPCODE(name, doc) name,
#include "compiler/opcodes.def"
};

namespace detail {
constexpr int count_real_opcodes() {
  int n = 0;
#define CAPY_OPCODE(name, kind, effect, doc) ++n;
#include "compiler/opcodes.def"
  return n;
}
}  // namespace detail

/// Number of real opcodes: values 0 .. kNumOpcodes-1 may appear in finished code.
inline constexpr int kNumOpcodes = detail::count_real_opcodes();

/// Bits of the operand field: an instruction word is `opcode | operand << 8`.
inline constexpr int kOperandBits = 24;
/// Largest operand that fits a single word; larger ones need EXTENDED_ARG.
inline constexpr uint32_t kMaxInlineOperand = (1u << kOperandBits) - 1;

/// Builds an instruction word.
constexpr uint32_t encode(Opcode op, uint32_t operand) noexcept {
  return static_cast<uint32_t>(op) | (operand << 8);
}
/// The opcode of an instruction word.
constexpr Opcode opcode_of(uint32_t word) noexcept { return static_cast<Opcode>(word & 0xFF); }
/// The (inline, 24-bit) operand of an instruction word.
constexpr uint32_t operand_of(uint32_t word) noexcept { return word >> 8; }

/// BINARY_OP operands: CPython 3.11's NB_* numbering.
enum class NbOp : uint8_t {
  Add, And, FloorDivide, Lshift, MatrixMultiply, Multiply, Remainder, Or, Power, Rshift, Subtract,
  TrueDivide, Xor,
  InplaceAdd, InplaceAnd, InplaceFloorDivide, InplaceLshift, InplaceMatrixMultiply, InplaceMultiply,
  InplaceRemainder, InplaceOr, InplacePower, InplaceRshift, InplaceSubtract, InplaceTrueDivide,
  InplaceXor,
};
/// Number of NbOp values; in-place variants are `binary + kNbInplaceOffset`.
inline constexpr int kNumNbOps = 26;
inline constexpr int kNbInplaceOffset = 13;

/// COMPARE_OP operands: CPython's Py_LT .. Py_GE.
enum class CompareOp : uint8_t { Lt, Le, Eq, Ne, Gt, Ge };

/// MAKE_FUNCTION operand bits.
inline constexpr uint32_t kMakeFunctionDefaults = 0x01;
inline constexpr uint32_t kMakeFunctionKwDefaults = 0x02;
inline constexpr uint32_t kMakeFunctionAnnotations = 0x04;
inline constexpr uint32_t kMakeFunctionClosure = 0x08;

/// FORMAT_VALUE operand: conversion in the low 2 bits, format-spec flag in bit 2.
inline constexpr uint32_t kFormatConvMask = 0x03;
inline constexpr uint32_t kFormatConvNone = 0, kFormatConvStr = 1, kFormatConvRepr = 2, kFormatConvAscii = 3;
inline constexpr uint32_t kFormatHaveSpec = 0x04;

/// The opcode's name as printed by the disassembler ("LOAD_FAST").
std::string_view opcode_name(Opcode op) noexcept;
/// The opcode's stack-effect notation from opcodes.def ("(lhs, rhs -- res)").
std::string_view opcode_effect_doc(Opcode op) noexcept;
/// The opcode's one-line documentation from opcodes.def.
std::string_view opcode_doc(Opcode op) noexcept;
/// How the opcode's operand is interpreted.
OperandKind operand_kind(Opcode op) noexcept;
/// "+", "//=", ... for a BINARY_OP operand; "?" when out of range.
std::string_view nb_op_text(uint32_t arg) noexcept;
/// "<", "==", ... for a COMPARE_OP operand; "?" when out of range.
std::string_view compare_op_text(uint32_t arg) noexcept;

/// True for pseudo instructions that only exist inside the compiler.
constexpr bool is_pseudo(Opcode op) noexcept { return static_cast<int>(op) >= kNumOpcodes; }

/// True if the operand is a jump target (including FOR_ITER and SEND).
constexpr bool has_jump_target(Opcode op) noexcept {
  switch (op) {
    case Opcode::JUMP: case Opcode::JUMP_BACKWARD: case Opcode::JUMP_BACKWARD_NO_INTERRUPT:
    case Opcode::POP_JUMP_IF_FALSE: case Opcode::POP_JUMP_IF_TRUE:
    case Opcode::POP_JUMP_IF_NONE: case Opcode::POP_JUMP_IF_NOT_NONE:
    case Opcode::JUMP_IF_FALSE_OR_POP: case Opcode::JUMP_IF_TRUE_OR_POP:
    case Opcode::FOR_ITER: case Opcode::SEND:
      return true;
    default:
      return false;
  }
}

/// True for jumps that never fall through.
constexpr bool is_unconditional_jump(Opcode op) noexcept {
  return op == Opcode::JUMP || op == Opcode::JUMP_BACKWARD || op == Opcode::JUMP_BACKWARD_NO_INTERRUPT;
}

/// True if control never reaches the next instruction in sequence.
constexpr bool ends_flow(Opcode op) noexcept {
  return is_unconditional_jump(op) || op == Opcode::RETURN_VALUE || op == Opcode::RAISE_VARARGS ||
         op == Opcode::RERAISE;
}

/// Net change of the stack depth when `op` with operand `arg` executes and
/// (for branching instructions) takes the jump (`jump` true) or falls through.
/// Pseudo instructions have effect 0 here. Matches CPython 3.11's stack_effect()
/// for the shared opcodes.
int stack_effect(Opcode op, uint32_t arg, bool jump) noexcept;

}  // namespace capy::compiler
