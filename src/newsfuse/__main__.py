"""``python -m newsfuse`` runs the command-line interface."""

from newsfuse.cli import main

if __name__ == "__main__":
    main()
