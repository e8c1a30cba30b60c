"""German news extraction: people, places, organisations and attributed quotes as tidy tables."""
__version__ = "0.1.0"
__all__ = ["load_tables", "read_table", "__version__"]


def __getattr__(name: str):
    """`pipeline.load_tables` and `pipeline.read_table`, imported on first use (they need pandas)."""
    if name in ("load_tables", "read_table"):
        from . import io

        return getattr(io, name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
