"""`python -m jmctl`."""

from jmctl.entry import main

main()
