"""`python -m jmctl`."""

from jmctl.cli import main

main()
