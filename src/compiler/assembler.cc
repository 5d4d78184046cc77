// Assembler: turns a unit's instruction list into a CodeUnit. Computes the exact
// stack depth by flow analysis (also giving each exception handler its depth),
// drops unreachable code, NOPs and jumps to the next instruction, lays out
// EXTENDED_ARG prefixes, resolves absolute jump targets, maps cell/free operands
// to localsplus slots and builds the exception table.
#include <algorithm>

#include "compiler/codegen.h"

namespace capy::compiler {

namespace {

constexpr int32_t kUnreached = -1;

bool has_lasti(Opcode setup) { return setup == Opcode::SETUP_CLEANUP || setup == Opcode::SETUP_WITH; }

uint32_t words_for(uint32_t arg) { return arg > kMaxInlineOperand ? 2 : 1; }

}  // namespace

CodeConst Codegen::assemble(bool add_implicit_return) {
  Unit& u = *u_;
  if (add_implicit_return) {
    unset_loc();
    load_none();
    emit(Opcode::RETURN_VALUE);
  }
  const std::vector<Instr>& in = u.instrs;
  const size_t n = in.size();
  if (n + assembled_instructions_ > options_.max_instructions) return fail("code too large"), nullptr;
  if (n == 0) return fail_system("empty code unit"), nullptr;
  auto label_pos = [&](uint32_t label) -> int64_t {
    return label < u.labels.size() ? u.labels[label] : -1;
  };

  // ---- 1. stack depth by flow analysis ------------------------------------
  std::vector<int32_t> depth(n, kUnreached);
  std::vector<uint32_t> work;
  int32_t max_depth = 0;
  bool bad = false;
  std::string why;
  auto reach = [&](int64_t target, int32_t d) {
    if (target < 0 || static_cast<size_t>(target) >= n) {
      bad = true;
      why = "jump target out of range";
      return;
    }
    auto t = static_cast<size_t>(target);
    if (depth[t] == kUnreached) {
      depth[t] = d;
      work.push_back(static_cast<uint32_t>(t));
    } else if (depth[t] != d) {
      bad = true;
      why = "inconsistent stack depth at instruction " + std::to_string(t);
    }
  };
  depth[0] = 0;
  work.push_back(0);
  while (!work.empty() && !bad) {
    size_t i = work.back();
    work.pop_back();
    int32_t d = depth[i];
    while (!bad) {
      const Instr& ins = in[i];
      int32_t next_d;
      if (is_pseudo(ins.op)) {
        HandlerNode& h = u.handlers[ins.arg];
        int32_t hd = d - (ins.op == Opcode::SETUP_WITH ? 1 : 0);
        if (h.depth == kUnreached) h.depth = hd;
        else if (h.depth != hd) bad = true, why = "inconsistent handler depth";
        int32_t td = hd + 1 + (has_lasti(ins.op) ? 1 : 0);
        max_depth = std::max(max_depth, td);
        reach(label_pos(h.label), td);
        next_d = d;
      } else {
        if (has_jump_target(ins.op)) {
          int32_t td = d + stack_effect(ins.op, ins.arg, true);
          if (td < 0) {
            bad = true;
            why = "stack underflow";
            break;
          }
          max_depth = std::max(max_depth, td);
          reach(label_pos(ins.arg), td);
        }
        next_d = d + stack_effect(ins.op, ins.arg, false);
        if (next_d < 0) {
          bad = true;
          why = "stack underflow at instruction " + std::to_string(i) + " (" + std::string(opcode_name(ins.op)) + ")";
          break;
        }
        max_depth = std::max(max_depth, next_d);
      }
      if (ends_flow(ins.op)) break;
      if (++i >= n) {
        bad = true;
        why = "control falls off the end of the code";
        break;
      }
      if (depth[i] != kUnreached) {
        if (depth[i] != next_d) bad = true, why = "inconsistent stack depth at instruction " + std::to_string(i);
        break;
      }
      depth[i] = next_d;
      d = next_d;
    }
  }
  if (bad) return fail_system("internal compiler error: " + why + " in " + u.qualname), nullptr;

  // ---- 2. choose the instructions to keep -----------------------------------
  std::vector<char> keep(n);
  for (size_t i = 0; i < n; ++i) keep[i] = depth[i] != kUnreached && !is_pseudo(in[i].op) && in[i].op != Opcode::NOP;
  // Adjacent identical SWAPs cancel out (pattern matching emits such pairs),
  // unless the second one is a jump target.
  {
    std::vector<char> is_target(n + 1, 0);
    for (size_t l = 0; l < u.labels.size(); ++l) {
      if (u.labels[l] < 0) continue;
      auto j = static_cast<size_t>(u.labels[l]);
      while (j < n && !keep[j]) ++j;
      is_target[j] = 1;
    }
    size_t prev = n;
    for (size_t i = 0; i < n; ++i) {
      if (!keep[i]) continue;
      if (is_target[i]) prev = n;
      if (prev < n && in[i].op == Opcode::SWAP && in[prev].op == Opcode::SWAP && in[i].arg == in[prev].arg &&
          in[i].handler == in[prev].handler) {
        keep[i] = keep[prev] = false;
        prev = n;
        continue;
      }
      prev = i;
    }
  }
  // Jump threading: a jump whose target is an unconditional JUMP goes straight
  // to that jump's target (for conditional jumps, FOR_ITER and SEND only when
  // that stays forward, as the encoding requires).
  std::vector<uint32_t> jump_to(n, 0);
  {
    std::vector<uint32_t> first_kept(n + 1);
    first_kept[n] = static_cast<uint32_t>(n);
    for (size_t i = n; i-- > 0;) first_kept[i] = keep[i] ? static_cast<uint32_t>(i) : first_kept[i + 1];
    for (size_t i = 0; i < n; ++i) {
      if (!keep[i] || !has_jump_target(in[i].op)) continue;
      uint32_t t = first_kept[static_cast<size_t>(label_pos(in[i].arg))];
      bool conditional = in[i].op != Opcode::JUMP;
      for (int hops = 0; in[i].op != Opcode::JUMP_BACKWARD_NO_INTERRUPT && hops < 8 && t < n && in[t].op == Opcode::JUMP;
           ++hops) {
        uint32_t t2 = first_kept[static_cast<size_t>(label_pos(in[t].arg))];
        if (t2 == t || (conditional && t2 <= i)) break;
        t = t2;
      }
      if (t >= n) return fail_system("internal compiler error: jump past the end in " + u.qualname), nullptr;
      jump_to[i] = t;
    }
  }
  // next_kept[i]: first kept instruction at or after i (n if none). A forward
  // JUMP whose target is the next kept instruction is dropped.
  std::vector<uint32_t> next_kept(n + 1);
  next_kept[n] = static_cast<uint32_t>(n);
  for (size_t i = n; i-- > 0;) {
    if (keep[i] && in[i].op == Opcode::JUMP && jump_to[i] > i && next_kept[jump_to[i]] == next_kept[i + 1])
      keep[i] = false;
    next_kept[i] = keep[i] ? static_cast<uint32_t>(i) : next_kept[i + 1];
  }
  auto target_of = [&](uint32_t label) -> uint32_t { return next_kept[static_cast<size_t>(label_pos(label))]; };
  auto jump_target = [&](size_t i) -> uint32_t { return next_kept[jump_to[i]]; };

  // ---- 3. localsplus layout and operand mapping -----------------------------
  const size_t nlocals = u.varnames.size();
  std::vector<uint32_t> deref_slot(u.cellvars.size() + u.freevars.size());
  std::vector<uint8_t> kinds(nlocals, kFastLocal);
  std::vector<std::string> extra_cells;
  for (size_t c = 0; c < u.cellvars.size(); ++c) {
    int64_t v = u.varname_index.find(u.cellvars[c]);
    if (v >= 0) {
      deref_slot[c] = static_cast<uint32_t>(v);
      kinds[static_cast<size_t>(v)] |= kFastCell;
    } else {
      deref_slot[c] = static_cast<uint32_t>(nlocals + extra_cells.size());
      extra_cells.emplace_back(u.cellvars[c]);
      kinds.push_back(kFastCell);
    }
  }
  for (size_t f = 0; f < u.freevars.size(); ++f) {
    deref_slot[u.cellvars.size() + f] = static_cast<uint32_t>(nlocals + extra_cells.size() + f);
    kinds.push_back(kFastFree);
  }
  auto operand = [&](const Instr& ins) -> uint32_t {
    switch (operand_kind(ins.op)) {
      case OperandKind::Deref: return deref_slot[ins.arg];
      default: return ins.arg;
    }
  };

  // ---- 4. layout with EXTENDED_ARG, resolving jump targets --------------------
  std::vector<uint32_t> index(n + 1, 0);   // final word index of each kept instruction
  std::vector<uint32_t> size(n, 1);
  for (bool changed = true; changed;) {
    changed = false;
    uint32_t pos = 0;
    for (size_t i = 0; i < n; ++i) {
      index[i] = pos;
      if (keep[i]) pos += size[i];
    }
    index[n] = pos;
    for (size_t i = 0; i < n; ++i) {
      if (!keep[i]) continue;
      uint32_t arg = has_jump_target(in[i].op) ? index[jump_target(i)] : operand(in[i]);
      uint32_t s = words_for(arg);
      if (s != size[i]) {
        size[i] = s;
        changed = true;
      }
    }
  }

  auto code = std::make_shared<CodeUnit>();
  code->code.reserve(index[n]);
  code->positions.reserve(index[n]);
  Position last{0, 0, 0, 0};
  for (size_t i = 0; i < n; ++i) {
    if (!keep[i]) continue;
    const Instr& ins = in[i];
    Opcode op = ins.op;
    uint32_t arg;
    if (has_jump_target(op)) {
      arg = index[jump_target(i)];
      if (arg <= index[i]) {
        if (op == Opcode::JUMP) op = Opcode::JUMP_BACKWARD;
        else if (op != Opcode::JUMP_BACKWARD && op != Opcode::JUMP_BACKWARD_NO_INTERRUPT)
          return fail_system("internal compiler error: backward conditional jump in " + u.qualname), nullptr;
      } else if (op == Opcode::JUMP_BACKWARD || op == Opcode::JUMP_BACKWARD_NO_INTERRUPT) {
        return fail_system("internal compiler error: forward JUMP_BACKWARD in " + u.qualname), nullptr;
      }
    } else {
      arg = operand(ins);
    }
    Position pos = ins.pos;
    if (pos.lineno < 0) pos = last;
    else last = pos;
    if (arg > kMaxInlineOperand) {
      code->code.push_back(encode(Opcode::EXTENDED_ARG, arg >> kOperandBits));
      code->positions.push_back(pos);
    }
    code->code.push_back(encode(op, arg & kMaxInlineOperand));
    code->positions.push_back(pos);
  }

  // ---- 5. exception table: runs of instructions with the same handler ------
  auto& table = code->exception_table;
  for (size_t i = 0; i < n; ++i) {
    if (!keep[i] || in[i].handler < 0) continue;
    const HandlerNode& node = u.handlers[static_cast<size_t>(in[i].handler)];
    if (node.depth < 0) return fail_system("internal compiler error: handler without depth"), nullptr;
    ExceptionTableEntry e;
    e.start = index[i];
    e.end = index[i] + size[i];
    e.target = index[target_of(node.label)];
    e.depth = static_cast<uint32_t>(node.depth);
    e.push_lasti = has_lasti(node.setup);
    if (!table.empty() && table.back().end == e.start && table.back().target == e.target &&
        table.back().depth == e.depth && table.back().push_lasti == e.push_lasti) {
      table.back().end = e.end;
    } else {
      table.push_back(e);
    }
  }

  // ---- 6. the rest of the unit ------------------------------------------------
  code->name = u.name;
  code->qualname = u.qualname;
  code->filename = std::string(filename_);
  code->firstlineno = u.firstlineno;
  code->argcount = u.argcount;
  code->posonlyargcount = u.posonlyargcount;
  code->kwonlyargcount = u.kwonlyargcount;
  code->flags = code_flags();
  code->stacksize = static_cast<uint32_t>(max_depth);
  code->consts = std::move(u.consts);
  code->names.assign(u.names.begin(), u.names.end());
  code->varnames.assign(u.varnames.begin(), u.varnames.end());
  code->cellvars = std::move(extra_cells);
  code->freevars.assign(u.freevars.begin(), u.freevars.end());
  code->localsplus_kinds = std::move(kinds);
  code->docstring = std::move(u.docstring);
  code->private_name = std::string(u.private_name);
  code->class_body = u.scope_type == ScopeType::Class;
  return code;
}

}  // namespace capy::compiler
