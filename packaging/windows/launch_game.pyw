"""The Start-menu entry of the installed game, run by the embedded ``pythonw.exe`` (no console
window): the same ``simulator.cli.main`` as every other entry point, and its exit code kept
(pynsist's own entry-point launcher calls ``main()`` and drops it).

The embedded Python finds the packages through its ``._pth`` file, to which pynsist adds
``..\\pkgs``. This script sits in the install folder, where no ``simulasi-tps-portable``
marker is ever put: an installed copy keeps its saves in the user's data folder.
"""

import sys

from simulator.cli import main

if __name__ == "__main__":
    sys.exit(main())
