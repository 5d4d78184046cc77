// Start-up initialisers of the builtin types, in the order Runtime() runs them.
#pragma once

namespace capy {

class Runtime;

void init_str_type(Runtime& rt);         // str first: every other type needs names
void init_type_and_object(Runtime& rt);  // type, object, super, property…
void init_function_types(Runtime& rt);
void init_int_type(Runtime& rt);
void init_bool_type(Runtime& rt);
void init_float_type(Runtime& rt);
void init_complex_type(Runtime& rt);
void init_bytes_types(Runtime& rt);
void init_tuple_type(Runtime& rt);
void init_list_type(Runtime& rt);
void init_dict_type(Runtime& rt);
void init_set_types(Runtime& rt);
void init_misc_types(Runtime& rt);
void init_iterator_types(Runtime& rt);
void init_exception_types(Runtime& rt);
void init_vm_types(Runtime& rt);         // code, cell, generator, coroutine, traceback
void init_text_writer_type(Runtime& rt);  // sys.stdout/sys.stderr
void finish_builtin_types(Runtime& rt);  // MRO, slot inheritance, slot wrappers
void init_builtins(Runtime& rt);         // builtins module functions and names
void init_vm_builtins(Runtime& rt);      // __build_class__, exec, eval, compile, globals, locals

}  // namespace capy
