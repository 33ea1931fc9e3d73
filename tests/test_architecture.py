"""The one-way dependencies between the stages (README, "Architecture"), checked on the code.

Every ``import goldsmith.X`` / ``from goldsmith.X import`` in a stage's modules (at any
depth, inside functions too) must name a stage that stage may use.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = {"errors", "progress", "outputs", "wording"}  # goldsmith/<name>.py: usable by every stage
ROOT = {"__version__"}  # from goldsmith import __version__

#: stage folder -> the goldsmith subpackages its modules may import
ALLOWED = {
    "labels": {"labels"} | SHARED,
    "corpus": {"corpus", "labels"} | SHARED,
    "annotate": {"annotate", "corpus", "labels"} | SHARED,
    "eval": {"eval", "labels"} | SHARED,
    "publish": {"publish", "labels"} | SHARED,
}
#: folders or modules allowed one more stage:
#: - corpus/realnews, a data-building tool, not part of ingestion: it adjudicates with
#:   eval's matching;
#: - annotate/studio/status.py: `annotate status` reports agreement so far with exactly
#:   the code of `eval agree` (eval itself never imports annotate, so no cycle);
#: - corpus/realnews/train_speakers.py: rebuilds the speaker ranker's weights by running
#:   the quote rules on PolNeAR (a script; nothing imports it, so no cycle);
#: - corpus/realnews/train_name_genders.py: rebuilds the first-name gender lexicon the
#:   same way (a script; nothing imports it);
#: - corpus/realnews/train_quotes.py: the same for the partial-quote classifier;
#: - corpus/realnews/train_claims.py: the same for the claim verifier's weights;
#: - corpus/realnews/train_entities.py: the same for the entity label corrector.
EXCEPTIONS = {
    "corpus/realnews/train_speakers.py": {"eval", "annotate"},
    "corpus/realnews/train_name_genders.py": {"annotate"},
    "corpus/realnews/train_quotes.py": {"eval", "annotate"},
    "corpus/realnews/train_claims.py": {"eval", "annotate"},
    "corpus/realnews/train_entities.py": {"eval", "annotate"},
    "corpus/realnews": {"eval"},
    "annotate/studio/status.py": {"eval"},
}


def _imported_stages(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            if node.module == "goldsmith":
                names += [f"goldsmith.{alias.name}" for alias in node.names]
        found |= {n.split(".")[1] for n in names if n.startswith("goldsmith.")}
    return found


def _modules(folder: str) -> list[Path]:
    return sorted((REPO / folder).rglob("*.py"))


@pytest.mark.parametrize("stage", sorted(ALLOWED))
def test_a_stage_imports_only_the_stages_below_it(stage):
    wrong = []
    for path in _modules(stage):
        rel = path.relative_to(REPO).as_posix()
        allowed = (
            ALLOWED[stage]
            | ROOT
            | next(
                (
                    extra
                    for prefix, extra in EXCEPTIONS.items()
                    if rel == prefix or rel.startswith(prefix + "/")
                ),
                set(),
            )
        )
        wrong += [f"{rel} imports goldsmith.{s}" for s in _imported_stages(path) - allowed]
    assert wrong == []


def test_the_shared_modules_import_no_stage():
    for name in SHARED:
        assert _imported_stages(REPO / "goldsmith" / f"{name}.py") <= {"errors"}


def test_nothing_outside_the_cli_imports_the_cli():
    outside = [*_modules("goldsmith"), *(p for s in ALLOWED for p in _modules(s))]
    wrong = [
        p.relative_to(REPO).as_posix()
        for p in outside
        if "cli" not in p.relative_to(REPO).parts and "cli" in _imported_stages(p)
    ]
    assert wrong == []


def test_the_checker_sees_imports_inside_functions(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from goldsmith.cli.outputs import check_writable\n")
    assert _imported_stages(module) == {"cli"}


def test_every_module_in_the_architecture_table_exists():
    """Each row: `folder/` then the modules (``name.py``, relative to it) and subfolders."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Architecture", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    named, missing = 0, []
    for row in rows:
        folder, owns = row.split("|")[1:3]
        base = REPO / folder.strip().strip("`")
        for name in re.findall(r"`([A-Za-z_/]+(?:\.py|/))`", owns):
            path = REPO / name if "/" in name.rstrip("/") else base / name
            named += 1
            if not path.exists():
                missing.append(str(path.relative_to(REPO)))
    assert len(rows) >= 10 and named > 60
    assert missing == []
