"""The one template environment factory: overrides, the archive and the prompts."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from digest.templating import prompt_environment, template_environment


def test_an_override_created_after_first_use_is_picked_up(tmp_path: Path) -> None:
    overrides = tmp_path / "templates"
    overrides.mkdir()
    before = template_environment(overrides).get_template("issue.txt.j2")
    assert before.filename is not None and not before.filename.startswith(str(overrides))
    (overrides / "issue.txt.j2").write_text("ONLY MINE {{ 1 + 1 }}\n")
    after = template_environment(overrides).get_template("issue.txt.j2")
    assert after.render() == "ONLY MINE 2\n"
    (overrides / "issue.txt.j2").unlink()
    again = template_environment(overrides).get_template("issue.txt.j2")
    assert again.filename == before.filename, "a deleted override falls back to the default"


def test_prompts_have_their_own_overrides_and_no_escaping(tmp_path: Path) -> None:
    (tmp_path / "take.txt.j2").write_text("A & B: {{ text }}")
    env = prompt_environment(tmp_path)
    assert env.get_template("take.txt.j2").render(text="<x>") == "A & B: <x>"
    shipped = env.get_template("default:take.txt.j2").filename or ""
    assert shipped.endswith("prompts/take.txt.j2") and not shipped.startswith(str(tmp_path))


def test_editorial_does_not_import_numpy_or_scipy() -> None:
    code = (
        "import sys, digest.editorial;"
        "bad = [m for m in ('numpy', 'scipy') if m in sys.modules];"
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, f"digest.editorial imports {done.stdout.strip()}"


def test_a_wrapped_line_never_starts_with_what_reads_as_a_list_mark() -> None:
    from digest.templating import wrap_text

    text = (
        "The alliance won 22 seats, and the governing party's own tally was reduced to "
        "15. The vote was held early - half the assembly had resigned - after 3. most "
        "members quit."
    )
    for width in range(20, 90):
        lines = wrap_text(text, width, indent="  ").splitlines()
        assert " ".join(line.strip() for line in lines) == text
        for line in lines[1:]:
            assert not re.match(r"\s*(?:\d{1,3}\.|[-–—*•])(?: |$)", line), (width, line)


def test_a_run_of_list_marks_still_wraps() -> None:
    from digest.templating import wrap_text

    lines = wrap_text("Scores: " + " ".join(f"{n}." for n in range(1, 23)), 30).splitlines()
    assert max(len(line) for line in lines) <= 30
