"""German news extraction: people, places, organisations and attributed quotes as tidy tables."""
__version__ = "0.1.0"
__all__ = ["extract", "load", "load_tables", "read_table", "speakers", "__version__"]
_LAZY = {"load_tables": "io", "read_table": "io", "load": "api", "extract": "api", "speakers": "api"}


def __getattr__(name: str):
    """The public functions, imported on first use (they need spaCy or pandas)."""
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
