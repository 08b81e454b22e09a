"""Where the benchmarks find the shared data sets (``../shared``) when none is given.

Tried in order, the first that exists wins: ``../shared`` from the working directory
(the repository root, as the README's commands run), ``shared`` beside the repository,
and, from a git worktree, ``shared`` beside the main checkout the worktree belongs to
(a worktree usually lives elsewhere, so the two before miss it). With none present the
path beside the repository is returned, so that the error names the usual place.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def shared_path(*parts: str) -> Path:
    """``../shared/<parts>``, resolved as the module docstring says."""
    relative = Path(*parts)
    candidates = [Path.cwd().parent / "shared", REPO.parent / "shared"]
    main_checkout = _main_checkout(REPO)
    if main_checkout is not None:
        candidates.append(main_checkout.parent / "shared")
    for root in candidates:
        if (root / relative).exists():
            return root / relative
    return REPO.parent / "shared" / relative


def _main_checkout(repo: Path) -> Path | None:
    """The main working tree of the git worktree at ``repo``, None if it is not one.

    A worktree's ``.git`` is a file naming ``<main>/.git/worktrees/<name>``; it is read
    here rather than asking git, so that a benchmark needs no git on the machine.
    """
    marker = repo / ".git"
    if not marker.is_file():
        return None
    text = marker.read_text(encoding="utf-8", errors="replace").strip()
    if not text.startswith("gitdir:"):
        return None
    git_dir = (repo / text.removeprefix("gitdir:").strip()).resolve()
    if git_dir.parent.name != "worktrees":
        return None
    return git_dir.parent.parent.parent
