Y = 'in a namespace package'
