"""The command line the module is compared with: $UNBOIL, or unboil on
PATH.  Not finding it is a failure, not a skip: the comparison is the
point of the suite."""
import os
import shutil
import subprocess

import pytest


@pytest.fixture(scope="session")
def unboil_cli():
    path = os.environ.get("UNBOIL") or shutil.which("unboil")
    if not path or not os.access(path, os.X_OK):
        pytest.fail("no unboil program: set UNBOIL=path/to/unboil or put it on PATH")
    return path


@pytest.fixture(scope="session")
def run_cli(unboil_cli):
    def run(args, data):
        r = subprocess.run([unboil_cli, *args], input=data, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, check=False)
        assert r.returncode == 0, (args, r.returncode, r.stderr)
        return r.stdout
    return run
