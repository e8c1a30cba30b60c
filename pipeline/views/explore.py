"""The report's explorer: every quote, speaker and corpus entity as compact JSON in the page, searched,
filtered and paged by `explore.js` in the browser (no server, no network; 100k quotes are a few MB).

Quotes are rows of short arrays that point into the speaker and article lists instead of repeating
names, so the page stays small; the script filters them in one pass and draws only one page of rows.
"""
from __future__ import annotations

import json
from html import escape
from pathlib import Path

import pandas as pd

GENDER_LABELS = {"f": "women", "m": "men", "unknown": "unknown"}  # speaker_gender values
NEWS_YEARS = (1900, 2100)  # dates outside are placeholders ("0001-01-01") or typos, not news


def plotted(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows dated within NEWS_YEARS: a placeholder date ("0001-01-01") would stretch a time axis
    over centuries (and beyond what matplotlib can draw), and head a list sorted by date."""
    years = frame["date"].dt.year
    return frame[years.between(*NEWS_YEARS)]


def _value(value) -> str:
    return "" if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)) else str(value)


def explorer_data(tables: dict[str, pd.DataFrame], show_dir: Path | None = None) -> dict:
    """The data the explorer shows: speakers, articles (with the path of their `pipeline show`
    page when one exists in `show_dir`), quotes and corpus entities."""
    quotes, corpus = tables["quotes"], tables.get("corpus_entities")
    known = {} if corpus is None else {row.entity_key: row for row in corpus.itertuples()}
    speakers: dict[str, int] = {}
    speaker_rows = []
    for key, group in quotes.dropna(subset=["speaker_key"]).groupby("speaker_key", sort=True):
        entity = known.get(key)
        first = group.iloc[0]
        speakers[key] = len(speaker_rows)
        speaker_rows.append([key, _value(entity.name if entity else first["speaker"]),
                             _value(entity.label if entity else ""), _value(entity.role if entity else ""),
                             _value(entity.org if entity else ""), _value(entity.party if entity else ""),
                             _value(entity.gender if entity else ""), len(group),
                             _value(entity.aliases if entity else "")])
    articles = tables["articles"]
    article_index = {article_id: i for i, article_id in enumerate(articles["article_id"])}
    dates = {row.article_id: f"{row.date:%Y-%m-%d}" for row in plotted(articles.dropna(subset=["date"])).itertuples()}
    article_rows = [[article_id, _show_page(show_dir, article_id)] for article_id in articles["article_id"]]
    quote_rows = [[_value(quote.text), _value(quote.type),
                   speakers.get(quote.speaker_key, -1) if pd.notna(quote.speaker_key) else -1,
                   dates.get(quote.article_id, ""), article_index.get(quote.article_id, -1),
                   _value(quote.speaker_text), _value(quote.speaker_gender), _value(quote.speaker_org)]
                  for quote in quotes.itertuples()]
    # by date, undated last; within an article in its order
    quote_rows.sort(key=lambda row: (row[3] == "", row[3], row[4]))
    entity_rows = [] if corpus is None else [
        [row.entity_key, _value(row.label), _value(row.name), _value(row.aliases), int(row.n_articles),
         int(row.n_mentions), int(row.n_quotes)]
        for row in corpus.sort_values(["n_mentions", "entity_key"], ascending=[False, True]).itertuples()]
    return {"speakers": speaker_rows, "articles": article_rows, "quotes": quote_rows, "entities": entity_rows}


def _show_page(show_dir: Path | None, article_id: str) -> str:
    if show_dir is None:
        return ""
    page = show_dir / f"{article_id}.html"
    return f"show/{page.name}" if page.is_file() else ""


def explorer(tables: dict[str, pd.DataFrame], show_dir: Path | None = None) -> str:
    """The explorer's controls and containers, with its data; `explore.js` fills them."""
    data = json.dumps(explorer_data(tables, show_dir), ensure_ascii=False, separators=(",", ":"))
    data = data.replace("<", "\\u003c")  # a quote holding "</script>" must not end the data block
    genders = "".join(f'<option value="{escape(code)}">{escape(label)}</option>'
                      for code, label in GENDER_LABELS.items())
    return f"""
<div class="explorer">
  <div class="controls">
    <input id="search" type="search" placeholder="Search quotes, e.g. Klima" aria-label="search quote text">
    <select id="type" aria-label="quote type"><option value="">all types</option><option>direct</option>
      <option>indirect</option><option>reported</option></select>
    <select id="label" aria-label="speaker label"><option value="">any speaker</option>
      <option value="PER">people</option><option value="ORG">organisations</option><option value="LOC">places</option>
      <option value="none">no speaker entity</option></select>
    <select id="gender" aria-label="speaker gender"><option value="">any gender</option>{genders}</select>
    <label>from <input id="from" type="date"></label> <label>to <input id="to" type="date"></label>
  </div>
  <div id="speaker-panel" class="panel" hidden></div>
  <p id="count" class="note"></p>
  <table class="quotes"><thead><tr><th>date</th><th>speaker</th><th>type</th><th>quote</th><th>article</th></tr>
    </thead><tbody id="quote-rows"></tbody></table>
  <div class="pager"><button id="prev" type="button">previous</button> <span id="page"></span>
    <button id="next" type="button">next</button></div>
  <h3>People, places and organisations across the corpus</h3>
  <div class="controls"><input id="entity-search" type="search" placeholder="Find an entity or alias"
    aria-label="search entities"></div>
  <table class="entities"><thead><tr><th>name</th><th>label</th><th>aliases</th><th class="num">articles</th>
    <th class="num">mentions</th><th class="num">quotes</th></tr></thead><tbody id="entity-rows"></tbody></table>
  <p id="entity-count" class="note"></p>
</div>
<script type="application/json" id="explorer-data">{data}</script>"""
