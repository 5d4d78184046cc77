# flags: --allow-read={BOX} --allow-write={BOX}
# exit: 1
# stdout: heapq imported
# stderr: ModuleNotFoundError: import of 'bisect' from 'box/bisect.py' refused: sys.path entry 'box' is not a module root granted by the host
# absent: SHADOW RAN
# A file the guest wrote into a granted directory cannot shadow a module: the
# directory is not a module root, and the import says so instead of loading
# something else under the name. (The test runs in its workspace, so 'box' is
# the granted directory.)
import sys
with open('box/bisect.py', 'w') as f:
    f.write("print('SHADOW RAN')\n")
sys.path.insert(0, 'box')
import heapq  # nothing of that name in the box: searched as usual
print("heapq imported")
import bisect
