// Actor network: a small force-directed layout on a canvas. Edge width ~ log(events), edge
// colour = mean Goldstein (red hostile → green cooperative). Clicking a node filters by actor.
"use strict";
Annalist.network = (function () {
  const A = Annalist;
  let nodes = [], edges = [], scale = 1;

  function goldsteinColor(g) {
    if (g == null) return "rgba(120,120,120,.6)";
    const t = Math.max(-10, Math.min(10, g)) / 10;
    return t < 0 ? `rgba(${200 + Math.round(-t * 30)},${Math.round(120 * (1 + t))},${Math.round(90 * (1 + t))},.75)`
                 : `rgba(${Math.round(120 * (1 - t))},${150 + Math.round(t * 40)},${Math.round(90 * (1 - t))},.75)`;
  }

  /** Fruchterman-Reingold with a fixed number of iterations (deterministic start). */
  function layout(width, height) {
    const k = Math.sqrt((width * height) / Math.max(1, nodes.length)) * 0.9;
    nodes.forEach((n, i) => {
      const a = (2 * Math.PI * i) / nodes.length;
      n.x = width / 2 + Math.cos(a) * width / 3; n.y = height / 2 + Math.sin(a) * height / 3;
    });
    let temp = width / 8;
    for (let iter = 0; iter < 250; iter++) {
      for (const n of nodes) { n.dx = 0; n.dy = 0; }
      for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        let dx = a.x - b.x, dy = a.y - b.y; const d = Math.max(0.01, Math.hypot(dx, dy));
        const f = (k * k) / d; dx /= d; dy /= d;
        a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
      }
      for (const e of edges) {
        const a = e.from, b = e.to; if (a === b) continue;
        let dx = a.x - b.x, dy = a.y - b.y; const d = Math.max(0.01, Math.hypot(dx, dy));
        const f = (d * d) / k / Math.max(1, Math.sqrt(edges.length / nodes.length)); dx /= d; dy /= d;
        a.dx -= dx * f; a.dy -= dy * f; b.dx += dx * f; b.dy += dy * f;
      }
      for (const n of nodes) {
        // Weak gravity keeps leaves from being flung into the corners.
        n.dx += (width / 2 - n.x) * 0.4; n.dy += (height / 2 - n.y) * 0.4;
        const d = Math.max(0.01, Math.hypot(n.dx, n.dy));
        n.x += (n.dx / d) * Math.min(d, temp); n.y += (n.dy / d) * Math.min(d, temp);
        n.x = Math.max(30, Math.min(width - 30, n.x)); n.y = Math.max(20, Math.min(height - 20, n.y));
      }
      temp *= 0.97;
    }
  }

  function draw(canvas) {
    const ctx = canvas.getContext("2d");
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    const width = canvas.width / scale, height = canvas.height / scale;
    ctx.clearRect(0, 0, width, height);
    if (nodes.length === 0) {
      ctx.fillStyle = "#6b7785"; ctx.font = "13px system-ui"; ctx.fillText("No actor pairs match.", 12, 24); return;
    }
    const maxEvents = Math.max(...edges.map((e) => e.events));
    const pairs = new Set(edges.map((e) => `${e.source}\u0000${e.target}`));
    for (const e of edges) {
      const a = e.from, b = e.to;
      if (a === b) continue;
      // A→B and B→A both present: bend each to its own side so neither hides the other.
      const bend = pairs.has(`${e.target}\u0000${e.source}`) ? 16 : 0;
      const len = Math.max(1, Math.hypot(b.x - a.x, b.y - a.y));
      const cx = (a.x + b.x) / 2 + (-(b.y - a.y) / len) * bend, cy = (a.y + b.y) / 2 + ((b.x - a.x) / len) * bend;
      ctx.strokeStyle = goldsteinColor(e.mean_goldstein);
      ctx.lineWidth = 1 + 5 * Math.log1p(e.events) / Math.log1p(maxEvents);
      ctx.beginPath(); ctx.moveTo(a.x, a.y); ctx.quadraticCurveTo(cx, cy, b.x, b.y); ctx.stroke();
      const ang = Math.atan2(b.y - cy, b.x - cx), r = b.r + 3;
      const tx = b.x - Math.cos(ang) * r, ty = b.y - Math.sin(ang) * r;
      ctx.fillStyle = ctx.strokeStyle; ctx.beginPath(); ctx.moveTo(tx, ty);
      ctx.lineTo(tx - 9 * Math.cos(ang - 0.4), ty - 9 * Math.sin(ang - 0.4));
      ctx.lineTo(tx - 9 * Math.cos(ang + 0.4), ty - 9 * Math.sin(ang + 0.4)); ctx.fill();
    }
    for (const n of nodes) {
      ctx.fillStyle = A.state.filter.actor && n.id.startsWith(A.state.filter.actor) ? "#1565c0" : "#37474f";
      ctx.beginPath(); ctx.arc(n.x, n.y, n.r, 0, 2 * Math.PI); ctx.fill();
      ctx.fillStyle = "#1f2933"; ctx.font = "600 11px system-ui"; ctx.textAlign = "center";
      ctx.fillText(n.id, n.x, n.y - n.r - 4);
    }
  }

  async function refresh() {
    const data = await A.getJson("/api/network", { limit: 60 });
    const canvas = document.getElementById("network");
    scale = window.devicePixelRatio || 1;
    const width = canvas.clientWidth || 500, height = canvas.clientHeight || 380;
    canvas.width = width * scale; canvas.height = height * scale;
    const byId = new Map();
    const node = (id) => { if (!byId.has(id)) byId.set(id, { id, events: 0 }); return byId.get(id); };
    edges = data.edges.map((e) => ({ ...e, from: node(e.source), to: node(e.target) }));
    for (const e of edges) { e.from.events += e.events; e.to.events += e.events; }
    nodes = [...byId.values()];
    const maxNode = Math.max(1, ...nodes.map((n) => n.events));
    for (const n of nodes) n.r = 5 + 9 * Math.sqrt(n.events / maxNode);
    layout(width, height);
    draw(canvas);
    canvas.dataset.nodes = String(nodes.length);
    canvas.dataset.edges = String(edges.length);
  }

  function init() {
    const canvas = document.getElementById("network");
    canvas.addEventListener("click", (ev) => {
      const rect = canvas.getBoundingClientRect();
      const x = ev.clientX - rect.left, y = ev.clientY - rect.top;
      const hit = nodes.find((n) => Math.hypot(n.x - x, n.y - y) <= n.r + 4);
      if (hit) A.setFilter({ actor: hit.id });
    });
  }

  /** Node positions in canvas pixels (for tests and tooling). */
  function positions() { return nodes.map((n) => ({ id: n.id, x: n.x, y: n.y })); }

  return { init, refresh, positions };
})();
