"""``python -m simulator [VERB …]``: the game, or a command-line verb."""

import sys

from simulator.cli import main

if __name__ == "__main__":
    sys.exit(main())
