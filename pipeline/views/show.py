"""`pipeline show`: one article as an HTML page with its mentions, quotes, cues and speakers highlighted.

Like displaCy's span view, spans that overlap are drawn on top of each other; unlike it, every quote
links to its speaker and every mark tells its canonical entity on hover. The page is drawn from the
same rows as the tables, so it shows exactly what `pipeline run` writes.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from html import escape

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import QUOTES_KEY
from ..language import make_doc
from ..reader import Article
from ..sections import merge, split
from ..tables import doc_rows
from .page import page, table, text

QUOTE_TYPES = ("direct", "indirect", "reported")
LABELS = {"PER": "person", "LOC": "place", "ORG": "organisation"}
HEADING_MAX_WORDS = 15  # same idea as the quote component: a short line without final punctuation
FINAL_PUNCTUATION = tuple(".!?:…)\"“”«»")
# nesting order when two marks cover exactly the same text, outermost first
PARAGRAPH, QUOTE, SPEAKER, CUE, MENTION = range(5)


@dataclass(eq=False)
class Mark:
    """One element to draw over `raw[start:end]`; it may be split into pieces where marks cross."""
    start: int
    end: int
    layer: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    anchor: str | None = None  # id, put on the first piece only
    first: str = ""  # HTML right after the first opening tag (badges)
    last: str = ""  # HTML right before the final closing tag (labels)

    def opening(self, first: bool) -> str:
        attrs = dict(self.attrs, id=self.anchor) if first and self.anchor else self.attrs
        rendered = "".join(f' {k}="{escape(v)}"' for k, v in attrs.items())
        return f"<{self.tag}{rendered}>" + (self.first if first else "")


def nest(raw: str, marks: list[Mark]) -> str:
    """HTML of the paragraphs of `raw` with every mark drawn as an element.

    Text outside paragraph marks is left out. Marks that cross are split into pieces so the elements
    nest; paragraphs are always outermost, other marks nest by start (earlier outside), then length."""
    order = sorted(marks, key=lambda m: (m.layer != PARAGRAPH, m.start, -m.end, m.layer))
    rank = {id(m): i for i, m in enumerate(order)}
    starting = defaultdict(list)
    for mark in marks:
        starting[mark.start].append(mark)
    cuts = sorted({0, len(raw), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    stack: list[Mark] = []
    opened: set[int] = set()
    live: list[Mark] = []  # the marks over the current piece: a sweep, so long articles stay linear
    for a, b in zip(cuts, cuts[1:]):
        live = [m for m in live if m.end > a] + [m for m in starting.get(a, ()) if m.end > a]
        active = sorted(live, key=lambda m: rank[id(m)])
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        out.extend((m.last if a == m.end else "") + f"</{m.tag}>" for m in reversed(stack[keep:]))
        del stack[keep:]
        if not active or active[0].layer != PARAGRAPH:
            continue
        for mark in active[keep:]:
            out.append(mark.opening(id(mark) not in opened))
            opened.add(id(mark))
            stack.append(mark)
        out.append(escape(raw[a:b]))
    out.extend(m.last + f"</{m.tag}>" for m in reversed(stack))
    return "".join(out)


def is_heading(paragraph: str) -> bool:
    words = paragraph.split()
    return "\n" not in paragraph.strip() and 0 < len(words) <= HEADING_MAX_WORDS \
        and not paragraph.rstrip().endswith(FINAL_PUNCTUATION)


def short_id(entity_id) -> str:
    return str(entity_id).rsplit(":", 1)[-1]


def article_marks(article: Article, rows: dict[str, list[dict]], cues: dict[tuple, tuple]) -> list[Mark]:
    """Marks for paragraphs, quotes, speakers, cues and mentions from the article's table rows.

    `cues` maps (start_char, end_char, type) of a quote to the (start, end) of its cue."""
    marks = []
    for number, (start, end) in enumerate(article.paragraphs):
        paragraph = article.raw[start:end]
        if number == 0:
            marks.append(Mark(start, end, PARAGRAPH, "p", {"class": "lede"}))
        else:
            marks.append(Mark(start, end, PARAGRAPH, "h3" if is_heading(paragraph) else "p"))

    names = {e["entity_id"]: e["name"] for e in rows["entities"]}
    for m in rows["mentions"]:
        eid = short_id(m["entity_id"])
        title = f"{names.get(m['entity_id'], m['text'])} · {m['label']} {eid} · found by {m['method']}"
        marks.append(Mark(m["start_char"], m["end_char"], MENTION, "mark",
                          {"class": f"ent ent-{m['label']}", "data-entity": eid, "title": title},
                          last=f'<span class="tag">{escape(m["label"])}</span>'))

    speakers: dict[tuple, list[dict]] = defaultdict(list)
    cue_quotes: dict[tuple, list[dict]] = defaultdict(list)
    for q in rows["quotes"]:
        if q["speaker_start_char"] is not None:
            speakers[(q["speaker_start_char"], q["speaker_end_char"])].append(q)
        cue = cues.get((q["start_char"], q["end_char"], q["type"]))
        if cue and cue[0] is not None:
            cue_quotes[cue].append(q)
        marks.append(quote_mark(q))
    for (start, end), quotes in speakers.items():
        numbers = [q["quote_id"] for q in quotes]
        name = quotes[0]["speaker"] or "not resolved to an entity"
        links = "".join(f'<a href="#q{n}">Q{n}</a>' for n in numbers)
        marks.append(Mark(start, end, SPEAKER, "span",
                          {"class": "speaker", "data-quotes": " ".join(map(str, numbers)),
                           "title": f"speaker {name} · of {', '.join(f'Q{n}' for n in numbers)}"},
                          anchor=f"speaker-{start}-{end}", last=f'<span class="sbadge">{links}</span>'))
    for (start, end), quotes in cue_quotes.items():
        numbers = ", ".join(f"Q{q['quote_id']}" for q in quotes)
        marks.append(Mark(start, end, CUE, "span",
                          {"class": "cue", "title": f"cue {quotes[0]['cue']} of {numbers}"}))
    return marks


def speaker_label(q: dict) -> str:
    if q["speaker"] is not None:
        return q["speaker"]
    return f"“{q['speaker_text']}” (not an entity)" if q["speaker_text"] is not None else "no speaker found"


def quote_mark(q: dict) -> Mark:
    n = q["quote_id"]
    title = f"Q{n} · {q['type']} · speaker {speaker_label(q)}"
    if q["speaker_text"] is not None:
        title += f" · written “{q['speaker_text']}” · found by {q['method']}"
    if q["cue_text"] is not None:
        title += f" · cue “{q['cue_text']}”"
    target = (f'href="#speaker-{q["speaker_start_char"]}-{q["speaker_end_char"]}"'
              if q["speaker_start_char"] is not None else "")
    badge = f'<a class="qbadge" {target} title="{escape(title)}">Q{n}</a>'
    return Mark(q["start_char"], q["end_char"], QUOTE, "span",
                {"class": f"quote q-{q['type']}", "data-quote": str(n), "title": title},
                anchor=f"q{n}", first=badge)


def legend() -> str:
    entities = "".join(f'<mark class="ent ent-{label}">{name}<span class="tag">{label}</span></mark> '
                       for label, name in LABELS.items())
    quotes = "".join(f'<span class="quote q-{kind}">{kind} quote</span> ' for kind in QUOTE_TYPES)
    return (f'<div class="legend">{entities}{quotes}<span class="speaker">speaker</span> '
            f'<span class="cue">cue</span> <span class="hint">Hover for canonical names; '
            f'click a Q-badge to jump to its speaker.</span></div>')


def quotes_table(quotes: list[dict]) -> str:
    if not quotes:
        return '<p class="empty">No quotes found.</p>'
    rows = []
    for q in quotes:
        n = q["quote_id"]
        written = text(q["speaker_text"])
        if q["speaker_start_char"] is not None:
            written = f'<a href="#speaker-{q["speaker_start_char"]}-{q["speaker_end_char"]}">{written}</a>'
        rows.append([f'<a href="#q{n}">Q{n}</a>', f'<span class="pill q-{q["type"]}">{q["type"]}</span>',
                     f"<b>{text(q['speaker'])}</b>", written, text(q["cue_text"]), text(q["method"]),
                     f'<span class="qtext">{text(q["text"])}</span>'])
    return table(["", "type", "speaker", "as written", "cue", "found by", "quote"], rows, css_class="quotes")


def entities_table(rows: dict[str, list[dict]]) -> str:
    if not rows["entities"]:
        return '<p class="empty">No entities found.</p>'
    forms: dict[str, list[str]] = defaultdict(list)
    for m in rows["mentions"]:
        if m["text"] not in forms[m["entity_id"]]:
            forms[m["entity_id"]].append(m["text"])
    entities = sorted(rows["entities"], key=lambda e: (list(LABELS).index(e["label"]) if e["label"] in LABELS
                                                       else len(LABELS), -e["n_mentions"], e["name"]))
    body = [[text(short_id(e["entity_id"])), f'<mark class="ent ent-{e["label"]}">{text(e["name"])}'
             f'<span class="tag">{text(e["label"])}</span></mark>', str(e["n_mentions"]),
             text(" · ".join(forms[e["entity_id"]]))] for e in entities]
    return table(["", "canonical name", "mentions", "as written"], body, numeric=[2], css_class="entities")


def cue_offsets(article: Article, doc: Doc) -> dict[tuple, tuple]:
    """(start_char, end_char, type) of each quote -> (start, end) of its cue, as offsets into the article's
    raw text like the tables'; the tables leave cues unplaced."""
    quotes = doc.spans[QUOTES_KEY] if QUOTES_KEY in doc.spans else []
    raw = article.raw_offset
    return {(raw(q.start_char), raw(q.end_char), q.label_):
            tuple(None if offset is None else raw(offset) for offset in
                  ((q._.quote or {}).get("cue_start_char"), (q._.quote or {}).get("cue_end_char"))) for q in quotes}


def render_article(article: Article, doc: Doc) -> str:
    """The HTML page of one processed article."""
    return _article_page(article, doc_rows(article, doc), cue_offsets(article, doc))


def render(nlp: Language, article: Article, section_chars: int) -> str:
    """The HTML page of an article of any length: a long one is processed in sections, as `pipeline
    run` does (sections.py), and its rows merged back."""
    limit = min(section_chars, nlp.max_length)
    if len(article.raw) <= limit:
        return render_article(article, nlp(make_doc(nlp, article)))
    parts, cues = [], {}
    for offset, section in split(article, limit):
        doc = nlp(make_doc(nlp, section))
        parts.append((offset, doc_rows(section, doc)))
        for (start, end, kind), cue in cue_offsets(section, doc).items():
            cues[(start + offset, end + offset, kind)] = tuple(None if c is None else c + offset for c in cue)
    return _article_page(article, merge(article, parts), cues)


def _article_page(article: Article, rows: dict[str, list[dict]], cues: dict[tuple, tuple]) -> str:
    info = rows["articles"][0]
    by_type = {kind: sum(q["type"] == kind for q in rows["quotes"]) for kind in QUOTE_TYPES}
    facts = [f"{info['date'].isoformat() if info['date'] else 'no date'}", escape(article.source),
             f"{info['n_mentions']} mentions of {len(rows['entities'])} entities",
             f"{info['n_quotes']} quotes ({', '.join(f'{n} {kind}' for kind, n in by_type.items())})"]
    body = (f'<header><h1>{escape(article.article_id)}</h1><p class="facts">{" · ".join(facts)}</p>'
            f"{legend()}</header>\n"
            f'<article class="article">{nest(article.raw, article_marks(article, rows, cues))}</article>\n'
            f"<section><h2>Quotes</h2>{quotes_table(rows['quotes'])}</section>\n"
            f"<section><h2>Entities</h2>{entities_table(rows)}</section>")
    return page(f"{article.article_id}: entities and quotes", body, css=("page.css", "show.css"), js=("show.js",))

