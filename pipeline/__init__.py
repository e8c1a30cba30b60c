"""German news extraction: people, places, organisations and attributed quotes as tidy tables."""
from .io import load_tables, read_table

__version__ = "0.1.0"
__all__ = ["load_tables", "read_table", "__version__"]
