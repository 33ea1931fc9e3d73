"""``goldsmith corpus``: read documents into a corpus dataset."""

import typer

app = typer.Typer(help="Read documents (folders, JSONL, CSV, Parquet, datasets) into a corpus.",
                  no_args_is_help=True)
