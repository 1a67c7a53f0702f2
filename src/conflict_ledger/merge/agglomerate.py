"""Batch clustering of a set of reports: shared-neighbour similarity and sparse average-link.

Two reports of one happening share its particulars; two reports of two happenings of the same
kind share the topic's words. In a batch, the reports of one happening also share their nearest
neighbours: each one's closest reports are the other reports of the same happening. The
shared-neighbour similarity (Jarvis & Patrick) compares two reports by how much their
neighbourhoods overlap, which is scale-free: it works alike for one-line reports that share
three words and for long articles that share a hundred.

`average_link` then groups the reports bottom-up, always joining the two groups whose pairs
score best on average, and stops when no two groups average above the bar. Pairs that were
never scored count as zero, pairs ruled out (days or places too far apart) forbid the join.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable

import numpy as np
from scipy import sparse

NEIGHBOURS = 6  # each report's closest reports that make up its neighbourhood
NEIGHBOUR_FLOOR = 0.05  # below this cosine a report is nobody's neighbour, however few it has
CANDIDATES = 40  # closest reports by words kept per report as candidate pairs
ROWS_PER_CHUNK = 512  # cosine rows computed at once (memory ~ chunk x batch)


def top_neighbours(x: sparse.csr_matrix, count: int = CANDIDATES) -> sparse.csr_matrix:
    """For each row of L2-normalised `x`, its `count` highest cosines to other rows (self excluded).

    Computed in chunks of rows, so memory stays ~ chunk x rows however large the batch.
    """
    n = x.shape[0]
    rows, cols, vals = [], [], []
    xt = x.T.tocsc()
    for start in range(0, n, ROWS_PER_CHUNK):
        block = (x[start:start + ROWS_PER_CHUNK] @ xt).toarray()
        for r in range(block.shape[0]):
            block[r, start + r] = 0.0
        k = min(count, n - 1)
        if k <= 0:
            continue
        top = np.argpartition(-block, k - 1, axis=1)[:, :k]
        for r in range(block.shape[0]):
            for c in top[r]:
                v = block[r, c]
                if v > 0:
                    rows.append(start + r)
                    cols.append(int(c))
                    vals.append(float(v))
    return sparse.csr_matrix((vals, (rows, cols)), shape=(n, n))


def shared_neighbours(cosines: sparse.csr_matrix, ruled_out: set[tuple[int, int]],
                      neighbours: int = NEIGHBOURS, floor: float = NEIGHBOUR_FLOOR) -> sparse.csr_matrix:
    """Weighted shared-neighbour similarity: cosine of the reports' neighbourhood vectors.

    A report's neighbourhood is itself (weight 1) and its `neighbours` closest reports with a
    cosine of at least `floor` and not ruled out, each weighted by its cosine.
    """
    n = cosines.shape[0]
    rows, cols, vals = list(range(n)), list(range(n)), [1.0] * n
    for i in range(n):
        start, end = cosines.indptr[i], cosines.indptr[i + 1]
        pairs = sorted(zip(cosines.data[start:end], cosines.indices[start:end], strict=True), key=lambda p: (-p[0], p[1]))
        kept = 0
        for value, j in pairs:
            if kept >= neighbours or value < floor:
                break
            if (min(i, int(j)), max(i, int(j))) in ruled_out:
                continue
            rows.append(i)
            cols.append(int(j))
            vals.append(float(value))
            kept += 1
    hood = sparse.csr_matrix((vals, (rows, cols)), shape=(n, n))
    norms = np.sqrt(np.asarray(hood.multiply(hood).sum(axis=1)).ravel())
    hood = sparse.diags(1.0 / np.maximum(norms, 1e-12)) @ hood
    return (hood @ hood.T).tocsr()


def average_link(n: int, weights: dict[tuple[int, int], float], threshold: float,
                 ruled_out: set[tuple[int, int]] = frozenset(),  # type: ignore[assignment]
                 can_join: Callable[[list[int], list[int]], bool] | None = None) -> list[int]:
    """Group items 0..n-1 bottom-up by average pair weight (unscored pairs weigh 0); a label per item.

    Joins the two groups with the highest average while it is at least `threshold`. A pair in
    `ruled_out` (i < j) keeps its two groups apart for good; `can_join(members_a, members_b)`
    can refuse a join for what only whole groups show (their dates spanning too long).
    Deterministic: ties go to the lower item numbers.
    """
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    links: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    apart: dict[int, set[int]] = {i: set() for i in range(n)}
    for (i, j), w in weights.items():
        if i != j:
            links[i][j] = links[i].get(j, 0.0) + w
            links[j][i] = links[j].get(i, 0.0) + w
    for i, j in ruled_out:
        apart[i].add(j)
        apart[j].add(i)
    version = [0] * n
    heap: list[tuple[float, int, int, int, int]] = []

    def push(a: int, b: int) -> None:
        if a > b:
            a, b = b, a
        avg = links[a].get(b, 0.0) / (len(members[a]) * len(members[b]))
        if avg >= threshold and b not in apart[a]:
            heapq.heappush(heap, (-avg, a, b, version[a], version[b]))

    for a in range(n):
        for b in links[a]:
            if a < b:
                push(a, b)
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if a not in members or b not in members or version[a] != va or version[b] != vb:
            continue
        if can_join is not None and not can_join(members[a], members[b]):
            apart[a].add(b)
            apart[b].add(a)
            continue
        # b joins a
        members[a].extend(members.pop(b))
        for c, w in links.pop(b).items():
            del links[c][b]
            if c != a:
                links[a][c] = links[a].get(c, 0.0) + w
                links[c][a] = links[a][c]
        links[a].pop(b, None)
        for c in apart.pop(b):
            apart[c].discard(b)
            if c != a:
                apart[a].add(c)
                apart[c].add(a)
        version[a] += 1
        for c in links[a]:
            push(a, c)
    label = [0] * n
    for group, items in members.items():
        for i in items:
            label[i] = group
    return label
