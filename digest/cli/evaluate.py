"""The ``digest eval`` group: score a stage on an evaluation set (development tooling).

The scoring code lives in ``digest.evaluate``, which no pipeline stage imports. A
malformed input file is an :class:`~digest.errors.InputError` naming its file and line
(exit 2), like any other command's bad input.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

__all__ = ["evaluate"]


@click.group("eval")
def evaluate() -> None:
    """Score a stage on an evaluation set.

    Example: digest eval cluster ../shared/data/clustering/realfeeds_dev.jsonl
    """


def _print_scores(scores: dict[str, Any], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(scores, sort_keys=True))
    else:
        for key, value in scores.items():
            click.echo(f"{key:24} {value}")


@evaluate.command("extract")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def eval_extract(directory: str, as_json: bool) -> None:
    """Score extraction on pages with ground truth (AEB layout).

    Example: digest eval extract ../shared/data/extraction/aeb_dev --json
    """
    from digest.evaluate.extract import evaluate_extraction

    _print_scores(dict(evaluate_extraction(Path(directory))), as_json)


@evaluate.command("cluster")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def eval_cluster(file: str, as_json: bool) -> None:
    """Score story clustering on a labelled JSONL file.

    Example: digest eval cluster ../shared/data/clustering/googlenews_dev.jsonl --json
    """
    from digest.evaluate.cluster import evaluate_clustering

    _print_scores(dict(evaluate_clustering(Path(file))), as_json)


@evaluate.command("summarize")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--words", default=70, show_default=True, help="Word budget of Briefly.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def eval_summarize(file: str, words: int, as_json: bool) -> None:
    """Score extractive Briefly against reference summaries (ROUGE), beside a lead baseline.

    Example: digest eval summarize ../shared/data/summarization/multinews_longbench_dev100.jsonl
    """
    from digest.evaluate.summarize import evaluate_summaries

    _print_scores(dict(evaluate_summaries(Path(file), words=words)), as_json)
