# Case conversion with full Unicode mappings (SpecialCasing) and the final-sigma rule.
words = ["ß", "straße", "ﬁ", "ﬀl", "ŉ", "ǰ", "ΐ", "İ", "i̇", "ı", "ǅ", "ǆ", "Ǆ", "ᾳ", "ᾼ", "ῼ", "ﬓ", "ΣΑΣ", "ΌΣΟΣ", "Σ",
         "ΑΣ ΑΣ", "ΑΣ.", "ΑΣ'Σ", "aΣb", "1Σ", "ὈΔΥΣΣΕΎΣ", "ǉubljana", "ǈubljana", "Ⅻ", "ⓐⓑ", "Ꞵ", "ꭰ", "𐐀𐐨", "𞤀",
         "hello WORLD", "mIxEd CaSe 123", "o'neil", "they're", "ǳ ǲ Ǳ", "ⅷ", "ⱥ", "ɐ", "ʞ"]
for w in words:
    print(repr(w), repr(w.upper()), repr(w.lower()), repr(w.casefold()), repr(w.title()), repr(w.capitalize()),
          repr(w.swapcase()), len(w.upper()), w.isupper(), w.islower(), w.istitle())
print("ß".upper().lower(), "ﬃ".upper(), "ﬃ".casefold(), "ẞ".lower(), "ẞ".casefold())
print("ΣΣ".lower(), "aΣΣ".lower(), "Σa".lower(), "aΣ a".lower(), "aΣ\u0301".lower(), "a\u0301Σ".lower())
print("ἈΣ".lower(), "Α.Σ".lower(), "ΑΣ1".lower(), "1ΑΣ".lower(), "ΑΣ\u00ad".lower())
print("ΣΑΣ".swapcase(), "σας".upper(), "ΣΑΣ".title(), "σας".capitalize(), "ΣΑΣ σας".title())
print("hello world".title(), "HELLO WORLD".title(), "hello_world-foo bar2baz".title(), "ǆemal ǉ".title())
print("aBc".capitalize(), "ABC".capitalize(), "ǆx".capitalize(), "ßx".capitalize(), "ﬁx".capitalize(), "".capitalize())
print("Ǆ".istitle(), "ǅ".istitle(), "ǅa".istitle(), "Aǅ".istitle(), "A B".istitle(), "A b".istitle(), "1A".istitle())
print("ǅ".isupper(), "ǅ".islower(), "ʰ".islower(), "ª".islower(), "Ⅻ".isupper(), "ⓐ".islower())
print("ABC".lower().upper().swapcase().casefold(), "x" * 3 + "Ä".lower())
print(sorted(["b", "A", "a", "B", "ä", "Ä"], key=str.casefold), sorted(["b", "A", "a", "B"], key=str.lower))
s = "The Quick Brown Fox Jumps Over The Lazy Dog"
print(s.swapcase(), s.lower().title() == s, s.upper().casefold() == s.lower())
