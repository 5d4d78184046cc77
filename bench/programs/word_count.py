# Dict and set heavy work: word frequencies, bigrams and vocabularies over generated text.
SYLLABLES = ["ka", "pi", "ru", "to", "me", "sa", "no", "vi", "lo", "da", "en", "qu", "ix", "zo", "be"]


def words(n, seed=42):
    state = seed
    for _ in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        length = 1 + state % 3
        w = []
        for _ in range(length):
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            w.append(SYLLABLES[(state >> 8) % len(SYLLABLES)])
        yield "".join(w)


text = list(words(400000))
counts = {}
for w in text:
    counts[w] = counts.get(w, 0) + 1
bigrams = {}
for a, b in zip(text, text[1:]):
    key = (a, b)
    bigrams[key] = bigrams.get(key, 0) + 1
vocab = set(text)
by_initial = {}
for w in vocab:
    by_initial.setdefault(w[0], set()).add(w)
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
print("words", len(text), "distinct", len(vocab), "bigrams", len(bigrams))
print("top", top)
print("initials", sorted((k, len(v)) for k, v in by_initial.items()))
common = {w for w, c in counts.items() if c > 100}
rare = vocab - common
print("common", len(common), "rare", len(rare), "overlap", len(common & rare))
best_bigram = max(bigrams.items(), key=lambda kv: (kv[1], kv[0]))
print("best bigram", best_bigram)
