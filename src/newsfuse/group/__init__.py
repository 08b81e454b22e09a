"""Grouping: articles into stories (one event) and stories into storylines (one thread).

:mod:`features` computes model-free per-article features (hashes, MinHash,
dates, headline figures, names), :mod:`lexical` incremental TF-IDF, and
:mod:`index` the incremental clustering with stable ids; :mod:`params` holds every
tunable of grouping (:class:`~newsfuse.group.params.GroupingParams`).
"""
