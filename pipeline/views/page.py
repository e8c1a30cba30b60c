"""The shared page shell and small HTML helpers for the views."""
from __future__ import annotations

from html import escape
from importlib.resources import files
from typing import Iterable

import pandas as pd

ASSETS = files(__package__)


def asset(name: str) -> str:
    return ASSETS.joinpath(name).read_text(encoding="utf-8")


def page(title: str, body: str, *, css: Iterable[str] = ("page.css",), js: Iterable[str] = ()) -> str:
    """A complete HTML document with the named asset files inlined."""
    style = "\n".join(asset(name) for name in css)
    script = "\n".join(f"<script>\n{asset(name)}</script>" for name in js)
    return (f'<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>\n{style}</style>\n</head>\n"
            f"<body>\n{body}\n{script}\n</body>\n</html>\n")


def table(header: Iterable[str], rows: Iterable[Iterable[str]], *, numeric: Iterable[int] = (),
          css_class: str = "") -> str:
    """An HTML table; cells are HTML already (escape text before), `numeric` columns align right."""
    numeric = set(numeric)
    head = "".join(f'<th{" class=num" if i in numeric else ""}>{escape(name)}</th>' for i, name in enumerate(header))
    body = "".join("<tr>" + "".join(f'<td{" class=num" if i in numeric else ""}>{cell}</td>'
                                    for i, cell in enumerate(row))
                   + "</tr>\n" for row in rows)
    return f'<table class="{css_class}">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>'


def text(value) -> str:
    """A cell value as escaped text; missing values (None, NA, NaT) become an empty cell."""
    return "" if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)) else escape(str(value))
