# UnicodeDecodeError message.
data = b"ok \xe9 bad"
print(data[:3].decode("utf-8"))
print(data.decode("utf-8"))
