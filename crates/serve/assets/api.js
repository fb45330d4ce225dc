// annalist dashboard: shared state, the API client and small helpers.
"use strict";
window.Annalist = (function () {
  const FILTER_FIELDS = ["from", "to", "country", "actor", "cameo_root", "plover", "acled_type", "q"];
  const CAMEO_ROOTS = {
    "01": "Make public statement", "02": "Appeal", "03": "Express intent to cooperate", "04": "Consult",
    "05": "Engage in diplomatic cooperation", "06": "Engage in material cooperation", "07": "Provide aid",
    "08": "Yield", "09": "Investigate", "10": "Demand", "11": "Disapprove", "12": "Reject", "13": "Threaten",
    "14": "Protest", "15": "Exhibit force posture", "16": "Reduce relations", "17": "Coerce", "18": "Assault",
    "19": "Fight", "20": "Use unconventional mass violence",
  };
  const QUAD_NAMES = { 1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict" };

  const state = { filter: {}, sort: "newest", offset: 0, limit: 100 };

  /** Query string of the current filter plus `extra` (empty values left out). */
  function query(extra) {
    const params = new URLSearchParams();
    for (const name of FILTER_FIELDS) {
      const value = state.filter[name];
      if (value !== undefined && value !== null && String(value).trim() !== "") params.set(name, String(value).trim());
    }
    for (const [name, value] of Object.entries(extra || {})) {
      if (value !== undefined && value !== null && value !== "") params.set(name, String(value));
    }
    return params.toString();
  }

  function showError(message) {
    const box = document.getElementById("error");
    if (!message) { box.hidden = true; box.textContent = ""; return; }
    box.hidden = false;
    box.textContent = message;
  }

  /** GET a JSON API path; a 4xx/5xx shows the server's message and throws. */
  async function getJson(path, extra) {
    const qs = query(extra);
    return fetchJson(qs ? `${path}?${qs}` : path);
  }

  /** GET a URL as is (no filter added). */
  async function fetchJson(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({ message: `HTTP ${response.status}` }));
    if (!response.ok) {
      showError(body.message || `HTTP ${response.status}`);
      throw new Error(body.message || `HTTP ${response.status}`);
    }
    return body;
  }

  function escapeHtml(text) {
    return String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }

  function actorLabel(actor) {
    if (!actor) return '<span class="muted">—</span>';
    // An uncoded actor (code null) is its words only.
    if (!actor.code) return escapeHtml(actor.text);
    return `${escapeHtml(actor.text)} <span class="code">${escapeHtml(actor.code)}</span>`;
  }

  // Plain-text name for headings and lists: the code, or an uncoded actor's words.
  function actorShort(actor) {
    if (!actor) return "?";
    return actor.code || actor.text || "?";
  }

  function casualties(event) {
    const parts = [];
    if (event.fatalities != null) parts.push(`${event.fatalities} killed`);
    if (event.injured != null) parts.push(`${event.injured} injured`);
    if (event.captured != null) parts.push(`${event.captured} captured`);
    return parts.join(", ");
  }

  function effectiveDate(event) {
    return event.event_date || event.report_date || "";
  }

  return { state, query, getJson, fetchJson, showError, escapeHtml, actorLabel, actorShort, casualties, effectiveDate,
           FILTER_FIELDS, CAMEO_ROOTS, QUAD_NAMES, listeners: [] };
})();
