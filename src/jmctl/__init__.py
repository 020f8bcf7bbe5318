"""jmctl: draft, validate, render and compare joint-meeting (联席会议) documents."""

__version__ = "0.1.0.dev0"
