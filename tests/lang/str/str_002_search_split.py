# Searching, splitting, joining, stripping and replacing.
s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("cat"), s.index("fox"), s.rindex("o"))
print(s.count("o"), s.count("the"), s.count(""), "aaaa".count("aa"), s.count("o", 20, 30))
print(s.startswith("the"), s.startswith(("a", "t")), s.endswith("dog"), s.endswith("do", 0, -1), s.startswith("quick", 4))
print(s.split(), s.split(" ", 2), s.rsplit(" ", 2), s.split("o"), "a,b,,c".split(","))
print("  a  b  ".split(), "  a  b  ".split(" "), "".split(), "".split(","), "a".split(","))
print("line1\nline2\r\nline3\rline4\n".splitlines(), "x\n\ny\n".splitlines(True))
print("key=value=more".partition("="), "key=value=more".rpartition("="), "novalue".partition("="), "abc".rpartition("z"))
print("-".join(["a", "b", "c"]), "".join(reversed("stressed")), ", ".join(str(i) for i in range(5)), "x".join(""))
print(repr("  padded  ".strip()), repr("  padded  ".lstrip()), repr("  padded  ".rstrip()))
print("xxhixx".strip("x"), "www.example.com".strip("cmowz."), "\t\n text \r\n".strip(), "abcba".strip("ab"))
print(s.replace("the", "a"), s.replace("o", "0", 2), "aaa".replace("a", "bb"), "abc".replace("", "-"))
print("Mississippi".replace("ss", "SS").replace("i", "!", 1))
print("prefix_name".removeprefix("prefix_"), "name.txt".removesuffix(".txt"), "abc".removeprefix("x"))
csv = "name,age,city\nAlice,30,Paris\nBob,25,Berlin\nCarol,41,Oslo"
rows = [line.split(",") for line in csv.splitlines()]
header, *body = rows
print(header)
for r in body:
    rec = dict(zip(header, r))
    print(f"{rec['name']:<6}|{int(rec['age']):>4}|{rec['city'].upper():^8}|")
text = "It was the best of times, it was the worst of times."
freq = {}
for word in text.lower().replace(",", "").replace(".", "").split():
    freq[word] = freq.get(word, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])))
print("a b c".split(maxsplit=1), "a,b,c".rsplit(",", maxsplit=1), "1 2  3".split(None))
print("ab" in "cabd", "" in "abc", "abc".find(""), "abc".rfind(""), "abc".index("c"))
table = str.maketrans("abc", "xyz", "d")
print("aabbccdd".translate(table), "hello".translate({ord("l"): "L", ord("o"): None}))
print(str.maketrans({"a": "1", "b": None}) == {97: "1", 98: None})
