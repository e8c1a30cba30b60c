"""`pipeline report`: one self-contained HTML page giving the shape of an output folder at a glance.

The plots are drawn with matplotlib (Agg backend, no display needed) and embedded as SVG data URIs,
so the page opens from disk without a network.
"""
from __future__ import annotations

import base64
import io
from html import escape
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # headless: never try to open a window
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from .explore import GENDER_LABELS, NEWS_YEARS, explorer, plotted  # noqa: E402
from .page import page, table, text  # noqa: E402

QUOTE_COLOURS = {"direct": "#e0a800", "indirect": "#3aa55c", "reported": "#3b82d6"}
LABEL_COLOURS = {"PER": "#8f76ff", "LOC": "#ff9a57", "ORG": "#36b9c2"}
LABEL_TITLES = {"PER": "People", "LOC": "Places", "ORG": "Organisations"}
TOP = 12  # bars per ranking
TABLE_ROWS = 20  # rows of the speaker table
MAX_ERRORS = 500  # errors listed; the rest is counted

plt.rcParams.update({
    "font.family": "DejaVu Sans", "font.size": 10, "axes.spines.top": False, "axes.spines.right": False,
    "axes.edgecolor": "#8c959f", "axes.titlesize": 11, "axes.titleweight": "bold", "axes.titlelocation": "left",
    "xtick.color": "#57606a", "ytick.color": "#1f2328", "svg.hashsalt": "pipeline-report",
})


def svg_image(fig, alt: str) -> str:
    """The figure as an <img> with an SVG data URI (each figure isolated, crisp at any zoom)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img class="plot" alt="{escape(alt)}" src="data:image/svg+xml;base64,{data}">'


def plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def bar_labels(ax, bars, values) -> None:
    ax.bar_label(bars, labels=[f"{value:,}" for value in values], padding=3, fontsize=9, color="#57606a")


def summary(tables: dict[str, pd.DataFrame]) -> str:
    articles, quotes, errors = tables["articles"], tables["quotes"], tables["errors"]
    dated = articles.dropna(subset=["date"])
    dates = plotted(dated)["date"]  # a placeholder date ("0001-01-01") is no first date of a corpus
    first, last = (f"{date:%Y-%m-%d}" for date in (dates.min(), dates.max())) if len(dates) else ("", "")
    span = "no dates" if not len(dates) else first if first == last else f"{first} to {last}"
    undated = len(articles) - len(dates)
    by_label = tables["entities"]["label"].value_counts()
    by_type = quotes["type"].value_counts()
    attributed = int(quotes["speaker"].notna().sum())
    severity = errors["severity"].value_counts()
    cards = [
        ("articles", len(articles), span + (f", {undated} undated" if undated else "")),
        ("mentions", int(len(tables["mentions"])),
         " · ".join(f"{by_label.get(label, 0):,} {title.lower()}" for label, title in LABEL_TITLES.items())
         + " (distinct per article)"),
        ("quotes", len(quotes), " · ".join(f"{by_type.get(kind, 0):,} {kind}" for kind in QUOTE_COLOURS)),
        ("attributed", f"{attributed / len(quotes):.0%}" if len(quotes) else "–",
         f"{attributed:,} of {len(quotes):,} quotes have a speaker entity"),
        ("errors", int(severity.get("error", 0)), f"{int(severity.get('warning', 0)):,} warnings"),
    ]
    return '<div class="cards">' + "".join(
        f'<div class="card"><div class="value">{value if isinstance(value, str) else f"{value:,}"}</div>'
        f'<div class="name">{name}</div><div class="detail">{escape(detail)}</div></div>'
        for name, value, detail in cards) + "</div>"


def most_mentioned(tables: dict[str, pd.DataFrame]) -> str:
    entities = tables["entities"]
    if entities.empty:
        return '<p class="empty">No entities found.</p>'
    totals = (entities.groupby(["label", "name"], observed=True)
              .agg(mentions=("n_mentions", "sum"), articles=("article_id", "nunique")).reset_index())
    fig, axes = plt.subplots(1, len(LABEL_TITLES), figsize=(11, 0.28 * TOP + 1.2))
    for ax, (label, title) in zip(axes, LABEL_TITLES.items()):
        top = (totals[totals["label"] == label].sort_values(["mentions", "name"], ascending=[False, True])
               .head(TOP).iloc[::-1])
        ax.set_title(title)
        if top.empty:
            ax.text(0.5, 0.5, "none found", ha="center", va="center", transform=ax.transAxes, color="#8c959f")
            ax.set_axis_off()
            continue
        bars = ax.barh(top["name"].astype(str), top["mentions"], color=LABEL_COLOURS[label], height=0.7)
        bar_labels(ax, bars, top["mentions"].astype(int))
        ax.set_xlim(0, top["mentions"].max() * 1.18)
        ax.set_ylim(len(top) - TOP - 0.5, len(top) - 0.5)  # same bar height in every panel, top-aligned
        ax.tick_params(axis="y", length=0)
        ax.xaxis.set_visible(False)
        ax.spines["bottom"].set_visible(False)
    fig.tight_layout(w_pad=2)
    return (svg_image(fig, "most mentioned people, places and organisations")
            + '<p class="note">Mentions across all articles, by canonical name.</p>')


def speaker_counts(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotes per speaker (canonical name) and type, most quoted first; unattributed quotes left out."""
    attributed = quotes.dropna(subset=["speaker"])
    counts = pd.crosstab(attributed["speaker"], attributed["type"]).reindex(columns=list(QUOTE_COLOURS),
                                                                            fill_value=0)
    counts["total"] = counts.sum(axis=1)
    counts["articles"] = attributed.groupby("speaker")["article_id"].nunique()
    counts = counts.reset_index()
    return counts.sort_values(["total", "speaker"], ascending=[False, True], ignore_index=True)


def most_quoted(tables: dict[str, pd.DataFrame]) -> str:
    quotes = tables["quotes"]
    if quotes.empty:
        return '<p class="empty">No quotes found.</p>'
    counts = speaker_counts(quotes)
    unattributed = int(quotes["speaker"].isna().sum())
    note = (f'<p class="note">{plural(unattributed, "quote")} without a speaker entity not counted.</p>'
            if unattributed else "")
    if counts.empty:
        return '<p class="empty">No quote is attributed to a speaker entity.</p>' + note
    top = counts.head(TOP).iloc[::-1]
    fig, ax = plt.subplots(figsize=(11, 0.3 * len(top) + 1.1))
    left = pd.Series(0, index=top.index)
    for kind, colour in QUOTE_COLOURS.items():
        ax.barh(top["speaker"].astype(str), top[kind], left=left, color=colour, height=0.7, label=kind)
        left = left + top[kind]
    for bar, total in enumerate(top["total"]):
        ax.text(total, bar, f" {total}", va="center", fontsize=9, color="#57606a")
    ax.set_xlim(0, top["total"].max() * 1.08)
    ax.tick_params(axis="y", length=0)
    ax.xaxis.set_visible(False)
    ax.spines["bottom"].set_visible(False)
    ax.legend(ncols=3, loc="lower right", bbox_to_anchor=(1, 1), frameon=False, fontsize=9)
    ax.set_title("Quotes per speaker, by type")
    fig.tight_layout()
    rows = [[f"<b>{text(row.speaker)}</b>", *(str(getattr(row, kind)) for kind in QUOTE_COLOURS),
             f"<b>{row.total}</b>", str(row.articles)] for row in counts.head(TABLE_ROWS).itertuples()]
    more = (f'<p class="note">{plural(len(counts) - TABLE_ROWS, "more speaker")} not listed.</p>'
            if len(counts) > TABLE_ROWS else "")
    return (svg_image(fig, "most quoted speakers by quote type") + note
            + table(["speaker", *QUOTE_COLOURS, "total", "articles"], rows, numeric=range(1, 6), css_class="speakers")
            + more)


def period(dates: pd.Series) -> tuple[str, str]:
    """A resampling frequency that gives a readable number of points for the span of `dates`."""
    days = (dates.max() - dates.min()).days
    if days <= 62:
        return "D", "day"
    if days <= 366:
        return "W-MON", "week"
    if days <= 5 * 366:
        return "MS", "month"
    return "YS", "year"


def outside_note(tables: dict[str, pd.DataFrame]) -> str:
    dated = tables["articles"].dropna(subset=["date"])
    outside = len(dated) - len(plotted(dated))
    first, last = NEWS_YEARS
    return (f'<p class="note">{plural(outside, "article")} dated before {first} or after {last} not shown.</p>'
            if outside else "")


def over_time(tables: dict[str, pd.DataFrame]) -> str:
    articles = plotted(tables["articles"].dropna(subset=["date"]))
    if articles.empty:
        return '<p class="empty">No article has a date.</p>'
    freq, unit = period(articles["date"])
    per_article = articles.set_index("date")["n_quotes"].astype(float)
    mean = per_article.resample(freq).mean()  # a period without articles is NaN: a gap in the line
    fig, ax = plt.subplots(figsize=(11, 3.4))
    ax.scatter(per_article.index, per_article.values, s=24, color="#3b82d6", alpha=0.45, linewidths=0,
               label="one article")
    ax.plot(mean.index, mean.values, color="#1f2328", marker="o", markersize=4, linewidth=1.6,
            label=f"mean per {unit}")
    ax.set_ylabel("quotes per article")
    ax.set_ylim(bottom=0, top=max(1.0, per_article.max()) * 1.12)
    ax.grid(axis="y", color="#d8dee4", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.legend(frameon=False, fontsize=9, loc="upper left")
    if mean.index.min() == mean.index.max():  # a single period: give the axis some width
        days = pd.Timedelta(days=3)
        ax.set_xlim(mean.index.min() - days, mean.index.max() + days)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    fig.tight_layout()
    undated = int(tables["articles"]["date"].isna().sum())
    note = f'<p class="note">{plural(undated, "article")} without a date not shown.</p>' if undated else ""
    return svg_image(fig, "quotes per article over time") + note + outside_note(tables)


def shares_over_time(tables: dict[str, pd.DataFrame]) -> str:
    """Of the quotes by people in each period: the share by speaker gender and by the speakers'
    organisations (the five most quoted); a period without such quotes is left empty."""
    quotes = tables["quotes"].merge(tables["articles"][["article_id", "date"]], on="article_id")
    people = plotted(quotes[quotes["speaker_gender"].notna() & quotes["date"].notna()])
    if people.empty:
        return '<p class="empty">No dated quote of a person.</p>'
    freq, unit = period(people["date"])
    periods = pd.date_range(people["date"].min(), people["date"].max(), freq=freq) if freq != "D" else None
    orgs = people["speaker_org"].dropna()
    top_orgs = list(orgs.value_counts().head(5).index)
    panels = [("speaker_gender", "Share of quotes by people, by speaker gender",
               {"f": "#c2417a", "m": "#3b82d6", "unknown": "#b8c0c8"})]
    if top_orgs:
        palette = ["#36b9c2", "#e0a800", "#8f76ff", "#3aa55c", "#ff9a57"]
        panels.append(("speaker_org", "Share of quotes by people, by their organisation (five most quoted)",
                       dict(zip(top_orgs, palette))))
    fig, axes = plt.subplots(len(panels), 1, figsize=(11, 2.9 * len(panels)), squeeze=False)
    for ax, (column, title, colours) in zip(axes[:, 0], panels):
        grouped = people.set_index("date").groupby(pd.Grouper(freq=freq))[column]
        counts = grouped.value_counts().unstack(fill_value=0)
        totals = people.set_index("date").groupby(pd.Grouper(freq=freq)).size()
        if periods is not None:
            counts, totals = counts.reindex(periods, fill_value=0), totals.reindex(periods, fill_value=0)
        shares = counts.div(totals.where(totals > 0), axis=0)  # NaN (no bar) where there are no quotes
        width = {"day": 0.8, "week": 5, "month": 24, "year": 300}[unit]
        bottom = pd.Series(0.0, index=shares.index)
        for value, colour in colours.items():
            if value in shares:
                ax.bar(shares.index, shares[value].fillna(0), bottom=bottom, width=width, color=colour,
                       label=GENDER_LABELS.get(value, value), align="edge")
                bottom = bottom + shares[value].fillna(0)
        ax.set_ylim(0, 1)
        ax.yaxis.set_major_formatter(lambda share, _: f"{share:.0%}")
        ax.set_title(title)
        ax.legend(ncols=5, loc="lower right", bbox_to_anchor=(1, 1), frameon=False, fontsize=9)
        locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    fig.tight_layout()
    known = people["speaker_gender"].isin(["f", "m"])
    women = (people["speaker_gender"] == "f").sum()
    note = (f'<p class="note">Per {unit}, of {plural(len(people), "quote")} by people: {women / known.sum():.0%} '
            f"of those whose gender the text shows are by women; {(~known).mean():.0%} unknown. Gender comes "
            "only from evidence in the text (role form, pronoun, first name).</p>"
            if known.any() else f'<p class="note">Per {unit}; no speaker gender is known.</p>')
    return svg_image(fig, "share of quotes by speaker gender and organisation over time") + note


def errors_table(errors: pd.DataFrame) -> str:
    if errors.empty:
        return '<p class="empty">No errors or warnings.</p>'
    rows = [[f'<span class="sev sev-{text(row.severity)}">{text(row.severity)}</span>', text(row.error),
             text(row.article_id), f"<code>{text(row.source)}</code>", text(row.message)]
            for row in errors.head(MAX_ERRORS).itertuples()]
    more = (f'<p class="note">{len(errors) - MAX_ERRORS:,} more rows in errors.csv.</p>'
            if len(errors) > MAX_ERRORS else "")
    return table(["severity", "error", "article", "source", "message"], rows, css_class="errors") + more


def render_report(tables: dict[str, pd.DataFrame], *, title: str = "Corpus report",
                  show_dir: Path | None = None) -> str:
    """The report page for the tables of one output folder (as returned by `load_tables`); quotes
    link to their article's `pipeline show` page where `show_dir` has one."""
    body = (f'<header><h1>{escape(title)}</h1></header>\n'
            f"<section><h2>Run summary</h2>{summary(tables)}</section>\n"
            f"<section><h2>Explore the quotes</h2>{explorer(tables, show_dir)}</section>\n"
            f"<section><h2>Most mentioned</h2>{most_mentioned(tables)}</section>\n"
            f"<section><h2>Most quoted speakers</h2>{most_quoted(tables)}</section>\n"
            f"<section><h2>Quotes per article over time</h2>{over_time(tables)}</section>\n"
            f"<section><h2>Who is quoted over time</h2>{shares_over_time(tables)}</section>\n"
            f"<section><h2>Errors</h2>{errors_table(tables['errors'])}</section>")
    return page(title, body, css=("page.css", "report.css"), js=("explore.js",))

