LAZY = 'lazy submodule'
