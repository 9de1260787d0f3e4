"""lagesbild:nearrepeat as users run it: processing.run and the real
qgis_process.bin on a demo store, its table checked against pairs counted
here one by one, with local dates from zoneinfo."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from store_helpers import output_rows

from lagesbild.core.store import IncidentFilter, Store
from lagesbild.core.store.demo_store import build_demo_store

TODAY = dt.date(2026, 6, 15)
BURGLARY = "\"subcategory\" = 'theft_burglary'"


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    return build_demo_store(tmp_path_factory.mktemp("nearrepeat") / "demo.gpkg", 6000, 2, TODAY)


def burglaries(store_path):
    with Store.open(store_path) as store:
        data = store.arrays(IncidentFilter(subcategories=("theft_burglary",)), ("occurred_from",))
        zone = ZoneInfo(store.time_zone)
    days = np.array([(dt.datetime.fromtimestamp(int(t), zone).date() - dt.date(1970, 1, 1)).days
                     for t in data["occurred_from"]])
    return data["x"], data["y"], days


def pair_count(x, y, days, near, soon, metric="euclidean"):
    """Pairs with near(distance) and soon(days apart), counted one by one."""
    total = 0
    for a in range(x.size):
        for b in range(a + 1, x.size):
            dx, dy = float(x[a] - x[b]), float(y[a] - y[b])
            distance = abs(dx) + abs(dy) if metric == "manhattan" else float(np.hypot(dx, dy))
            total += bool(near(distance) and soon(abs(int(days[a] - days[b]))))
    return total


def test_table_counts_pairs_and_finds_the_planted_burglaries(run, demo_store, tmp_path, feedback_log):
    out, page = tmp_path / "knox.gpkg", tmp_path / "knox.html"
    feedback = feedback_log()
    result = run("lagesbild:nearrepeat", {"INPUT": f"{demo_store}|layername=incidents", "FILTER": BURGLARY,
                                          "PERMUTATIONS": 199, "SEED": 4, "OUTPUT": str(out),
                                          "OUTPUT_HTML": str(page)}, feedback=feedback)
    rows = output_rows(out)
    assert len(rows) == 6 * 5  # same location, 4 bands, beyond × 4 bands, beyond
    x, y, days = burglaries(demo_store)
    n = x.size
    assert sum(r["observed"] for r in rows) == n * (n - 1) // 2

    def row(distance_from, distance_to, days_from, days_to):
        return next(r for r in rows if (r["distance_from"], r["distance_to"], r["days_from"], r["days_to"]) ==
                    (distance_from, distance_to, days_from, days_to))

    near = row(0, 100, 0, 7)
    assert near["observed"] == pair_count(x, y, days, lambda d: 0 < d < 100, lambda t: t < 7)
    middle = row(100, 200, 7, 14)
    assert middle["observed"] == pair_count(x, y, days, lambda d: 100 <= d < 200, lambda t: 7 <= t < 14)
    far = row(400, None, 28, None)  # the open-ended bands have an empty upper edge
    assert far["observed"] == pair_count(x, y, days, lambda d: d >= 400, lambda t: t >= 28)
    assert far["distance_band"] == "400 m or more" and far["time_band"] == "28 days or more"
    # expected: pairs in the distance band × pairs in the time band / all pairs
    in_band = sum(r["observed"] for r in rows if r["distance_from"] == 0 and r["distance_to"] == 100)
    in_days = sum(r["observed"] for r in rows if r["days_from"] == 0 and r["days_to"] == 7)
    assert near["expected"] == pytest.approx(in_band * in_days / (n * (n - 1) / 2))
    assert near["knox_ratio"] == pytest.approx(near["observed"] / near["expected"])
    # the planted series (within 150 m and 12 days of the first burglary) stand out
    assert near["knox_ratio"] > 2 and near["p_value"] <= 0.01
    assert result["WINDOW_DAYS"] in (7.0, 14.0) and result["WINDOW_DISTANCE"] in (100.0, 200.0)
    assert result["WINDOW_RATIO"] > 2
    sentence = next(text for text in feedback.infos if "times the expected" in text)
    # the one sentence of the issue: the window in metres and days, the subject and the risk
    assert re.fullmatch(r"Within (100|200) m and (7|14) days of an incident of burglary, the risk of another is "
                        r"\d+\.\d times the expected\.( At the same place, .*)?", sentence)
    assert f"Within {result['WINDOW_DISTANCE']:.0f} m and {result['WINDOW_DAYS']:.0f} days" in sentence
    assert f"{round(result['WINDOW_RATIO'], 1):.1f} times the expected" in sentence
    text = page.read_text(encoding="utf-8")
    assert sentence in text and "class='p01'" in text


def test_same_seed_same_table_other_seed_same_counts(run, demo_store, tmp_path):
    def table(seed, name):
        run("lagesbild:nearrepeat", {"INPUT": f"{demo_store}|layername=incidents", "FILTER": BURGLARY,
                                     "PERMUTATIONS": 99, "SEED": seed, "METRIC": 1, "OUTPUT": str(tmp_path / name)})
        return output_rows(tmp_path / name)

    first, again, other = table(1, "a.gpkg"), table(1, "b.gpkg"), table(2, "c.gpkg")
    assert first == again
    # METRIC 1 is Manhattan: 100–200 m along the grid, 0–6 days, counted here one by one
    x, y, days = burglaries(demo_store)
    band = next(r for r in first if (r["distance_from"], r["distance_to"], r["days_to"]) == (100, 200, 7))
    assert band["observed"] == pair_count(x, y, days, lambda d: 100 <= d < 200, lambda t: t < 7, "manhattan")
    assert band["observed"] != pair_count(x, y, days, lambda d: 100 <= d < 200, lambda t: t < 7)
    assert [(r["observed"], r["expected"]) for r in first] == [(r["observed"], r["expected"]) for r in other]
    assert [r["p_value"] for r in first] != [r["p_value"] for r in other]


@pytest.mark.parametrize("bands,message", [("100,200", "start at 0"), ("0,200,100", "start at 0"),
                                           ("0,a", "numbers")])
def test_bad_bands_are_refused_in_words(run, demo_store, tmp_path, bands, message):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match=message):
        run("lagesbild:nearrepeat", {"INPUT": f"{demo_store}|layername=incidents", "TIME_BANDS": bands,
                                     "OUTPUT": str(tmp_path / "x.gpkg")})


def test_through_qgis_process_with_the_defaults(qgis_process_run, demo_store, tmp_path):
    result = qgis_process_run("lagesbild:nearrepeat", {"INPUT": f"{demo_store}|layername=incidents",
                                                       "FILTER": BURGLARY, "OUTPUT": tmp_path / "nr.gpkg",
                                                       "OUTPUT_HTML": tmp_path / "nr.html"})
    rows = output_rows(tmp_path / "nr.gpkg")
    assert len(rows) == 30
    assert min(r["p_value"] for r in rows) == pytest.approx(1 / 1000)  # the default 999 permutations
    assert result["results"]["WINDOW_RATIO"] > 2
    assert "times the expected" in (tmp_path / "nr.html").read_text(encoding="utf-8")


def test_cancelling_stops_the_permutations_in_words(run, demo_store, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    steps_seen = []

    def on_progress(value):
        steps_seen.append(value)
        if value >= 50:  # halfway through the permutations (5 … 95)
            feedback.cancel()

    feedback.progressChanged.connect(on_progress)
    with pytest.raises(QgsProcessingException, match="cancelled"):
        run("lagesbild:nearrepeat", {"INPUT": f"{demo_store}|layername=incidents", "FILTER": BURGLARY,
                                     "OUTPUT": str(tmp_path / "x.gpkg")}, feedback=feedback)
    # progress went up permutation by permutation and stopped just past halfway, not at the end
    assert 50 <= max(steps_seen) < 52 and len(steps_seen) > 100
