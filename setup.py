"""The list of packages, which pyproject.toml alone cannot give: the code found under
simulator/, plus the content folders at the top of the repository, installed as
simulator/_shipped/… (their folders are mapped in pyproject.toml's package-dir)."""

from setuptools import find_packages, setup

CONTENT_PACKAGES = ["simulator._shipped.scenarios", "simulator._shipped.assets"]

setup(packages=find_packages(include=["simulator*"]) + CONTENT_PACKAGES)
