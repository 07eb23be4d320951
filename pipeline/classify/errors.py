"""Errors of the classifier package (no heavy imports, so the CLI can catch them cheaply)."""


class ModelLoadError(RuntimeError):
    """A model directory that is missing, incomplete or corrupt."""
