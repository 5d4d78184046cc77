LEAF = 'leaf of ' + __package__
