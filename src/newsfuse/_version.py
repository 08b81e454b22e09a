"""The newsfuse version, in a module of its own so that any layer can read it.

Stages, the CLI and the server import it from here rather than from the root
package, which would make them depend on the whole public surface.
"""

from __future__ import annotations

__version__ = "0.1.0"
