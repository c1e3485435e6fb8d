"""Demo exports for a city like Kitakyushu, written in the same messy forms as the office's real files:
a city (city.py), its talent programme (programme.py) and low-code apps (lowcode.py), written as
files one kind at a time (writers.py)."""

from etl.demo.writers import write_demo

__all__ = ["write_demo"]
