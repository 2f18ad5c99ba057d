"""Sparse-vector machinery for clustering: candidates, then average linkage.

``neighbours`` finds each row's most similar rows through an inverted index over its
heaviest terms (so only rows sharing a distinctive word are compared: linear work);
``average_linkage`` merges clusters over that candidate graph, optionally letting an
``Agreement`` (a second, independent similarity) carry a near miss over the bar and a
``Conflict`` (marks that cannot belong to one event) hold back a near pass;
``join_exclusive`` then joins two clusters that alone share a mark (a quotation) and are
not far apart, and ``join_gathered`` the clusters that share a mark naming one thing (a
named storm), however many. ``digest.cluster`` decides what the vectors and thresholds
are; this module knows nothing of articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

__all__ = [
    "Agreement",
    "Conflict",
    "Wording",
    "average_linkage",
    "heaviest_terms",
    "join_exclusive",
    "join_gathered",
    "neighbours",
    "normalise",
    "row_dots",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

# Time between reports (see _time_discount). Real feeds: 0.929-0.933 for 12-36 hours
# before the discount starts and a decay of 24-48 hours; 0.924 with no discount.
_SAME_DAY_HOURS = 24.0
_DISCOUNT_HOURS = 48.0
# A pair whose words alone pass the word bar, before any discount, is one story told
# over days (a loan's deadline slipping, a strike called and then suspended) more often
# than two events: its discount falls by e every _WORDED_DISCOUNT_HOURS instead. Two
# events on one subject days apart are alike in meaning, seldom word for word. Over
# the kept pages weeks of bench/e2e.py (seeds 1, 29, 41, 53), its feed-text week and
# the eighth to twentieth replica weeks, 72, 96 and 144 hours make 6, 7 and 8 fewer
# events split (none in the bench weeks) and no new story mixing events but one: the
# bench's 2012 and 2014 Gaza wars, put into one week, mix in a second story of seed 41
# at every value. With no discount at all for such pairs, three more bench stories
# mix. 96 is inside the region. The real feed and Google News sets do not move. Only
# between new reports: two stories sent last week were told apart then (the sample's
# Euroclear lawsuit and the loan it answered, three days and many words in common).
_WORDED_DISCOUNT_HOURS = 96.0
# Rows per block of the sparse neighbour product: bounds memory at about
# _BLOCK x texts x 12 bytes in the worst case.
_BLOCK = 1024
# Words per text in the candidate index. Dev F1 with 20 equals the unpruned index
# (0.964; 12 gives 0.958, 8 gives 0.953), and common words, which would pair up most
# texts, drop out of it.
_INDEX_TERMS = 20
# Longest posting list in the candidate index: a word in more texts than this is too
# common to say two texts share an event, and each such word would cost postings^2
# pairs. Caps the candidate work at _MAX_POSTINGS x _INDEX_TERMS per text (linear).
_MAX_POSTINGS = 500
# Stored entries gathered per piece in row_dots (each side): 50k texts x 30 edges
# gathered at once took ~1 GB. 4M is 100k pairs of smoothed word rows (about 40 terms);
# rows that carry 384 dense sentence-vector columns get about 10k pairs a piece.
_ENTRIES_PER_PIECE = 4_000_000


@dataclass(frozen=True, slots=True)
class Agreement:
    """A second similarity that lets two clusters merge a little below their bar.

    ``vectors`` has one L2-normalised row per text. Two clusters whose mean pairwise
    cosine falls short of their bar by less than their ``relief`` (the mean of their
    members', per text) still merge when the mean pairwise cosine of their ``vectors``
    is at least ``floor``: both signals must agree, so neither alone merges more.
    """

    vectors: sp.csr_matrix
    relief: FloatArray
    floor: float


@dataclass(frozen=True, slots=True)
class Conflict:
    """Marks that hold two clusters apart when their similarity barely passes.

    ``marks`` (texts x kinds) is non-zero where a text carries a kind of mark;
    ``apart`` (kinds x kinds, symmetric) says which two kinds cannot belong to one
    cluster. Two clusters conflict when both carry marks and every mark of one is apart
    from every mark of the other. With ``apart`` None every two different kinds are
    apart (two clusters conflict when both carry marks and share none), and ``marks``
    may be a sparse matrix of any number of kinds (the names of a week's texts). A
    conflicting pair whose mean cosine passes its bar by less than its ``margin`` (the
    mean of its members', per text) does not merge.

    When the vectors are a blend (``words`` > 0: their first ``words`` columns are the
    word vectors scaled by sqrt(1 - ``blend``), the rest a second similarity scaled by
    sqrt(``blend``), and each text's bar is (1 - ``blend``) x its word bar + ``blend`` x
    its ``blend_bars`` value), a conflicting pair with a margin must pass on its words
    alone, by the margin: what the marks contradict is that two reports tell one event,
    and a second similarity that says they are on one subject does not answer it.
    """

    marks: FloatArray | sp.csr_matrix
    apart: BoolArray | None
    margin: FloatArray
    words: int = 0
    blend: float = 0.0
    blend_bars: FloatArray | None = None


@dataclass(frozen=True, slots=True)
class Wording:
    """Where the words sit in blended vectors, so a pair's words can be read alone.

    The vectors' first ``words`` columns are word vectors scaled by sqrt(1 - ``blend``),
    the rest a second similarity scaled by sqrt(``blend``), and each text's bar is
    (1 - ``blend``) x its word bar + ``blend`` x its ``bars`` value (as for
    ``Conflict``). A pair of clusters with new reports whose words pass their word bar
    before the time discount is discounted more slowly (``_WORDED_DISCOUNT_HOURS``).
    """

    words: int
    blend: float
    bars: FloatArray
    # Per text, how far it is a whole article (0 a feed's line, 1 a page's lead): only
    # a pair of clusters at least half whole on average is discounted more slowly.
    whole: FloatArray | None = None


@dataclass(frozen=True, slots=True)
class _Marks:
    """A ``Conflict`` summed per cluster, as ``average_linkage`` merges them."""

    sums: FloatArray | sp.csr_matrix
    margin_sums: FloatArray
    together: BoolArray | None
    words: int = 0
    blend: float = 0.0
    blend_bar_sums: FloatArray | None = None


@dataclass(frozen=True, slots=True)
class _Relief:
    """An ``Agreement`` summed per cluster, as ``average_linkage`` merges them."""

    sums: sp.csr_matrix
    relief_sums: FloatArray
    floor: float


def normalise(matrix: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)


def neighbours(vectors: sp.csr_matrix, k: int) -> tuple[IntArray, IntArray, FloatArray]:
    """Directed edges (row, col, cosine) to each row's ``k`` most similar other rows.

    Candidates come from each row's ``_INDEX_TERMS`` heaviest words only (an inverted
    index over them, as a sparse product in row blocks), so frequent words never pair
    up every text; the kept edges then get their exact cosine. Edges are sorted by row,
    then cosine (descending), then column, so the result is deterministic.
    """
    n = vectors.shape[0]
    index = heaviest_terms(vectors, _INDEX_TERMS)
    postings = np.bincount(index.indices, minlength=index.shape[1])
    index.data[postings[index.indices] > _MAX_POSTINGS] = 0.0
    index.eliminate_zeros()
    transposed = sp.csc_matrix(index.T)
    rows: list[IntArray] = []
    cols: list[IntArray] = []
    for start in range(0, n, _BLOCK):
        block = sp.csr_matrix(index[start : start + _BLOCK] @ transposed)
        for offset in range(block.shape[0]):
            low, high = block.indptr[offset], block.indptr[offset + 1]
            c = block.indices[low:high].astype(np.int64)
            v = block.data[low:high]
            other = c != start + offset
            c = _top_columns(c[other], v[other], k)
            rows.append(np.full(len(c), start + offset, dtype=np.int64))
            cols.append(c)
    r = np.concatenate(rows)
    c = np.concatenate(cols)
    sims = row_dots(vectors, r, c)
    order = np.lexsort((c, -sims, r))
    return r[order], c[order], sims[order]


def _top_columns(cols: IntArray, values: FloatArray, k: int) -> IntArray:
    """The ``k`` columns with the largest values (ties: lower column first).

    A partition, not a sort, of a row's candidates: a row of a big window can have
    thousands, and sorting them all was most of the neighbour search's time.
    """
    if len(cols) <= k:
        return cols
    kth = np.partition(values, len(values) - k)[len(values) - k]
    above = cols[values > kth]
    tied = np.sort(cols[values == kth])
    return np.concatenate([above, tied[: k - len(above)]])


def row_dots(matrix: sp.csr_matrix, left: IntArray, right: IntArray) -> FloatArray:
    """Dot products of row pairs, in pieces so the gathered rows stay small in memory."""
    out = np.empty(len(left), dtype=np.float64)
    per_row = max(1.0, matrix.nnz / max(1, matrix.shape[0]))
    step = max(1, int(_ENTRIES_PER_PIECE / per_row))
    for start in range(0, len(left), step):
        end = start + step
        product = matrix[left[start:end]].multiply(matrix[right[start:end]])
        out[start:end] = np.asarray(product.sum(axis=1)).ravel()
    return out


def heaviest_terms(vectors: sp.csr_matrix, count: int) -> sp.csr_matrix:
    """The matrix with only each row's ``count`` largest weights (ties: lower column)."""
    matrix = sp.csr_matrix(vectors, copy=True)
    matrix.sum_duplicates()  # sorted columns, so a stable sort leaves ties by column
    lengths = np.diff(matrix.indptr)
    keep = np.ones(matrix.nnz, dtype=bool)
    long_rows = np.nonzero(lengths > count)[0]
    # Rows are sorted in a grid each, a bucket of similar lengths at a time (padding
    # sorts last): one global three-key sort of every weight took ten times as long.
    buckets = np.ceil(np.log2(lengths[long_rows])).astype(np.int64)
    for bucket in np.unique(buckets):
        rows = long_rows[buckets == bucket]
        row_lengths = lengths[rows]
        starts = matrix.indptr[rows].astype(np.int64)
        slots = np.arange(int(row_lengths.max()))
        filled = slots[None, :] < row_lengths[:, None]
        grid = np.full(filled.shape, np.inf)
        grid[filled] = -matrix.data[(starts[:, None] + slots[None, :])[filled]]
        dropped = np.argsort(grid, axis=1, kind="stable")[:, count:]
        real = dropped < row_lengths[:, None]
        keep[(starts[:, None] + dropped)[real]] = False
    row_of = np.repeat(np.arange(matrix.shape[0]), lengths)[keep]
    indptr = np.concatenate([[0], np.cumsum(np.bincount(row_of, minlength=matrix.shape[0]))])
    return sp.csr_matrix((matrix.data[keep], matrix.indices[keep], indptr), shape=matrix.shape)


def average_linkage(
    vectors: sp.csr_matrix,
    rows: IntArray,
    cols: IntArray,
    thresholds: FloatArray,
    hours: FloatArray | None = None,
    carried: npt.NDArray[np.bool_] | None = None,
    agreement: Agreement | None = None,
    conflicts: Sequence[Conflict] = (),
    told: FloatArray | None = None,
    wording: Wording | None = None,
) -> IntArray:
    """Cluster labels from average linkage restricted to the candidate edges.

    ``thresholds`` has one value per row; two clusters merge when their mean pairwise
    cosine, discounted by ``_time_discount`` of the gap between their mean publication
    times (``hours``, when given), exceeds the mean threshold of their members, or
    falls short of it by less than the ``agreement``'s relief while the agreement's
    own mean cosine reaches its floor; a pair that any of the ``conflicts``' marks hold
    apart must pass the bar by that conflict's margin.

    Rows marked ``carried`` (reports of stories already told) keep their own clock: the
    gap is taken between the clusters' new rows when both have some, else between their
    carried rows, and a new report is never discounted against a carried one alone, so
    a story continues whatever the time since it was told. ``told`` (hours, at most
    each row's ``hours``) is when each report's own words say its event happened (a
    report on Thursday of "Tuesday's earthquake"): two clusters are as far apart as the
    nearer of their two clocks says (``_gaps``). With a ``wording``, a pair whose words
    alone pass before the discount is discounted more slowly.
    """
    n = vectors.shape[0]
    labels = np.arange(n, dtype=np.int64)
    sums = vectors.copy()
    sizes = np.ones(n, dtype=np.float64)
    threshold_sums = np.asarray(thresholds, dtype=np.float64).copy()
    old = np.zeros(n, dtype=bool) if carried is None else np.asarray(carried, dtype=bool)
    times = _clocks(n, hours, told, old)
    relief = None
    if agreement is not None:
        relief = _Relief(
            sp.csr_matrix(agreement.vectors, dtype=np.float64),
            np.asarray(agreement.relief, dtype=np.float64).copy(),
            agreement.floor,
        )
    marks = tuple(
        _Marks(
            _presence(conflict.marks),
            np.asarray(conflict.margin, dtype=np.float64).copy(),
            None if conflict.apart is None else ~np.asarray(conflict.apart, dtype=bool),
            conflict.words,
            conflict.blend,
            None
            if conflict.blend_bars is None
            else np.asarray(conflict.blend_bars, dtype=np.float64).copy(),
        )
        for conflict in conflicts
    )
    worded = None
    if wording is not None:
        whole = np.ones(n) if wording.whole is None else wording.whole
        worded = (
            wording.words,
            wording.blend,
            np.asarray(wording.bars, np.float64).copy(),
            np.asarray(whole, np.float64).copy(),
        )
    # The cluster pairs joined by a candidate edge, each once (left < right), with their
    # mean cosine, discounted score and bar. A round changes only the pairs touching a
    # cluster that merged, so only those are relabelled, deduplicated and scored again;
    # the rest keep their values (scoring every pair each round was most of the time).
    differ = rows != cols
    keys = np.unique(np.minimum(rows, cols)[differ] * n + np.maximum(rows, cols)[differ])
    left, right = keys // n, keys % n
    score, bar = _score_pairs(
        sums, sizes, threshold_sums, times, hours, left, right, relief, marks, worded
    )
    while len(left):
        good = score > bar
        if not good.any():
            break
        partner = _best_partners(left[good], right[good], score[good], len(sizes))
        candidates = np.nonzero(partner >= 0)[0]
        mutual = candidates[
            (partner[partner[candidates]] == candidates) & (candidates < partner[candidates])
        ]
        if len(mutual) == 0:
            break
        target = np.arange(len(sizes))
        target[partner[mutual]] = mutual
        # target keeps the order of surviving ids, so new ids are monotone in old ones.
        _, new_ids = np.unique(target, return_inverse=True)
        new_ids = new_ids.astype(np.int64).ravel()
        merge = sp.csr_matrix(
            (np.ones(len(sizes)), (new_ids, np.arange(len(sizes)))),
            shape=(int(new_ids.max()) + 1, len(sizes)),
        )
        sums = sp.csr_matrix(merge @ sums)
        sizes = merge @ sizes
        threshold_sums = merge @ threshold_sums
        times = (merge @ times.T).T
        if relief is not None:
            relief = _Relief(
                sp.csr_matrix(merge @ relief.sums), merge @ relief.relief_sums, relief.floor
            )
        marks = tuple(
            _Marks(
                sp.csr_matrix(merge @ kind.sums) if sp.issparse(kind.sums) else merge @ kind.sums,
                merge @ kind.margin_sums,
                kind.together,
                kind.words,
                kind.blend,
                None if kind.blend_bar_sums is None else merge @ kind.blend_bar_sums,
            )
            for kind in marks
        )
        if worded is not None:
            worded = (worded[0], worded[1], merge @ worded[2], merge @ worded[3])
        labels = new_ids[labels]
        merged = np.zeros(len(target), dtype=bool)
        merged[mutual] = True
        merged[partner[mutual]] = True
        touched = merged[left] | merged[right]
        a, b = new_ids[left[touched]], new_ids[right[touched]]
        differ = a != b
        keys = np.unique(np.minimum(a, b)[differ] * n + np.maximum(a, b)[differ])
        fresh_left, fresh_right = keys // n, keys % n
        fresh_score, fresh_bar = _score_pairs(
            sums,
            sizes,
            threshold_sums,
            times,
            hours,
            fresh_left,
            fresh_right,
            relief,
            marks,
            worded,
        )
        kept = ~touched
        left = np.concatenate([new_ids[left[kept]], fresh_left])
        right = np.concatenate([new_ids[right[kept]], fresh_right])
        score = np.concatenate([score[kept], fresh_score])
        bar = np.concatenate([bar[kept], fresh_bar])
    return labels


def join_exclusive(
    labels: IntArray,
    vectors: sp.csr_matrix,
    marks: Sequence[IntArray],
    floor: float,
    hours: FloatArray | None = None,
    carried: BoolArray | None = None,
    told: FloatArray | None = None,
    bars: FloatArray | None = None,
) -> IntArray:
    """``labels`` after joining every two clusters that share a mark no third cluster
    holds, when their mean pairwise cosine (of ``vectors``), discounted by the time
    between them as in ``average_linkage``, is at least ``floor``, and neither shares
    marks with another cluster that passes the floor. With ``bars`` (one per row), the
    pair must also reach the mean bar of its members, as ``average_linkage`` asks.

    ``marks`` gives each row's mark ids (any int64 values, each once per row). A mark
    held by three or more clusters is common ground, not evidence; a cluster that shares
    marks with two others (a roundup quoting several stories) joins none of them, so
    joins never chain.
    """
    held = _held_marks(labels, marks)
    if held is None:
        return labels
    mark_ids, counts = np.unique(held[0], return_counts=True)
    two = np.isin(held[0], mark_ids[counts == 2])
    pairs = held[1][two].reshape(-1, 2)  # sorted by mark, then cluster: one row per mark
    if not len(pairs):
        return labels
    count = int(labels.max()) + 1
    keys = np.unique(pairs[:, 0] * count + pairs[:, 1])
    left, right = keys // count, keys % count
    member, sizes, score = _pair_scores(labels, vectors, left, right, hours, carried, told)
    passing = score >= floor
    if bars is not None:
        bar_sums = member @ np.asarray(bars, dtype=np.float64)
        passing &= score >= (bar_sums[left] + bar_sums[right]) / (sizes[left] + sizes[right])
    left, right = left[passing], right[passing]
    partners = np.bincount(np.concatenate([left, right]), minlength=count)
    alone = (partners[left] == 1) & (partners[right] == 1)
    roots = np.arange(count)
    roots[right[alone]] = left[alone]
    joined: IntArray = roots[labels]
    return joined


def join_gathered(
    labels: IntArray,
    vectors: sp.csr_matrix,
    marks: Sequence[IntArray],
    floor: float,
    hours: FloatArray | None = None,
    carried: BoolArray | None = None,
    told: FloatArray | None = None,
) -> IntArray:
    """``labels`` after gathering the clusters that hold a mark three or more hold: each
    that holds no other mark joins the mark's largest such holder when their mean
    pairwise cosine, discounted by time as in ``join_exclusive``, is at least ``floor``.

    For marks that name one thing, as a named storm does: its reports can fall into
    three clusters (the landfall, the toll days later, a neighbour's aid), none of which
    ``join_exclusive`` joins, since a mark three clusters hold is common ground there. A
    cluster naming two storms could bridge them, so it stays where it is.
    """
    held = _held_marks(labels, marks)
    if held is None:
        return labels
    count = int(labels.max()) + 1
    kinds = np.bincount(held[1], minlength=count)
    single = kinds[held[1]] == 1
    mark_ids, counts = np.unique(held[0], return_counts=True)
    crowded = np.isin(held[0], mark_ids[counts >= 3]) & single
    if crowded.sum() < 2:
        return labels
    sizes = np.bincount(labels, minlength=count).astype(np.float64)
    left_parts, right_parts = [], []
    for mark in np.unique(held[0][crowded]):
        holders = held[1][crowded & (held[0] == mark)]
        if len(holders) < 2:
            continue
        # The largest holder (the lowest label among equals) gathers the others.
        target = holders[np.lexsort((holders, -sizes[holders]))[0]]
        others = holders[holders != target]
        left_parts.append(np.full(len(others), target))
        right_parts.append(others)
    if not left_parts:
        return labels
    left, right = np.concatenate(left_parts), np.concatenate(right_parts)
    _, _, score = _pair_scores(labels, vectors, left, right, hours, carried, told)
    roots = np.arange(count)
    passing = score >= floor
    roots[right[passing]] = left[passing]
    joined: IntArray = roots[labels]
    return joined


def _held_marks(labels: IntArray, marks: Sequence[IntArray]) -> IntArray | None:
    """Each (mark, cluster) pair ``marks`` give the clusters of ``labels``, once: a
    2 x n array sorted by mark, then cluster; None when no row has a mark."""
    rows = np.repeat(np.arange(len(marks)), [len(m) for m in marks])
    if not len(rows):
        return None
    ids = np.concatenate(marks).astype(np.int64)
    held: IntArray = np.unique(np.stack([ids, labels[rows]]), axis=1)
    return held


def _pair_scores(
    labels: IntArray,
    vectors: sp.csr_matrix,
    left: IntArray,
    right: IntArray,
    hours: FloatArray | None,
    carried: BoolArray | None,
    told: FloatArray | None,
) -> tuple[sp.csr_matrix, FloatArray, FloatArray]:
    """The clusters' membership (clusters x rows), their sizes, and each pair's mean
    cosine, discounted by the time between them as in ``average_linkage``."""
    count = int(labels.max()) + 1
    member = sp.csr_matrix(
        (np.ones(len(labels)), (labels, np.arange(len(labels)))), shape=(count, len(labels))
    )
    sums = sp.csr_matrix(member @ vectors)
    sizes = np.asarray(member.sum(axis=1)).ravel()
    score = row_dots(sums, left, right) / (sizes[left] * sizes[right])
    if hours is not None:
        old = np.zeros(len(labels), dtype=bool) if carried is None else carried
        times = (member @ _clocks(len(labels), hours, told, old).T).T
        score = score * _time_discount(_gaps(times, left, right))
    return member, sizes, score


def _score_pairs(
    sums: sp.csr_matrix,
    sizes: FloatArray,
    threshold_sums: FloatArray,
    times: FloatArray,
    hours: FloatArray | None,
    left: IntArray,
    right: IntArray,
    relief: _Relief | None = None,
    marks: Sequence[_Marks] = (),
    worded: tuple[int, float, FloatArray, FloatArray] | None = None,
) -> tuple[FloatArray, FloatArray]:
    """Each cluster pair's mean cosine, discounted by the time between them, and the
    bar it must exceed to merge: the mean threshold of their members, lowered by their
    mean relief for a near miss that the agreement vectors back, raised by their mean
    margin for a near pass whose marks conflict (each kind of marks in turn).
    ``worded`` (word columns, blend, summed blend bars and wholeness; see ``Wording``)
    discounts a pair of whole articles whose words alone pass more slowly."""
    raw = row_dots(sums, left, right) / (sizes[left] * sizes[right])
    score = raw
    sizes_sum = sizes[left] + sizes[right]
    bar = (threshold_sums[left] + threshold_sums[right]) / sizes_sum
    # Per pair, how fast time discounts it (see _WORDED_DISCOUNT_HOURS).
    decay = np.full(len(left), _DISCOUNT_HOURS)
    if hours is not None:
        gaps = _gaps(times, left, right)
        score = raw * _time_discount(gaps)
        # Between new reports only: stories already sent were told apart when they were.
        new_count = times[1]
        fresh = (new_count[left] > 0) & (new_count[right] > 0)
        late = np.nonzero((score <= bar) & (raw > bar) & fresh)[0]
        if worded is not None:
            late = late[(worded[3][left[late]] + worded[3][right[late]]) / sizes_sum[late] >= 0.5]
        if worded is not None and len(late):
            columns, blend, bar_sums, _ = worded
            a, b = left[late], right[late]
            words = row_dots(sp.csr_matrix(sums[:, :columns]), a, b) / (sizes[a] * sizes[b])
            # Both in blended units: the word part against the word bar's share.
            word_bar = bar[late] - blend * (bar_sums[a] + bar_sums[b]) / sizes_sum[late]
            alike = late[words >= word_bar]
            score[alike] = raw[alike] * _time_discount(gaps[alike], _WORDED_DISCOUNT_HOURS)
            decay[alike] = _WORDED_DISCOUNT_HOURS
    lowered = np.zeros(len(bar))
    if relief is not None:
        slack = (relief.relief_sums[left] + relief.relief_sums[right]) / sizes_sum
        near = np.nonzero((score <= bar) & (score > bar - slack))[0]
        if len(near):
            a, b = left[near], right[near]
            agree = row_dots(relief.sums, a, b) / (sizes[a] * sizes[b])
            backed = near[agree >= relief.floor]
            lowered[backed] = slack[backed]
            bar[backed] -= slack[backed]
    for kind in marks:
        margin = (kind.margin_sums[left] + kind.margin_sums[right]) / sizes_sum
        if kind.words:
            _hold_on_words(
                sums, sizes, times, hours, left, right, kind, score, bar, margin, lowered, decay
            )
        else:
            close = np.nonzero((score > bar) & (score <= bar + margin))[0]
            if len(close):
                held = close[_conflicting(kind, left[close], right[close])]
                bar[held] += margin[held]
    return score, bar


def _hold_on_words(
    sums: sp.csr_matrix,
    sizes: FloatArray,
    times: FloatArray,
    hours: FloatArray | None,
    left: IntArray,
    right: IntArray,
    marks: _Marks,
    score: FloatArray,
    bar: FloatArray,
    margin: FloatArray,
    lowered: FloatArray,
    decay: FloatArray,
) -> None:
    """Raise to infinity the bar of each passing, conflicting pair whose word part
    passes the word bar by less than the margin (see ``Conflict``); in place.

    ``lowered`` is what an agreement's relief took off each pair's bar, in blended
    units; on words alone it would have taken its (1 - blend) share, as it did before
    the blend."""
    passing = np.nonzero((score > bar) & (margin > 0))[0]
    if not len(passing):
        return
    conflicting = passing[_conflicting(marks, left[passing], right[passing])]
    if not len(conflicting):
        return
    a, b = left[conflicting], right[conflicting]
    words = row_dots(sp.csr_matrix(sums[:, : marks.words]), a, b) / (sizes[a] * sizes[b])
    if hours is not None:
        words = words * _time_discount(_gaps(times, a, b), decay[conflicting])
    # In blended units: the word part against the word bar's share, plus the margin's.
    # The bar less the blend's share of its own bar is (1 - blend) x (word bar - relief)
    # once the relief's blended amount is given back and its (1 - blend) share kept.
    blend_bar: FloatArray | float = 0.0
    if marks.blend_bar_sums is not None:
        blend_bar = (marks.blend_bar_sums[a] + marks.blend_bar_sums[b]) / (sizes[a] + sizes[b])
    word_bar = bar[conflicting] + marks.blend * (lowered[conflicting] - blend_bar)
    short = words <= word_bar + (1.0 - marks.blend) * margin[conflicting]
    bar[conflicting[short]] = np.inf


def _conflicting(marks: _Marks, left: IntArray, right: IntArray) -> BoolArray:
    """Whether each cluster pair carries marks on both sides, none of them compatible."""
    if marks.together is None:
        # Any two different kinds apart: a conflict is two marked clusters sharing none.
        sums = sp.csr_matrix(marks.sums)
        marked = sums.getnnz(axis=1) > 0
        disjoint: BoolArray = marked[left] & marked[right] & (row_dots(sums, left, right) == 0)
        return disjoint
    has_left = marks.sums[left] > 0
    has_right = marks.sums[right] > 0
    fits = (has_left.astype(np.float64) @ marks.together.astype(np.float64)) * has_right
    compatible: BoolArray = fits.sum(axis=1) > 0
    both: BoolArray = np.logical_and(has_left.any(axis=1), has_right.any(axis=1))
    return both & ~compatible


def _presence(marks: FloatArray | sp.csr_matrix) -> FloatArray | sp.csr_matrix:
    """1.0 where ``marks`` is non-zero, sparse if it was."""
    if sp.issparse(marks):
        present = sp.csr_matrix(marks, dtype=np.float64, copy=True)
        present.eliminate_zeros()
        present.data[:] = 1.0
        return present
    return (np.asarray(marks) != 0).astype(np.float64)


def _clocks(
    n: int, hours: FloatArray | None, told: FloatArray | None, old: BoolArray
) -> FloatArray:
    """Per row, to be summed per cluster: the hours of a new row, 1 for a new row, the
    hours of a carried row, 1 for a carried row, and the hours a new row's words take
    its event back to (its own hours without ``told``)."""
    clock = np.zeros(n) if hours is None else np.asarray(hours, dtype=np.float64)
    back = clock if told is None else np.minimum(np.asarray(told, dtype=np.float64), clock)
    return np.stack(
        [
            np.where(old, 0.0, clock),
            (~old) * 1.0,
            np.where(old, clock, 0.0),
            old * 1.0,
            np.where(old, 0.0, back),
        ]
    )


def _gaps(times: FloatArray, left: IntArray, right: IntArray) -> FloatArray:
    """Hours between two clusters' new rows (both have some), else between their carried
    rows, else 0 (see ``average_linkage``). Between new rows, the lesser of the gap
    between their mean times and the gap between the mean times their words take their
    events back to: two reports of one event days apart name its day."""
    new_sum, new_count, old_sum, old_count, told_sum = times
    gap = np.zeros(len(left))
    with np.errstate(invalid="ignore", divide="ignore"):
        both_new = (new_count[left] > 0) & (new_count[right] > 0)
        ends = new_sum / new_count
        starts = told_sum / new_count
        new_gap = np.minimum(np.abs(ends[left] - ends[right]), np.abs(starts[left] - starts[right]))
        both_old = ~both_new & (old_count[left] > 0) & (old_count[right] > 0)
        old_gap = old_sum[left] / old_count[left] - old_sum[right] / old_count[right]
    gap[both_new] = new_gap[both_new]
    gap[both_old] = np.abs(old_gap[both_old])
    return gap


def _time_discount(
    gap_hours: FloatArray, decay: FloatArray | float = _DISCOUNT_HOURS
) -> FloatArray:
    """1 for reports up to ``_SAME_DAY_HOURS`` apart, then falling by e every ``decay``
    hours more: a story's reports mostly come within a day (on the real feed set, 60 of
    its 61 same-event pairs within 24 h, all within 32 h), while different events on
    one subject (a leader's agenda, then their re-election) are often days apart."""
    return np.exp(-np.maximum(gap_hours - _SAME_DAY_HOURS, 0.0) / decay)


def _best_partners(left: IntArray, right: IntArray, score: FloatArray, count: int) -> IntArray:
    """For each cluster, its highest-scoring partner (ties: lower id), or -1."""
    this = np.concatenate([left, right])
    other = np.concatenate([right, left])
    both = np.concatenate([score, score])
    # Unbuffered per-cluster maximum, then the lowest id among the pairs reaching it: no
    # sort of the pairs, which took a fifth of the linkage's time.
    best = np.full(count, -np.inf)
    np.maximum.at(best, this, both)
    top = both == best[this]
    partner = np.full(count, count, dtype=np.int64)
    np.minimum.at(partner, this[top], other[top])
    partner[partner == count] = -1
    return partner
