// open() and what the file functions of io, os, shutil and pathlib share:
// the isolate's file-system door, path arguments, and OSError raised from an
// errno with CPython's message. See docs/files.md.
#pragma once

#include <string>

#include "objects/object.h"

namespace capy {

class FileSystem;

/// The door files go through: the host's FileSystem when the isolate has at
/// least one directory grant, else nullptr (every file function then fails
/// with PermissionError).
FileSystem* fs_door(Isolate& I);

/// A path argument as the door takes it.
struct FsPath {
  std::string bytes;   // str: UTF-8 with surrogateescape; bytes: as given
  Value value;         // the str or bytes path (after __fspath__), for messages
  bool is_bytes = false;
};

/// os.fspath(v): str and bytes as they are, else type(v).__fspath__(v).
Value fs_fspath(Isolate& I, Value v);

/// Converts a path argument (str, bytes or os.PathLike) as CPython's
/// path_converter does. `fname`/`argname` name it in TypeError messages
/// ("stat: path should be string, bytes, os.PathLike or integer, not
/// float"); `allow_fd` adds "or integer" to that message (capy has no file
/// descriptors: an int then fails with EBADF); with fname == nullptr the
/// message is os.fspath's. 0 or -1.
int fs_path_arg(Isolate& I, Value v, const char* fname, const char* argname, bool allow_fd, FsPath* out);

/// The text of errno `err` (glibc's wording), e.g. "No such file or directory".
const char* fs_strerror(int err);

/// Raises the OSError subclass for errno `err` (> 0) as CPython does:
/// "[Errno 2] No such file or directory: 'x'" with errno, strerror,
/// filename and filename2 set. Pass Value::null() for no file name.
Value raise_os_error(Isolate& I, int err, Value filename, Value filename2 = Value::null());

/// A str (or bytes, for a bytes path) from a name the door returned:
/// UTF-8 with surrogateescape, as os.fsdecode.
Value fs_decode_name(Isolate& I, std::string_view name, bool as_bytes);

/// Adds open() to the isolate's builtins when the isolate has a directory
/// grant and its host a FileSystem; removes it otherwise. Hosts call it
/// once the grants are set, before running guest code. 0 or -1.
int install_open(Isolate& I);

}  // namespace capy
