// dis-like listings of CodeUnits (see disassembler.h).
#include "compiler/disassembler.h"

#include <cstdio>
#include <vector>

#include "compiler/opcodes.h"

namespace capy::compiler {

namespace {

std::string flags_text(uint32_t flags) {
  static const struct {
    uint32_t bit;
    const char* name;
  } kNames[] = {
      {CO_OPTIMIZED, "OPTIMIZED"},       {CO_NEWLOCALS, "NEWLOCALS"}, {CO_VARARGS, "VARARGS"},
      {CO_VARKEYWORDS, "VARKEYWORDS"},   {CO_NESTED, "NESTED"},       {CO_GENERATOR, "GENERATOR"},
      {CO_COROUTINE, "COROUTINE"},       {CO_ITERABLE_COROUTINE, "ITERABLE_COROUTINE"},
      {CO_ASYNC_GENERATOR, "ASYNC_GENERATOR"}, {CO_FUTURE_ANNOTATIONS, "FUTURE_ANNOTATIONS"},
  };
  std::string out;
  for (const auto& n : kNames) {
    if (!(flags & n.bit)) continue;
    if (!out.empty()) out += ", ";
    out += n.name;
  }
  return out.empty() ? "none" : out;
}

std::string arg_repr(const CodeUnit& code, Opcode op, uint32_t arg) {
  switch (operand_kind(op)) {
    case OperandKind::Const:
      return arg < code.consts.size() ? const_repr(code.consts[arg]) : "<bad const>";
    case OperandKind::Name:
      return arg < code.names.size() ? code.names[arg] : "<bad name>";
    case OperandKind::Local:
    case OperandKind::Deref:
      return arg < code.nlocalsplus() ? code.localsplus_name(arg) : "<bad slot>";
    case OperandKind::Jump:
      return "to " + std::to_string(arg);
    case OperandKind::BinaryOp:
      return std::string(nb_op_text(arg));
    case OperandKind::CompareOp:
      return std::string(compare_op_text(arg));
    case OperandKind::Flags:
      if (op == Opcode::MAKE_FUNCTION) {
        std::string out;
        const char* names[] = {"defaults", "kwdefaults", "annotations", "closure"};
        for (int i = 0; i < 4; ++i) {
          if (!(arg & (1u << i))) continue;
          if (!out.empty()) out += ", ";
          out += names[i];
        }
        return out;
      }
      if (op == Opcode::FORMAT_VALUE) {
        const char* conv[] = {"", "str", "repr", "ascii"};
        std::string out = conv[arg & kFormatConvMask];
        if (arg & kFormatHaveSpec) out += out.empty() ? "with format" : ", with format";
        return out;
      }
      return "";
    case OperandKind::Count:
      if (op == Opcode::IS_OP) return arg ? "is not" : "is";
      if (op == Opcode::CONTAINS_OP) return arg ? "not in" : "in";
      return "";
    case OperandKind::None:
      return "";
  }
  return "";
}

void disassemble_one(const CodeUnit& code, std::string& out) {
  char buf[256];
  out += "Disassembly of " + code.qualname + " (line " + std::to_string(code.firstlineno) + "):\n";
  std::snprintf(buf, sizeof buf, "  flags: %s; args: %u (posonly %u, kwonly %u); stacksize: %u\n",
                flags_text(code.flags).c_str(), code.argcount, code.posonlyargcount, code.kwonlyargcount,
                code.stacksize);
  out += buf;
  if (code.nlocalsplus() > 0) {
    out += "  localsplus:";
    for (size_t i = 0; i < code.nlocalsplus(); ++i) {
      uint8_t k = code.localsplus_kinds[i];
      std::string kind;
      if (k & kFastLocal) kind += "local";
      if (k & kFastCell) kind += kind.empty() ? "cell" : "+cell";
      if (k & kFastFree) kind += kind.empty() ? "free" : "+free";
      out += " " + std::to_string(i) + "=" + code.localsplus_name(i) + "(" + kind + ")";
    }
    out += "\n";
  }
  if (code.docstring) out += "  docstring: " + const_repr(Const{*code.docstring}) + "\n";

  std::vector<bool> is_target(code.code.size() + 1, false);
  {
    uint32_t ext = 0;
    for (uint32_t word : code.code) {
      Opcode op = opcode_of(word);
      uint32_t arg = operand_of(word) | (ext << kOperandBits);
      ext = op == Opcode::EXTENDED_ARG ? operand_of(word) : 0;
      if (op != Opcode::EXTENDED_ARG && has_jump_target(op) && arg < is_target.size()) is_target[arg] = true;
    }
    for (const auto& e : code.exception_table)
      if (e.target < is_target.size()) is_target[e.target] = true;
  }
  int width = 4;
  for (size_t n = code.code.size(); n >= 10000; n /= 10) ++width;
  int32_t last_line = -1;
  uint32_t ext = 0;
  for (size_t i = 0; i < code.code.size(); ++i) {
    uint32_t word = code.code[i];
    Opcode op = opcode_of(word);
    uint32_t arg = operand_of(word) | (ext << kOperandBits);
    ext = op == Opcode::EXTENDED_ARG ? operand_of(word) : 0;
    int32_t line = i < code.positions.size() ? code.positions[i].lineno : 0;
    std::string line_col = "   ";
    if (line > 0 && line != last_line) {
      if (last_line != -1) out += "\n";
      std::snprintf(buf, sizeof buf, "%3d", line);
      line_col = buf;
      last_line = line;
    }
    std::string name(opcode_name(op));
    std::string index = std::to_string(i);
    if (index.size() < static_cast<size_t>(width)) index.insert(0, static_cast<size_t>(width) - index.size(), ' ');
    if (name.size() < 20) name.resize(20, ' ');
    std::string row = line_col + "    " + (is_target[i] ? ">>" : "  ") + " " + index + " " + name;
    if (operand_kind(op) != OperandKind::None) {
      std::snprintf(buf, sizeof buf, " %5u", arg);
      row += buf;
      std::string rep = op == Opcode::EXTENDED_ARG ? "" : arg_repr(code, op, arg);
      if (!rep.empty()) row += " (" + rep + ")";
    }
    while (!row.empty() && row.back() == ' ') row.pop_back();
    out += row + "\n";
  }
  if (!code.exception_table.empty()) {
    out += "ExceptionTable:\n";
    for (const auto& e : code.exception_table) {
      std::snprintf(buf, sizeof buf, "  %u to %u -> %u [%u]%s\n", e.start, e.end - 1, e.target, e.depth,
                    e.push_lasti ? " lasti" : "");
      out += buf;
    }
  }
}

void disassemble_rec(const CodeUnit& code, std::string& out) {
  disassemble_one(code, out);
  for (const Const& c : code.consts) {
    if (c.kind() != Const::kCode || !c.get<CodeConst>()) continue;
    out += "\n";
    disassemble_rec(*c.get<CodeConst>(), out);
  }
}

}  // namespace

std::string disassemble(const CodeUnit& code) {
  std::string out;
  disassemble_rec(code, out);
  return out;
}

}  // namespace capy::compiler
