# bytes methods: edge cases of search, split, strip, case, padding; results for bytes and bytearray.
b = b"abcabcabc"
for sub in [b"abc", b"c", b"", b"x", 99, bytearray(b"ca"), bytearray(b"bc")]:
    for args in [(), (1,), (-3,), (3, 6), (-100, 100), (5, 2), (None, 4)]:
        print(sub, args, b.find(sub, *args), b.rfind(sub, *args), b.count(sub, *args))
print(b.index(b"b"), b.rindex(b"b"), b.index(98, 2), b.startswith(b"ab"), b.startswith((b"x", b"abc")), b.endswith(b"bc", 0, 3))
print(b"".startswith(b""), b"abc".startswith(b"", 3), b"abc".startswith(b"", 4), b"abc".endswith(bytearray(b"c")))
for s in [b"", b"  a  b  ", b"a\tb\nc\x0bd\x0ce\rf", b"a\x1cb\x85c\xa0d", b"a,b,,c", b" x "]:
    print(s, s.split(), s.rsplit(), s.split(None, 1), s.rsplit(None, 1), s.split(b","), s.rsplit(b",", 1), s.split(maxsplit=0))
for s in [b"", b"a\nb", b"a\r\nb\rc\n", b"\n\n", b"x\x0by\x0cz\x1cw\x85v"]:
    print(s, s.splitlines(), s.splitlines(True))
print(b"  x  ".strip(), b"  x  ".lstrip(), b"  x  ".rstrip(), b"xyxzyx".strip(b"xy"), b"\t\n\x0b\x0c\r x\x1c".strip())
print(b"hello world".title(), b"HELLO wORLD".swapcase(), b"hELLO".capitalize(), b"MiXeD 123".lower(), b"MiXeD 123".upper())
print(b"\xe9t\xc9".upper(), b"\xe9T".lower(), b"they're".title(), b"a1b2".title(), b"".capitalize())
for s in [b"", b"abc", b"ABC", b"Abc", b"123", b"a1", b" \t", b"\xe9", b"A B", b"Ab Cd", b"aB"]:
    print(s, s.isalpha(), s.isalnum(), s.isdigit(), s.isspace(), s.islower(), s.isupper(), s.istitle(), s.isascii())
print(b"ab".center(7, b"*"), b"ab".center(6), b"abc".center(6, b"-"), b"ab".ljust(5, b"."), b"ab".rjust(5), b"ab".center(1))
print(b"42".zfill(5), b"-42".zfill(5), b"+4".zfill(4), b"".zfill(2), b"abc".zfill(2), b"-".zfill(3))
print(b"a\tb\tc".expandtabs(), b"a\tb".expandtabs(4), b"ab\ncd\tef".expandtabs(3), b"\t".expandtabs(0), b"x\ty".expandtabs(tabsize=1))
print(b"aaa".replace(b"a", b"bb"), b"abc".replace(b"", b"-"), b"abc".replace(b"", b"-", 2), b"abab".replace(b"ab", b"", 1), b"x".replace(b"y", b"z"))
print(b"key=val=x".partition(b"="), b"key=val=x".rpartition(b"="), b"none".partition(b"="), b"none".rpartition(b"="))
print(b"prefix_x".removeprefix(b"prefix_"), b"x.txt".removesuffix(b".txt"), b"abc".removeprefix(b"z"), b"abc".removesuffix(b""))
print(b"-".join([b"a", bytearray(b"b"), bytearray(b"c")]), b"".join([]), b", ".join((b"x",)), b"".join(iter([b"p", b"q"])))
ba = bytearray(b"  Mixed Case  ")
for name in ["strip", "lower", "upper", "title", "swapcase", "capitalize", "split", "splitlines", "expandtabs"]:
    r = getattr(ba, name)()
    print(name, r, type(r).__name__ if not isinstance(r, list) else [type(x).__name__ for x in r])
print(ba.center(20, b"."), ba.partition(b"d"), ba.replace(b"e", b"E"), ba.join([b"1", b"2"]), ba.zfill(16), ba.count(b" "))
print(type(ba.partition(b"zz")[0]).__name__, type(b"x".partition(b"x")[1]).__name__, ba.find(b"C"), ba.index(101), 77 in ba, b"Ca" in ba)
