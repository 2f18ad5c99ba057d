"""``digest.linkage.average_linkage`` against its definition, written out plainly.

The linkage keeps its cluster pairs from round to round and rescores only those a merge
touched; the reference below recomputes everything every round from the members, so
the two agree only if the bookkeeping is right.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import scipy.sparse as sp

from digest.linkage import (
    Agreement,
    Conflict,
    Wording,
    _best_partners,
    _time_discount,
    average_linkage,
    heaviest_terms,
    join_exclusive,
    join_gathered,
    neighbours,
    normalise,
)


def _reference(
    dense: np.ndarray,
    rows: np.ndarray,
    cols: np.ndarray,
    thresholds: np.ndarray,
    hours: np.ndarray,
    carried: np.ndarray,
    agreement: tuple[np.ndarray, np.ndarray, float] | None = None,
    conflict: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
    told: np.ndarray | None = None,
) -> list[int]:
    """Mutual best pairs merge each round while any pair joined by an edge scores
    above its members' mean threshold, or within their mean relief of it when their
    agreement vectors' mean cosine reaches the floor; but not by less than their mean
    margin when both carry marks and no mark of one may go with a mark of the other.
    Ids follow the lowest member."""
    clusters = [[i] for i in range(len(dense))]
    edges = {(int(r), int(c)) for r, c in zip(rows, cols, strict=True) if r != c}
    while True:
        owner = {m: k for k, members in enumerate(clusters) for m in members}
        pairs = {tuple(sorted((owner[r], owner[c]))) for r, c in edges}
        pairs = {p for p in pairs if p[0] != p[1]}
        best: dict[int, tuple[float, int]] = {}
        for a, b in sorted(pairs):
            x, y = clusters[a], clusters[b]
            mean = float(sum(dense[i] @ dense[j] for i in x for j in y)) / (len(x) * len(y))
            gap = _gap(x, y, hours, carried, told)
            score = mean * float(_time_discount(np.array([gap]))[0])
            bar = float(thresholds[x + y].mean())
            if agreement is not None and score <= bar:
                agree_dense, relief, floor = agreement
                agree = sum(float(agree_dense[i] @ agree_dense[j]) for i in x for j in y)
                slack = float(relief[x + y].mean())
                if score > bar - slack and agree / (len(x) * len(y)) >= floor:
                    bar -= slack
            if conflict is not None and score > bar:
                marks, apart, margin = conflict
                kinds_x = {k for i in x for k in np.nonzero(marks[i])[0]}
                kinds_y = {k for i in y for k in np.nonzero(marks[i])[0]}
                held = all(apart[p, q] for p in kinds_x for q in kinds_y)
                if kinds_x and kinds_y and held and score <= bar + margin[x + y].mean():
                    continue
            if score <= bar:
                continue
            for this, other in ((a, b), (b, a)):
                if this not in best or (score, -other) > (best[this][0], -best[this][1]):
                    best[this] = (score, other)
        mutual = [(a, b[1]) for a, b in best.items() if a < b[1] and best[b[1]][1] == a]
        if not mutual:
            break
        for a, b in mutual:
            clusters[a] = clusters[a] + clusters[b]
            clusters[b] = []
        clusters = sorted((sorted(c) for c in clusters if c), key=lambda c: c[0])
    labels = [0] * len(dense)
    for k, members in enumerate(clusters):
        for m in members:
            labels[m] = k
    return labels


def _gap(
    x: list[int],
    y: list[int],
    hours: np.ndarray,
    carried: np.ndarray,
    told: np.ndarray | None = None,
) -> float:
    """Between new rows, the nearer of the publication clocks' and the told clocks'
    gaps between the clusters' means; else the carried rows' publication gap."""
    new_x = [i for i in x if not carried[i]]
    new_y = [i for i in y if not carried[i]]
    if new_x and new_y:
        said = hours if told is None else told
        return min(
            abs(float(np.mean(hours[new_x]) - np.mean(hours[new_y]))),
            abs(float(np.mean(said[new_x]) - np.mean(said[new_y]))),
        )
    old_x = [hours[i] for i in x if carried[i]]
    old_y = [hours[i] for i in y if carried[i]]
    if old_x and old_y:
        return abs(float(np.mean(old_x) - np.mean(old_y)))
    return 0.0


@pytest.mark.parametrize("seed", range(6))
def test_average_linkage_matches_the_definition(seed: int) -> None:
    rng = np.random.default_rng(seed)
    # Three to six topics of overlapping words, 40 texts drawn from them, so the
    # candidate graph has clusters to grow and near-misses to refuse.
    topics = rng.integers(3, 7)
    words = 60
    centres = rng.random((topics, words)) * (rng.random((topics, words)) < 0.25)
    texts = []
    for _ in range(40):
        base = centres[rng.integers(topics)]
        noise = rng.random(words) * (rng.random(words) < 0.1)
        texts.append(base * (rng.random(words) < 0.8) + noise)
    vectors = normalise(sp.csr_matrix(np.array(texts)))
    rows, cols, _ = neighbours(vectors, 6)
    thresholds = rng.uniform(0.2, 0.5, size=40)
    hours = rng.uniform(0, 120, size=40)
    carried = rng.random(40) < 0.2

    labels = average_linkage(vectors, rows, cols, thresholds, hours, carried)

    expected = _reference(vectors.toarray(), rows, cols, thresholds, hours, carried)
    assert [int(x) for x in labels] == expected
    assert 1 < len(set(expected)) < 40


@pytest.mark.parametrize("seed", range(6))
def test_the_day_a_report_names_sets_a_second_clock_as_defined(seed: int) -> None:
    """Rows whose words date their event up to three days back are compared on that
    clock too, and the nearer gap counts."""
    rng = np.random.default_rng(100 + seed)
    topics, words = rng.integers(3, 7), 60
    centres = rng.random((topics, words)) * (rng.random((topics, words)) < 0.25)
    texts = [
        centres[rng.integers(topics)] * (rng.random(words) < 0.8)
        + rng.random(words) * (rng.random(words) < 0.1)
        for _ in range(40)
    ]
    vectors = normalise(sp.csr_matrix(np.array(texts)))
    rows, cols, _ = neighbours(vectors, 6)
    thresholds = rng.uniform(0.2, 0.5, size=40)
    hours = rng.uniform(0, 120, size=40)
    told = hours - 24.0 * rng.integers(0, 4, size=40)
    carried = rng.random(40) < 0.2

    labels = average_linkage(vectors, rows, cols, thresholds, hours, carried, told=told)

    expected = _reference(vectors.toarray(), rows, cols, thresholds, hours, carried, told=told)
    assert [int(x) for x in labels] == expected
    assert expected != _reference(vectors.toarray(), rows, cols, thresholds, hours, carried)


def test_a_report_days_later_naming_the_events_day_joins_and_none_is_pushed_apart() -> None:
    # Two reports alike enough to join on one day (cosine 0.6 against a bar of 0.5),
    # published 60 hours apart: the discount (exp(-36 / 48) = 0.47) holds them apart
    # unless the later one's words take its event back to the first one's day.
    vectors = normalise(sp.csr_matrix(np.array([[1.0, 0.0], [0.6, 0.8]])))
    rows, cols = np.array([0, 1]), np.array([1, 0])
    bar = np.full(2, 0.5)
    apart = average_linkage(vectors, rows, cols, bar, np.array([0.0, 60.0]))
    assert len(set(apart.tolist())) == 2
    joined = average_linkage(
        vectors, rows, cols, bar, np.array([0.0, 60.0]), told=np.array([0.0, 12.0])
    )
    assert len(set(joined.tolist())) == 1
    # Published together, one naming a day two days back: still no time apart.
    same_day = average_linkage(
        vectors, rows, cols, bar, np.array([60.0, 60.0]), told=np.array([60.0, 12.0])
    )
    assert len(set(same_day.tolist())) == 1


def _blended_rows(word_cosine: float, meaning_cosine: float) -> sp.csr_matrix:
    """Two rows: unit word vectors at ``word_cosine`` beside unit meaning vectors at
    ``meaning_cosine``, blended half and half (each row stays a unit vector)."""

    def unit(cosine: float) -> list[float]:
        return [cosine, float(np.sqrt(1.0 - cosine**2))]

    half = float(np.sqrt(0.5))
    rows = [[1.0, 0.0, 1.0, 0.0], [*unit(word_cosine), *unit(meaning_cosine)]]
    return sp.csr_matrix(np.array(rows) * half)


def test_reports_worded_alike_days_apart_are_discounted_more_slowly() -> None:
    # Word bar 0.4, meaning bar 0.6: a blended bar of 0.5. 48 hours apart, the usual
    # discount is exp(-24 / 48) = 0.61, the worded one exp(-24 / 96) = 0.78.
    rows, cols = np.array([0, 1]), np.array([1, 0])
    bar = np.full(2, 0.5)
    hours = np.array([0.0, 48.0])
    wording = Wording(words=2, blend=0.5, bars=np.full(2, 0.6))

    # Words 0.6 and meaning 0.9 (0.75): 0.46 against the bar, 0.58 worded.
    alike = _blended_rows(0.6, 0.9)
    assert len(set(average_linkage(alike, rows, cols, bar, hours).tolist())) == 2
    joined = average_linkage(alike, rows, cols, bar, hours, wording=wording)
    assert len(set(joined.tolist())) == 1
    # Words 0.35 under their bar, meaning 1.0 (0.675): alike in meaning only, they keep
    # the usual discount (0.41), though the slow one (0.53) would pass.
    subject = _blended_rows(0.35, 1.0)
    apart = average_linkage(subject, rows, cols, bar, hours, wording=wording)
    assert len(set(apart.tolist())) == 2


@pytest.mark.parametrize("seed", range(6))
def test_an_agreement_lets_near_misses_merge_as_defined(seed: int) -> None:
    # The same kind of texts, plus a second set of vectors (a few "names" per text,
    # shared within a topic) that can carry a pair up to `relief` below its bar.
    rng = np.random.default_rng(200 + seed)
    topics = rng.integers(3, 7)
    words = 60
    centres = rng.random((topics, words)) * (rng.random((topics, words)) < 0.25)
    marks = rng.random((topics, 12)) < 0.3
    texts, names = [], []
    for _ in range(40):
        topic = rng.integers(topics)
        noise = rng.random(words) * (rng.random(words) < 0.1)
        texts.append(centres[topic] * (rng.random(words) < 0.8) + noise)
        names.append((marks[topic] & (rng.random(12) < 0.7)) | (rng.random(12) < 0.05))
    vectors = normalise(sp.csr_matrix(np.array(texts)))
    mentions = normalise(sp.csr_matrix(np.array(names, dtype=np.float64)))
    rows, cols, _ = neighbours(vectors, 6)
    thresholds = rng.uniform(0.3, 0.6, size=40)
    relief = rng.uniform(0.05, 0.25, size=40)
    hours = rng.uniform(0, 120, size=40)
    carried = rng.random(40) < 0.2
    agreement = Agreement(mentions, relief, 0.4)

    labels = average_linkage(vectors, rows, cols, thresholds, hours, carried, agreement)

    dense = vectors.toarray()
    expected = _reference(
        dense, rows, cols, thresholds, hours, carried, (mentions.toarray(), relief, 0.4)
    )
    assert [int(x) for x in labels] == expected
    # The agreement decides something here: without it the partition differs.
    assert expected != _reference(dense, rows, cols, thresholds, hours, carried)


def _conflict_case(seed: int) -> dict[str, Any]:
    """Texts of overlapping topics as above, names, and a mark or none per text: most
    texts carry their topic's mark, some a random one. Marks of different topics
    cannot go together, except topic 0's with topic 1's."""
    rng = np.random.default_rng(400 + seed)
    topics = int(rng.integers(3, 7))
    words = 60
    centres = rng.random((topics, words)) * (rng.random((topics, words)) < 0.25)
    texts, names, marks = [], [], []
    for _ in range(40):
        topic = int(rng.integers(topics))
        noise = rng.random(words) * (rng.random(words) < 0.15)
        texts.append(centres[topic] * (rng.random(words) < 0.8) + noise)
        names.append((rng.random(12) < 0.3) | (rng.random(12) < 0.05))
        row = np.zeros(topics)
        draw = rng.random()
        if draw < 0.6:
            row[topic] = 1.0
        elif draw < 0.8:
            row[rng.integers(topics)] = 1.0
        marks.append(row)
    vectors = normalise(sp.csr_matrix(np.array(texts)))
    rows, cols, _ = neighbours(vectors, 6)
    apart = ~np.eye(topics, dtype=bool)
    apart[0, 1] = apart[1, 0] = False
    return {
        "vectors": vectors,
        "rows": rows,
        "cols": cols,
        "thresholds": rng.uniform(0.2, 0.4, size=40),
        "hours": rng.uniform(0, 120, size=40),
        "carried": rng.random(40) < 0.2,
        "mentions": normalise(sp.csr_matrix(np.array(names, dtype=np.float64))),
        "relief": rng.uniform(0.02, 0.1, size=40),
        "marks": np.array(marks),
        "apart": apart,
        "margin": rng.uniform(0.1, 0.4, size=40),
    }


def _reference_of(case: dict[str, Any], *, with_conflict: bool) -> list[int]:
    return _reference(
        case["vectors"].toarray(),
        case["rows"],
        case["cols"],
        case["thresholds"],
        case["hours"],
        case["carried"],
        (case["mentions"].toarray(), case["relief"], 0.3),
        (case["marks"], case["apart"], case["margin"]) if with_conflict else None,
    )


@pytest.mark.parametrize("seed", range(6))
def test_a_conflict_holds_near_passes_apart_as_defined(seed: int) -> None:
    # With names as well, so a conflict also meets pairs the agreement carried over.
    case = _conflict_case(seed)

    labels = _linked(case, Conflict(case["marks"], case["apart"], case["margin"]))

    assert labels == _reference_of(case, with_conflict=True)


def _linked(case: dict[str, Any], conflict: Conflict) -> list[int]:
    labels = average_linkage(
        case["vectors"],
        case["rows"],
        case["cols"],
        case["thresholds"],
        case["hours"],
        case["carried"],
        Agreement(case["mentions"], case["relief"], 0.3),
        (conflict,),
    )
    return [int(x) for x in labels]


@pytest.mark.parametrize("seed", range(6))
def test_sparse_marks_without_apart_conflict_when_they_share_no_mark(seed: int) -> None:
    # Names: too many kinds for a dense matrix; any two different ones are apart.
    case = _conflict_case(seed)
    kinds = case["marks"].shape[1]
    case = {**case, "apart": ~np.eye(kinds, dtype=bool)}

    labels = _linked(case, Conflict(sp.csr_matrix(case["marks"]), None, case["margin"]))

    assert labels == _reference_of(case, with_conflict=True)
    assert _reference_of(case, with_conflict=True) != _reference_of(case, with_conflict=False)


def test_the_conflicts_of_those_cases_decide_something() -> None:
    # Otherwise the test above would pass with the conflict ignored.
    cases = [_conflict_case(seed) for seed in range(6)]
    changed = [
        _reference_of(case, with_conflict=True) != _reference_of(case, with_conflict=False)
        for case in cases
    ]
    assert sum(changed) >= 4


def _join_reference(
    labels: list[int],
    dense: np.ndarray,
    marks: list[np.ndarray],
    floor: float,
    hours: np.ndarray,
    carried: np.ndarray,
) -> list[frozenset[int]]:
    """Two clusters join when a mark is held by them and no other cluster, their
    time-discounted mean cosine reaches the floor, and neither has another such partner.
    Returned as a partition (sets of rows)."""
    members: dict[int, list[int]] = {}
    for row, label in enumerate(labels):
        members.setdefault(label, []).append(row)
    holders: dict[int, set[int]] = {}
    for row, row_marks in enumerate(marks):
        for mark in row_marks.tolist():
            holders.setdefault(mark, set()).add(labels[row])
    passing = set()
    for held in holders.values():
        if len(held) != 2:
            continue
        a, b = sorted(held)
        x, y = members[a], members[b]
        mean = sum(float(dense[i] @ dense[j]) for i in x for j in y) / (len(x) * len(y))
        if mean * float(_time_discount(np.array([_gap(x, y, hours, carried)]))[0]) >= floor:
            passing.add((a, b))
    partners = [c for pair in passing for c in pair]
    joined = {a: b for a, b in passing if partners.count(a) == partners.count(b) == 1}
    groups: dict[int, set[int]] = {}
    for label, rows in members.items():
        groups.setdefault(joined.get(label, label), set()).update(rows)
    for a, b in joined.items():
        groups[a] = groups.pop(a, set()) | groups.pop(b, set())
    return sorted((frozenset(g) for g in groups.values() if g), key=min)


def _partition(labels: np.ndarray) -> list[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for row, label in enumerate(labels):
        groups.setdefault(int(label), set()).add(row)
    return sorted((frozenset(g) for g in groups.values()), key=min)


def _join_case(seed: int) -> tuple[Any, ...]:
    rng = np.random.default_rng(400 + seed)
    rows = 30
    dense = rng.random((rows, 12)) * (rng.random((rows, 12)) < 0.4)
    vectors = normalise(sp.csr_matrix(dense))
    labels = rng.integers(0, 12, size=rows)
    # Few mark ids, so some are held by one cluster, some by two, some by three or more.
    marks = [np.unique(rng.integers(0, 30, size=rng.integers(0, 3))) for _ in range(rows)]
    hours = rng.uniform(0, 120, size=rows)
    carried = rng.random(rows) < 0.2
    return labels, vectors, marks, 0.15, hours, carried


@pytest.mark.parametrize("seed", range(6))
def test_join_exclusive_matches_its_definition(seed: int) -> None:
    labels, vectors, marks, floor, hours, carried = _join_case(seed)

    joined = join_exclusive(labels, vectors, marks, floor, hours, carried)

    expected = _join_reference(labels.tolist(), vectors.toarray(), marks, floor, hours, carried)
    assert _partition(joined) == expected


def test_those_join_cases_join_something() -> None:
    # Otherwise the test above would pass with no join at all.
    joining = 0
    for seed in range(6):
        labels, vectors, marks, floor, hours, carried = _join_case(seed)
        joined = join_exclusive(labels, vectors, marks, floor, hours, carried)
        joining += len(set(joined.tolist())) < len(set(labels.tolist()))
    assert joining >= 4


def _marks(*rows: list[int]) -> list[np.ndarray]:
    return [np.array(row, dtype=np.int64) for row in rows]


def test_a_mark_three_clusters_hold_and_a_cluster_with_two_partners_join_nothing() -> None:
    vectors = normalise(sp.csr_matrix(np.ones((5, 3))))  # every cosine is 1
    labels = np.array([0, 1, 2, 3, 4])
    # Mark 7: rows 0, 1, 2 (common ground). Mark 8: rows 3 and 4 (joins them).
    joined = join_exclusive(labels, vectors, _marks([7], [7], [7], [8], [8]), 0.5)
    assert _partition(joined) == [
        frozenset({0}),
        frozenset({1}),
        frozenset({2}),
        frozenset({3, 4}),
    ]
    # Row 2 shares one mark with row 0 and another with row 1: a roundup, no join.
    roundup = join_exclusive(labels, vectors, _marks([1], [2], [1, 2], [], []), 0.5)
    assert len(set(roundup.tolist())) == 5
    # Labels need not be 0..k-1.
    sparse_labels = join_exclusive(np.array([0, 3, 4]), vectors[:3], _marks([], [5], [5]), 0.5)
    assert _partition(sparse_labels) == [frozenset({0}), frozenset({1, 2})]
    # Below the floor nothing joins.
    apart = normalise(sp.csr_matrix(np.eye(5)))
    unlike = join_exclusive(labels, apart, _marks([], [], [], [8], [8]), 0.5)
    assert len(set(unlike.tolist())) == 5


def test_a_mark_three_clusters_hold_alone_gathers_them_into_the_largest() -> None:
    vectors = normalise(sp.csr_matrix(np.ones((7, 3))))  # every cosine is 1
    labels = np.array([0, 0, 1, 2, 3, 4, 5])
    # Mark 7: clusters 0 (two rows), 1 and 2, each holding it alone: gathered into 0.
    # Mark 8: cluster 3 holds it with mark 9 (it names two), cluster 4 alone: two
    # holders, which join_exclusive decides. Mark 9: cluster 3 and 5.
    marks = _marks([7], [7], [7], [7], [8, 9], [8], [9])
    joined = join_gathered(labels, vectors, marks, 0.5)
    assert _partition(joined) == [
        frozenset({0, 1, 2, 3}),
        frozenset({4}),
        frozenset({5}),
        frozenset({6}),
    ]
    # A holder that also names another mark three clusters hold is left out.
    marks = _marks([7], [7], [7], [7, 9], [9], [9], [])
    joined = join_gathered(labels, vectors, marks, 0.5)
    assert _partition(joined) == [
        frozenset({0, 1, 2}),
        frozenset({3}),
        frozenset({4, 5}),
        frozenset({6}),
    ]
    # Below the floor nothing gathers; far apart in time, the discount holds them.
    apart = normalise(sp.csr_matrix(np.eye(7)))
    assert len(set(join_gathered(labels, apart, marks, 0.5).tolist())) == 6
    hours = np.array([0.0, 0.0, 0.0, 0.0, 500.0, 0.0, 0.0])
    late = join_gathered(labels, vectors, _marks([7], [7], [7], [7], [7], [], []), 0.5, hours)
    assert _partition(late) == [
        frozenset({0, 1, 2, 3}),
        frozenset({4}),
        frozenset({5}),
        frozenset({6}),
    ]


def test_best_partner_is_the_highest_score_and_ties_go_to_the_lower_id() -> None:
    left = np.array([0, 0, 1, 3])
    right = np.array([2, 1, 2, 4])
    score = np.array([0.5, 0.5, 0.3, 0.1])

    partner = _best_partners(left, right, score, 6)

    assert partner.tolist() == [1, 0, 0, 4, 3, -1]


@pytest.mark.parametrize("count", [1, 3, 8])
def test_heaviest_terms_keeps_each_rows_largest_weights_ties_by_lower_column(count: int) -> None:
    rng = np.random.default_rng(count)
    # Few distinct weights, so ties are common; rows from empty to 70 weights long.
    dense = rng.integers(0, 4, size=(30, 70)) * (rng.random((30, 70)) < rng.random((30, 1)))
    dense[0] = 0
    matrix = sp.csr_matrix(dense.astype(np.float64))

    kept = heaviest_terms(matrix, count).toarray()

    for row, weights in enumerate(dense):
        columns = sorted(np.nonzero(weights)[0], key=lambda c: (-weights[c], c))[:count]
        expected = np.zeros_like(weights)
        expected[columns] = weights[columns]
        assert kept[row].tolist() == expected.tolist()


def _blended_pair(word_cos: float, sentence_cos: float, days: tuple[int, int]) -> list[int]:
    """Two texts as ``digest.cluster`` blends them (half words, half sentence vectors),
    with names that agree (a relief of 0.03) and one weekday mark each."""
    blend, word_bar, sentence_bar = 0.5, 0.18, 0.4

    def pair(cos: float) -> np.ndarray:
        return np.array([[1.0, 0.0], [cos, np.sqrt(1.0 - cos * cos)]])

    linked = sp.hstack(
        [
            sp.csr_matrix(pair(word_cos)) * np.sqrt(1.0 - blend),
            sp.csr_matrix(pair(sentence_cos)) * np.sqrt(blend),
        ],
        format="csr",
    )
    marks = np.zeros((2, 7))
    marks[0, days[0]] = marks[1, days[1]] = 1.0
    apart = np.array([[min(abs(i - j), 7 - abs(i - j)) >= 2 for j in range(7)] for i in range(7)])
    labels = average_linkage(
        linked,
        np.array([0, 1]),
        np.array([1, 0]),
        np.full(2, (1.0 - blend) * word_bar + blend * sentence_bar),
        agreement=Agreement(sp.csr_matrix(np.ones((2, 1))), np.full(2, 0.03), 0.45),
        conflicts=(
            Conflict(
                marks, apart, np.full(2, 0.04), words=2, blend=blend, blend_bars=np.full(2, 0.4)
            ),
        ),
    )
    return [int(x) for x in labels]


def test_in_a_blend_days_apart_need_the_words_alone_to_pass_by_the_margin() -> None:
    # Words 0.17 and sentences 0.39 blend to 0.28, under the blended bar of 0.29; the
    # names carry it over (relief 0.03). On words alone that is 0.17 against a bar of
    # 0.18 - 0.03: a pass by 0.02, under the day margin of 0.04, so Monday and Thursday
    # stay apart. Counting the relief in blended units twice would merge them.
    assert _blended_pair(0.17, 0.39, days=(0, 3)) == [0, 1]
    # The same pair on Monday and Tuesday (no conflict) merges...
    assert _blended_pair(0.17, 0.39, days=(0, 1)) == [0, 0]
    # ...and so do Monday and Thursday when the words alone pass by more than the margin.
    assert _blended_pair(0.23, 0.39, days=(0, 3)) == [0, 0]
    # Close sentence vectors alone do not: words 0.2 pass 0.18 by 0.02.
    assert _blended_pair(0.2, 0.9, days=(0, 3)) == [0, 1]
