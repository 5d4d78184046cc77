# family: fs
# options: {"read_dirs": ["{BOX}"]}
# expect: error
# why: '{BOX}-sibling.txt' begins with the granted path as a string: a grant check by string prefix would accept it.
print(open('{BOX}-sibling.txt').read())
