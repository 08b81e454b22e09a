"""The HTTP API and web UI over the newsfuse store (``newsfuse serve``).

Import :func:`create_app` from :mod:`newsfuse.server.app`; this package
imports nothing heavy on its own.
"""
