// Drill-down: the event, every report (mention) of it, each sentence with source, verb and
// target highlighted from their UTF-8 byte spans, the dictionary pattern, the attribution chain.
"use strict";
Annalist.detail = (function () {
  const A = Annalist;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  /**
   * The sentence as HTML with `spans` ([start, end) byte offsets into the DOCUMENT) marked.
   * `sentenceStart` is the sentence's own byte offset in the document; spans outside the
   * sentence are dropped, overlapping ones after the first are dropped.
   */
  function highlight(sentence, sentenceStart, spans) {
    const bytes = encoder.encode(sentence);
    const marks = spans
      .filter((s) => s.span && sentenceStart != null)
      .map((s) => ({ start: s.span[0] - sentenceStart, end: s.span[1] - sentenceStart, cls: s.cls, title: s.title }))
      .filter((s) => s.start >= 0 && s.end <= bytes.length && s.start < s.end)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    let html = "", at = 0;
    for (const m of marks) {
      if (m.start < at) continue;
      html += A.escapeHtml(decoder.decode(bytes.subarray(at, m.start)));
      html += `<mark class="${m.cls}" title="${A.escapeHtml(m.title)}">${A.escapeHtml(decoder.decode(bytes.subarray(m.start, m.end)))}</mark>`;
      at = m.end;
    }
    return html + A.escapeHtml(decoder.decode(bytes.subarray(at)));
  }

  function chain(attribution) {
    if (!attribution || attribution.length === 0) return '<span class="muted">none (reported directly)</span>';
    return attribution.map((a) => `${A.escapeHtml(a.text)}${a.code ? ` <span class="code">${A.escapeHtml(a.code)}</span>` : ""}`).join(" → ") + " → the report";
  }

  function mentionHtml(m, index, event) {
    const start = m.sentence_span ? m.sentence_span[0] : null;
    const spans = [
      { span: m.source_span, cls: "hl-source", title: `source: ${event.source ? A.actorShort(event.source) : ""}` },
      { span: m.verb_span, cls: "hl-verb", title: `verb → CAMEO ${event.cameo}` },
      { span: m.target_span, cls: "hl-target", title: `target: ${event.target ? A.actorShort(event.target) : ""}` },
      ...(m.attribution || []).map((a) => ({ span: a.span, cls: "hl-attribution", title: "attributed to" })),
    ];
    const doc = [m.doc_source, m.doc_date, m.doc_title].filter(Boolean).map(A.escapeHtml).join(" · ");
    // Only http(s) links: a stored URL like "javascript:..." must not become clickable code.
    const link = m.doc_url && /^https?:\/\//i.test(m.doc_url)
      ? ` <a href="${A.escapeHtml(m.doc_url)}" target="_blank" rel="noopener noreferrer">source ↗</a>` : "";
    const pattern = m.pattern
      ? `<span class="pattern">${A.escapeHtml(m.pattern.file)}:${m.pattern.line}</span> <span class="pattern">${A.escapeHtml(m.pattern.text)}</span>`
      : '<span class="muted">no pattern recorded</span>';
    return `<div class="mention${index === 0 ? " first" : ""}" data-record="${A.escapeHtml(m.record_id)}">
      <div class="doc">${index === 0 ? "<strong>First report</strong> · " : `Report ${index + 1} · `}${doc || A.escapeHtml(m.doc_id)}${link}
        <span class="code">doc ${A.escapeHtml(m.doc_id)} / sentence ${A.escapeHtml(m.sentence_id)}</span></div>
      <p class="sentence">${highlight(m.sentence, start, spans)}</p>
      <div>Pattern: ${pattern}</div>
      <div class="chain">Attribution: ${chain(m.attribution)}</div>
    </div>`;
  }

  function render(data) {
    const stored = data.event, e = stored.event;
    const rows = [
      ["Date", `${A.escapeHtml(A.effectiveDate(e))}${e.event_date && e.report_date && e.event_date !== e.report_date ? ` <span class="muted">(reported ${A.escapeHtml(e.report_date)})</span>` : ""}`],
      ["Source", A.actorLabel(e.source)],
      ["Event", `<span class="qdot q${e.quad_class || 0}"></span>${A.escapeHtml(e.cameo_name || "")} <span class="code">CAMEO ${A.escapeHtml(e.cameo)}</span>`],
      ["Target", A.actorLabel(e.target)],
      ["Goldstein / Quad", `${e.goldstein ?? "—"} / ${e.quad_class ? A.escapeHtml(A.QUAD_NAMES[e.quad_class]) : "—"}`],
      ["PLOVER", e.plover ? `${A.escapeHtml(e.plover.event)}${e.plover.mode ? ` (${A.escapeHtml(e.plover.mode)})` : ""}` : "—"],
      ["ACLED", e.acled ? `${A.escapeHtml(e.acled.event_type)} / ${A.escapeHtml(e.acled.sub_event_type)}` : "—"],
      ["Casualties", A.escapeHtml(A.casualties(e)) || '<span class="muted">none reported</span>'],
      ["Location", e.location ? `${A.escapeHtml(e.location.name)} ${A.escapeHtml(e.location.country || "")}${e.location.lat != null ? ` <span class="code">${e.location.lat.toFixed(3)}, ${e.location.lon.toFixed(3)}</span>` : ""}` : "—"],
      ["Reports", String(stored.mention_count)],
    ];
    if (e.background) rows.push(["Background", "yes: the text places this event in the past"]);
    document.getElementById("detail-body").innerHTML =
      `<h3>${A.escapeHtml(A.actorShort(e.source))} · ${A.escapeHtml(e.cameo_name || e.cameo)} · ${A.escapeHtml(A.actorShort(e.target))}</h3>
       <div class="muted">event ${stored.id} · record ${A.escapeHtml(e.id)}</div>
       <dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl>
       <div class="key muted">Highlight: <mark class="hl-source">source</mark> <mark class="hl-verb">verb</mark> <mark class="hl-target">target</mark> <mark class="hl-attribution">attribution</mark></div>
       <h4>Reports of this event (${data.mentions.length})</h4>
       ${data.mentions.map((m, i) => mentionHtml(m, i, e)).join("")}`;
  }

  async function open(id) {
    const data = await A.fetchJson(`/api/events/${encodeURIComponent(id)}`).catch(() => null);
    if (!data) return;
    render(data);
    const panel = document.getElementById("detail");
    panel.hidden = false;
    panel.dataset.event = String(id);
  }

  function close() {
    const panel = document.getElementById("detail");
    panel.hidden = true;
    delete panel.dataset.event;
  }

  function init() {
    document.getElementById("detail-close").addEventListener("click", close);
    document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") close(); });
  }

  return { init, open, close, highlight };
})();
