obj.attr := 1
