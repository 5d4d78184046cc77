// hashlib: secure hashes and message digests (CPython 3.11's hashlib, with
// the OpenSSL-backed constructors of _hashlib and the _blake2 types).
//
// md5, sha1, sha2, sha3, shake and the other OpenSSL digests go through
// libcrypto's EVP API (types _hashlib.HASH / _hashlib.HASHXOF). BLAKE2b and
// BLAKE2s are implemented here (RFC 7693 plus the BLAKE2 tree parameters),
// so that every parameter CPython's _blake2 accepts (digest_size, key, salt,
// person, fanout, depth, leaf_size, node_offset, node_depth, inner_size,
// last_node) is supported exactly. pbkdf2_hmac is computed here on top of
// EVP so that long iteration counts observe the isolate's interrupts.
// `_compare_digest` (constant-time comparison) serves hmac and secrets.
#include <openssl/evp.h>

#include <cstring>
#include <string>

#include "modules/registry.h"
#include "modules/stdlib_support.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/memoryview.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm/eval.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

// Bytes charged to the heap for each OpenSSL digest context (an estimate:
// libcrypto allocates the context itself).
constexpr size_t kCtxCharge = 512;

struct Algo {
  const char* py;       // hashlib name
  const char* ossl;     // OpenSSL name
  bool guaranteed;
};

const Algo kAlgos[] = {
    {"md5", "MD5", true},
    {"sha1", "SHA1", true},
    {"sha224", "SHA224", true},
    {"sha256", "SHA256", true},
    {"sha384", "SHA384", true},
    {"sha512", "SHA512", true},
    {"sha3_224", "SHA3-224", true},
    {"sha3_256", "SHA3-256", true},
    {"sha3_384", "SHA3-384", true},
    {"sha3_512", "SHA3-512", true},
    {"shake_128", "SHAKE128", true},
    {"shake_256", "SHAKE256", true},
    {"sha512_224", "SHA512-224", false},
    {"sha512_256", "SHA512-256", false},
    {"md5-sha1", "MD5-SHA1", false},
    {"sm3", "SM3", false},
    {"ripemd160", "RIPEMD160", false},
};
constexpr size_t kNumAlgos = sizeof(kAlgos) / sizeof(kAlgos[0]);

// --- buffers -----------------------------------------------------------------------

/// Data to hash: bytes-like, with CPython's messages for str and others.
bool hash_buffer(Isolate& I, Value v, std::string_view* out, std::string* keep) {
  if (v.is_object() && (v.as_object()->type_->flags & kTypeStrSubclass)) {
    raise(I, I.rt.exc_TypeError, "Strings must be encoded before hashing");
    return false;
  }
  int r = buffer_bytes(I, v, out, keep);
  if (r < 0) return false;
  if (r == 0) {
    raise(I, I.rt.exc_TypeError, "object supporting the buffer API required");
    return false;
  }
  return true;
}

bool plain_buffer(Isolate& I, Value v, std::string_view* out, std::string* keep) {
  int r = buffer_bytes(I, v, out, keep);
  if (r < 0) return false;
  if (r == 0) {
    raisef(I, I.rt.exc_TypeError, "a bytes-like object is required, not '%s'", type_name(I, v));
    return false;
  }
  return true;
}

Value hex_of(Isolate& I, const unsigned char* d, size_t n) {
  static const char kHex[] = "0123456789abcdef";
  Str* s = str_alloc(I, n * 2);
  if (!s) return Value::error();
  for (size_t i = 0; i < n; ++i) {
    s->data[2 * i] = kHex[d[i] >> 4];
    s->data[2 * i + 1] = kHex[d[i] & 15];
  }
  str_finish(s);
  return Value::object(s);
}

bool poll_interrupt(Isolate& I) {
  uint32_t intr = I.interrupt.load(std::memory_order_relaxed);
  if (!intr) return true;
  LimitKind k = (intr >= static_cast<uint32_t>(LimitKind::Memory) && intr <= static_cast<uint32_t>(LimitKind::Terminated))
                    ? static_cast<LimitKind>(intr)
                    : LimitKind::Terminated;
  I.end_run(k);
  return false;
}

// --- OpenSSL-backed HASH objects ------------------------------------------------------------

struct HashObj : Object {
  EVP_MD_CTX* ctx;
  uint32_t algo;   // index into kAlgos, or UINT32_MAX (name from OpenSSL)
  uint8_t xof;
};

void hash_finalize(Isolate& I, Object* o) {
  auto* h = static_cast<HashObj*>(o);
  if (h->ctx) {
    EVP_MD_CTX_free(h->ctx);
    h->ctx = nullptr;
    I.heap.credit(kCtxCharge);
  }
}

void hash_trace(Object*, Tracer&) {}

Type* module_type(Isolate& I, const char* name) {
  Value t = stdlib_module_attr(I, "hashlib", name);
  if (!t.is_object() || !(type_of(I, t)->flags & kTypeTypeSubclass)) {
    raise(I, I.rt.exc_RuntimeError, "hashlib module state is unavailable");
    return nullptr;
  }
  return t.as<Type>();
}

HashObj* hash_alloc(Isolate& I, bool xof) {
  Type* t = module_type(I, xof ? "_HASHXOF" : "_HASH");
  if (!t) return nullptr;
  if (!I.heap.charge(kCtxCharge)) {
    raise_memory(I);
    return nullptr;
  }
  auto* h = static_cast<HashObj*>(I.heap.alloc_object(t, sizeof(HashObj)));
  if (!h) {
    I.heap.credit(kCtxCharge);
    raise_memory(I);
    return nullptr;
  }
  h->ctx = EVP_MD_CTX_new();
  if (!h->ctx) {
    I.heap.credit(kCtxCharge);
    raise_memory(I);
    return nullptr;
  }
  return h;
}

HashObj* hash_self(Isolate& I, Value v) {
  if (v.is_object() && v.as_object()->type_->trace == hash_trace) return v.as<HashObj>();
  raisef(I, I.rt.exc_TypeError, "descriptor requires a '_hashlib.HASH' object but received a '%s'", type_name(I, v));
  return nullptr;
}

int hash_update(Isolate& I, HashObj* h, std::string_view d) {
  if (!EVP_DigestUpdate(h->ctx, d.data(), d.size())) {
    raise(I, I.rt.exc_ValueError, "digest update failed");
    return -1;
  }
  return 0;
}

/// Creates a HASH for the OpenSSL digest `md` (algo index or UINT32_MAX) fed with `data` (may be null).
Value hash_create(Isolate& I, const EVP_MD* md, uint32_t algo, Value data) {
  std::string_view d;
  std::string keep;
  if (!data.is_null() && !hash_buffer(I, data, &d, &keep)) return Value::error();
  bool xof = (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0;
  HashObj* h = hash_alloc(I, xof);
  if (!h) return Value::error();
  h->algo = algo;
  h->xof = xof;
  if (!EVP_DigestInit_ex(h->ctx, md, nullptr)) return raise(I, I.rt.exc_ValueError, "unsupported hash type");
  if (!d.empty() && hash_update(I, h, d) < 0) return Value::error();
  return Value::object(h);
}

const EVP_MD* algo_md(uint32_t i) { return EVP_get_digestbyname(kAlgos[i].ossl); }

template <size_t kIndex>
Value fn_openssl_ctor(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  std::string fname = std::string("openssl_") + kAlgos[kIndex].py;
  Value a[2];
  if (stdlib_bind_args(I, fname.c_str(), args, nargs, kw, {"string", "usedforsecurity"}, 0, 1, 0, a) < 0)
    return Value::error();
  const EVP_MD* md = algo_md(kIndex);
  if (!md) return raisef(I, stdlib_module_exc(I, "hashlib", "UnsupportedDigestmodError", I.rt.exc_ValueError),
                         "[digital envelope routines] unsupported");
  return hash_create(I, md, kIndex, a[0]);
}

std::string py_name_of(const HashObj* h) {
  if (h->algo < kNumAlgos) return kAlgos[h->algo].py;
  const EVP_MD* md = EVP_MD_CTX_get0_md(h->ctx);
  if (!md) return "unknown";
  const char* n = EVP_MD_get0_name(md);
  std::string s = n ? n : "unknown";
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Value m_hash_update(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  HashObj* h = hash_self(I, args[0]);
  if (!h) return Value::error();
  if (check_no_kwargs(I, "HASH.update", kw) < 0) return Value::error();
  if (nargs != 2) return raisef(I, I.rt.exc_TypeError, "HASH.update() takes exactly one argument (%zu given)", nargs - 1);
  std::string_view d;
  std::string keep;
  if (!hash_buffer(I, args[1], &d, &keep)) return Value::error();
  if (hash_update(I, h, d) < 0) return Value::error();
  return Value::none();
}

/// Digest of a copy of the context (the object stays usable). len for XOF.
bool hash_final(Isolate& I, HashObj* h, unsigned char* out, size_t len, unsigned* got) {
  EVP_MD_CTX* tmp = EVP_MD_CTX_new();
  if (!tmp) {
    raise_memory(I);
    return false;
  }
  bool ok = EVP_MD_CTX_copy_ex(tmp, h->ctx) &&
            (h->xof ? EVP_DigestFinalXOF(tmp, out, len) : EVP_DigestFinal_ex(tmp, out, got));
  if (h->xof) *got = static_cast<unsigned>(len);
  EVP_MD_CTX_free(tmp);
  if (!ok) raise(I, I.rt.exc_ValueError, "digest computation failed");
  return ok;
}

Value hash_digest_common(Isolate& I, const Value* args, size_t nargs, Tuple* kw, bool hex) {
  HashObj* h = hash_self(I, args[0]);
  if (!h) return Value::error();
  const char* name = hex ? "hexdigest" : "digest";
  if (!h->xof) {
    const char* qname = hex ? "HASH.hexdigest" : "HASH.digest";
    if (check_no_kwargs(I, qname, kw) < 0) return Value::error();
    if (nargs != 1) return raisef(I, I.rt.exc_TypeError, "%s() takes no arguments (%zu given)", qname, nargs - 1);
    unsigned char buf[EVP_MAX_MD_SIZE];
    unsigned got = 0;
    if (!hash_final(I, h, buf, 0, &got)) return Value::error();
    return hex ? hex_of(I, buf, got) : bytes_value(I, std::string_view(reinterpret_cast<char*>(buf), got));
  }
  Value a[1];
  if (stdlib_bind_args(I, name, args + 1, nargs - 1, kw, {"length"}, 0, 1, 1, a) < 0) return Value::error();
  int64_t len;
  if (!index_i64(I, a[0], &len)) return Value::error();
  if (len < 0) return raise(I, I.rt.exc_SystemError, "Negative size passed to PyBytes_FromStringAndSize");
  if (len == 0) return hex ? str_value(I, "") : bytes_value(I, "");
  if (len > (int64_t(1) << 40) || (hex && len > (int64_t(1) << 39))) return raise_memory(I);
  void* buf = I.heap.alloc_raw(static_cast<size_t>(len));
  if (!buf) return raise_memory(I);
  unsigned got = 0;
  Value r;
  if (!hash_final(I, h, static_cast<unsigned char*>(buf), static_cast<size_t>(len), &got)) r = Value::error();
  else if (hex) r = hex_of(I, static_cast<unsigned char*>(buf), static_cast<size_t>(len));
  else r = bytes_value(I, std::string_view(static_cast<char*>(buf), static_cast<size_t>(len)));
  I.heap.free_raw(buf, static_cast<size_t>(len));
  return r;
}

Value m_hash_digest(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  return hash_digest_common(I, args, nargs, kw, false);
}
Value m_hash_hexdigest(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  return hash_digest_common(I, args, nargs, kw, true);
}

Value m_hash_copy(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  HashObj* h = hash_self(I, args[0]);
  if (!h) return Value::error();
  if (check_no_kwargs(I, "HASH.copy", kw) < 0) return Value::error();
  if (nargs != 1) return raisef(I, I.rt.exc_TypeError, "HASH.copy() takes no arguments (%zu given)", nargs - 1);
  HashObj* c = hash_alloc(I, h->xof);
  if (!c) return Value::error();
  c->algo = h->algo;
  c->xof = h->xof;
  if (!EVP_MD_CTX_copy_ex(c->ctx, h->ctx)) return raise(I, I.rt.exc_ValueError, "copy failed");
  return Value::object(c);
}

Value hash_get_name(Isolate& I, Value self) { return str_value(I, py_name_of(self.as<HashObj>())); }
Value hash_get_digest_size(Isolate& I, Value self) {
  auto* h = self.as<HashObj>();
  if (h->xof) return Value::small_int(0);
  return Value::small_int(EVP_MD_CTX_get_size(h->ctx));
}
Value hash_get_block_size(Isolate& I, Value self) {
  return Value::small_int(EVP_MD_CTX_get_block_size(self.as<HashObj>()->ctx));
}

Value hash_repr(Isolate& I, Value self) {
  auto* h = self.as<HashObj>();
  char buf[32];
  snprintf(buf, sizeof buf, "%#llx", static_cast<unsigned long long>(object_id(I, self)));
  std::string s = "<" + py_name_of(h) + " _hashlib." + (h->xof ? "HASHXOF" : "HASH") + " object @ " + buf + ">";
  return str_value(I, s);
}

Value m_hash_repr(Isolate& I, const Value* args, size_t nargs, Tuple*) {
  if (!hash_self(I, args[0])) return Value::error();
  return hash_repr(I, args[0]);
}

Value refuse_new(Isolate& I, Type* type, const Value*, size_t, Tuple*) {
  return raisef(I, I.rt.exc_TypeError, "cannot create '%s.%s' instances", type->module ? type->module->data : "",
                type->name->data);
}

/// Looks up a digest by hashlib name or OpenSSL name. *algo receives the table index or UINT32_MAX.
const EVP_MD* md_by_name(std::string_view name, uint32_t* algo) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (size_t i = 0; i < kNumAlgos; ++i) {
    if (lower == kAlgos[i].py) {
      *algo = static_cast<uint32_t>(i);
      return algo_md(static_cast<uint32_t>(i));
    }
  }
  std::string n(name);
  if (n.find('\0') != std::string::npos) return nullptr;
  const EVP_MD* md = EVP_get_digestbyname(n.c_str());
  *algo = UINT32_MAX;
  if (md) {
    int nid = EVP_MD_get_type(md);
    for (size_t i = 0; i < kNumAlgos; ++i) {
      const EVP_MD* m2 = algo_md(static_cast<uint32_t>(i));
      if (m2 && EVP_MD_get_type(m2) == nid) {
        *algo = static_cast<uint32_t>(i);
        break;
      }
    }
  }
  return md;
}

// --- BLAKE2 ----------------------------------------------------------------------------------

template <class W>
struct Blake2Traits;

template <>
struct Blake2Traits<uint64_t> {
  static constexpr size_t kBlock = 128, kOut = 64, kKey = 64, kSalt = 16, kPerson = 16, kRounds = 12;
  static constexpr int r1 = 32, r2 = 24, r3 = 16, r4 = 63;
  static constexpr uint64_t iv[8] = {0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull,
                                     0xa54ff53a5f1d36f1ull, 0x510e527fade682d1ull, 0x9b05688c2b3e6c1full,
                                     0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull};
};

template <>
struct Blake2Traits<uint32_t> {
  static constexpr size_t kBlock = 64, kOut = 32, kKey = 32, kSalt = 8, kPerson = 8, kRounds = 10;
  static constexpr int r1 = 16, r2 = 12, r3 = 8, r4 = 7;
  static constexpr uint32_t iv[8] = {0x6A09E667u, 0xBB67AE85u, 0x3C6EF372u, 0xA54FF53Au,
                                     0x510E527Fu, 0x9B05688Cu, 0x1F83D9ABu, 0x5BE0CD19u};
};

const uint8_t kSigma[12][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4}, {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13}, {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11}, {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5}, {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
};

template <class W>
inline W rotr(W x, int n) {
  return static_cast<W>((x >> n) | (x << (sizeof(W) * 8 - n)));
}

template <class W>
inline W load_le(const uint8_t* p) {
  W w = 0;
  for (size_t i = 0; i < sizeof(W); ++i) w |= static_cast<W>(p[i]) << (8 * i);
  return w;
}

template <class W>
struct Blake2State {
  using T = Blake2Traits<W>;
  W h[8];
  W t[2];
  W f[2];
  uint8_t buf[T::kBlock];
  uint32_t buflen;
  uint8_t outlen;
  uint8_t last_node;

  void compress(const uint8_t* block) {
    W m[16], v[16];
    for (int i = 0; i < 16; ++i) m[i] = load_le<W>(block + i * sizeof(W));
    for (int i = 0; i < 8; ++i) {
      v[i] = h[i];
      v[i + 8] = T::iv[i];
    }
    v[12] ^= t[0];
    v[13] ^= t[1];
    v[14] ^= f[0];
    v[15] ^= f[1];
    auto G = [&](int a, int b, int c, int d, W x, W y) {
      v[a] = v[a] + v[b] + x;
      v[d] = rotr<W>(v[d] ^ v[a], T::r1);
      v[c] = v[c] + v[d];
      v[b] = rotr<W>(v[b] ^ v[c], T::r2);
      v[a] = v[a] + v[b] + y;
      v[d] = rotr<W>(v[d] ^ v[a], T::r3);
      v[c] = v[c] + v[d];
      v[b] = rotr<W>(v[b] ^ v[c], T::r4);
    };
    for (size_t r = 0; r < T::kRounds; ++r) {
      const uint8_t* s = kSigma[r];
      G(0, 4, 8, 12, m[s[0]], m[s[1]]);
      G(1, 5, 9, 13, m[s[2]], m[s[3]]);
      G(2, 6, 10, 14, m[s[4]], m[s[5]]);
      G(3, 7, 11, 15, m[s[6]], m[s[7]]);
      G(0, 5, 10, 15, m[s[8]], m[s[9]]);
      G(1, 6, 11, 12, m[s[10]], m[s[11]]);
      G(2, 7, 8, 13, m[s[12]], m[s[13]]);
      G(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    for (int i = 0; i < 8; ++i) h[i] ^= v[i] ^ v[i + 8];
  }

  void increment(W n) {
    t[0] += n;
    if (t[0] < n) ++t[1];
  }

  void update(const uint8_t* p, size_t n) {
    while (n > 0) {
      if (buflen == T::kBlock) {
        increment(static_cast<W>(T::kBlock));
        compress(buf);
        buflen = 0;
      }
      size_t take = T::kBlock - buflen;
      if (take > n) take = n;
      std::memcpy(buf + buflen, p, take);
      buflen += static_cast<uint32_t>(take);
      p += take;
      n -= take;
    }
  }

  void final(uint8_t* out) const {
    Blake2State s = *this;
    s.increment(static_cast<W>(s.buflen));
    s.f[0] = static_cast<W>(~W(0));
    if (s.last_node) s.f[1] = static_cast<W>(~W(0));
    std::memset(s.buf + s.buflen, 0, T::kBlock - s.buflen);
    s.compress(s.buf);
    uint8_t full[8 * sizeof(W)];
    for (int i = 0; i < 8; ++i)
      for (size_t j = 0; j < sizeof(W); ++j) full[i * sizeof(W) + j] = static_cast<uint8_t>(s.h[i] >> (8 * j));
    std::memcpy(out, full, outlen);
  }
};

struct Blake2bObj : Object {
  Blake2State<uint64_t> st;
};
struct Blake2sObj : Object {
  Blake2State<uint32_t> st;
};

void blake2b_trace(Object*, Tracer&) {}
void blake2s_trace(Object*, Tracer&) {}

/// unsigned long / unsigned long long argument with CPython's messages.
bool get_unsigned(Isolate& I, Value v, uint64_t* out) {
  Value iv = index(I, v);
  if (iv.is_error()) return false;
  iv = int_unwrap(I, iv);
  int64_t x;
  if (int_to_i64(iv, &x)) {
    if (x < 0) {
      raise(I, I.rt.exc_ValueError, "value must be positive");
      return false;
    }
    *out = static_cast<uint64_t>(x);
    return true;
  }
  int sign = int_compare(iv, Value::small_int(0));
  if (sign < 0) {
    raise(I, I.rt.exc_ValueError, "value must be positive");
    return false;
  }
  Value limit = int_from_u64(I, UINT64_MAX);
  if (limit.is_error()) return false;
  if (int_compare(iv, limit) > 0) {
    raise(I, I.rt.exc_OverflowError, "int too big to convert");
    return false;
  }
  Value hi = binary_op(I, iv, Value::small_int(32), NbOp::RShift);
  Value lo = binary_op(I, iv, int_from_i64(I, 0xFFFFFFFFll), NbOp::And);
  int64_t h, l;
  if (hi.is_error() || lo.is_error() || !int_to_i64(hi, &h) || !int_to_i64(lo, &l)) return false;
  *out = (static_cast<uint64_t>(h) << 32) | static_cast<uint64_t>(l);
  return true;
}

bool get_cint(Isolate& I, Value v, int* out) {
  int64_t x;
  if (v.is_object() && is_subtype(type_of(I, v), I.rt.float_type)) {
    raise(I, I.rt.exc_TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  }
  if (!index_i64(I, v, &x)) {
    if (!pending_matches(I, I.rt.exc_OverflowError)) return false;
    I.pending = nullptr;
    x = INT64_MAX;
  }
  if (x > INT32_MAX || x < INT32_MIN) {
    raise(I, I.rt.exc_OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = static_cast<int>(x);
  return true;
}

template <class W, class Obj>
Value blake2_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  using T = Blake2Traits<W>;
  constexpr bool is_b = sizeof(W) == 8;
  const char* fname = is_b ? "blake2b" : "blake2s";
  Value a[13];
  if (nargs > 1)
    return raisef(I, I.rt.exc_TypeError, "%s() takes at most 1 positional argument (%zu given)", fname, nargs);
  if (stdlib_bind_args(I, fname, args, nargs, kw,
                {"", "digest_size", "key", "salt", "person", "fanout", "depth", "leaf_size", "node_offset",
                 "node_depth", "inner_size", "last_node", "usedforsecurity"},
                1, 1, 0, a) < 0)
    return Value::error();
  int digest_size = static_cast<int>(T::kOut), fanout = 1, depth = 1, node_depth = 0, inner_size = 0;
  uint64_t leaf_size = 0, node_offset = 0;
  bool last_node = false;
  if (!a[1].is_null() && !get_cint(I, a[1], &digest_size)) return Value::error();
  std::string_view key, salt, person;
  std::string k1, k2, k3;
  if (!a[2].is_null() && !plain_buffer(I, a[2], &key, &k1)) return Value::error();
  if (!a[3].is_null() && !plain_buffer(I, a[3], &salt, &k2)) return Value::error();
  if (!a[4].is_null() && !plain_buffer(I, a[4], &person, &k3)) return Value::error();
  if (!a[5].is_null() && !get_cint(I, a[5], &fanout)) return Value::error();
  if (!a[6].is_null() && !get_cint(I, a[6], &depth)) return Value::error();
  if (!a[7].is_null() && !get_unsigned(I, a[7], &leaf_size)) return Value::error();
  if (!a[8].is_null() && !get_unsigned(I, a[8], &node_offset)) return Value::error();
  if (!a[9].is_null() && !get_cint(I, a[9], &node_depth)) return Value::error();
  if (!a[10].is_null() && !get_cint(I, a[10], &inner_size)) return Value::error();
  if (!a[11].is_null()) {
    int r = truthy(I, a[11]);
    if (r < 0) return Value::error();
    last_node = r;
  }
  if (!a[12].is_null() && truthy(I, a[12]) < 0) return Value::error();

  if (digest_size <= 0 || static_cast<size_t>(digest_size) > T::kOut)
    return raisef(I, I.rt.exc_ValueError, "digest_size must be between 1 and %d bytes", static_cast<int>(T::kOut));
  if (salt.size() > T::kSalt)
    return raisef(I, I.rt.exc_ValueError, "maximum salt length is %d bytes", static_cast<int>(T::kSalt));
  if (person.size() > T::kPerson)
    return raisef(I, I.rt.exc_ValueError, "maximum person length is %d bytes", static_cast<int>(T::kPerson));
  if (fanout < 0 || fanout > 255) return raise(I, I.rt.exc_ValueError, "fanout must be between 0 and 255");
  if (depth <= 0 || depth > 255) return raise(I, I.rt.exc_ValueError, "depth must be between 1 and 255");
  if (leaf_size > 0xFFFFFFFFull) return raise(I, I.rt.exc_OverflowError, "leaf_size is too large");
  if (!is_b && node_offset > 0xFFFFFFFFFFFFull) return raise(I, I.rt.exc_OverflowError, "node_offset is too large");
  if (node_depth < 0 || node_depth > 255) return raise(I, I.rt.exc_ValueError, "node_depth must be between 0 and 255");
  if (inner_size < 0 || static_cast<size_t>(inner_size) > T::kOut)
    return raisef(I, I.rt.exc_ValueError, "inner_size must be between 0 and is %d", static_cast<int>(T::kOut));
  if (key.size() > T::kKey)
    return raisef(I, I.rt.exc_ValueError, "maximum key length is %d bytes", static_cast<int>(T::kKey));

  std::string_view data;
  std::string kd;
  if (!a[0].is_null() && !hash_buffer(I, a[0], &data, &kd)) return Value::error();

  auto* o = static_cast<Obj*>(I.heap.alloc_object(type, type->basicsize));
  if (!o) return raise_memory(I);
  Blake2State<W>& st = o->st;
  // The parameter block.
  uint8_t p[8 * sizeof(W)] = {};
  p[0] = static_cast<uint8_t>(digest_size);
  p[1] = static_cast<uint8_t>(key.size());
  p[2] = static_cast<uint8_t>(fanout);
  p[3] = static_cast<uint8_t>(depth);
  for (int i = 0; i < 4; ++i) p[4 + i] = static_cast<uint8_t>(leaf_size >> (8 * i));
  if (is_b) {
    for (int i = 0; i < 8; ++i) p[8 + i] = static_cast<uint8_t>(node_offset >> (8 * i));
    p[16] = static_cast<uint8_t>(node_depth);
    p[17] = static_cast<uint8_t>(inner_size);
    if (!salt.empty()) std::memcpy(p + 32, salt.data(), salt.size());
    if (!person.empty()) std::memcpy(p + 48, person.data(), person.size());
  } else {
    for (int i = 0; i < 6; ++i) p[8 + i] = static_cast<uint8_t>(node_offset >> (8 * i));
    p[14] = static_cast<uint8_t>(node_depth);
    p[15] = static_cast<uint8_t>(inner_size);
    if (!salt.empty()) std::memcpy(p + 16, salt.data(), salt.size());
    if (!person.empty()) std::memcpy(p + 24, person.data(), person.size());
  }
  for (int i = 0; i < 8; ++i) st.h[i] = T::iv[i] ^ load_le<W>(p + i * sizeof(W));
  st.outlen = static_cast<uint8_t>(digest_size);
  st.last_node = last_node;
  if (!key.empty()) {
    uint8_t block[T::kBlock] = {};
    std::memcpy(block, key.data(), key.size());
    st.update(block, T::kBlock);
  }
  if (!data.empty()) st.update(reinterpret_cast<const uint8_t*>(data.data()), data.size());
  return Value::object(o);
}

template <class W, class Obj>
Obj* blake2_self(Isolate& I, Value v) {
  TraceFn tr = sizeof(W) == 8 ? blake2b_trace : blake2s_trace;
  if (v.is_object() && v.as_object()->type_->trace == tr) return v.as<Obj>();
  raisef(I, I.rt.exc_TypeError, "descriptor requires a '_blake2.%s' object but received a '%s'",
         sizeof(W) == 8 ? "blake2b" : "blake2s", type_name(I, v));
  return nullptr;
}

template <class W, class Obj>
Value m_blake2_update(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Obj* o = blake2_self<W, Obj>(I, args[0]);
  if (!o) return Value::error();
  const char* tn = sizeof(W) == 8 ? "blake2b" : "blake2s";
  if (check_no_kwargs(I, "update", kw) < 0) return Value::error();
  if (nargs != 2) return raisef(I, I.rt.exc_TypeError, "%s.update() takes exactly one argument (%zu given)", tn, nargs - 1);
  std::string_view d;
  std::string keep;
  if (!hash_buffer(I, args[1], &d, &keep)) return Value::error();
  o->st.update(reinterpret_cast<const uint8_t*>(d.data()), d.size());
  return Value::none();
}

template <class W, class Obj, bool kHex>
Value m_blake2_digest(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Obj* o = blake2_self<W, Obj>(I, args[0]);
  if (!o) return Value::error();
  const char* name = kHex ? "hexdigest" : "digest";
  if (check_no_kwargs(I, name, kw) < 0) return Value::error();
  if (nargs != 1)
    return raisef(I, I.rt.exc_TypeError, "%s.%s() takes no arguments (%zu given)", sizeof(W) == 8 ? "blake2b" : "blake2s",
                  name, nargs - 1);
  uint8_t out[64];
  o->st.final(out);
  if (kHex) return hex_of(I, out, o->st.outlen);
  return bytes_value(I, std::string_view(reinterpret_cast<char*>(out), o->st.outlen));
}

template <class W, class Obj>
Value m_blake2_copy(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Obj* o = blake2_self<W, Obj>(I, args[0]);
  if (!o) return Value::error();
  if (check_no_kwargs(I, "copy", kw) < 0) return Value::error();
  if (nargs != 1)
    return raisef(I, I.rt.exc_TypeError, "%s.copy() takes no arguments (%zu given)", sizeof(W) == 8 ? "blake2b" : "blake2s",
                  nargs - 1);
  Type* t = o->type_;
  auto* c = static_cast<Obj*>(I.heap.alloc_object(t, t->basicsize));
  if (!c) return raise_memory(I);
  c->st = o->st;
  return Value::object(c);
}

template <class W, class Obj>
Value blake2_name(Isolate& I, Value self) {
  return str_value(I, sizeof(W) == 8 ? "blake2b" : "blake2s");
}
template <class W, class Obj>
Value blake2_digest_size(Isolate& I, Value self) {
  return Value::small_int(self.as<Obj>()->st.outlen);
}
template <class W, class Obj>
Value blake2_block_size(Isolate& I, Value self) {
  return Value::small_int(static_cast<int64_t>(Blake2Traits<W>::kBlock));
}

template <class W, class Obj>
Type* make_blake2_type(Isolate& I, const char* name) {
  using T = Blake2Traits<W>;
  Type* t = stdlib_make_type(I, name, "_blake2", I.rt.object_type, sizeof(Obj), 0);
  if (!t) return nullptr;
  t->new_ = blake2_new<W, Obj>;
  t->init = nullptr;
  t->trace = sizeof(W) == 8 ? blake2b_trace : blake2s_trace;
  if (add_method(I, t, "update", m_blake2_update<W, Obj>) < 0 ||
      add_method(I, t, "digest", m_blake2_digest<W, Obj, false>) < 0 ||
      add_method(I, t, "hexdigest", m_blake2_digest<W, Obj, true>) < 0 ||
      add_method(I, t, "copy", m_blake2_copy<W, Obj>) < 0 ||
      add_getset(I, t, "name", blake2_name<W, Obj>) < 0 ||
      add_getset(I, t, "digest_size", blake2_digest_size<W, Obj>) < 0 ||
      add_getset(I, t, "block_size", blake2_block_size<W, Obj>) < 0 ||
      dict_set_str(I, t->dict, I.intern("SALT_SIZE"), Value::small_int(T::kSalt)) < 0 ||
      dict_set_str(I, t->dict, I.intern("PERSON_SIZE"), Value::small_int(T::kPerson)) < 0 ||
      dict_set_str(I, t->dict, I.intern("MAX_KEY_SIZE"), Value::small_int(T::kKey)) < 0 ||
      dict_set_str(I, t->dict, I.intern("MAX_DIGEST_SIZE"), Value::small_int(T::kOut)) < 0)
    return nullptr;
  return t;
}

// --- hashlib.new ------------------------------------------------------------------------------

Value fn_new(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (nargs < 1) {
    // name may come by keyword.
    Value a[1];
    size_t nkw = kw ? kw->size() : 0;
    for (size_t i = 0; i < nkw; ++i) {
      if (kw->items[i].as<Str>()->view() == "name") a[0] = args[nargs + i];
    }
    if (a[0].is_null()) return raise(I, I.rt.exc_TypeError, "__hash_new() missing 1 required positional argument: 'name'");
  }
  // Separate name / data from the remaining keyword arguments.
  Value name = nargs > 0 ? args[0] : Value::null();
  Value data = nargs > 1 ? args[1] : Value::null();
  if (nargs > 2) return raisef(I, I.rt.exc_TypeError, "__hash_new() takes from 1 to 2 positional arguments but %zu were given", nargs);
  size_t nkw = kw ? kw->size() : 0;
  Value rest_vals[16];
  Value rest_names[16];
  size_t nrest = 0;
  Value usedforsecurity = Value::null(), string_kw = Value::null();
  for (size_t i = 0; i < nkw; ++i) {
    Str* k = kw->items[i].as<Str>();
    Value v = args[nargs + i];
    if (k->view() == "name") {
      if (!name.is_null()) return raise(I, I.rt.exc_TypeError, "__hash_new() got multiple values for argument 'name'");
      name = v;
    } else if (k->view() == "data") {
      if (!data.is_null()) return raise(I, I.rt.exc_TypeError, "__hash_new() got multiple values for argument 'data'");
      data = v;
    } else {
      if (k->view() == "usedforsecurity") usedforsecurity = v;
      else if (k->view() == "string") string_kw = v;
      if (nrest >= 16) return raise(I, I.rt.exc_TypeError, "too many keyword arguments");
      rest_names[nrest] = kw->items[i];
      rest_vals[nrest++] = v;
    }
  }
  if (!name.is_object() || !(name.as_object()->type_->flags & kTypeStrSubclass))
    return raise(I, I.rt.exc_TypeError, "name must be a string");
  std::string_view n = name.as<Str>()->view();
  if (n == "blake2b" || n == "blake2s") {
    Value t = stdlib_module_attr(I, "hashlib", n == "blake2b" ? "_blake2b" : "_blake2s");
    if (!t.is_object()) return raise(I, I.rt.exc_RuntimeError, "hashlib module state is unavailable");
    Value callargs[17];
    size_t np = 0;
    if (!data.is_null()) callargs[np++] = data;
    for (size_t i = 0; i < nrest; ++i) callargs[np + i] = rest_vals[i];
    Tuple* names = nrest ? tuple_from(I, rest_names, nrest) : nullptr;
    if (nrest && !names) return Value::error();
    return call(I, t, callargs, np, names);
  }
  for (size_t i = 0; i < nrest; ++i) {
    std::string_view k = rest_names[i].as<Str>()->view();
    if (k != "usedforsecurity" && k != "string")
      return raisef(I, I.rt.exc_TypeError, "'%.*s' is an invalid keyword argument for new()", static_cast<int>(k.size()),
                    k.data());
  }
  if (!string_kw.is_null()) {
    if (!data.is_null())
      return raise(I, I.rt.exc_TypeError, "argument for new() given by name ('string') and position (2)");
    data = string_kw;
  }
  uint32_t algo = UINT32_MAX;
  const EVP_MD* md = md_by_name(n, &algo);
  if (!md) {
    std::string msg = "unsupported hash type " + std::string(n);
    return raise(I, I.rt.exc_ValueError, msg);
  }
  return hash_create(I, md, algo, data);
}

// --- pbkdf2_hmac --------------------------------------------------------------------------------

Value fn_pbkdf2_hmac(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[5];
  if (stdlib_bind_args(I, "pbkdf2_hmac", args, nargs, kw, {"hash_name", "password", "salt", "iterations", "dklen"}, 0, 5, 4,
                a) < 0)
    return Value::error();
  if (!a[0].is_object() || !(a[0].as_object()->type_->flags & kTypeStrSubclass))
    return raisef(I, I.rt.exc_TypeError, "pbkdf2_hmac() argument 'hash_name' must be str, not %s", type_name(I, a[0]));
  std::string_view pw, salt;
  std::string k1, k2;
  if (!plain_buffer(I, a[1], &pw, &k1) || !plain_buffer(I, a[2], &salt, &k2)) return Value::error();
  int64_t iterations;
  if (!index_i64(I, a[3], &iterations)) {
    if (!pending_matches(I, I.rt.exc_OverflowError)) return Value::error();
    I.pending = nullptr;
    return raise(I, I.rt.exc_OverflowError, "iteration value is too great.");
  }
  if (iterations < 1) return raise(I, I.rt.exc_ValueError, "iteration value must be greater than 0.");
  if (iterations > INT32_MAX) return raise(I, I.rt.exc_OverflowError, "iteration value is too great.");
  uint32_t algo;
  const EVP_MD* md = md_by_name(a[0].as<Str>()->view(), &algo);
  if (!md || (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF))
    return raise(I, stdlib_module_exc(I, "hashlib", "UnsupportedDigestmodError", I.rt.exc_ValueError),
                 "[digital envelope routines] unsupported");
  int64_t dklen = EVP_MD_get_size(md);
  if (!a[4].is_null() && !a[4].is_none()) {
    if (!index_i64(I, a[4], &dklen)) {
      if (!pending_matches(I, I.rt.exc_OverflowError)) return Value::error();
      I.pending = nullptr;
      return raise(I, I.rt.exc_OverflowError, "key length is too great.");
    }
    if (dklen < 1) return raise(I, I.rt.exc_ValueError, "key length must be greater than 0.");
    if (dklen > INT32_MAX) return raise(I, I.rt.exc_OverflowError, "key length is too great.");
  }
  size_t hlen = static_cast<size_t>(EVP_MD_get_size(md));
  size_t block = static_cast<size_t>(EVP_MD_get_block_size(md));
  if (hlen == 0 || hlen > EVP_MAX_MD_SIZE || block == 0 || block > 256)
    return raise(I, I.rt.exc_ValueError, "unsupported hash type");
  Bytes* out = bytes_alloc(I, static_cast<size_t>(dklen));
  if (!out) return Value::error();
  // HMAC key preparation.
  unsigned char keyblock[256] = {};
  EVP_MD_CTX* ictx = EVP_MD_CTX_new();
  EVP_MD_CTX* octx = EVP_MD_CTX_new();
  EVP_MD_CTX* tmp = EVP_MD_CTX_new();
  bool ok = ictx && octx && tmp;
  if (ok && pw.size() > block) {
    unsigned n = 0;
    ok = EVP_DigestInit_ex(tmp, md, nullptr) && EVP_DigestUpdate(tmp, pw.data(), pw.size()) &&
         EVP_DigestFinal_ex(tmp, keyblock, &n);
  } else if (ok && !pw.empty()) {
    std::memcpy(keyblock, pw.data(), pw.size());
  }
  unsigned char ipad[256], opad[256];
  for (size_t i = 0; i < block; ++i) {
    ipad[i] = keyblock[i] ^ 0x36;
    opad[i] = keyblock[i] ^ 0x5c;
  }
  ok = ok && EVP_DigestInit_ex(ictx, md, nullptr) && EVP_DigestUpdate(ictx, ipad, block) &&
       EVP_DigestInit_ex(octx, md, nullptr) && EVP_DigestUpdate(octx, opad, block);
  auto hmac = [&](const unsigned char* m1, size_t n1, const unsigned char* m2, size_t n2, unsigned char* res) {
    unsigned n = 0;
    unsigned char inner[EVP_MAX_MD_SIZE];
    return EVP_MD_CTX_copy_ex(tmp, ictx) && EVP_DigestUpdate(tmp, m1, n1) && (n2 == 0 || EVP_DigestUpdate(tmp, m2, n2)) &&
           EVP_DigestFinal_ex(tmp, inner, &n) && EVP_MD_CTX_copy_ex(tmp, octx) && EVP_DigestUpdate(tmp, inner, n) &&
           EVP_DigestFinal_ex(tmp, res, &n);
  };
  size_t produced = 0;
  bool interrupted = false;
  uint64_t work = 0;
  for (uint32_t blockno = 1; ok && produced < static_cast<size_t>(dklen); ++blockno) {
    unsigned char be[4] = {static_cast<unsigned char>(blockno >> 24), static_cast<unsigned char>(blockno >> 16),
                           static_cast<unsigned char>(blockno >> 8), static_cast<unsigned char>(blockno)};
    unsigned char u[EVP_MAX_MD_SIZE], t[EVP_MAX_MD_SIZE];
    ok = hmac(reinterpret_cast<const unsigned char*>(salt.data()), salt.size(), be, 4, u);
    std::memcpy(t, u, hlen);
    for (int64_t it = 1; ok && it < iterations; ++it) {
      ok = hmac(u, hlen, nullptr, 0, u);
      for (size_t j = 0; j < hlen; ++j) t[j] ^= u[j];
      if ((++work & 0x3FF) == 0 && !poll_interrupt(I)) {
        interrupted = true;
        ok = false;
      }
    }
    size_t take = static_cast<size_t>(dklen) - produced;
    if (take > hlen) take = hlen;
    std::memcpy(out->data + produced, t, take);
    produced += take;
  }
  EVP_MD_CTX_free(ictx);
  EVP_MD_CTX_free(octx);
  EVP_MD_CTX_free(tmp);
  if (interrupted) return Value::error();
  if (!ok) return raise(I, I.rt.exc_ValueError, "pbkdf2_hmac failed");
  return Value::object(out);
}

// --- _compare_digest (hmac.compare_digest) -------------------------------------------------

Value fn_compare_digest(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "compare_digest", kw) < 0) return Value::error();
  if (nargs != 2) return raisef(I, I.rt.exc_TypeError, "compare_digest expected 2 arguments, got %zu", nargs);
  Value a = args[0], b = args[1];
  std::string_view x, y;
  std::string k1, k2;
  bool sa = a.is_object() && (a.as_object()->type_->flags & kTypeStrSubclass);
  bool sb = b.is_object() && (b.as_object()->type_->flags & kTypeStrSubclass);
  if (sa && sb) {
    if (!a.as<Str>()->ascii || !b.as<Str>()->ascii)
      return raise(I, I.rt.exc_TypeError, "comparing strings with non-ASCII characters is not supported");
    x = a.as<Str>()->view();
    y = b.as<Str>()->view();
  } else {
    int r1 = sa ? 0 : buffer_bytes(I, a, &x, &k1);
    if (r1 < 0) return Value::error();
    int r2 = sb ? 0 : buffer_bytes(I, b, &y, &k2);
    if (r2 < 0) return Value::error();
    if (!r1 && !r2)
      return raisef(I, I.rt.exc_TypeError, "unsupported operand types(s) or combination of types: '%s' and '%s'",
                    type_name(I, a), type_name(I, b));
    if (!r1) return raisef(I, I.rt.exc_TypeError, "a bytes-like object is required, not '%s'", type_name(I, a));
    if (!r2) return raisef(I, I.rt.exc_TypeError, "a bytes-like object is required, not '%s'", type_name(I, b));
  }
  // Constant time in the length of y (the secret-independent operand in hmac usage).
  const volatile unsigned char* left = reinterpret_cast<const unsigned char*>(x.size() == y.size() ? x.data() : y.data());
  const volatile unsigned char* right = reinterpret_cast<const unsigned char*>(y.data());
  unsigned result = x.size() == y.size() ? 0 : 1;
  for (size_t i = 0; i < y.size(); ++i) result |= left[i] ^ right[i];
  return Value::boolean(result == 0);
}

const char kHashlibSource[] = R"PY(
class UnsupportedDigestmodError(ValueError):
    pass

algorithms_guaranteed = {'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
                         'blake2b', 'blake2s', 'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512',
                         'shake_128', 'shake_256'}
algorithms_available = algorithms_guaranteed | _openssl_names()
del _openssl_names
blake2b = _blake2b
blake2s = _blake2s
__all__ = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
           'blake2b', 'blake2s', 'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512',
           'shake_128', 'shake_256', 'new', 'algorithms_guaranteed', 'algorithms_available',
           'pbkdf2_hmac')
)PY";

Value fn_openssl_names(Isolate& I, const Value*, size_t, Tuple*) {
  Value s = call(I, Value::object(I.rt.set_type), {});
  if (s.is_error()) return s;
  Str* add = I.intern("add");
  for (size_t i = 0; i < kNumAlgos; ++i) {
    if (!algo_md(static_cast<uint32_t>(i))) continue;
    // The digest must be usable with the loaded providers.
    EVP_MD_CTX* c = EVP_MD_CTX_new();
    bool usable = c && EVP_DigestInit_ex(c, algo_md(static_cast<uint32_t>(i)), nullptr);
    EVP_MD_CTX_free(c);
    if (!usable) continue;
    Value n = str_value(I, kAlgos[i].py);
    if (n.is_error() || call_method(I, s, add, {n}).is_error()) return Value::error();
  }
  return s;
}

Type* make_hash_type(Isolate& I, const char* name, Type* base) {
  Type* t = stdlib_make_type(I, name, "_hashlib", base, sizeof(HashObj), 0);
  if (!t) return nullptr;
  t->new_ = refuse_new;
  t->init = nullptr;
  t->repr = hash_repr;
  t->trace = hash_trace;
  t->finalize = hash_finalize;
  return t;
}

int add_ctor(Isolate& I, Module* m, const char* name, NativeFn fn) {
  std::string full = std::string("openssl_") + name;
  Str* fname = I.intern(full);
  if (!fname) return -1;
  Value f = builtin_function_new(I, fname, fn, Value::object(m));
  if (f.is_error()) return -1;
  return module_add_value(I, m, name, f);
}

}  // namespace

int init_hashlib_module(Isolate& I, Module* m) {
  Type* ht = make_hash_type(I, "HASH", I.rt.object_type);
  if (!ht) return -1;
  if (add_method(I, ht, "update", m_hash_update) < 0 || add_method(I, ht, "digest", m_hash_digest) < 0 ||
      add_method(I, ht, "hexdigest", m_hash_hexdigest) < 0 || add_method(I, ht, "copy", m_hash_copy) < 0 ||
      add_method(I, ht, "__repr__", m_hash_repr) < 0 || add_getset(I, ht, "name", hash_get_name) < 0 ||
      add_getset(I, ht, "digest_size", hash_get_digest_size) < 0 ||
      add_getset(I, ht, "block_size", hash_get_block_size) < 0)
    return -1;
  Type* xt = make_hash_type(I, "HASHXOF", ht);
  if (!xt) return -1;
  Type* b2b = make_blake2_type<uint64_t, Blake2bObj>(I, "blake2b");
  Type* b2s = make_blake2_type<uint32_t, Blake2sObj>(I, "blake2s");
  if (!b2b || !b2s) return -1;
  if (module_add_value(I, m, "_HASH", Value::object(ht)) < 0 || module_add_value(I, m, "_HASHXOF", Value::object(xt)) < 0 ||
      module_add_value(I, m, "_blake2b", Value::object(b2b)) < 0 ||
      module_add_value(I, m, "_blake2s", Value::object(b2s)) < 0 ||
      add_ctor(I, m, "md5", fn_openssl_ctor<0>) < 0 ||
      add_ctor(I, m, "sha1", fn_openssl_ctor<1>) < 0 ||
      add_ctor(I, m, "sha224", fn_openssl_ctor<2>) < 0 ||
      add_ctor(I, m, "sha256", fn_openssl_ctor<3>) < 0 ||
      add_ctor(I, m, "sha384", fn_openssl_ctor<4>) < 0 ||
      add_ctor(I, m, "sha512", fn_openssl_ctor<5>) < 0 ||
      add_ctor(I, m, "sha3_224", fn_openssl_ctor<6>) < 0 ||
      add_ctor(I, m, "sha3_256", fn_openssl_ctor<7>) < 0 ||
      add_ctor(I, m, "sha3_384", fn_openssl_ctor<8>) < 0 ||
      add_ctor(I, m, "sha3_512", fn_openssl_ctor<9>) < 0 ||
      add_ctor(I, m, "shake_128", fn_openssl_ctor<10>) < 0 ||
      add_ctor(I, m, "shake_256", fn_openssl_ctor<11>) < 0 ||
      module_add_function(I, m, "new", fn_new) < 0 || module_add_function(I, m, "pbkdf2_hmac", fn_pbkdf2_hmac) < 0 ||
      module_add_function(I, m, "_compare_digest", fn_compare_digest) < 0 ||
      module_add_function(I, m, "_openssl_names", fn_openssl_names) < 0)
    return -1;
  Value r = run_module_source(I, m, "<capy>/hashlib.py", kHashlibSource);
  return r.is_error() ? -1 : 0;
}

}  // namespace capy
