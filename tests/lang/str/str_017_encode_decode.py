# Codecs: str.encode / bytes.decode / str(bytes, encoding, errors) with error handlers.
text = "héllo wörld 😀 \u20ac"
for enc in ["utf-8", "UTF8", "utf_8", "U8", "ascii", "us-ascii", "latin-1", "latin1", "iso-8859-1", "L1",
            "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "unicode_escape", "raw_unicode_escape"]:
    for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
        try:
            b = text.encode(enc, errors)
            print(enc, errors, b, b.decode(enc, "replace") if enc not in ("ascii", "us-ascii") else b.decode(enc))
        except Exception as e:
            print(enc, errors, type(e).__name__, e)
bad = [b"\xff", b"a\x80b", b"\xc3", b"\xc3(", b"\xe2\x82", b"\xe2\x82(", b"\xe2(\xa1", b"\xf0\x9f\x98",
       b"\xf0\x9f\x98(", b"\xf8\x88\x80\x80\x80", b"\xc0\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe0\x80\x80",
       b"ok\xffok\xfe", b"\xf0\x90\x80"]
for b in bad:
    for errors in ["replace", "ignore", "backslashreplace", "surrogateescape"]:
        r = b.decode("utf-8", errors)
        print(b, errors, ascii(r), len(r))
    try:
        b.decode()
    except UnicodeDecodeError as e:
        print(" ", e, "|", e.encoding, e.start, e.end, e.reason)
for b, enc in [(b"\x00", "utf-16-le"), (b"\x00\xd8\x41\x00", "utf-16-le"), (b"\x00\xdc", "utf-16-le"),
               (b"\xd8\x00", "utf-16-be"), (b"\xff\xfe\x41", "utf-16"), (b"\xfe\xff\x00A", "utf-16"),
               (b"A\x00\x00", "utf-32-le"), (b"\x00\x00\x11\x00", "utf-32-le"), (b"\x00\xd8\x00\x00", "utf-32-le"),
               (b"\x80", "ascii"), (b"\xff", "latin-1"), (b"\\x4", "unicode_escape"), (b"a\\", "unicode_escape"),
               (b"\\u12", "unicode_escape"), (b"\\U00110000", "unicode_escape"), (b"\\N{DASH}", "unicode_escape"),
               (b"\\t\\n\\x41\\101\\u00e9\\U0001F600\\q\\\\", "unicode_escape"), (b"\\u00e9\\x41\\\\u0041", "raw_unicode_escape")]:
    try:
        print(enc, ascii(b.decode(enc)))
    except Exception as e:
        print(enc, type(e).__name__, e)
    print(" ", ascii(b.decode(enc, "replace")), ascii(b.decode(enc, "ignore")), ascii(b.decode(enc, "backslashreplace")))
for s, enc in [("é", "ascii"), ("aéé€b", "ascii"), ("€", "latin-1"), ("a\U0001f600", "latin-1"), ("é€", "ascii")]:
    try:
        s.encode(enc)
    except UnicodeEncodeError as e:
        print(e, "|", e.encoding, e.start, e.end, e.reason, ascii(e.object))
    print(s.encode(enc, "replace"), s.encode(enc, "ignore"), s.encode(enc, "backslashreplace"), s.encode(enc, "xmlcharrefreplace"))
surr = b"abc\xff\xfe".decode("utf-8", "surrogateescape")
print(ascii(surr), len(surr), surr.encode("utf-8", "surrogateescape"), surr.encode("latin-1", "surrogateescape"))
for enc, err in [("utf-8", "strict"), ("utf-8", "replace"), ("utf-8", "backslashreplace"), ("ascii", "surrogateescape")]:
    try:
        print(surr.encode(enc, err))
    except Exception as e:
        print(type(e).__name__, e)
for call in [lambda: "a".encode("nope"), lambda: b"a".decode("nope"), lambda: "é".encode("ascii", "nope"),
             lambda: "a".encode("ascii", "nope"), lambda: b"\xff".decode("utf-8", "nope"), lambda: "a".encode(1),
             lambda: "a".encode(errors=1), lambda: b"a".decode(1), lambda: "a".encode("utf-8", "strict", 1),
             lambda: str(b"\xff", "utf-8"), lambda: str(b"\xff", "utf-8", "ignore"), lambda: str(b"abc", errors="strict"),
             lambda: str(b"abc", encoding="ascii"), lambda: str("abc", "utf-8"), lambda: str(5, "utf-8"),
             lambda: str(bytearray(b"x\xe9"), "latin-1"), lambda: str(b"x", 1),
             lambda: str(b"x", "ascii", 1), lambda: str(object=b"q", encoding="utf-8"), lambda: str(b"a", "UTF-8", x=1),
             lambda: str(b"a", "utf-8", "strict", "extra"), lambda: str(b"a", encoding="utf-8", object=b"b")]:
    try:
        print(repr(call()))
    except Exception as e:
        print(type(e).__name__, e)
print("€".encode("utf-16"), "€".encode("utf-32"), "😀".encode("utf-16-be"), b"\xff\xfe\xac\x20".decode("utf-16"))
print(len("😀".encode("utf-16-le")), "😀".encode("utf-16-le").decode("utf-16-le") == "😀")
