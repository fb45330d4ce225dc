// The event table: one page of the current filter; a row opens the drill-down.
"use strict";
Annalist.table = (function () {
  const A = Annalist;

  function row(stored) {
    const e = stored.event;
    const tr = document.createElement("tr");
    tr.dataset.id = String(stored.id);
    const loc = e.location ? `${A.escapeHtml(e.location.name)}${e.location.country ? ` <span class="code">${A.escapeHtml(e.location.country)}</span>` : ""}` : "";
    tr.innerHTML =
      `<td>${A.escapeHtml(A.effectiveDate(e))}${e.background ? ' <span class="muted">(background)</span>' : ""}</td>` +
      `<td>${A.actorLabel(e.source)}</td>` +
      `<td><span class="qdot q${e.quad_class || 0}"></span>${e.cameo_name ? `${A.escapeHtml(e.cameo_name)} ` : ""}<span class="code">CAMEO ${A.escapeHtml(e.cameo)}</span>` +
      `${e.verb ? ` <span class="muted">“${A.escapeHtml(e.verb.text)}”</span>` : ""}</td>` +
      `<td>${A.actorLabel(e.target)}</td>` +
      `<td>${loc}</td>` +
      `<td>${A.escapeHtml(A.casualties(e))}</td>` +
      `<td>${stored.mention_count}</td>`;
    tr.addEventListener("click", () => A.detail.open(stored.id));
    return tr;
  }

  async function refresh() {
    const page = await A.getJson("/api/events", { limit: A.state.limit, offset: A.state.offset, sort: A.state.sort });
    const body = document.querySelector("#events tbody");
    body.replaceChildren(...page.events.map(row));
    if (page.events.length === 0) body.innerHTML = '<tr><td colspan="7" class="muted">No events match the filter.</td></tr>';
    const first = page.total === 0 ? 0 : page.offset + 1;
    document.getElementById("page-info").textContent = `${first}–${page.offset + page.events.length} of ${page.total}`;
    document.getElementById("prev").disabled = page.offset === 0;
    document.getElementById("next").disabled = page.offset + page.events.length >= page.total;
    document.getElementById("events").dataset.total = String(page.total);
  }

  function init() {
    document.getElementById("prev").addEventListener("click", () => {
      A.state.offset = Math.max(0, A.state.offset - A.state.limit); refresh().catch(() => {});
    });
    document.getElementById("next").addEventListener("click", () => {
      A.state.offset += A.state.limit; refresh().catch(() => {});
    });
    document.getElementById("sort").addEventListener("change", (ev) => {
      A.state.sort = ev.target.value; A.state.offset = 0; refresh().catch(() => {});
    });
    const search = document.getElementById("table-search");
    search.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") { ev.preventDefault(); A.setFilter({ q: search.value }); }
    });
  }

  return { init, refresh };
})();
