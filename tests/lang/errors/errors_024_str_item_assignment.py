# TypeError: str does not support item assignment.
word = "capy"
letters = list(word)
letters[0] = "C"
print("".join(letters))
word[0] = "C"
