"""The fixed split of benchmarks/studies/lead_budget_halves.py on invented clusters."""

from __future__ import annotations

from study_scripts import load_study


def test_halves_alternate_clusters_in_file_order_and_keep_each_cluster_whole() -> None:
    study = load_study("lead_budget_halves")
    documents = [
        ("harbour#0", "harbour", "The Velm harbour crane fell."),
        ("harbour#1", "harbour", "A crane fell at Velm harbour."),
        ("orchard#0", "orchard", "Frost hit the Tarrow orchards."),
        ("bridge#0", "bridge", "The Osk bridge reopened."),
        ("orchard#1", "orchard", "Tarrow growers counted frost losses."),
    ]
    halves = study.split_halves(documents)
    assert [d[0] for d in halves["A"]] == ["harbour#0", "harbour#1", "bridge#0"]
    assert [d[0] for d in halves["B"]] == ["orchard#0", "orchard#1"]
