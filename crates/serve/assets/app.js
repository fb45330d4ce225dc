// Wiring: the filter form, the URL (?country=UKR… is shareable), and refreshing every panel.
"use strict";
(function () {
  const A = Annalist;
  let stats = null;

  function readForm() {
    const form = document.getElementById("filters");
    const filter = {};
    for (const name of A.FILTER_FIELDS) {
      const input = form.elements.namedItem(name);
      if (input && input.value.trim() !== "") filter[name] = input.value.trim();
    }
    return filter;
  }

  function writeForm() {
    const form = document.getElementById("filters");
    for (const name of A.FILTER_FIELDS) {
      const input = form.elements.namedItem(name);
      if (input) input.value = A.state.filter[name] || "";
    }
    document.getElementById("table-search").value = A.state.filter.q || "";
  }

  function updateUrlAndDownloads() {
    const qs = A.query();
    history.replaceState(null, "", qs ? `/?${qs}` : "/");
    document.querySelectorAll(".downloads a").forEach((a) => {
      a.href = `/api/export?${A.query({ format: a.dataset.format })}`;
      a.setAttribute("download", "");
    });
  }

  async function refreshAll() {
    A.showError(null);
    updateUrlAndDownloads();
    const jobs = [A.map.refresh(), A.timeline.refresh(stats), A.network.refresh(), A.table.refresh()];
    const results = await Promise.allSettled(jobs);
    const failed = results.find((r) => r.status === "rejected");
    document.body.dataset.ready = failed ? "error" : "yes";
  }

  /** Merges `changes` into the filter (empty value clears a field) and refreshes. */
  A.setFilter = function (changes) {
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined || value === null || String(value).trim() === "") delete A.state.filter[name];
      else A.state.filter[name] = String(value).trim();
    }
    A.state.offset = 0;
    writeForm();
    document.body.dataset.ready = "no";
    return refreshAll();
  };

  async function start() {
    const select = document.querySelector("select[name=cameo_root]");
    for (const [code, name] of Object.entries(A.CAMEO_ROOTS)) {
      select.append(new Option(`${code} ${name}`, code));
    }
    const params = new URLSearchParams(location.search);
    for (const name of A.FILTER_FIELDS) if (params.get(name)) A.state.filter[name] = params.get(name);
    writeForm();
    document.getElementById("filters").addEventListener("submit", (ev) => {
      ev.preventDefault();
      A.state.filter = {};
      A.setFilter(readForm());
    });
    document.getElementById("reset").addEventListener("click", () => { A.state.filter = {}; A.setFilter({}); });
    A.map.init(); A.network.init(); A.table.init(); A.detail.init();
    try {
      stats = await A.fetchJson("/api/stats");
      document.getElementById("stats").textContent =
        `${stats.events.toLocaleString()} events · ${stats.mentions.toLocaleString()} reports · ${stats.documents.toLocaleString()} documents` +
        (stats.first_date ? ` · ${stats.first_date} – ${stats.last_date}` : "");
    } catch (e) { /* shown by fetchJson */ }
    await refreshAll();
  }

  start();
})();
