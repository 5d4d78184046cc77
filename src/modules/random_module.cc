// random: CPython's generator, bit for bit. The Mersenne Twister core
// (MT19937, seeding by init_by_array exactly as CPython's _random) is native
// and works on a 2500-byte bytearray held in the `_mt` slot of each
// generator; the distributions are written in Python below (capy's own code,
// following the algorithms CPython documents so that sequences match).
// Nothing reaches the host except entropy (Host::entropy) for unseeded
// generators and SystemRandom.
#include <openssl/sha.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "modules/registry.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/eval.h"
#include "vm/isolate.h"

namespace capy {

namespace {

constexpr int kN = 624;
constexpr int kM = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfU;
constexpr uint32_t kUpperMask = 0x80000000U;
constexpr uint32_t kLowerMask = 0x7fffffffU;

/// The generator's state, stored in a bytearray of exactly this size.
struct MTState {
  uint32_t mt[kN];
  int32_t index;
};
constexpr size_t kStateBytes = sizeof(MTState);
static_assert(kStateBytes == 2500);

void mt_init_genrand(MTState* s, uint32_t seed) {
  uint32_t* mt = s->mt;
  mt[0] = seed;
  for (int i = 1; i < kN; i++) mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + static_cast<uint32_t>(i);
  s->index = kN;
}

void mt_init_by_array(MTState* s, const uint32_t* key, size_t len) {
  uint32_t* mt = s->mt;
  mt_init_genrand(s, 19650218U);
  size_t i = 1, j = 0;
  for (size_t k = (kN > len ? kN : len); k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + static_cast<uint32_t>(j);
    i++;
    j++;
    if (i >= static_cast<size_t>(kN)) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
    if (j >= len) j = 0;
  }
  for (size_t k = kN - 1; k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - static_cast<uint32_t>(i);
    i++;
    if (i >= static_cast<size_t>(kN)) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000U;
}

inline uint32_t mt_next(MTState* s) {
  uint32_t* mt = s->mt;
  uint32_t y;
  if (s->index >= kN) {
    int kk;
    for (kk = 0; kk < kN - kM; kk++) {
      y = (mt[kk] & kUpperMask) | (mt[kk + 1] & kLowerMask);
      mt[kk] = mt[kk + kM] ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
    }
    for (; kk < kN - 1; kk++) {
      y = (mt[kk] & kUpperMask) | (mt[kk + 1] & kLowerMask);
      mt[kk] = mt[kk + (kM - kN)] ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
    }
    y = (mt[kN - 1] & kUpperMask) | (mt[0] & kLowerMask);
    mt[kN - 1] = mt[kM - 1] ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
    s->index = 0;
  }
  y = mt[s->index++];
  y ^= (y >> 11);
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= (y >> 18);
  return y;
}

inline double mt_random(MTState* s) {
  uint32_t a = mt_next(s) >> 5, b = mt_next(s) >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

/// The generator state of `self` (an instance of _RandomCore or a subclass),
/// or nullptr with an exception pending.
MTState* state_of(Isolate& I, Value self) {
  static_assert(sizeof(Value) == 8);
  Str* name = I.intern("_mt");
  if (!name) return nullptr;
  Value d = type_lookup(type_of(I, self), name);
  if (!d.is_null() && !d.is_error() && d.is_object() && d.as_object()->type_ == I.rt.member_descriptor_type &&
      self.is_object()) {
    auto* md = d.as<MemberDescriptor>();
    if (is_subtype(type_of(I, self), md->owner)) {
      Value v = *reinterpret_cast<Value*>(reinterpret_cast<char*>(self.as_object()) + md->offset);
      if (v.bits() != 0 && !v.is_null() && v.is_object() && v.as_object()->type_ == I.rt.bytearray_type) {
        auto* ba = v.as<ByteArray>();
        if (ba->size == kStateBytes) return reinterpret_cast<MTState*>(ba->data);
      }
    }
  }
  raise(I, I.rt.exc_ValueError, "random generator state is not initialised");
  return nullptr;
}

/// Seeds from an arbitrary non-negative int (CPython's random_seed for ints).
int seed_from_int(Isolate& I, MTState* s, Value n) {
  mpz_t z;
  mpz_init(z);
  int_to_mpz(n, z);
  mpz_abs(z, z);
  size_t bits = mpz_sizeinbase(z, 2);
  size_t words = mpz_sgn(z) == 0 ? 1 : (bits + 31) / 32;
  uint32_t* key = static_cast<uint32_t*>(I.heap.alloc_raw(words * 4));
  if (!key) {
    mpz_clear(z);
    raise_memory(I);
    return -1;
  }
  key[0] = 0;
  size_t count = 0;
  if (mpz_sgn(z) != 0) mpz_export(key, &count, -1, 4, 0, 0, z);
  mt_init_by_array(s, key, words);
  I.heap.free_raw(key, words * 4);
  mpz_clear(z);
  return 0;
}

/// Seeds from the host's entropy; a fixed seed when the host denies it.
void seed_from_entropy(Isolate& I, MTState* s) {
  uint32_t key[kN];
  if (I.host && I.host->entropy(key, sizeof key)) {
    mt_init_by_array(s, key, kN);
    return;
  }
  // Deterministic fallback (documented): the host grants no entropy.
  uint32_t fixed[1] = {0};
  mt_init_by_array(s, fixed, 1);
}

// --- methods of _RandomCore (self = args[0]) ---------------------------------

Value rnd_random(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (nargs != 1 || (kw && kw->size())) {
    if (check_no_kwargs(I, "random", kw) < 0) return Value::error();
    return raisef(I, I.rt.exc_TypeError, "Random.random() takes no arguments (%zd given)",
                  static_cast<ssize_t>(nargs - 1));
  }
  MTState* s = state_of(I, args[0]);
  if (!s) return Value::error();
  return Value::from_double(mt_random(s));
}

/// k random bits as an int (k >= 0).
Value random_bits(Isolate& I, MTState* s, uint64_t k) {
  if (k == 0) return Value::small_int(0);
  if (k <= 32) return Value::small_int(mt_next(s) >> (32 - k));
  if (k <= 64) {
    uint64_t lo = mt_next(s);
    uint64_t hi = mt_next(s);
    if (k < 64) hi >>= (64 - k);
    return int_from_u64(I, lo | (hi << 32));
  }
  uint64_t words = (k - 1) / 32 + 1;
  if (words > (SIZE_MAX / 8)) return raise_memory(I);
  auto* buf = static_cast<uint32_t*>(I.heap.alloc_raw(words * 4));
  if (!buf) return raise_memory(I);
  for (uint64_t i = 0; i < words; i++, k -= 32) {
    uint32_t r = mt_next(s);
    if (k < 32) r >>= (32 - k);
    buf[i] = r;
  }
  mpz_t z;
  mpz_init(z);
  mpz_import(z, words, -1, 4, 0, 0, buf);
  I.heap.free_raw(buf, words * 4);
  Value v = int_from_mpz(I, z);
  mpz_clear(z);
  return v;
}

Value rnd_getrandbits(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[1];
  if (bind_args(I, "getrandbits", args + 1, nargs - 1, kw, {"k"}, 1, 1, 1, a) < 0) return Value::error();
  if (is_float(I, a[0])) return raise(I, I.rt.exc_TypeError, "'float' object cannot be interpreted as an integer");
  int64_t k;
  if (!index_i64(I, a[0], &k)) return Value::error();
  if (k < 0) return raise(I, I.rt.exc_ValueError, "number of bits must be non-negative");
  if (k > INT32_MAX) return raise(I, I.rt.exc_OverflowError, "Python int too large to convert to C int");
  MTState* s = state_of(I, args[0]);
  if (!s) return Value::error();
  return random_bits(I, s, static_cast<uint64_t>(k));
}

/// _randbelow(n): uniform in [0, n) by getrandbits(n.bit_length()) with rejection.
Value rnd_randbelow(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "_randbelow", kw) < 0 || check_nargs(I, "_randbelow", nargs - 1, 1, 1) < 0)
    return Value::error();
  Value n = args[1];
  if (!is_int(I, n))
    return raisef(I, I.rt.exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(I, n));
  n = int_unwrap(I, n);
  MTState* s = state_of(I, args[0]);
  if (!s) return Value::error();
  int64_t small;
  if (int_to_i64(n, &small)) {
    if (small <= 0) return raise(I, I.rt.exc_ValueError, "Boundary cannot be zero");
    uint64_t un = static_cast<uint64_t>(small);
    int k = 64 - __builtin_clzll(un);
    for (;;) {
      uint64_t r;
      if (k <= 32) {
        r = mt_next(s) >> (32 - k);
      } else {
        uint64_t lo = mt_next(s);
        uint64_t hi = mt_next(s) >> (64 - k);
        r = lo | (hi << 32);
      }
      if (r < un) return int_from_u64(I, r);
    }
  }
  mpz_t z;
  mpz_init(z);
  int_to_mpz(n, z);
  if (mpz_sgn(z) <= 0) {
    mpz_clear(z);
    return raise(I, I.rt.exc_ValueError, "Boundary cannot be zero");
  }
  uint64_t k = mpz_sizeinbase(z, 2);
  for (;;) {
    Value r = random_bits(I, s, k);
    if (r.is_error()) {
      mpz_clear(z);
      return r;
    }
    mpz_t rz;
    mpz_init(rz);
    int_to_mpz(r, rz);
    int c = mpz_cmp(rz, z);
    mpz_clear(rz);
    if (c < 0) {
      mpz_clear(z);
      return r;
    }
  }
}

Value rnd_seed(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "seed", kw) < 0 || check_nargs(I, "seed", nargs - 1, 0, 1) < 0) return Value::error();
  MTState* s = state_of(I, args[0]);
  if (!s) return Value::error();
  Value a = nargs > 1 ? args[1] : Value::none();
  if (a.is_none()) {
    seed_from_entropy(I, s);
    return Value::none();
  }
  if (is_int(I, a)) {
    if (seed_from_int(I, s, int_unwrap(I, a)) < 0) return Value::error();
    return Value::none();
  }
  int64_t h = hash(I, a);
  if (h == -1 && I.has_pending()) return Value::error();
  Value hv = int_from_u64(I, static_cast<uint64_t>(h));
  if (hv.is_error() || seed_from_int(I, s, hv) < 0) return Value::error();
  return Value::none();
}

Value rnd_getstate(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "getstate", kw) < 0 || check_nargs(I, "getstate", nargs - 1, 0, 0) < 0)
    return Value::error();
  MTState* s = state_of(I, args[0]);
  if (!s) return Value::error();
  Tuple* t = tuple_new(I, kN + 1);
  if (!t) return Value::error();
  for (int i = 0; i < kN; i++) t->items[i] = Value::small_int(s->mt[i]);
  t->items[kN] = Value::small_int(s->index);
  return Value::object(t);
}

Value rnd_setstate(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "setstate", kw) < 0 || check_nargs(I, "setstate", nargs - 1, 1, 1) < 0)
    return Value::error();
  Value st = args[1];
  if (!is_subtype(type_of(I, st), I.rt.tuple_type))
    return raise(I, I.rt.exc_TypeError, "state vector must be a tuple");
  Tuple* t = st.as<Tuple>();
  if (t->size() != static_cast<size_t>(kN + 1)) return raise(I, I.rt.exc_ValueError, "state vector is the wrong size");
  MTState fresh;
  for (int i = 0; i < kN; i++) {
    Value x = t->items[i];
    if (!is_int(I, x))
      return raisef(I, I.rt.exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(I, x));
    mpz_t z;
    mpz_init(z);
    int_to_mpz(int_unwrap(I, x), z);
    if (mpz_sgn(z) < 0) {
      mpz_clear(z);
      return raise(I, I.rt.exc_OverflowError, "can't convert negative int to unsigned");
    }
    if (mpz_sizeinbase(z, 2) > 64) {
      mpz_clear(z);
      return raise(I, I.rt.exc_OverflowError, "Python int too large to convert to C unsigned long");
    }
    fresh.mt[i] = static_cast<uint32_t>(mpz_getlimbn(z, 0));
    mpz_clear(z);
  }
  Value ix = t->items[kN];
  if (!is_int(I, ix))
    return raisef(I, I.rt.exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(I, ix));
  int64_t index;
  if (!int_to_i64(int_unwrap(I, ix), &index))
    return raise(I, I.rt.exc_OverflowError, "Python int too large to convert to C long");
  if (index < 0 || index > kN) return raise(I, I.rt.exc_ValueError, "invalid state");
  fresh.index = static_cast<int32_t>(index);
  MTState* s = state_of(I, args[0]);
  if (!s) return Value::error();
  memcpy(s, &fresh, sizeof fresh);
  return Value::none();
}

// --- module-level private helpers ---------------------------------------------

Value new_state(Isolate& I, const Value*, size_t, Tuple*) {
  std::string zero(kStateBytes, '\0');
  ByteArray* b = bytearray_new(I, zero);
  if (!b) return Value::error();
  return Value::object(b);
}

Value fn_sha512(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "_sha512", kw) < 0 || check_nargs(I, "_sha512", nargs, 1, 1) < 0) return Value::error();
  std::string_view data;
  Value keep;
  if (bytes_like(I, args[0], &data, &keep) < 0) return Value::error();
  unsigned char out[SHA512_DIGEST_LENGTH];
  SHA512(reinterpret_cast<const unsigned char*>(data.data()), data.size(), out);
  Bytes* b = bytes_new(I, std::string_view(reinterpret_cast<const char*>(out), sizeof out));
  return b ? Value::object(b) : Value::error();
}

Value fn_urandom(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "_urandom", kw) < 0 || check_nargs(I, "_urandom", nargs, 1, 1) < 0) return Value::error();
  int64_t n;
  if (!index_i64(I, args[0], &n)) return Value::error();
  if (n < 0) return raise(I, I.rt.exc_ValueError, "negative argument not allowed");
  Bytes* b = bytes_alloc(I, static_cast<size_t>(n));
  if (!b) return Value::error();
  if (n > 0 && !(I.host && I.host->entropy(b->data, static_cast<size_t>(n))))
    return raise(I, I.rt.exc_NotImplementedError, "entropy is not available in this isolate");
  return Value::object(b);
}

bool arg_double(Isolate& I, Value v, double* out) {
  if (v.is_double()) {
    *out = v.as_double();
    return true;
  }
  return to_double(I, v, out);
}

Value math_domain(Isolate& I) { return raise(I, I.rt.exc_ValueError, "math domain error"); }

Value fn_cos(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  double x;
  if (check_nargs(I, "cos", n, 1, 1) < 0 || !arg_double(I, a[0], &x)) return Value::error();
  if (std::isinf(x)) return math_domain(I);
  return Value::from_double(std::cos(x));
}
Value fn_sin(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  double x;
  if (check_nargs(I, "sin", n, 1, 1) < 0 || !arg_double(I, a[0], &x)) return Value::error();
  if (std::isinf(x)) return math_domain(I);
  return Value::from_double(std::sin(x));
}
Value fn_acos(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  double x;
  if (check_nargs(I, "acos", n, 1, 1) < 0 || !arg_double(I, a[0], &x)) return Value::error();
  if (x < -1.0 || x > 1.0) return math_domain(I);
  return Value::from_double(std::acos(x));
}
Value fn_sqrt(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  double x;
  if (check_nargs(I, "sqrt", n, 1, 1) < 0 || !arg_double(I, a[0], &x)) return Value::error();
  if (x < 0) return math_domain(I);
  return Value::from_double(std::sqrt(x));
}
Value fn_exp(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  double x;
  if (check_nargs(I, "exp", n, 1, 1) < 0 || !arg_double(I, a[0], &x)) return Value::error();
  double r = std::exp(x);
  if (std::isinf(r) && std::isfinite(x)) return raise(I, I.rt.exc_OverflowError, "math range error");
  return Value::from_double(r);
}
bool log_of(Isolate& I, Value v, double* out) {
  double x;
  if (!arg_double(I, v, &x)) return false;
  if (std::isnan(x)) {
    *out = x;
    return true;
  }
  if (x <= 0) {
    math_domain(I);
    return false;
  }
  *out = std::log(x);
  return true;
}
Value fn_log(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  if (check_nargs(I, "log", n, 1, 2) < 0) return Value::error();
  double x;
  if (!log_of(I, a[0], &x)) return Value::error();
  if (n == 2) {
    double b;
    if (!log_of(I, a[1], &b)) return Value::error();
    if (b == 0) return raise(I, I.rt.exc_ZeroDivisionError, "float division by zero");
    return Value::from_double(x / b);
  }
  return Value::from_double(x);
}
Value fn_ceil(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  double x;
  if (check_nargs(I, "ceil", n, 1, 1) < 0) return Value::error();
  if (is_int(I, a[0])) return int_unwrap(I, a[0]);
  if (!arg_double(I, a[0], &x)) return Value::error();
  if (!std::isfinite(x))
    return raise(I, std::isnan(x) ? I.rt.exc_ValueError : I.rt.exc_OverflowError,
                 std::isnan(x) ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer");
  double c = std::ceil(x);
  if (std::fabs(c) < 9.0e15) return int_from_i64(I, static_cast<int64_t>(c));
  mpz_t z;
  mpz_init_set_d(z, c);
  Value v = int_from_mpz(I, z);
  mpz_clear(z);
  return v;
}
Value fn_isfinite(Isolate& I, const Value* a, size_t n, Tuple* kw) {
  double x;
  if (check_nargs(I, "isfinite", n, 1, 1) < 0 || !arg_double(I, a[0], &x)) return Value::error();
  return Value::boolean(std::isfinite(x));
}

/// Installs a native method descriptor on a class defined by the module source.
int add_native_method(Isolate& I, Type* owner, const char* name, NativeFn fn, const char* doc) {
  auto* d = static_cast<MethodDescriptor*>(I.heap.alloc_object(I.rt.method_descriptor_type, sizeof(MethodDescriptor)));
  if (!d) {
    raise_memory(I);
    return -1;
  }
  d->name = I.intern(name);
  if (!d->name) return -1;
  d->fn = fn;
  d->owner = owner;
  d->flags = 0;
  d->doc = doc;
  return set_attr(I, Value::object(owner), d->name, Value::object(d));
}

const char kCoreSource[] = R"PY(
class _RandomCore:
    """Mersenne Twister core: state in a slot; methods are native."""
    __slots__ = ('_mt',)
    def __new__(cls, *args, **kwargs):
        if cls is _RandomCore and kwargs:
            raise TypeError('Random() takes no keyword arguments')
        self = object.__new__(cls)
        self._mt = _new_state()
        self._mt_seed()
        return self
)PY";

const char kRandomSource[] = R"PY(
__all__ = ["Random", "SystemRandom", "betavariate", "choice", "choices",
           "expovariate", "gammavariate", "gauss", "getrandbits", "getstate",
           "lognormvariate", "normalvariate", "paretovariate", "randbytes",
           "randint", "random", "randrange", "sample", "seed", "setstate",
           "shuffle", "triangular", "uniform", "vonmisesvariate",
           "weibullvariate"]

_pi = 3.141592653589793
_e = 2.718281828459045
TWOPI = 2.0 * _pi
NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)
LOG4 = _log(4.0)
SG_MAGICCONST = 1.0 + _log(4.5)
BPF = 53
RECIP_BPF = 2 ** -BPF

try:
    from bisect import bisect as _bisect
except ImportError:
    def _bisect(a, x, lo=0, hi=None):
        if hi is None:
            hi = len(a)
        while lo < hi:
            mid = (lo + hi) // 2
            if x < a[mid]:
                hi = mid
            else:
                lo = mid + 1
        return lo

try:
    from collections.abc import Sequence as _Sequence
except ImportError:
    _Sequence = None

def _is_sequence(x):
    if _Sequence is not None:
        return isinstance(x, _Sequence)
    if isinstance(x, (list, tuple, str, range, bytes, bytearray)):
        return True
    if isinstance(x, (dict, set, frozenset)):
        return False
    t = type(x)
    return hasattr(t, '__getitem__') and hasattr(t, '__len__') and hasattr(t, 'index') and hasattr(t, 'count')

def _running_sums(values):
    out = []
    total = None
    first = True
    for v in values:
        if first:
            total = v
            first = False
        else:
            total = total + v
        out.append(total)
    return out

def _int_arg(x, what):
    if type(x) is int:
        return x
    try:
        return type(x).__index__(x)
    except (TypeError, AttributeError):
        pass
    ix = int(x)
    if ix != x:
        raise ValueError("non-integer %s for randrange()" % what)
    return ix

_ONE = 1


class Random(_RandomCore):
    """Random number generator base class used by bound module functions."""

    VERSION = 3

    def __init__(self, x=None):
        self.seed(x)
        self.gauss_next = None

    def seed(self, a=None, version=2):
        if version == 1 and isinstance(a, (str, bytes)):
            if isinstance(a, bytes):
                a = a.decode('latin-1')
            x = ord(a[0]) << 7 if a else 0
            for ch in a:
                x = ((1000003 * x) ^ ord(ch)) & 0xFFFFFFFFFFFFFFFF
            x ^= len(a)
            a = -2 if x == -1 else x
        elif version == 2 and isinstance(a, (str, bytes, bytearray)):
            if isinstance(a, str):
                a = a.encode()
            else:
                a = bytes(a)
            a = int.from_bytes(a + _sha512(a), 'big')
        elif a is not None and not isinstance(a, (int, float, str, bytes, bytearray)):
            raise TypeError('The only supported seed types are: None,\n'
                            'int, float, str, bytes, and bytearray.')
        self._mt_seed(a)
        self.gauss_next = None

    def getstate(self):
        return self.VERSION, self._mt_getstate(), self.gauss_next

    def setstate(self, state):
        version = state[0]
        if version == 3:
            version, internal, self.gauss_next = state
            self._mt_setstate(internal)
        elif version == 2:
            version, internal, self.gauss_next = state
            try:
                internal = tuple([x % 4294967296 for x in internal])
            except ValueError as e:
                raise TypeError from e
            self._mt_setstate(internal)
        else:
            raise ValueError("state with version %s passed to "
                             "Random.setstate() of version %s" %
                             (version, self.VERSION))

    def __getstate__(self):
        return self.getstate()

    def __setstate__(self, state):
        self.setstate(state)

    def __reduce__(self):
        return self.__class__, (), self.getstate()

    def __init_subclass__(cls, /, **kwargs):
        for c in cls.__mro__:
            d = c.__dict__
            if '_randbelow' in d:
                break
            if 'getrandbits' in d:
                cls._randbelow = cls._randbelow_with_getrandbits
                break
            if 'random' in d:
                cls._randbelow = cls._randbelow_without_getrandbits
                break

    _randbelow = _RandomCore._mt_randbelow

    def _randbelow_with_getrandbits(self, n):
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return r

    def _randbelow_without_getrandbits(self, n, maxsize=1 << BPF):
        random = self.random
        if n >= maxsize:
            return int(random() * n)
        if n == 0:
            raise ValueError("Boundary cannot be zero")
        rem = maxsize % n
        limit = (maxsize - rem) / maxsize
        r = random()
        while r >= limit:
            r = random()
        return int(r * maxsize) % n

    def randbytes(self, n):
        return self.getrandbits(n * 8).to_bytes(n, 'little')

    def randrange(self, start, stop=None, step=_ONE):
        istart = _int_arg(start, 'arg 1')
        if stop is None:
            if step is not _ONE:
                raise TypeError('Missing a non-None stop argument')
            if istart > 0:
                return self._randbelow(istart)
            raise ValueError("empty range for randrange()")
        istop = _int_arg(stop, 'stop')
        width = istop - istart
        istep = _int_arg(step, 'step')
        if istep == 1:
            if width > 0:
                return istart + self._randbelow(width)
            raise ValueError("empty range for randrange() (%d, %d, %d)" % (istart, istop, width))
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError("zero step for randrange()")
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return istart + istep * self._randbelow(n)

    def randint(self, a, b):
        return self.randrange(a, b + 1)

    def choice(self, seq):
        if not len(seq):
            raise IndexError('Cannot choose from an empty sequence')
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        randbelow = self._randbelow
        i = len(x) - 1
        while i > 0:
            j = randbelow(i + 1)
            x[i], x[j] = x[j], x[i]
            i -= 1

    def sample(self, population, k, *, counts=None):
        if not _is_sequence(population):
            raise TypeError("Population must be a sequence.  "
                            "For dicts or sets, use sorted(d).")
        n = len(population)
        if counts is not None:
            cum_counts = _running_sums(counts)
            if len(cum_counts) != n:
                raise ValueError('The number of counts does not match the population')
            total = cum_counts.pop()
            if not isinstance(total, int):
                raise TypeError('Counts must be integers')
            if total <= 0:
                raise ValueError('Total of counts must be greater than zero')
            picks = self.sample(range(total), k=k)
            return [population[_bisect(cum_counts, s)] for s in picks]
        randbelow = self._randbelow
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        result = [None] * k
        setsize = 21
        if k > 5:
            setsize += 4 ** _ceil(_log(k * 3, 4))
        if n <= setsize:
            pool = list(population)
            for i in range(k):
                j = randbelow(n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]
        else:
            selected = set()
            for i in range(k):
                j = randbelow(n)
                while j in selected:
                    j = randbelow(n)
                selected.add(j)
                result[i] = population[j]
        return result

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        random = self.random
        n = len(population)
        if cum_weights is None:
            if weights is None:
                n += 0.0
                return [population[int(random() * n)] for i in range(k)]
            try:
                cum_weights = _running_sums(weights)
            except TypeError:
                if not isinstance(weights, int):
                    raise
                k = weights
                raise TypeError(
                    f'The number of choices must be a keyword argument: {k=}'
                ) from None
        elif weights is not None:
            raise TypeError('Cannot specify both weights and cumulative weights')
        if len(cum_weights) != n:
            raise ValueError('The number of weights does not match the population')
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError('Total of weights must be greater than zero')
        if not _isfinite(total):
            raise ValueError('Total of weights must be finite')
        hi = n - 1
        return [population[_bisect(cum_weights, random() * total, 0, hi)]
                for i in range(k)]

    def uniform(self, a, b):
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * _sqrt(u * c)

    def normalvariate(self, mu=0.0, sigma=1.0):
        random = self.random
        while True:
            u1 = random()
            u2 = 1.0 - random()
            z = NV_MAGICCONST * (u1 - 0.5) / u2
            if z * z / 4.0 <= -_log(u2):
                break
        return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            random = self.random
            x2pi = random() * TWOPI
            g2rad = _sqrt(-2.0 * _log(1.0 - random()))
            z = _cos(x2pi) * g2rad
            self.gauss_next = _sin(x2pi) * g2rad
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        return _exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        return -_log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        random = self.random
        if kappa <= 1e-6:
            return TWOPI * random()
        s = 0.5 / kappa
        r = s + _sqrt(1.0 + s * s)
        while True:
            u1 = random()
            z = _cos(_pi * u1)
            d = z / (r + z)
            u2 = random()
            if u2 < 1.0 - d * d or u2 <= (1.0 - d) * _exp(d):
                break
        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        u3 = random()
        if u3 > 0.5:
            return (mu + _acos(f)) % TWOPI
        return (mu - _acos(f)) % TWOPI

    def gammavariate(self, alpha, beta):
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError('gammavariate: alpha and beta must be > 0.0')
        random = self.random
        if alpha > 1.0:
            ainv = _sqrt(2.0 * alpha - 1.0)
            bbb = alpha - LOG4
            ccc = alpha + ainv
            while True:
                u1 = random()
                if not 1e-7 < u1 < 0.9999999:
                    continue
                u2 = 1.0 - random()
                v = _log(u1 / (1.0 - u1)) / ainv
                x = alpha * _exp(v)
                z = u1 * u1 * u2
                r = bbb + ccc * v - x
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 or r >= _log(z):
                    return x * beta
        elif alpha == 1.0:
            return -_log(1.0 - random()) * beta
        else:
            while True:
                u = random()
                b = (_e + alpha) / _e
                p = b * u
                if p <= 1.0:
                    x = p ** (1.0 / alpha)
                else:
                    x = -_log((b - p) / alpha)
                u1 = random()
                if p > 1.0:
                    if u1 <= x ** (alpha - 1.0):
                        break
                elif u1 <= _exp(-x):
                    break
            return x * beta

    def betavariate(self, alpha, beta):
        y = self.gammavariate(alpha, 1.0)
        if y:
            return y / (y + self.gammavariate(beta, 1.0))
        return 0.0

    def paretovariate(self, alpha):
        u = 1.0 - self.random()
        return u ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        u = 1.0 - self.random()
        return alpha * (-_log(u)) ** (1.0 / beta)


class SystemRandom(Random):
    """Random numbers from the host's entropy source (no state)."""

    def random(self):
        return (int.from_bytes(_urandom(7), 'big') >> 3) * RECIP_BPF

    def getrandbits(self, k):
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        numbytes = (k + 7) // 8
        x = int.from_bytes(_urandom(numbytes), 'big')
        return x >> (numbytes * 8 - k)

    def randbytes(self, n):
        return _urandom(n)

    def seed(self, *args, **kwds):
        return None

    def _notimplemented(self, *args, **kwds):
        raise NotImplementedError('System entropy source does not have state.')
    getstate = setstate = _notimplemented


_inst = Random()
seed = _inst.seed
random = _inst.random
uniform = _inst.uniform
triangular = _inst.triangular
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
normalvariate = _inst.normalvariate
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
vonmisesvariate = _inst.vonmisesvariate
gammavariate = _inst.gammavariate
gauss = _inst.gauss
betavariate = _inst.betavariate
paretovariate = _inst.paretovariate
weibullvariate = _inst.weibullvariate
getstate = _inst.getstate
setstate = _inst.setstate
getrandbits = _inst.getrandbits
randbytes = _inst.randbytes
)PY";

}  // namespace

int init_random_module(Isolate& I, Module* m) {
  if (module_add_function(I, m, "_new_state", new_state) < 0 || module_add_function(I, m, "_sha512", fn_sha512) < 0 ||
      module_add_function(I, m, "_urandom", fn_urandom) < 0 || module_add_function(I, m, "_log", fn_log) < 0 ||
      module_add_function(I, m, "_exp", fn_exp) < 0 || module_add_function(I, m, "_sqrt", fn_sqrt) < 0 ||
      module_add_function(I, m, "_cos", fn_cos) < 0 || module_add_function(I, m, "_sin", fn_sin) < 0 ||
      module_add_function(I, m, "_acos", fn_acos) < 0 || module_add_function(I, m, "_ceil", fn_ceil) < 0 ||
      module_add_function(I, m, "_isfinite", fn_isfinite) < 0)
    return -1;
  if (run_module_source(I, m, "<capy>/random.py", kCoreSource).is_error()) return -1;
  Value core = dict_get_cstr(I, m->dict, "_RandomCore");
  if (core.is_error()) return -1;
  if (core.is_null() || !is_subtype(type_of(I, core), I.rt.type_type)) {
    raise(I, I.rt.exc_ImportError, "random: core class missing");
    return -1;
  }
  Type* t = core.as<Type>();
  if (add_native_method(I, t, "random", rnd_random, "random() -> x in the interval [0, 1).") < 0 ||
      add_native_method(I, t, "getrandbits", rnd_getrandbits, "getrandbits(k) -> x.  Generates an int with k random bits.") < 0 ||
      add_native_method(I, t, "_mt_seed", rnd_seed, nullptr) < 0 ||
      add_native_method(I, t, "_mt_getstate", rnd_getstate, nullptr) < 0 ||
      add_native_method(I, t, "_mt_setstate", rnd_setstate, nullptr) < 0 ||
      add_native_method(I, t, "_mt_randbelow", rnd_randbelow, nullptr) < 0)
    return -1;
  Value r = run_module_source(I, m, "<capy>/random.py", kRandomSource);
  return r.is_error() ? -1 : 0;
}

}  // namespace capy
