#!/usr/bin/env python3
"""Checks capy's compiled core library for what it must not contain.

1. Operating-system calls (enforced). The core library (everything but the
   hosts in src/host, the command line in src/cli and the embedding API in
   src/api) reaches the outside world only through the Host interface
   (src/vm/isolate.h): it calls no function that touches files, the network,
   processes, the environment, signals, dynamic loading, executable memory,
   the process's standard streams, sleeping, wall-clock time or entropy.
   The check reads the undefined symbols of every object in the library
   (`nm -u`) and fails when one of them is on the deny-list below. The few
   process-introspection calls the core does need (its own thread's stack
   bounds, a monotonic clock for the time limit) are allowed by name, each
   with its reason, in ALLOWED_OS_CALLS.

2. Writable globals (informational unless --strict-globals). All state must
   be reachable from the Runtime (immutable after start) or from an Isolate,
   so the core should define no writable global or static variables: no
   namespace-scope globals, no class statics, no function-local statics, no
   thread-locals. Every data object in a writable section (.data, .bss,
   .tdata, .tbss and their sub-sections; .data.rel.ro is read-only after
   relocation and is allowed) is listed.

Usage: tools/check_symbols.py [--strict-globals] [--no-globals] [--allow REGEX]...
                              [LIBRARY...]
       (default library: build/libcapy_core.a)

Ends with one line "N passed, N failed" (one per check). Exit status: 0 when
every enforced check passed, 1 when one failed, 2 when a library cannot be
read.
"""

import argparse
import os
import re
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# --- 1. operating-system calls --------------------------------------------------

# C functions (and glibc's internal aliases of them) the core may not call.
DENIED_OS_CALLS = {
    "files": """
        open open64 __open_2 __open64_2 openat openat64 __openat_2 __openat64_2 openat2 creat creat64
        fopen fopen64 freopen freopen64 fdopen opendir fdopendir readdir readdir64 readdir_r readdir64_r
        scandir scandir64 scandirat glob glob64 nftw ftw fts_open
        stat stat64 lstat lstat64 fstat fstat64 fstatat fstatat64 newfstatat statx statfs statfs64
        fstatfs fstatfs64 statvfs fstatvfs __xstat __xstat64 __lxstat __lxstat64 __fxstat __fxstat64
        __fxstatat __fxstatat64
        access faccessat faccessat2 euidaccess eaccess
        unlink unlinkat remove rename renameat renameat2 mkdir mkdirat rmdir link linkat symlink symlinkat
        readlink readlinkat chmod fchmod fchmodat lchmod chown fchown lchown fchownat truncate truncate64
        ftruncate ftruncate64 utime utimes lutimes futimes utimensat futimens futimesat
        chdir fchdir getcwd get_current_dir_name getwd realpath __realpath_chk canonicalize_file_name
        mkstemp mkstemp64 mkostemp mkostemp64 mkstemps mkdtemp mktemp tmpfile tmpfile64 tmpnam tmpnam_r
        tempnam mknod mknodat mkfifo mkfifoat
        read __read_chk pread pread64 readv preadv write pwrite pwrite64 writev pwritev lseek lseek64
        close dup dup2 dup3 pipe pipe2 fcntl fcntl64 ioctl flock lockf sendfile sendfile64 splice tee
        copy_file_range fsync fdatasync sync syncfs inotify_init inotify_init1 inotify_add_watch
        fanotify_init name_to_handle_at open_by_handle_at memfd_create shm_open shm_unlink
        mount umount umount2 chroot pivot_root
    """,
    "network": """
        socket socketpair connect bind listen accept accept4 shutdown send sendto sendmsg sendmmsg
        recv recvfrom recvmsg recvmmsg __recv_chk __recvfrom_chk setsockopt getsockopt getsockname
        getpeername getaddrinfo getnameinfo freeaddrinfo gethostbyname gethostbyname2 gethostbyname_r
        gethostbyname2_r gethostbyaddr gethostbyaddr_r gethostent getservbyname getservbyport
        getprotobyname res_query res_search res_init __res_query __res_search if_nametoindex
        if_indextoname getifaddrs
    """,
    "processes": """
        fork vfork _Fork clone clone3 __clone execve execveat fexecve execv execvp execvpe execl execlp
        execle system popen pclose posix_spawn posix_spawnp wait waitpid wait3 wait4 waitid
        kill killpg tgkill tkill raise abort exit _exit _Exit quick_exit atexit at_quick_exit on_exit
        ptrace prctl personality unshare setns seccomp
        setuid setgid seteuid setegid setreuid setregid setresuid setresgid setgroups initgroups
        setsid setpgid setpgrp daemon nice setpriority setrlimit setrlimit64 prlimit prlimit64
        signal sigaction bsd_signal sysv_signal sigset sigprocmask pthread_sigmask sigaltstack
        alarm setitimer timer_create pause sigsuspend sigwait sigwaitinfo sigtimedwait
        pthread_create pthread_detach pthread_kill pthread_cancel
        syscall
    """,
    "environment": """
        getenv secure_getenv __secure_getenv __libc_secure_getenv setenv unsetenv putenv clearenv
        environ __environ _environ confstr getlogin getlogin_r cuserid getpwnam getpwnam_r getpwuid
        getpwuid_r getpwent getgrnam getgrnam_r getgrgid getgrgid_r getgrent getspnam uname gethostname
        getdomainname sethostname sysinfo getuid geteuid getgid getegid getgroups
        setlocale localeconv nl_langinfo
    """,
    "dynamic code": """
        dlopen dlmopen dlsym dlvsym dlclose dladdr dladdr1 dlinfo dlerror
        mmap mmap64 mprotect pkey_mprotect mremap remap_file_pages
    """,
    "standard streams": """
        stdin stdout stderr printf vprintf fprintf vfprintf dprintf vdprintf puts fputs fputs_unlocked
        putchar putc fputc putc_unlocked fwrite fwrite_unlocked perror fflush fgets gets getline getdelim
        getchar getc fgetc fread fread_unlocked scanf fscanf vscanf __printf_chk __fprintf_chk
        __vfprintf_chk __vprintf_chk __fgets_chk
    """,
    "time and sleeping": """
        sleep usleep nanosleep clock_nanosleep time gettimeofday ftime localtime localtime_r mktime
        timelocal tzset strftime strftime_l getdate ctime ctime_r asctime clock_settime settimeofday
    """,
    "entropy": """
        getrandom getentropy rand rand_r srand random srandom random_r srandom_r drand48 erand48 lrand48
        nrand48 mrand48 jrand48 srand48 arc4random arc4random_buf arc4random_uniform
    """,
}

# Demangled C++ names (regular expressions) with the same meaning.
DENIED_CXX = [
    ("standard streams", r"^std::(cout|cerr|clog|cin|wcout|wcerr|wclog|wcin)$"),
    ("standard streams", r"^std::ios_base::Init::Init\(\)$"),
    ("files", r"^std::basic_(i|o)?fstream<"),
    ("files", r"^std::basic_filebuf<"),
    ("files", r"^std::filesystem::"),
    ("files", r"^std::__cxx11::basic_(i|o)?fstream<"),
    ("entropy", r"^std::random_device::"),
    ("processes", r"^std::thread::_M_start_thread"),
    ("processes", r"^std::(exit|abort|quick_exit|_Exit|terminate)\("),
    ("time and sleeping", r"^std::chrono::_V2::system_clock::now\(\)$"),
    ("time and sleeping", r"^std::this_thread::__sleep_for"),
]

# Operating-system functions the core does call, each for a reason that
# gives the guest no reach outside its isolate.
ALLOWED_OS_CALLS = {
    "getpid": "stack bounds: tells the main thread (whose stack is bounded by RLIMIT_STACK)",
    "gettid": "stack bounds: tells the main thread",
    "getrlimit": "stack bounds: the main thread's stack size (read only)",
    "pthread_self": "stack bounds of the running thread",
    "pthread_getattr_np": "stack bounds of the running thread",
    "pthread_attr_getstack": "stack bounds of the running thread",
    "pthread_attr_destroy": "stack bounds of the running thread",
    "__libc_stack_end": "stack bounds: the top of the main thread's stack",
    "clock_gettime": "the monotonic clock that enforces the time limit when the host gives none",
    "std::chrono::_V2::steady_clock::now()": "the monotonic clock that enforces the time limit",
}


# Denied calls one object may make, keyed by (object, function), each with
# the reason it cannot reach the outside world. Keep it empty if you can.
ALLOWED_IN_OBJECT = {
    ("gmp_alloc.cc.o", "abort"): "GMP's allocation functions cannot report failure; capy checks sizes and the "
                                 "memory limit before each big-integer operation, so this runs only when the "
                                 "machine itself is out of memory or a block's header is corrupt",
}


def denied_table():
    table = {}
    for family, names in DENIED_OS_CALLS.items():
        for n in names.split():
            table[n] = family
    return table


def undefined_symbols(path):
    """(member, demangled name) of every undefined symbol of the library's objects."""
    proc = subprocess.run(["nm", "-A", "-u", "-C", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
    if proc.returncode != 0:
        raise OSError(proc.stderr.strip() or "nm failed on %s" % path)
    for line in proc.stdout.splitlines():
        # "lib.a:member.o:                 U name"  (or "file.o:                 U name")
        m = re.match(r"^(?P<file>[^:]+):(?:(?P<member>[^:\s]+):)?\s+U\s+(?P<name>.+)$", line)
        if m:
            yield m.group("member") or os.path.basename(m.group("file")), m.group("name").strip()


def check_os_calls(libs):
    table = denied_table()
    cxx = [(family, re.compile(p)) for family, p in DENIED_CXX]
    found = []
    for lib in libs:
        for member, name in undefined_symbols(lib):
            base = name.split("@")[0]
            family = table.get(base)
            if family is None:
                for fam, rx in cxx:
                    if rx.search(base):
                        family = fam
                        break
            if family is not None and base not in ALLOWED_OS_CALLS and (member, base) not in ALLOWED_IN_OBJECT:
                found.append((member, family, base))
    return sorted(set(found))


# --- 2. writable globals -------------------------------------------------------------

# Symbols that the toolchain or the C++ standard library put there on our
# behalf, and that carry no guest-visible state.
DEFAULT_ALLOW = [
    r"^std::__ioinit$",            # the static std::ios_base::Init of <iostream>
    r"^__(asan|ubsan|sancov|gcov|llvm)",
    r"^\.L",
    r"DW\.ref\.__gxx_personality_v0$",  # the unwinder's personality pointer (-fPIC)
]

WRITABLE = re.compile(r"^\.(data|bss|tdata|tbss)(\..*)?$")
LINE = re.compile(r"^([0-9a-fA-F]+)\s(.{7})\s(\S+)\s+([0-9a-fA-F]+)\s+(.*)$")


def writable_globals(path):
    proc = subprocess.run(["objdump", "-t", "-C", "-w", path], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise OSError(proc.stderr.strip() or "objdump failed on %s" % path)
    member = os.path.basename(path)
    for line in proc.stdout.splitlines():
        if "file format" in line:
            member = line.split(":")[0]
            continue
        m = LINE.match(line)
        if not m:
            continue
        _, flags, section, size, name = m.groups()
        thread_local = section.startswith((".tdata", ".tbss"))
        if ("O" not in flags and not thread_local) or not WRITABLE.match(section) \
                or section.startswith(".data.rel.ro"):
            continue
        yield member, section, int(size, 16), name.strip()


def main():
    ap = argparse.ArgumentParser(description="Check capy's core library for OS calls and mutable globals.")
    ap.add_argument("libraries", nargs="*", metavar="LIBRARY")
    ap.add_argument("--allow", action="append", default=[], metavar="REGEX",
                    help="ignore writable globals matching REGEX (repeatable)")
    ap.add_argument("--strict-globals", action="store_true",
                    help="fail when the core has writable globals (else they are only listed)")
    ap.add_argument("--no-globals", action="store_true", help="skip the writable-globals report")
    args = ap.parse_args()
    libs = args.libraries or [os.path.join(REPO, "build", "libcapy_core.a")]
    passed = failed = 0
    try:
        calls = check_os_calls(libs)
    except OSError as e:
        print("check_symbols: %s" % e, file=sys.stderr)
        return 2
    print("== operating-system calls in the core (enforced)")
    for member, family, name in calls:
        print("%s: calls %s (%s)" % (member, name, family))
    if calls:
        print("FAIL: %d denied call%s: the core reaches the outside only through the Host interface"
              % (len(calls), "" if len(calls) == 1 else "s"))
        failed += 1
    else:
        print("ok: no denied call")
        passed += 1
    if not args.no_globals:
        allow = [re.compile(p) for p in DEFAULT_ALLOW + args.allow]
        found = []
        try:
            for lib in libs:
                for member, section, size, name in writable_globals(lib):
                    if not any(a.search(name) for a in allow):
                        found.append((member, section, size, name))
        except OSError as e:
            print("check_symbols: %s" % e, file=sys.stderr)
            return 2
        print("== writable globals in the core (%s)" % ("enforced" if args.strict_globals else "informational"))
        for member, section, size, name in sorted(found):
            print("%s: %s (%d bytes in %s)" % (member, name, size, section))
        print("%d mutable global%s found" % (len(found), "" if len(found) == 1 else "s"))
        if found and args.strict_globals:
            failed += 1
        else:
            passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
