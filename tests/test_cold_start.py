"""A brief with facts, in a fresh process, loads no library the default path does not use."""

from __future__ import annotations

from conftest import FIXTURES, run_python

# Libraries that cost seconds to import and that the default brief does not run: torch
# (only for a torch-backed encoder), scikit-learn, scipy and NLTK.
UNUSED_ON_THE_DEFAULT_PATH = ("torch", "sentence_transformers", "sklearn", "scipy", "nltk")


def test_a_brief_with_facts_imports_neither_torch_nor_sklearn_nor_nltk() -> None:
    probe = (
        "import sys, newsfuse\n"
        f"articles = newsfuse.read([{str(FIXTURES / 'cli')!r}])\n"
        "brief = newsfuse.brief(articles, facts=True)\n"
        "assert brief.facts, 'the fact comparison ran'\n"
        "import spacy\n"
        f"print([m for m in {UNUSED_ON_THE_DEFAULT_PATH!r} if m in sys.modules])\n"
    )
    result = run_python(probe)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_torch_still_imports_after_spacy_has_loaded() -> None:
    # spaCy is loaded with torch hidden from thinc; a torch-backed encoder must still work.
    probe = (
        "from newsfuse.facts.nlp import load_pipeline\n"
        "load_pipeline()\n"
        "import torch, thinc.compat\n"
        "print(torch.tensor([1.0]).sum().item(), thinc.compat.has_torch)\n"
    )
    result = run_python(probe)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1.0", "False"]


def test_spacys_command_line_is_not_loaded_yet_still_imports() -> None:
    # spaCy's command line pulls in weasel, requests and httpx; a brief never runs it.
    probe = (
        "import sys\n"
        "from newsfuse.facts.nlp import load_pipeline\n"
        "load_pipeline()\n"
        "print(sorted(m for m in ('spacy.cli', 'weasel', 'requests') if m in sys.modules))\n"
        "import spacy, spacy.cli\n"
        "print(callable(spacy.cli.download), spacy.info()['spacy_version'] == spacy.__version__)\n"
    )
    result = run_python(probe)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["[]", "True True"]
