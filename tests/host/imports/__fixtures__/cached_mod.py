VALUE = 'from source'
