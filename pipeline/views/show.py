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
        rendered = "".join(f' {name}="{escape(value)}"' for name, value in attrs.items())
        return f"<{self.tag}{rendered}>" + (self.first if first else "")


def nest(raw: str, marks: list[Mark]) -> str:
    """HTML of the paragraphs of `raw` with every mark drawn as an element.

    Text outside paragraph marks is left out. Marks that cross are split into pieces so the elements
    nest; paragraphs are always outermost, other marks nest by start (earlier outside), then length."""
    order = sorted(marks, key=lambda mark: (mark.layer != PARAGRAPH, mark.start, -mark.end, mark.layer))
    rank = {id(mark): i for i, mark in enumerate(order)}
    starting = defaultdict(list)
    for mark in marks:
        starting[mark.start].append(mark)
    cuts = sorted({0, len(raw), *(mark.start for mark in marks), *(mark.end for mark in marks)})
    out: list[str] = []
    stack: list[Mark] = []
    opened: set[int] = set()
    live: list[Mark] = []  # the marks over the current piece: a sweep, so long articles stay linear
    for piece_start, piece_end in zip(cuts, cuts[1:]):
        live = [mark for mark in live if mark.end > piece_start] \
            + [mark for mark in starting.get(piece_start, ()) if mark.end > piece_start]
        active = sorted(live, key=lambda mark: rank[id(mark)])
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        out.extend((mark.last if piece_start == mark.end else "") + f"</{mark.tag}>"
                   for mark in reversed(stack[keep:]))
        del stack[keep:]
        if not active or active[0].layer != PARAGRAPH:
            continue
        for mark in active[keep:]:
            out.append(mark.opening(id(mark) not in opened))
            opened.add(id(mark))
            stack.append(mark)
        out.append(escape(raw[piece_start:piece_end]))
    out.extend(mark.last + f"</{mark.tag}>" for mark in reversed(stack))
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

    names = {entity["entity_id"]: entity["name"] for entity in rows["entities"]}
    for mention in rows["mentions"]:
        eid = short_id(mention["entity_id"])
        name = names.get(mention["entity_id"], mention["text"])
        title = f"{name} · {mention['label']} {eid} · found by {mention['method']}"
        marks.append(Mark(mention["start_char"], mention["end_char"], MENTION, "mark",
                          {"class": f"ent ent-{mention['label']}", "data-entity": eid, "title": title},
                          last=f'<span class="tag">{escape(mention["label"])}</span>'))

    speakers: dict[tuple, list[dict]] = defaultdict(list)
    cue_quotes: dict[tuple, list[dict]] = defaultdict(list)
    for quote in rows["quotes"]:
        if quote["speaker_start_char"] is not None:
            speakers[(quote["speaker_start_char"], quote["speaker_end_char"])].append(quote)
        cue = cues.get((quote["start_char"], quote["end_char"], quote["type"]))
        if cue and cue[0] is not None:
            cue_quotes[cue].append(quote)
        marks.append(quote_mark(quote))
    for (start, end), quotes in speakers.items():
        numbers = [quote["quote_id"] for quote in quotes]
        name = quotes[0]["speaker"] or "not resolved to an entity"
        links = "".join(f'<a href="#q{n}">Q{n}</a>' for n in numbers)
        marks.append(Mark(start, end, SPEAKER, "span",
                          {"class": "speaker", "data-quotes": " ".join(map(str, numbers)),
                           "title": f"speaker {name} · of {', '.join(f'Q{n}' for n in numbers)}"},
                          anchor=f"speaker-{start}-{end}", last=f'<span class="sbadge">{links}</span>'))
    for (start, end), quotes in cue_quotes.items():
        numbers = ", ".join(f"Q{quote['quote_id']}" for quote in quotes)
        marks.append(Mark(start, end, CUE, "span",
                          {"class": "cue", "title": f"cue {quotes[0]['cue']} of {numbers}"}))
    return marks


def speaker_label(quote: dict) -> str:
    if quote["speaker"] is not None:
        return quote["speaker"]
    return f"“{quote['speaker_text']}” (not an entity)" if quote["speaker_text"] is not None else "no speaker found"


def quote_mark(quote: dict) -> Mark:
    number = quote["quote_id"]
    title = f"Q{number} · {quote['type']} · speaker {speaker_label(quote)}"
    if quote["speaker_text"] is not None:
        title += f" · written “{quote['speaker_text']}” · found by {quote['method']}"
    if quote["cue_text"] is not None:
        title += f" · cue “{quote['cue_text']}”"
    target = (f'href="#speaker-{quote["speaker_start_char"]}-{quote["speaker_end_char"]}"'
              if quote["speaker_start_char"] is not None else "")
    badge = f'<a class="qbadge" {target} title="{escape(title)}">Q{number}</a>'
    return Mark(quote["start_char"], quote["end_char"], QUOTE, "span",
                {"class": f"quote q-{quote['type']}", "data-quote": str(number), "title": title},
                anchor=f"q{number}", first=badge)


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
    for quote in quotes:
        number = quote["quote_id"]
        written = text(quote["speaker_text"])
        if quote["speaker_start_char"] is not None:
            written = f'<a href="#speaker-{quote["speaker_start_char"]}-{quote["speaker_end_char"]}">{written}</a>'
        rows.append([f'<a href="#q{number}">Q{number}</a>',
                     f'<span class="pill q-{quote["type"]}">{quote["type"]}</span>',
                     f"<b>{text(quote['speaker'])}</b>", written, text(quote["cue_text"]), text(quote["method"]),
                     f'<span class="qtext">{text(quote["text"])}</span>'])
    return table(["", "type", "speaker", "as written", "cue", "found by", "quote"], rows, css_class="quotes")


def entities_table(rows: dict[str, list[dict]]) -> str:
    if not rows["entities"]:
        return '<p class="empty">No entities found.</p>'
    forms: dict[str, list[str]] = defaultdict(list)
    for mention in rows["mentions"]:
        if mention["text"] not in forms[mention["entity_id"]]:
            forms[mention["entity_id"]].append(mention["text"])
    order = list(LABELS)
    entities = sorted(rows["entities"], key=lambda entity: (order.index(entity["label"]) if entity["label"] in LABELS
                                                            else len(LABELS), -entity["n_mentions"], entity["name"]))
    body = [[text(short_id(entity["entity_id"])), f'<mark class="ent ent-{entity["label"]}">{text(entity["name"])}'
             f'<span class="tag">{text(entity["label"])}</span></mark>', str(entity["n_mentions"]),
             text(" · ".join(forms[entity["entity_id"]]))] for entity in entities]
    return table(["", "canonical name", "mentions", "as written"], body, numeric=[2], css_class="entities")


def cue_offsets(article: Article, doc: Doc) -> dict[tuple, tuple]:
    """(start_char, end_char, type) of each quote -> (start, end) of its cue, as offsets into the article's
    raw text like the tables'; the tables leave cues unplaced."""
    quotes = doc.spans[QUOTES_KEY] if QUOTES_KEY in doc.spans else []
    raw = article.raw_offset
    offsets = {}
    for quote in quotes:
        found = quote._.quote or {}
        cue = (found.get("cue_start_char"), found.get("cue_end_char"))
        offsets[(raw(quote.start_char), raw(quote.end_char), quote.label_)] = tuple(
            None if offset is None else raw(offset) for offset in cue)
    return offsets


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
            cues[(start + offset, end + offset, kind)] = tuple(None if cue_end is None else cue_end + offset
                                                               for cue_end in cue)
    return _article_page(article, merge(article, parts), cues)


def _article_page(article: Article, rows: dict[str, list[dict]], cues: dict[tuple, tuple]) -> str:
    info = rows["articles"][0]
    by_type = {kind: sum(quote["type"] == kind for quote in rows["quotes"]) for kind in QUOTE_TYPES}
    facts = [f"{info['date'].isoformat() if info['date'] else 'no date'}", escape(article.source),
             f"{info['n_mentions']} mentions of {len(rows['entities'])} entities",
             f"{info['n_quotes']} quotes ({', '.join(f'{n} {kind}' for kind, n in by_type.items())})"]
    body = (f'<header><h1>{escape(article.article_id)}</h1><p class="facts">{" · ".join(facts)}</p>'
            f"{legend()}</header>\n"
            f'<article class="article">{nest(article.raw, article_marks(article, rows, cues))}</article>\n'
            f"<section><h2>Quotes</h2>{quotes_table(rows['quotes'])}</section>\n"
            f"<section><h2>Entities</h2>{entities_table(rows)}</section>")
    return page(f"{article.article_id}: entities and quotes", body, css=("page.css", "show.css"), js=("show.js",))

