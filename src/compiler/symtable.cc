// Scope analysis, following CPython 3.11's Python/symtable.c: a first pass records
// how each block uses each name, a second pass resolves scopes (local, global,
// free, cell) top-down, passing the sets of bound and global names to children.
#include "compiler/symtable.h"

#include <algorithm>
#include <string>

#include "support/stack_limit.h"

namespace capy::compiler {

using namespace syntax;

namespace {

// CPython's symtable.c error messages.
constexpr const char* kGlobalParam = "name '%s' is parameter and global";
constexpr const char* kNonlocalParam = "name '%s' is parameter and nonlocal";
constexpr const char* kGlobalAfterAssign = "name '%s' is assigned to before global declaration";
constexpr const char* kNonlocalAfterAssign = "name '%s' is assigned to before nonlocal declaration";
constexpr const char* kGlobalAfterUse = "name '%s' is used prior to global declaration";
constexpr const char* kNonlocalAfterUse = "name '%s' is used prior to nonlocal declaration";
constexpr const char* kGlobalAnnot = "annotated name '%s' can't be global";
constexpr const char* kNonlocalAnnot = "annotated name '%s' can't be nonlocal";
constexpr const char* kImportStar = "import * only allowed at module level";
constexpr const char* kNamedExprCompInClass =
    "assignment expression within a comprehension cannot be used in a class body";
constexpr const char* kNamedExprCompConflict =
    "assignment expression cannot rebind comprehension iteration variable '%s'";
constexpr const char* kNamedExprCompInnerLoopConflict =
    "comprehension inner loop cannot rebind assignment expression target '%s'";
constexpr const char* kNamedExprCompIterExpr =
    "assignment expression cannot be used in a comprehension iterable expression";
constexpr const char* kAnnotationNotAllowed = "'%s' can not be used within an annotation";
constexpr const char* kDuplicateArgument = "duplicate argument '%s' in function definition";

std::string format1(const char* fmt, std::string_view arg) {
  std::string out;
  for (const char* p = fmt; *p; ++p) {
    if (p[0] == '%' && p[1] == 's') {
      out.append(arg);
      ++p;
    } else {
      out += *p;
    }
  }
  return out;
}

// A set of names (views stay valid for the whole compilation).
using NameSet = NameMap;

void set_union(NameSet& into, const NameSet& from) {
  from.for_each([&](std::string_view k, uint32_t) { into.insert(k, 0); });
}

}  // namespace

std::string_view mangle(std::string_view priv, std::string_view ident, support::Arena& arena) {
  if (priv.empty() || ident.size() < 2 || ident[0] != '_' || ident[1] != '_') return ident;
  if ((ident.size() >= 2 && ident[ident.size() - 1] == '_' && ident[ident.size() - 2] == '_') ||
      ident.find('.') != std::string_view::npos)
    return ident;
  size_t skip = 0;
  while (skip < priv.size() && priv[skip] == '_') ++skip;
  if (skip == priv.size()) return ident;
  std::string m;
  m.reserve(1 + priv.size() - skip + ident.size());
  m += '_';
  m.append(priv.substr(skip));
  m.append(ident);
  return arena.copy_string(m);
}

// ---------------------------------------------------------------------------
// First pass: collect definitions and uses.
// ---------------------------------------------------------------------------

class SymtableBuilder {
 public:
  explicit SymtableBuilder(SymbolTable& st)
      : st_(st), stack_limit_(support::stack_limit_for(st.max_stack_bytes_)) {}

  bool run(const Mod* mod);

 private:
  bool fail(std::string message, const Pos& pos, CompileErrorKind kind = CompileErrorKind::SyntaxError) {
    if (!failed_) {
      failed_ = true;
      st_.error_.kind = kind;
      st_.error_.message = std::move(message);
      st_.error_.filename = std::string(st_.filename_);
      st_.error_.pos = pos;
    }
    return false;
  }
  bool too_deep(const Pos& pos) {
    return fail("maximum recursion depth exceeded during compilation", pos, CompileErrorKind::RecursionError);
  }

  SymbolBlock* enter_block(std::string_view name, BlockType type, const void* node, const Pos& pos) {
    auto block = std::make_unique<SymbolBlock>();
    SymbolBlock* b = block.get();
    b->type = type;
    b->name = name;
    b->node = node;
    b->pos = pos;
    if (cur_ != nullptr) {
      if (cur_->nested || cur_->type == BlockType::Function) b->nested = true;
      cur_->children.push_back(b);
    }
    st_.blocks_.push_back(std::move(block));
    if (node != nullptr && type != BlockType::Annotation) st_.by_node_.emplace_back(node, b);
    stack_.push_back(b);
    cur_ = b;
    return b;
  }
  void exit_block() {
    stack_.pop_back();
    cur_ = stack_.empty() ? nullptr : stack_.back();
  }

  std::string_view mangled(std::string_view name) { return mangle(private_, name, st_.arena_); }

  uint32_t lookup(std::string_view name) { return cur_->flags_of(mangled(name)); }

  bool add_def_helper(std::string_view name, uint32_t flag, SymbolBlock* block, const Pos& pos) {
    std::string_view m = mangled(name);
    uint32_t val;
    int64_t idx = block->index.find(m);
    if (idx >= 0) {
      val = block->symbols[static_cast<size_t>(idx)].flags;
      if ((flag & kDefParam) && (val & kDefParam)) return fail(format1(kDuplicateArgument, name), pos);
      val |= flag;
    } else {
      val = flag;
    }
    if (block->comp_iter_target) {
      if (val & (kDefGlobal | kDefNonlocal)) return fail(format1(kNamedExprCompInnerLoopConflict, name), pos);
      val |= kDefCompIter;
    }
    if (idx >= 0) {
      block->symbols[static_cast<size_t>(idx)].flags = val;
    } else {
      block->index.insert(m, static_cast<uint32_t>(block->symbols.size()));
      block->symbols.push_back(Symbol{m, val, Scope::Unknown, {}});
    }
    if (flag & kDefParam) {
      block->params.push_back(m);
    } else if (flag & kDefGlobal) {
      SymbolBlock* top = st_.top_;
      if (top != block) {
        int64_t t = top->index.find(m);
        if (t >= 0) {
          top->symbols[static_cast<size_t>(t)].flags |= flag;
        } else {
          top->index.insert(m, static_cast<uint32_t>(top->symbols.size()));
          top->symbols.push_back(Symbol{m, flag, Scope::Unknown, {}});
        }
      }
    }
    return true;
  }
  bool add_def(std::string_view name, uint32_t flag, const Pos& pos) { return add_def_helper(name, flag, cur_, pos); }

  // Errors about a name point at its first global/nonlocal directive (CPython's error_at_directive).
  void record_directive(std::string_view name, const Pos& pos) {
    int64_t idx = cur_->index.find(mangled(name));
    if (idx >= 0 && cur_->symbols[static_cast<size_t>(idx)].directive.lineno == 0)
      cur_->symbols[static_cast<size_t>(idx)].directive = pos;
  }

  bool visit_stmts(Seq<Stmt*> stmts) {
    for (const Stmt* s : stmts)
      if (!visit_stmt(s)) return false;
    return true;
  }
  bool visit_exprs(Seq<Expr*> exprs) {
    for (const Expr* e : exprs)
      if (e != nullptr && !visit_expr(e)) return false;
    return true;
  }
  bool visit_stmt(const Stmt* s);
  bool visit_expr(const Expr* e);
  bool visit_pattern(const Pattern* p);
  bool visit_params(Seq<Arg*> args) {
    for (const Arg* a : args)
      if (!add_def(a->arg, kDefParam, a->pos)) return false;
    return true;
  }
  bool visit_arguments(const Arguments* a) {
    if (!visit_params(a->posonlyargs) || !visit_params(a->args) || !visit_params(a->kwonlyargs)) return false;
    if (a->vararg) {
      if (!add_def(a->vararg->arg, kDefParam, a->vararg->pos)) return false;
      cur_->varargs = true;
    }
    if (a->kwarg) {
      if (!add_def(a->kwarg->arg, kDefParam, a->kwarg->pos)) return false;
      cur_->varkeywords = true;
    }
    return true;
  }
  bool visit_annotation(const Expr* annotation) {
    bool future = st_.future_.annotations;
    if (future) enter_block("_annotation", BlockType::Annotation, annotation, annotation->pos);
    bool ok = visit_expr(annotation);
    if (future) exit_block();
    return ok;
  }
  bool visit_argannotations(Seq<Arg*> args) {
    for (const Arg* a : args)
      if (a->annotation && !visit_expr(a->annotation)) return false;
    return true;
  }
  bool visit_annotations(const Stmt* o, const Arguments* a, const Expr* returns) {
    bool future = st_.future_.annotations;
    if (future) enter_block("_annotation", BlockType::Annotation, o, o->pos);
    bool ok = visit_argannotations(a->posonlyargs) && visit_argannotations(a->args) &&
              (!a->vararg || !a->vararg->annotation || visit_expr(a->vararg->annotation)) &&
              (!a->kwarg || !a->kwarg->annotation || visit_expr(a->kwarg->annotation)) &&
              visit_argannotations(a->kwonlyargs);
    if (future) exit_block();
    if (!ok) return false;
    return returns == nullptr || visit_annotation(returns);
  }
  bool visit_alias(const Alias* a) {
    std::string_view name = a->asname.empty() ? std::string_view(a->name) : std::string_view(a->asname);
    size_t dot = name.find('.');
    std::string_view store = dot == std::string_view::npos ? name : name.substr(0, dot);
    if (name != "*") return add_def(store, kDefImport, a->pos);
    if (cur_->type != BlockType::Module) return fail(kImportStar, a->pos);
    return true;
  }
  bool raise_if_annotation_block(const char* what, const Expr* e) {
    if (cur_->type != BlockType::Annotation) return true;
    return fail(format1(kAnnotationNotAllowed, what), e->pos);
  }
  bool raise_if_comprehension_block(const Expr* e) {
    const char* msg = "'yield' inside generator expression";
    switch (cur_->comprehension) {
      case ComprehensionType::List: msg = "'yield' inside list comprehension"; break;
      case ComprehensionType::Set: msg = "'yield' inside set comprehension"; break;
      case ComprehensionType::Dict: msg = "'yield' inside dict comprehension"; break;
      default: break;
    }
    return fail(msg, e->pos);
  }
  bool extend_namedexpr_scope(const Name* target);
  bool handle_namedexpr(const NamedExpr* e);
  bool handle_comprehension(const Expr* e, std::string_view scope_name, Seq<Comprehension*> generators,
                            const Expr* elt, const Expr* value);
  bool visit_comprehension(const Comprehension* lc) {
    cur_->comp_iter_target = true;
    bool ok = visit_expr(lc->target);
    cur_->comp_iter_target = false;
    if (!ok) return false;
    cur_->comp_iter_expr++;
    ok = visit_expr(lc->iter);
    cur_->comp_iter_expr--;
    if (!ok || !visit_exprs(lc->ifs)) return false;
    if (lc->is_async) cur_->coroutine = true;
    return true;
  }

  SymbolTable& st_;
  std::vector<SymbolBlock*> stack_;
  SymbolBlock* cur_ = nullptr;
  std::string_view private_;
  int depth_ = 0;
  const char* stack_limit_;
  bool failed_ = false;

  bool depth_ok() const { return depth_ <= st_.max_depth_ && support::current_stack_address() > stack_limit_; }

  struct DepthGuard {
    int& d;
    explicit DepthGuard(int& depth) : d(depth) { ++d; }
    ~DepthGuard() { --d; }
  };
};

bool SymtableBuilder::visit_stmt(const Stmt* s) {
  DepthGuard guard(depth_);
  if (!depth_ok()) return too_deep(s->pos);
  switch (s->kind) {
    case StmtKind::FunctionDef:
    case StmtKind::AsyncFunctionDef: {
      const auto& f = static_cast<const FunctionDefBase&>(*s);
      if (f.args == nullptr) return fail("malformed AST node", s->pos, CompileErrorKind::SystemError);
      if (!add_def(f.name, kDefLocal, s->pos)) return false;
      if (!visit_exprs(f.args->defaults) || !visit_exprs(f.args->kw_defaults)) return false;
      if (!visit_annotations(s, f.args, f.returns)) return false;
      if (!visit_exprs(f.decorator_list)) return false;
      enter_block(f.name, BlockType::Function, s, s->pos);
      if (s->kind == StmtKind::AsyncFunctionDef) {
        cur_->coroutine = true;
        cur_->is_async_def = true;
      }
      if (!visit_arguments(f.args) || !visit_stmts(f.body)) return false;
      exit_block();
      return true;
    }
    case StmtKind::ClassDef: {
      const auto& c = s->cast<ClassDef>();
      if (!add_def(c.name, kDefLocal, s->pos)) return false;
      if (!visit_exprs(c.bases)) return false;
      for (const Keyword* k : c.keywords)
        if (!visit_expr(k->value)) return false;
      if (!visit_exprs(c.decorator_list)) return false;
      enter_block(c.name, BlockType::Class, s, s->pos);
      std::string_view saved = private_;
      private_ = c.name;
      bool ok = visit_stmts(c.body);
      private_ = saved;
      if (!ok) return false;
      exit_block();
      return true;
    }
    case StmtKind::Return: {
      const auto& r = s->cast<Return>();
      return r.value == nullptr || visit_expr(r.value);
    }
    case StmtKind::Delete:
      return visit_exprs(s->cast<Delete>().targets);
    case StmtKind::Assign: {
      const auto& a = s->cast<Assign>();
      return visit_exprs(a.targets) && visit_expr(a.value);
    }
    case StmtKind::AnnAssign: {
      const auto& a = s->cast<AnnAssign>();
      if (const Name* n = a.target->as<Name>()) {
        uint32_t cur = lookup(n->id);
        if ((cur & (kDefGlobal | kDefNonlocal)) && cur_ != st_.top_ && a.simple) {
          return fail(format1((cur & kDefGlobal) ? kGlobalAnnot : kNonlocalAnnot, n->id), s->pos);
        }
        if (a.simple) {
          if (!add_def(n->id, kDefAnnot | kDefLocal, n->pos)) return false;
        } else if (a.value && !add_def(n->id, kDefLocal, n->pos)) {
          return false;
        }
      } else if (!visit_expr(a.target)) {
        return false;
      }
      if (!visit_annotation(a.annotation)) return false;
      return a.value == nullptr || visit_expr(a.value);
    }
    case StmtKind::AugAssign: {
      const auto& a = s->cast<AugAssign>();
      return visit_expr(a.target) && visit_expr(a.value);
    }
    case StmtKind::For:
    case StmtKind::AsyncFor: {
      const auto& f = static_cast<const ForBase&>(*s);
      return visit_expr(f.target) && visit_expr(f.iter) && visit_stmts(f.body) && visit_stmts(f.orelse);
    }
    case StmtKind::While: {
      const auto& w = s->cast<While>();
      return visit_expr(w.test) && visit_stmts(w.body) && visit_stmts(w.orelse);
    }
    case StmtKind::If: {
      // elif chains are walked iteratively so that long chains do not count as nesting.
      const Stmt* cur = s;
      while (true) {
        const auto& i = cur->cast<If>();
        if (!visit_expr(i.test) || !visit_stmts(i.body)) return false;
        if (i.orelse.size() == 1 && i.orelse[0]->kind == StmtKind::If) {
          cur = i.orelse[0];
          continue;
        }
        return visit_stmts(i.orelse);
      }
    }
    case StmtKind::With:
    case StmtKind::AsyncWith: {
      const auto& w = static_cast<const WithBase&>(*s);
      for (const WithItem* item : w.items) {
        if (!visit_expr(item->context_expr)) return false;
        if (item->optional_vars && !visit_expr(item->optional_vars)) return false;
      }
      return visit_stmts(w.body);
    }
    case StmtKind::Match: {
      const auto& m = s->cast<Match>();
      if (!visit_expr(m.subject)) return false;
      for (const MatchCase* c : m.cases) {
        if (!visit_pattern(c->pattern)) return false;
        if (c->guard && !visit_expr(c->guard)) return false;
        if (!visit_stmts(c->body)) return false;
      }
      return true;
    }
    case StmtKind::Raise: {
      const auto& r = s->cast<Raise>();
      return (r.exc == nullptr || visit_expr(r.exc)) && (r.cause == nullptr || visit_expr(r.cause));
    }
    case StmtKind::Try:
    case StmtKind::TryStar: {
      const auto& t = static_cast<const TryBase&>(*s);
      if (!visit_stmts(t.body) || !visit_stmts(t.orelse)) return false;
      for (const ExceptHandler* h : t.handlers) {
        if (h->type && !visit_expr(h->type)) return false;
        if (!h->name.empty() && !add_def(h->name, kDefLocal, h->pos)) return false;
        if (!visit_stmts(h->body)) return false;
      }
      return visit_stmts(t.finalbody);
    }
    case StmtKind::Assert: {
      const auto& a = s->cast<Assert>();
      return visit_expr(a.test) && (a.msg == nullptr || visit_expr(a.msg));
    }
    case StmtKind::Import:
      for (const Alias* a : s->cast<Import>().names)
        if (!visit_alias(a)) return false;
      return true;
    case StmtKind::ImportFrom:
      for (const Alias* a : s->cast<ImportFrom>().names)
        if (!visit_alias(a)) return false;
      return true;
    case StmtKind::Global:
    case StmtKind::Nonlocal: {
      bool is_global = s->kind == StmtKind::Global;
      Seq<Identifier> names = is_global ? s->cast<Global>().names : s->cast<Nonlocal>().names;
      for (const Identifier& name : names) {
        uint32_t cur = lookup(name);
        if (cur & (kDefParam | kDefLocal | kUse | kDefAnnot)) {
          const char* msg;
          if (cur & kDefParam) msg = is_global ? kGlobalParam : kNonlocalParam;
          else if (cur & kUse) msg = is_global ? kGlobalAfterUse : kNonlocalAfterUse;
          else if (cur & kDefAnnot) msg = is_global ? kGlobalAnnot : kNonlocalAnnot;
          else msg = is_global ? kGlobalAfterAssign : kNonlocalAfterAssign;
          return fail(format1(msg, name), s->pos);
        }
        if (!add_def(name, is_global ? kDefGlobal : kDefNonlocal, s->pos)) return false;
        record_directive(name, s->pos);
      }
      return true;
    }
    case StmtKind::ExprStmt:
      return visit_expr(s->cast<ExprStmt>().value);
    case StmtKind::Pass:
    case StmtKind::Break:
    case StmtKind::Continue:
      return true;
  }
  return fail("unknown statement kind", s->pos, CompileErrorKind::SystemError);
}

bool SymtableBuilder::extend_namedexpr_scope(const Name* target) {
  std::string_view name = target->id;
  for (size_t i = stack_.size(); i-- > 0;) {
    SymbolBlock* ste = stack_[i];
    if (ste->comprehension != ComprehensionType::None) {
      if (ste->flags_of(mangled(name)) & kDefCompIter) return fail(format1(kNamedExprCompConflict, name), target->pos);
      continue;
    }
    if (ste->type == BlockType::Function) {
      uint32_t in_scope = ste->flags_of(mangled(name));
      if (!add_def(name, (in_scope & kDefGlobal) ? kDefGlobal : kDefNonlocal, target->pos)) return false;
      record_directive(name, target->pos);
      return add_def_helper(name, kDefLocal, ste, target->pos);
    }
    if (ste->type == BlockType::Module) {
      if (!add_def(name, kDefGlobal, target->pos)) return false;
      record_directive(name, target->pos);
      return add_def_helper(name, kDefGlobal, ste, target->pos);
    }
    if (ste->type == BlockType::Class) return fail(kNamedExprCompInClass, target->pos);
  }
  return fail("named expression without an enclosing scope", target->pos, CompileErrorKind::SystemError);
}

bool SymtableBuilder::handle_namedexpr(const NamedExpr* e) {
  if (cur_->comp_iter_expr > 0) return fail(kNamedExprCompIterExpr, e->pos);
  if (cur_->comprehension != ComprehensionType::None) {
    const Name* target = e->target->as<Name>();
    if (target == nullptr) return fail("named expression target must be a name", e->pos, CompileErrorKind::SystemError);
    if (!extend_namedexpr_scope(target)) return false;
  }
  return visit_expr(e->value) && visit_expr(e->target);
}

bool SymtableBuilder::handle_comprehension(const Expr* e, std::string_view scope_name,
                                           Seq<Comprehension*> generators, const Expr* elt,
                                           const Expr* value) {
  bool is_generator = e->kind == ExprKind::GeneratorExp;
  if (generators.empty()) return fail("comprehension with no generators", e->pos, CompileErrorKind::SystemError);
  const Comprehension* outermost = generators[0];
  // The outermost iterable is evaluated in the enclosing scope.
  cur_->comp_iter_expr++;
  bool ok = visit_expr(outermost->iter);
  cur_->comp_iter_expr--;
  if (!ok) return false;
  enter_block(scope_name, BlockType::Function, e, e->pos);
  switch (e->kind) {
    case ExprKind::ListComp: cur_->comprehension = ComprehensionType::List; break;
    case ExprKind::SetComp: cur_->comprehension = ComprehensionType::Set; break;
    case ExprKind::DictComp: cur_->comprehension = ComprehensionType::Dict; break;
    default: cur_->comprehension = ComprehensionType::Generator; break;
  }
  if (outermost->is_async) cur_->coroutine = true;
  // The outermost iterator is received as the implicit parameter ".0".
  if (!add_def(".0", kDefParam, e->pos)) return false;
  cur_->comp_iter_target = true;
  ok = visit_expr(outermost->target);
  cur_->comp_iter_target = false;
  if (!ok || !visit_exprs(outermost->ifs)) return false;
  for (size_t i = 1; i < generators.size(); ++i)
    if (!visit_comprehension(generators[i])) return false;
  if (value && !visit_expr(value)) return false;
  if (!visit_expr(elt)) return false;
  cur_->generator = is_generator;
  bool is_async = cur_->coroutine && !is_generator;
  exit_block();
  if (is_async) cur_->coroutine = true;
  return true;
}

bool SymtableBuilder::visit_expr(const Expr* e) {
  DepthGuard guard(depth_);
  if (!depth_ok()) return too_deep(e->pos);
  if (e->kind == ExprKind::Lambda && e->cast<Lambda>().args == nullptr)
    return fail("malformed AST node", e->pos, CompileErrorKind::SystemError);
  switch (e->kind) {
    case ExprKind::NamedExpr:
      if (!raise_if_annotation_block("named expression", e)) return false;
      return handle_namedexpr(&e->cast<NamedExpr>());
    case ExprKind::BoolOp:
      return visit_exprs(e->cast<BoolOp>().values);
    case ExprKind::BinOp: {
      // Left-nested chains (a + b + c + ...) are walked iteratively.
      const Expr* cur = e;
      int extra = 0;
      while (cur->kind == ExprKind::BinOp) {
        if (!visit_expr(cur->cast<BinOp>().right)) return false;
        cur = cur->cast<BinOp>().left;
        if (++extra > 100000) return too_deep(e->pos);
      }
      return visit_expr(cur);
    }
    case ExprKind::UnaryOp:
      return visit_expr(e->cast<UnaryOp>().operand);
    case ExprKind::Lambda: {
      const auto& l = e->cast<Lambda>();
      if (!visit_exprs(l.args->defaults) || !visit_exprs(l.args->kw_defaults)) return false;
      enter_block("lambda", BlockType::Function, e, e->pos);
      if (!visit_arguments(l.args) || !visit_expr(l.body)) return false;
      exit_block();
      return true;
    }
    case ExprKind::IfExp: {
      const auto& i = e->cast<IfExp>();
      return visit_expr(i.test) && visit_expr(i.body) && visit_expr(i.orelse);
    }
    case ExprKind::Dict: {
      const auto& d = e->cast<Dict>();
      return visit_exprs(d.keys) && visit_exprs(d.values);
    }
    case ExprKind::Set:
      return visit_exprs(e->cast<Set>().elts);
    case ExprKind::GeneratorExp: {
      const auto& g = e->cast<GeneratorExp>();
      return handle_comprehension(e, "genexpr", g.generators, g.elt, nullptr);
    }
    case ExprKind::ListComp: {
      const auto& g = e->cast<ListComp>();
      return handle_comprehension(e, "listcomp", g.generators, g.elt, nullptr);
    }
    case ExprKind::SetComp: {
      const auto& g = e->cast<SetComp>();
      return handle_comprehension(e, "setcomp", g.generators, g.elt, nullptr);
    }
    case ExprKind::DictComp: {
      const auto& g = e->cast<DictComp>();
      return handle_comprehension(e, "dictcomp", g.generators, g.key, g.value);
    }
    case ExprKind::Yield: {
      if (!raise_if_annotation_block("yield expression", e)) return false;
      const auto& y = e->cast<Yield>();
      if (y.value && !visit_expr(y.value)) return false;
      cur_->generator = true;
      if (cur_->comprehension != ComprehensionType::None) return raise_if_comprehension_block(e);
      return true;
    }
    case ExprKind::YieldFrom: {
      if (!raise_if_annotation_block("yield expression", e)) return false;
      if (!visit_expr(e->cast<YieldFrom>().value)) return false;
      cur_->generator = true;
      if (cur_->comprehension != ComprehensionType::None) return raise_if_comprehension_block(e);
      return true;
    }
    case ExprKind::Await:
      if (!raise_if_annotation_block("await expression", e)) return false;
      if (!visit_expr(e->cast<Await>().value)) return false;
      cur_->coroutine = true;
      return true;
    case ExprKind::Compare: {
      const auto& c = e->cast<Compare>();
      return visit_expr(c.left) && visit_exprs(c.comparators);
    }
    case ExprKind::Call: {
      const auto& c = e->cast<Call>();
      if (!visit_expr(c.func) || !visit_exprs(c.args)) return false;
      for (const Keyword* k : c.keywords)
        if (!visit_expr(k->value)) return false;
      return true;
    }
    case ExprKind::FormattedValue: {
      const auto& f = e->cast<FormattedValue>();
      return visit_expr(f.value) && (f.format_spec == nullptr || visit_expr(f.format_spec));
    }
    case ExprKind::JoinedStr:
      return visit_exprs(e->cast<JoinedStr>().values);
    case ExprKind::Constant:
      return true;
    case ExprKind::Attribute:
      return visit_expr(e->cast<Attribute>().value);
    case ExprKind::Subscript: {
      const auto& s = e->cast<Subscript>();
      return visit_expr(s.value) && visit_expr(s.slice);
    }
    case ExprKind::Starred:
      return visit_expr(e->cast<Starred>().value);
    case ExprKind::Slice: {
      const auto& s = e->cast<Slice>();
      return (!s.lower || visit_expr(s.lower)) && (!s.upper || visit_expr(s.upper)) &&
             (!s.step || visit_expr(s.step));
    }
    case ExprKind::Name: {
      const auto& n = e->cast<Name>();
      if (!add_def(n.id, n.ctx == ExprContext::Load ? kUse : kDefLocal, e->pos)) return false;
      // Zero-argument super() needs the implicit __class__ cell.
      if (n.ctx == ExprContext::Load && cur_->type == BlockType::Function && n.id == "super")
        return add_def("__class__", kUse, e->pos);
      return true;
    }
    case ExprKind::List:
      return visit_exprs(e->cast<List>().elts);
    case ExprKind::Tuple:
      return visit_exprs(e->cast<Tuple>().elts);
  }
  return fail("unknown expression kind", e->pos, CompileErrorKind::SystemError);
}

bool SymtableBuilder::visit_pattern(const Pattern* p) {
  DepthGuard guard(depth_);
  if (!depth_ok()) return too_deep(p->pos);
  switch (p->kind) {
    case PatternKind::MatchValue:
      return visit_expr(p->cast<MatchValue>().value);
    case PatternKind::MatchSingleton:
      return true;
    case PatternKind::MatchSequence:
      for (const Pattern* q : p->cast<MatchSequence>().patterns)
        if (!visit_pattern(q)) return false;
      return true;
    case PatternKind::MatchStar: {
      const auto& s = p->cast<MatchStar>();
      return s.name.empty() || add_def(s.name, kDefLocal, p->pos);
    }
    case PatternKind::MatchMapping: {
      const auto& m = p->cast<MatchMapping>();
      if (!visit_exprs(m.keys)) return false;
      for (const Pattern* q : m.patterns)
        if (!visit_pattern(q)) return false;
      return m.rest.empty() || add_def(m.rest, kDefLocal, p->pos);
    }
    case PatternKind::MatchClass: {
      const auto& c = p->cast<MatchClass>();
      if (!visit_expr(c.cls)) return false;
      for (const Pattern* q : c.patterns)
        if (!visit_pattern(q)) return false;
      for (const Pattern* q : c.kwd_patterns)
        if (!visit_pattern(q)) return false;
      return true;
    }
    case PatternKind::MatchAs: {
      const auto& a = p->cast<MatchAs>();
      if (a.pattern && !visit_pattern(a.pattern)) return false;
      return a.name.empty() || add_def(a.name, kDefLocal, p->pos);
    }
    case PatternKind::MatchOr:
      for (const Pattern* q : p->cast<MatchOr>().patterns)
        if (!visit_pattern(q)) return false;
      return true;
  }
  return fail("unknown pattern kind", p->pos, CompileErrorKind::SystemError);
}

// ---------------------------------------------------------------------------
// Second pass: resolve scopes (analyze_block and friends in symtable.c).
// ---------------------------------------------------------------------------

class ScopeAnalyzer {
 public:
  explicit ScopeAnalyzer(SymbolTable& st, std::string_view filename, CompileError& error)
      : st_(st), filename_(filename), error_(error) {}

  bool analyze(SymbolBlock* top) {
    NameSet free, global;
    return analyze_block(top, nullptr, free, global, 0);
  }

 private:
  bool fail(std::string message, const Pos& pos, CompileErrorKind kind = CompileErrorKind::SyntaxError) {
    error_.kind = kind;
    error_.message = std::move(message);
    error_.filename = std::string(filename_);
    error_.pos = pos;
    return false;
  }

  bool analyze_name(SymbolBlock* ste, Symbol& sym, NameSet* bound, NameSet& local, NameSet& free,
                    NameSet& global) {
    std::string_view name = sym.name;
    uint32_t flags = sym.flags;
    if (flags & kDefGlobal) {
      if (flags & kDefNonlocal) return fail(format1("name '%s' is nonlocal and global", name), sym.directive);
      sym.scope = Scope::GlobalExplicit;
      global.insert(name, 0);
      if (bound) bound->erase(name);
      return true;
    }
    if (flags & kDefNonlocal) {
      if (bound == nullptr) return fail("nonlocal declaration not allowed at module level", sym.directive);
      if (!bound->contains(name)) return fail(format1("no binding for nonlocal '%s' found", name), sym.directive);
      sym.scope = Scope::Free;
      ste->has_free = true;
      free.insert(name, 0);
      return true;
    }
    if (flags & kDefBound) {
      sym.scope = Scope::Local;
      local.insert(name, 0);
      global.erase(name);
      return true;
    }
    if (bound != nullptr && bound->contains(name)) {
      sym.scope = Scope::Free;
      ste->has_free = true;
      free.insert(name, 0);
      return true;
    }
    if (global.contains(name)) {
      sym.scope = Scope::GlobalImplicit;
      return true;
    }
    if (ste->nested) ste->has_free = true;
    sym.scope = Scope::GlobalImplicit;
    return true;
  }

  // `bound` is owned by the caller (a copy per child), nullptr for the module.
  bool analyze_block(SymbolBlock* ste, NameSet* bound, NameSet& free, NameSet& global, int depth) {
    if (depth > 10000)
      return fail("maximum recursion depth exceeded during compilation", ste->pos, CompileErrorKind::RecursionError);
    NameSet local, newglobal, newfree, newbound;
    // Class bindings are not visible in nested functions: for a class the sets
    // passed down are fixed before its own names are analysed.
    if (ste->type == BlockType::Class) {
      set_union(newglobal, global);
      if (bound) set_union(newbound, *bound);
    }
    for (Symbol& sym : ste->symbols) {
      if (!analyze_name(ste, sym, bound, local, free, global)) return false;
    }
    if (ste->type != BlockType::Class) {
      if (ste->type == BlockType::Function) set_union(newbound, local);
      if (bound) set_union(newbound, *bound);
      set_union(newglobal, global);
    } else {
      newbound.insert("__class__", 0);
    }
    NameSet allfree;
    for (SymbolBlock* child : ste->children) {
      NameSet temp_bound = newbound;
      NameSet temp_free = newfree;
      NameSet temp_global = newglobal;
      if (!analyze_block(child, &temp_bound, temp_free, temp_global, depth + 1)) return false;
      set_union(allfree, temp_free);
      if (child->has_free || child->child_free) ste->child_free = true;
    }
    set_union(newfree, allfree);
    if (ste->type == BlockType::Function) {
      // analyze_cells: locals used freely by children become cells.
      for (Symbol& sym : ste->symbols) {
        if (sym.scope != Scope::Local || !newfree.contains(sym.name)) continue;
        sym.scope = Scope::Cell;
        newfree.erase(sym.name);
      }
    } else if (ste->type == BlockType::Class) {
      // drop_class_free: __class__ is provided by the class body's implicit cell.
      if (newfree.erase("__class__")) ste->needs_class_closure = true;
    }
    // update_symbols: record free variables of children that pass through.
    bool classflag = ste->type == BlockType::Class;
    std::vector<std::string_view> pass_through;
    newfree.for_each([&](std::string_view name, uint32_t) { pass_through.push_back(name); });
    std::sort(pass_through.begin(), pass_through.end());
    for (std::string_view name : pass_through) {
      int64_t idx = ste->index.find(name);
      if (idx >= 0) {
        Symbol& sym = ste->symbols[static_cast<size_t>(idx)];
        // A method's free variable that is also bound in the class body.
        if (classflag && (sym.flags & (kDefBound | kDefGlobal))) sym.flags |= kDefFreeClass;
        continue;
      }
      if (bound && !bound->contains(name)) continue;  // a global
      ste->index.insert(name, static_cast<uint32_t>(ste->symbols.size()));
      ste->symbols.push_back(Symbol{name, 0, Scope::Free, {}});
    }
    set_union(free, newfree);
    return true;
  }

  SymbolTable& st_;
  std::string_view filename_;
  CompileError& error_;
};

bool SymtableBuilder::run(const Mod* mod) {
  st_.top_ = enter_block("top", BlockType::Module, nullptr, Pos{});
  switch (mod->kind) {
    case ModKind::Module:
      if (!visit_stmts(mod->cast<Module>().body)) return false;
      break;
    case ModKind::Interactive:
      if (!visit_stmts(mod->cast<Interactive>().body)) return false;
      break;
    case ModKind::Expression:
      if (!visit_expr(mod->cast<Expression>().body)) return false;
      break;
    case ModKind::FunctionType:
      return fail("FunctionType is not compilable", Pos{}, CompileErrorKind::SystemError);
  }
  exit_block();
  return true;
}

// ---------------------------------------------------------------------------
// SymbolTable
// ---------------------------------------------------------------------------

SymbolTable::SymbolTable(std::string_view filename, FutureFeatures future, int max_depth, size_t max_stack_bytes)
    : filename_(filename), future_(future), max_depth_(max_depth), max_stack_bytes_(max_stack_bytes) {}

SymbolTable::~SymbolTable() = default;

bool SymbolTable::build(const Mod* mod) {
  SymtableBuilder builder(*this);
  if (!builder.run(mod)) return false;
  std::sort(by_node_.begin(), by_node_.end(),
            [](const auto& a, const auto& b) { return std::less<const void*>()(a.first, b.first); });
  ScopeAnalyzer analyzer(*this, filename_, error_);
  return analyzer.analyze(top_);
}

const SymbolBlock* SymbolTable::block_for(const void* node) const noexcept {
  auto it = std::lower_bound(by_node_.begin(), by_node_.end(), node,
                             [](const auto& a, const void* n) { return std::less<const void*>()(a.first, n); });
  if (it == by_node_.end() || it->first != node) return nullptr;
  return it->second;
}

}  // namespace capy::compiler
