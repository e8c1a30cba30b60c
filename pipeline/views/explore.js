// The report's explorer: search and filter every quote, open a speaker's panel with their quotes,
// find corpus entities. Data: the JSON block #explorer-data (see pipeline/views/explore.py).
(function () {
  var block = document.getElementById("explorer-data");
  if (!block) return;
  var data = JSON.parse(block.textContent);
  var SPEAKER = {key: 0, name: 1, label: 2, role: 3, org: 4, party: 5, gender: 6, quotes: 7, aliases: 8};
  var QUOTE = {text: 0, type: 1, speaker: 2, date: 3, article: 4, speakerText: 5, gender: 6, org: 7};
  var PAGE_ROWS = 20, ENTITY_ROWS = 50;
  var state = {search: "", type: "", label: "", gender: "", from: "", to: "", speaker: -1, page: 0};
  var lowered = data.quotes.map(function (q) { return q[QUOTE.text].toLowerCase(); });
  var bySpeakerKey = {};
  data.speakers.forEach(function (s, i) { bySpeakerKey[s[SPEAKER.key]] = i; });

  function el(id) { return document.getElementById(id); }
  function cell(row, text, className) {
    var td = document.createElement("td");
    if (className) td.className = className;
    if (text instanceof Node) td.appendChild(text); else td.textContent = text;
    row.appendChild(td);
    return td;
  }
  function speakerLink(index, text) {
    var a = document.createElement("a");
    a.href = "#speaker";
    a.className = "speaker-link";
    a.dataset.speaker = index;
    a.textContent = text;
    return a;
  }

  function matches(q) {
    var speaker = q[QUOTE.speaker] >= 0 ? data.speakers[q[QUOTE.speaker]] : null;
    if (state.type && q[QUOTE.type] !== state.type) return false;
    if (state.speaker >= 0 && q[QUOTE.speaker] !== state.speaker) return false;
    if (state.label === "none" ? speaker !== null : state.label && (!speaker || speaker[SPEAKER.label] !== state.label)) return false;
    if (state.gender && q[QUOTE.gender] !== state.gender) return false;
    if ((state.from || state.to) && !q[QUOTE.date]) return false;
    if (state.from && q[QUOTE.date] < state.from) return false;
    if (state.to && q[QUOTE.date] > state.to) return false;
    return true;
  }

  function renderQuotes() {
    var needle = state.search.toLowerCase(), found = [];
    for (var i = 0; i < data.quotes.length; i++) {
      if ((!needle || lowered[i].indexOf(needle) >= 0) && matches(data.quotes[i])) found.push(i);
    }
    var pages = Math.max(1, Math.ceil(found.length / PAGE_ROWS));
    state.page = Math.min(state.page, pages - 1);
    var body = el("quote-rows");
    body.textContent = "";
    found.slice(state.page * PAGE_ROWS, (state.page + 1) * PAGE_ROWS).forEach(function (i) {
      var q = data.quotes[i], row = document.createElement("tr");
      cell(row, q[QUOTE.date]);
      var speaker = q[QUOTE.speaker];
      cell(row, speaker >= 0 ? speakerLink(speaker, data.speakers[speaker][SPEAKER.name]) : (q[QUOTE.speakerText] || "–"));
      cell(row, q[QUOTE.type], "type type-" + q[QUOTE.type]);
      cell(row, q[QUOTE.text], "text");
      var article = data.articles[q[QUOTE.article]] || ["", ""];
      if (article[1]) {
        var link = document.createElement("a");
        link.href = article[1];
        link.textContent = article[0];
        cell(row, link);
      } else {
        cell(row, article[0]);
      }
      body.appendChild(row);
    });
    el("count").textContent = found.length.toLocaleString("en") + " of " + data.quotes.length.toLocaleString("en") + " quotes";
    el("page").textContent = "page " + (state.page + 1) + " of " + pages;
    el("prev").disabled = state.page === 0;
    el("next").disabled = state.page >= pages - 1;
  }

  function renderSpeaker() {
    var panel = el("speaker-panel");
    if (state.speaker < 0) { panel.hidden = true; panel.textContent = ""; return; }
    var s = data.speakers[state.speaker];
    panel.hidden = false;
    panel.textContent = "";
    var title = document.createElement("h3");
    title.textContent = s[SPEAKER.name];
    panel.appendChild(title);
    var facts = [["key", s[SPEAKER.key]], ["role", s[SPEAKER.role]], ["organisation", s[SPEAKER.org]],
                 ["party", s[SPEAKER.party]], ["gender", s[SPEAKER.gender]], ["quotes", String(s[SPEAKER.quotes])],
                 ["names", s[SPEAKER.aliases]]];
    var list = document.createElement("dl");
    facts.forEach(function (fact) {
      if (!fact[1]) return;
      var dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = fact[0];
      dd.textContent = fact[1];
      list.appendChild(dt);
      list.appendChild(dd);
    });
    panel.appendChild(list);
    var clear = document.createElement("button");
    clear.type = "button";
    clear.id = "clear-speaker";
    clear.textContent = "all speakers";
    clear.addEventListener("click", function () { state.speaker = -1; state.page = 0; render(); });
    panel.appendChild(clear);
  }

  function renderEntities() {
    var needle = el("entity-search").value.toLowerCase(), body = el("entity-rows"), shown = 0, found = 0;
    body.textContent = "";
    data.entities.forEach(function (e) {
      if (needle && (e[2] + " " + e[3]).toLowerCase().indexOf(needle) < 0) return;
      found++;
      if (shown >= ENTITY_ROWS) return;
      shown++;
      var row = document.createElement("tr"), speaker = bySpeakerKey[e[0]];
      cell(row, speaker !== undefined ? speakerLink(speaker, e[2]) : e[2]);
      cell(row, e[1]);
      cell(row, e[3], "aliases");
      cell(row, e[4].toLocaleString("en"), "num");
      cell(row, e[5].toLocaleString("en"), "num");
      cell(row, e[6].toLocaleString("en"), "num");
      body.appendChild(row);
    });
    el("entity-count").textContent = found > shown ? (found - shown).toLocaleString("en") + " more; search to narrow down" : "";
  }

  function render() { renderSpeaker(); renderQuotes(); }

  ["search", "type", "label", "gender", "from", "to"].forEach(function (id) {
    el(id).addEventListener(id === "search" ? "input" : "change", function () {
      state[id] = el(id).value;
      state.page = 0;
      renderQuotes();
    });
  });
  el("prev").addEventListener("click", function () { state.page--; renderQuotes(); });
  el("next").addEventListener("click", function () { state.page++; renderQuotes(); });
  el("entity-search").addEventListener("input", renderEntities);
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest(".speaker-link") : null;
    if (!link) return;
    event.preventDefault();
    state.speaker = Number(link.dataset.speaker);
    state.page = 0;
    render();
    el("speaker-panel").scrollIntoView({block: "nearest"});
  });
  render();
  renderEntities();
})();
