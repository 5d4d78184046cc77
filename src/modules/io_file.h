// io's file streams: FileIO (a file opened through the isolate's
// file-system door), BufferedReader/BufferedWriter/BufferedRandom,
// TextIOWrapper, and io.open (which is also builtins.open). See
// docs/files.md and docs/modules/io.md.
#pragma once

#include "objects/object.h"

namespace capy {

struct Module;

extern const char kIoOpenDoc[];

/// io.open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None).
Value io_open(Isolate& I, const Value* args, size_t nargs, Tuple* kwnames);

/// Writes out the bytes buffered writers still hold (see io_file.cc);
/// every file-system operation of the guest calls it first.
void io_flush_unflushed(Isolate& I);

/// Adds the file stream types and open to the io module `m` (after its base
/// types and ABCs exist). 0 or -1.
int io_file_init(Isolate& I, Module* m);

}  // namespace capy
