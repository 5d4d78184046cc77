// Code generation for the match statement (PEP 634), following CPython 3.11's
// compiler_match/compiler_pattern_*: subjects stay on the stack, captured values
// are rotated beneath them and stored only once the whole pattern matched.
#include <algorithm>

#include "compiler/codegen.h"

namespace capy::compiler {

using namespace syntax;

namespace {

bool is_wildcard(const Pattern* p) {
  return p->kind == PatternKind::MatchAs && p->cast<MatchAs>().pattern == nullptr && p->cast<MatchAs>().name.empty();
}

bool is_wildcard_star(const Pattern* p) {
  return p->kind == PatternKind::MatchStar && p->cast<MatchStar>().name.empty();
}

}  // namespace

void Codegen::ensure_fail_pop(PatternContext& pc, size_t n) {
  while (pc.fail_pop.size() < n + 1) pc.fail_pop.push_back(new_label());
}

void Codegen::jump_to_fail_pop(PatternContext& pc, Opcode op) {
  // Pop the items on top of the stack plus the captures collected so far.
  size_t pops = pc.on_top + pc.stores.size();
  ensure_fail_pop(pc, pops);
  emit_jump(op, pc.fail_pop[pops]);
}

void Codegen::emit_and_reset_fail_pop(PatternContext& pc) {
  if (pc.fail_pop.empty()) return;
  for (size_t i = pc.fail_pop.size() - 1; i > 0; --i) {
    bind(pc.fail_pop[i]);
    emit(Opcode::POP_TOP);
  }
  bind(pc.fail_pop[0]);
  pc.fail_pop.clear();
}

void Codegen::pattern_helper_rotate(size_t count) {
  while (count > 1) emit(Opcode::SWAP, static_cast<uint32_t>(count--));
}

bool Codegen::pattern_helper_store_name(std::string_view name, bool has_name, PatternContext& pc) {
  if (!has_name) {
    emit(Opcode::POP_TOP);
    return true;
  }
  if (forbidden_name(name, ExprContext::Store)) return false;
  if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end())
    return fail("multiple assignments to name '" + std::string(name) + "' in pattern");
  // Rotate the value beneath the items that must stay on top.
  pattern_helper_rotate(pc.on_top + pc.stores.size() + 1);
  pc.stores.push_back(name);
  return true;
}

bool Codegen::pattern_unpack_helper(Seq<Pattern*> elts) {
  size_t n = elts.size();
  bool seen_star = false;
  for (size_t i = 0; i < n; ++i) {
    if (elts[i]->kind != PatternKind::MatchStar) continue;
    if (seen_star) return fail("multiple starred expressions in sequence pattern");
    if (i >= (1u << 8) || n - i - 1 >= (INT32_MAX >> 8))
      return fail("too many expressions in star-unpacking sequence pattern");
    emit(Opcode::UNPACK_EX, static_cast<uint32_t>(i + ((n - i - 1) << 8)));
    seen_star = true;
  }
  if (!seen_star) emit(Opcode::UNPACK_SEQUENCE, static_cast<uint32_t>(n));
  return true;
}

bool Codegen::pattern_helper_sequence_unpack(Seq<Pattern*> patterns, PatternContext& pc) {
  CAPY_CTRY(pattern_unpack_helper(patterns));
  size_t size = patterns.size();
  // The new subjects stay on the stack while each subpattern is matched.
  pc.on_top += size;
  for (const Pattern* p : patterns) {
    pc.on_top--;
    CAPY_CTRY(pattern_subpattern(p, pc));
  }
  return true;
}

bool Codegen::pattern_helper_sequence_subscr(Seq<Pattern*> patterns, size_t star, PatternContext& pc) {
  // Keep the subject around for extracting elements with BINARY_SUBSCR.
  pc.on_top++;
  size_t size = patterns.size();
  for (size_t i = 0; i < size; ++i) {
    const Pattern* p = patterns[i];
    if (is_wildcard(p) || i == star) continue;
    emit(Opcode::COPY, 1);
    if (i < star) {
      load_const(Const{static_cast<int64_t>(i)});
    } else {
      // The subject may not support negative indexing: compute len - k.
      emit(Opcode::GET_LEN);
      load_const(Const{static_cast<int64_t>(size - i)});
      emit(Opcode::BINARY_OP, static_cast<uint32_t>(NbOp::Subtract));
    }
    emit(Opcode::BINARY_SUBSCR);
    CAPY_CTRY(pattern_subpattern(p, pc));
  }
  pc.on_top--;
  emit(Opcode::POP_TOP);
  return true;
}

bool Codegen::pattern_subpattern(const Pattern* p, PatternContext& pc) {
  bool allow = pc.allow_irrefutable;
  pc.allow_irrefutable = true;
  CAPY_CTRY(pattern(p, pc));
  pc.allow_irrefutable = allow;
  return true;
}

bool Codegen::pattern_as(const MatchAs* p, PatternContext& pc) {
  bool has_name = !p->name.empty();
  if (p->pattern == nullptr) {
    if (!pc.allow_irrefutable) {
      if (has_name) return fail("name capture '" + p->name + "' makes remaining patterns unreachable");
      return fail("wildcard makes remaining patterns unreachable");
    }
    return pattern_helper_store_name(p->name, has_name, pc);
  }
  // Keep a copy to store if the inner pattern matches.
  pc.on_top++;
  emit(Opcode::COPY, 1);
  CAPY_CTRY(pattern(p->pattern, pc));
  pc.on_top--;
  return pattern_helper_store_name(p->name, has_name, pc);
}

bool Codegen::pattern_class(const MatchClass* p, PatternContext& pc) {
  size_t nargs = p->patterns.size(), nattrs = p->kwd_attrs.size();
  if (nattrs != p->kwd_patterns.size()) return fail_system("kwd_attrs / kwd_patterns length mismatch in class pattern");
  for (size_t i = 0; i < nattrs; ++i) {
    set_loc(p->kwd_patterns[i]->pos);
    if (forbidden_name(p->kwd_attrs[i], ExprContext::Store)) return false;
    for (size_t j = i + 1; j < nattrs; ++j) {
      if (p->kwd_attrs[i] == p->kwd_attrs[j]) {
        set_loc(p->kwd_patterns[j]->pos);
        return fail("attribute name repeated in class pattern: " + p->kwd_attrs[i]);
      }
    }
  }
  set_loc(p->pos);
  CAPY_CTRY(visit_expr(p->cls));
  TupleConst names;
  for (const Identifier& a : p->kwd_attrs) names.items.push_back(Const{a});
  load_const(Const{std::move(names)});
  emit(Opcode::MATCH_CLASS, static_cast<uint32_t>(nargs));
  emit(Opcode::COPY, 1);
  // TOS is now a tuple of (nargs + nattrs) attributes (or None).
  pc.on_top++;
  jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_NONE);
  emit(Opcode::UNPACK_SEQUENCE, static_cast<uint32_t>(nargs + nattrs));
  pc.on_top += nargs + nattrs - 1;
  for (size_t i = 0; i < nargs + nattrs; ++i) {
    pc.on_top--;
    const Pattern* sub = i < nargs ? p->patterns[i] : p->kwd_patterns[i - nargs];
    if (is_wildcard(sub)) {
      emit(Opcode::POP_TOP);
      continue;
    }
    CAPY_CTRY(pattern_subpattern(sub, pc));
  }
  return true;
}

bool Codegen::pattern_mapping(const MatchMapping* p, PatternContext& pc) {
  size_t size = p->keys.size();
  if (size != p->patterns.size()) return fail_system("keys / patterns length mismatch in mapping pattern");
  bool has_rest = !p->rest.empty();
  // The subject stays on top during the mapping and length checks.
  pc.on_top++;
  emit(Opcode::MATCH_MAPPING);
  jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
  if (size == 0 && !has_rest) {
    pc.on_top--;
    emit(Opcode::POP_TOP);
    return true;
  }
  if (size) {
    emit(Opcode::GET_LEN);
    load_const(Const{static_cast<int64_t>(size)});
    emit(Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::Ge));
    jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
  }
  // Keys are literals (checked for duplicates) or attribute lookups.
  std::vector<Const> seen;
  for (size_t i = 0; i < size; ++i) {
    const Expr* key = p->keys[i];
    if (key == nullptr) {
      set_loc(p->patterns[i]->pos);
      return fail_system("can't use NULL keys in MatchMapping (set 'rest' parameter instead)");
    }
    Const c;
    if (key->kind != ExprKind::Attribute && fold(key, c)) {
      for (const Const& s : seen) {
        if (const_identical(s, c)) return fail("mapping pattern checks duplicate key (" + const_repr(c) + ")");
      }
      seen.push_back(c);
      Position saved = u_->loc;
      set_loc(key->pos);
      load_const(std::move(c));
      u_->loc = saved;
    } else if (key->kind == ExprKind::Attribute) {
      CAPY_CTRY(visit_expr(key));
    } else {
      return fail("mapping pattern keys may only match literals and attribute lookups");
    }
  }
  set_loc(p->pos);
  emit(Opcode::BUILD_TUPLE, static_cast<uint32_t>(size));
  emit(Opcode::MATCH_KEYS);
  // A tuple of keys and a tuple of values (or None) are now above the subject.
  pc.on_top += 2;
  emit(Opcode::COPY, 1);
  jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_NONE);
  emit(Opcode::UNPACK_SEQUENCE, static_cast<uint32_t>(size));
  pc.on_top += size - 1;
  for (const Pattern* sub : p->patterns) {
    pc.on_top--;
    CAPY_CTRY(pattern_subpattern(sub, pc));
  }
  // It matched: what follows consumes the keys tuple and the subject.
  pc.on_top -= 2;
  if (has_rest) {
    // rest = dict(subject); for key in keys: del rest[key]
    emit(Opcode::BUILD_MAP, 0);          // [subject, keys, empty]
    emit(Opcode::SWAP, 3);               // [empty, keys, subject]
    emit(Opcode::DICT_UPDATE, 2);        // [copy, keys]
    emit(Opcode::UNPACK_SEQUENCE, static_cast<uint32_t>(size));  // [copy, keys...]
    size_t k = size;
    while (k) {
      emit(Opcode::COPY, static_cast<uint32_t>(1 + k--));  // [copy, keys..., copy]
      emit(Opcode::SWAP, 2);                                 // [copy, keys..., copy, key]
      emit(Opcode::DELETE_SUBSCR);                           // [copy, keys...]
    }
    return pattern_helper_store_name(p->rest, true, pc);
  }
  emit(Opcode::POP_TOP);  // keys
  emit(Opcode::POP_TOP);  // subject
  return true;
}

bool Codegen::pattern_or(const MatchOr* p, PatternContext& pc) {
  uint32_t end = new_label();
  size_t size = p->patterns.size();
  PatternContext old_pc = pc;
  std::vector<std::string_view> control;
  for (size_t i = 0; i < size; ++i) {
    const Pattern* alt = p->patterns[i];
    set_loc(alt->pos);
    pc.stores.clear();
    pc.allow_irrefutable = (i == size - 1) && old_pc.allow_irrefutable;
    pc.fail_pop.clear();
    pc.on_top = 0;
    emit(Opcode::COPY, 1);
    CAPY_CTRY(pattern(alt, pc));
    size_t nstores = pc.stores.size();
    if (i == 0) {
      control = pc.stores;
    } else if (nstores != control.size()) {
      return fail("alternative patterns bind different names");
    } else if (nstores) {
      // Reorder the captured values to match the first alternative's order.
      for (size_t icontrol = nstores; icontrol-- > 0;) {
        std::string_view name = control[icontrol];
        auto it = std::find(pc.stores.begin(), pc.stores.end(), name);
        if (it == pc.stores.end()) return fail("alternative patterns bind different names");
        size_t istores = static_cast<size_t>(it - pc.stores.begin());
        if (icontrol != istores) {
          size_t rotations = istores + 1;
          // rotated = stores[:rotations]; del stores[:rotations];
          // stores[icontrol-istores:icontrol-istores] = rotated
          std::vector<std::string_view> rotated(pc.stores.begin(), pc.stores.begin() + static_cast<ptrdiff_t>(rotations));
          pc.stores.erase(pc.stores.begin(), pc.stores.begin() + static_cast<ptrdiff_t>(rotations));
          pc.stores.insert(pc.stores.begin() + static_cast<ptrdiff_t>(icontrol - istores), rotated.begin(), rotated.end());
          while (rotations--) pattern_helper_rotate(icontrol + 1);
        }
      }
    }
    emit_jump(Opcode::JUMP, end);
    emit_and_reset_fail_pop(pc);
  }
  pc = old_pc;
  // No alternative matched: pop the remaining copy of the subject and fail.
  emit(Opcode::POP_TOP);
  jump_to_fail_pop(pc, Opcode::JUMP);
  bind(end);
  size_t nstores = control.size();
  // Rotate each new capture beneath the other stores, the subject copy, the
  // items on top and the previous captures.
  size_t nrots = nstores + 1 + pc.on_top + pc.stores.size();
  for (size_t i = 0; i < nstores; ++i) {
    pattern_helper_rotate(nrots);
    std::string_view name = control[i];
    if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end())
      return fail("multiple assignments to name '" + std::string(name) + "' in pattern");
    pc.stores.push_back(name);
  }
  emit(Opcode::POP_TOP);  // the copy of the subject
  return true;
}

bool Codegen::pattern_sequence(const MatchSequence* p, PatternContext& pc) {
  Seq<Pattern*> patterns = p->patterns;
  size_t size = patterns.size();
  size_t star = SIZE_MAX;
  bool only_wildcard = true, star_wildcard = false;
  for (size_t i = 0; i < size; ++i) {
    const Pattern* sub = patterns[i];
    if (sub->kind == PatternKind::MatchStar) {
      if (star != SIZE_MAX) return fail("multiple starred names in sequence pattern");
      star_wildcard = is_wildcard_star(sub);
      only_wildcard &= star_wildcard;
      star = i;
      continue;
    }
    only_wildcard &= is_wildcard(sub);
  }
  pc.on_top++;
  emit(Opcode::MATCH_SEQUENCE);
  jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
  if (star == SIZE_MAX) {
    emit(Opcode::GET_LEN);
    load_const(Const{static_cast<int64_t>(size)});
    emit(Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::Eq));
    jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
  } else if (size > 1) {
    // A star: len(subject) >= size - 1 (UNPACK_EX must not see a short subject).
    emit(Opcode::GET_LEN);
    load_const(Const{static_cast<int64_t>(size - 1)});
    emit(Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::Ge));
    jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
  }
  pc.on_top--;
  if (only_wildcard) {
    emit(Opcode::POP_TOP);
    return true;
  }
  if (star_wildcard) return pattern_helper_sequence_subscr(patterns, star, pc);
  return pattern_helper_sequence_unpack(patterns, pc);
}

bool Codegen::pattern_value(const MatchValue* p, PatternContext& pc) {
  const Expr* value = p->value;
  Const c;
  if (value->kind == ExprKind::Attribute) {
    CAPY_CTRY(visit_expr(value));
  } else if (fold(value, c)) {
    load_const(std::move(c));
  } else {
    return fail("patterns may only match literals and attribute lookups");
  }
  set_loc(p->pos);
  emit(Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::Eq));
  jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
  return true;
}

bool Codegen::pattern(const Pattern* p, PatternContext& pc) {
  DepthGuard guard(depth_);
  if (!depth_ok()) return too_deep();
  set_loc(p->pos);
  switch (p->kind) {
    case PatternKind::MatchValue:
      return pattern_value(&p->cast<MatchValue>(), pc);
    case PatternKind::MatchSingleton:
      load_const(const_from_ast(p->cast<MatchSingleton>().value));
      emit(Opcode::IS_OP, 0);
      jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
      return true;
    case PatternKind::MatchSequence:
      return pattern_sequence(&p->cast<MatchSequence>(), pc);
    case PatternKind::MatchMapping:
      return pattern_mapping(&p->cast<MatchMapping>(), pc);
    case PatternKind::MatchClass:
      return pattern_class(&p->cast<MatchClass>(), pc);
    case PatternKind::MatchStar: {
      const auto& s = p->cast<MatchStar>();
      return pattern_helper_store_name(s.name, !s.name.empty(), pc);
    }
    case PatternKind::MatchAs:
      return pattern_as(&p->cast<MatchAs>(), pc);
    case PatternKind::MatchOr:
      return pattern_or(&p->cast<MatchOr>(), pc);
  }
  return fail_system("unknown pattern kind");
}

bool Codegen::match_stmt(const Match* s) {
  CAPY_CTRY(visit_expr(s->subject));
  uint32_t end = new_label();
  size_t cases = s->cases.size();
  if (cases == 0) return fail_system("match statement without cases");
  const MatchCase* last = s->cases[cases - 1];
  bool has_default = is_wildcard(last->pattern) && cases > 1;
  PatternContext pc;
  for (size_t i = 0; i < cases - (has_default ? 1 : 0); ++i) {
    const MatchCase* m = s->cases[i];
    set_loc(m->pattern->pos);
    bool not_last = i != cases - (has_default ? 1 : 0) - 1;
    // Only copy the subject if this is not the last case.
    if (not_last) emit(Opcode::COPY, 1);
    pc.stores.clear();
    // Irrefutable cases must be either guarded, last, or both.
    pc.allow_irrefutable = m->guard != nullptr || i == cases - 1;
    pc.fail_pop.clear();
    pc.on_top = 0;
    CAPY_CTRY(pattern(m->pattern, pc));
    // It matched: store the captured names (they are on the stack).
    for (std::string_view name : pc.stores) CAPY_CTRY(nameop(name, ExprContext::Store));
    if (m->guard) {
      ensure_fail_pop(pc, 0);
      CAPY_CTRY(jump_if(m->guard, pc.fail_pop[0], false));
    }
    if (not_last) emit(Opcode::POP_TOP);  // the subject
    CAPY_CTRY(visit_stmts(m->body));
    unset_loc();
    emit_jump(Opcode::JUMP, end);
    set_loc(m->pattern->pos);
    emit_and_reset_fail_pop(pc);
  }
  if (has_default) {
    set_loc(last->pattern->pos);
    if (cases == 1) emit(Opcode::POP_TOP);
    if (last->guard) CAPY_CTRY(jump_if(last->guard, end, false));
    CAPY_CTRY(visit_stmts(last->body));
  }
  bind(end);
  return true;
}

}  // namespace capy::compiler
