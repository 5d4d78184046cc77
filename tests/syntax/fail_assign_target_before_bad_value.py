a + b =
