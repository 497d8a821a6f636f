"""The packaged program's entry (PyInstaller): the game with no arguments, else a verb.

The same ``simulator.cli.main`` as the ``simulasi-tps`` command and ``python -m simulator``;
its exit code reaches the shell."""

import sys

from simulator.cli import main

if __name__ == "__main__":
    sys.exit(main())
