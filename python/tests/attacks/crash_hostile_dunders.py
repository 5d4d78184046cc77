# family: crash
# expect: ok
# check: output-contains done
# why: Objects whose __eq__, __hash__, __len__, __index__ and __del__ lie or raise, handed to native code (and to the result conversion).
class Liar:
    def __len__(self):
        return -1
    def __index__(self):
        return 2 ** 100
    def __hash__(self):
        raise ValueError('no hash')
    def __del__(self):
        raise RuntimeError('in __del__')
for action in (lambda: len(Liar()), lambda: [1][Liar()], lambda: {Liar()}, lambda: 'x' * Liar(),
               lambda: range(Liar()), lambda: bytes(Liar()), lambda: sorted([Liar(), Liar()])):
    try:
        action()
    except Exception as e:
        print(type(e).__name__)
print('done')
