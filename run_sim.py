#!/usr/bin/env python3
"""Simulasi TPS. ``python run_sim.py --help`` lists the command-line verbs."""

import sys

from simulator.cli import main

if __name__ == "__main__":
    sys.exit(main())
