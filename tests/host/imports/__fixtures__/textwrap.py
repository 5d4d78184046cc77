SHADOW = 'the module root shadows capy textwrap'
