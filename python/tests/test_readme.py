"""README's Python example runs as shown, on a fixture page."""
import os
import re
import shutil

from corpus import FIXTURES

README = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "README.md")


def test_readme_example(tmp_path, monkeypatch, capsys):
    with open(README, encoding="utf-8") as f:
        text = f.read()
    section = text[text.index("\n## Python\n"):]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    shutil.copy(os.path.join(FIXTURES, "article-copy.in"), tmp_path / "story.html")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith("True ") for line in out)
    assert any(line.startswith("False ") for line in out)
