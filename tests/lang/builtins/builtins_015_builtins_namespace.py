# The builtins namespace: types, exceptions, constants.
import builtins
names = ["abs", "all", "any", "ascii", "bin", "callable", "chr", "delattr", "dir", "divmod",
         "format", "getattr", "hasattr", "hash", "hex", "id", "isinstance", "issubclass", "iter",
         "len", "max", "min", "next", "oct", "ord", "pow", "print", "repr", "round", "setattr",
         "sorted", "sum", "vars", "aiter", "anext"]
print([n for n in names if not hasattr(builtins, n)])
types = ["int", "str", "list", "dict", "tuple", "set", "frozenset", "float", "complex", "bool",
         "bytes", "bytearray", "object", "type", "super", "property", "classmethod",
         "staticmethod", "range", "slice", "enumerate", "zip", "map", "filter", "reversed"]
print([n for n in types if not isinstance(getattr(builtins, n), type)])
excs = ["BaseException", "Exception", "ValueError", "TypeError", "KeyError", "IndexError",
        "StopIteration", "StopAsyncIteration", "GeneratorExit", "SystemExit", "KeyboardInterrupt",
        "ArithmeticError", "ZeroDivisionError", "OverflowError", "FloatingPointError",
        "AssertionError", "AttributeError", "BufferError", "EOFError", "ImportError",
        "ModuleNotFoundError", "LookupError", "MemoryError", "NameError", "UnboundLocalError",
        "OSError", "FileNotFoundError", "PermissionError", "TimeoutError", "RecursionError",
        "NotImplementedError", "RuntimeError", "SyntaxError", "IndentationError", "TabError",
        "SystemError", "UnicodeError", "UnicodeDecodeError", "UnicodeEncodeError",
        "UnicodeTranslateError", "Warning", "UserWarning", "DeprecationWarning",
        "RuntimeWarning", "SyntaxWarning", "FutureWarning", "ImportWarning", "UnicodeWarning",
        "BytesWarning", "ResourceWarning", "EncodingWarning", "PendingDeprecationWarning",
        "ExceptionGroup", "BaseExceptionGroup", "EnvironmentError", "IOError", "ReferenceError",
        "BlockingIOError", "ChildProcessError", "ConnectionError", "BrokenPipeError",
        "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError",
        "FileExistsError", "InterruptedError", "IsADirectoryError", "NotADirectoryError",
        "ProcessLookupError"]
print([n for n in excs if not issubclass(getattr(builtins, n), BaseException)])
print(getattr(builtins, "None", "n/a"), Ellipsis, NotImplemented, __debug__)
print(builtins.__name__, type(len).__name__, len.__name__, repr(len))
print(abs.__doc__.splitlines()[0])
print(type(print).__name__, print.__name__)
