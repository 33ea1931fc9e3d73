"""``goldsmith publish``: a Hub-ready folder of the gold dataset, exports for training."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from goldsmith.outputs import check_writable


class Format(str, Enum):
    hub = "hub"
    spacy = "spacy"
    conll = "conll"


def publish(
    gold: Annotated[
        Path,
        typer.Argument(
            exists=True, help="Gold directory from 'goldsmith annotate pull', or a spec JSONL file."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write.")],
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            help="hub: Parquet + dataset card; spacy: DocBin per split; "
            "conll: CoNLL-2003 (entity layer only) per split.",
        ),
    ] = Format.hub,
    ratios: Annotated[
        str, typer.Option(help="Split ratios, 'train,validation,test' or 'train=0.9,test=0.1'.")
    ] = "0.8,0.1,0.1",
    seed: Annotated[int, typer.Option(help="Seed of the document-level split.")] = 0,
    group_by: Annotated[
        str | None,
        typer.Option(help="Meta field whose documents stay in one split (e.g. an event id)."),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option(help="Pretty name in the card (default: the Label Studio project's title)."),
    ] = None,
    license: Annotated[str, typer.Option(help="License id for the card.")] = "other",
    repo_id: Annotated[str | None, typer.Option(help="Hub dataset repo, ORG/NAME.")] = None,
    push: Annotated[
        bool,
        typer.Option("--push", help="Upload to --repo-id with HF_TOKEN (data first, card last)."),
    ] = False,
    private: Annotated[bool, typer.Option("--private", help="Create the repo private.")] = False,
) -> None:
    """Write the gold set as a folder the Hugging Face Hub serves as is (or a training export).

    Splits are made by document, seeded; nothing private (e-mail addresses, tokens,
    URLs with credentials) is written, and no document twice. OUT must be empty, new, or
    an earlier publish output (replaced whole; hand-written card sections survive).
    """
    from goldsmith.publish.export import write_export
    from goldsmith.publish.folder import write_hub_folder
    from goldsmith.publish.splits import parse_ratios

    console = Console(highlight=False, soft_wrap=True)
    split_ratios = parse_ratios(ratios)
    if push and fmt is not Format.hub:
        raise typer.BadParameter("--push uploads the hub format only", param_hint="--push")
    check_writable(out, "--out")
    if fmt is not Format.hub:
        exported = write_export(
            gold, out, fmt.value, ratios=split_ratios, seed=seed, group_by=group_by
        )
        for split, path in exported.files.items():
            console.print(f"{split}: {path}", markup=False)
        for warning in exported.warnings:
            console.print(f"warning: {warning}", markup=False)
        return
    report = write_hub_folder(
        gold, out, ratios=split_ratios, seed=seed, group_by=group_by, name=name, license=license
    )
    table = Table("split", "documents", title=f"published to {report.out_dir}")
    for split, count in report.splits.items():
        table.add_row(split, str(count))
    console.print(table)
    for warning in report.warnings:
        console.print(f"warning: {warning}", markup=False)
    console.print(f"card: {report.card}")
    if push:
        if not repo_id:
            raise typer.BadParameter("--push needs --repo-id ORG/NAME", param_hint="--repo-id")
        from goldsmith.publish.hub import push_folder

        url = push_folder(out, repo_id, private=private)
        console.print(f"uploaded to {url}")
    elif repo_id:
        console.print(f"next: goldsmith publish {gold} --out {out} --repo-id {repo_id} --push")


def register(app: typer.Typer) -> None:
    """Add the ``publish`` command to the root app (it is a single command, not a group)."""
    app.command("publish")(publish)
