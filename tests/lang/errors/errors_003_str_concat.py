# TypeError when concatenating str and int.
count = 3
parts = ["a", "b"]
print("parts:", parts)
message = "count is " + str(count)
print(message)
message = "count is " + count
