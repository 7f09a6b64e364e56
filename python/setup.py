# The metadata is in pyproject.toml; this only names the cffi extension,
# which setuptools cannot take from pyproject.toml.
from setuptools import setup

setup(cffi_modules=["unboil_build.py:ffibuilder"])
