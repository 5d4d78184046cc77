# flags: --allow-import=subprocess
# exit: 2
# stderr: bad --allow-import value: capy has no module 'subprocess'
# absent: never printed
# A grant cannot create a module that capy does not have: naming one is a
# usage error and the program never runs.
print('never printed')
