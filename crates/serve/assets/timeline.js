// Timeline: stacked bars of event counts per day / week / month, split by QuadClass,
// drawn as SVG. Clicking a bar narrows the date filter to that bucket.
"use strict";
Annalist.timeline = (function () {
  const A = Annalist;
  const SVG = "http://www.w3.org/2000/svg";
  const COLORS = { 1: "var(--q1)", 2: "var(--q2)", 3: "var(--q3)", 4: "var(--q4)", "": "#9e9e9e" };

  function el(name, attrs, text) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** Every bucket label between the first and last, so gaps show as gaps. */
  function allBuckets(first, last, interval) {
    const out = [];
    if (interval === "month") {
      let [y, m] = first.split("-").map(Number);
      const [ly, lm] = last.split("-").map(Number);
      while ((y < ly || (y === ly && m <= lm)) && out.length < 2000) {
        out.push(`${y}-${String(m).padStart(2, "0")}`);
        m += 1; if (m > 12) { m = 1; y += 1; }
      }
      return out;
    }
    const step = interval === "week" ? 7 : 1;
    const d = new Date(`${first}T00:00:00Z`);
    const end = new Date(`${last}T00:00:00Z`);
    while (d <= end && out.length < 2000) {
      out.push(d.toISOString().slice(0, 10));
      d.setUTCDate(d.getUTCDate() + step);
    }
    return out;
  }

  /** day for up to ~4 months, week up to ~3 years, month beyond. */
  function chooseInterval(stats) {
    const from = A.state.filter.from || stats?.first_date;
    const to = A.state.filter.to || stats?.last_date;
    if (!from || !to) return "day";
    const days = (new Date(`${to.padEnd(10, "-01").slice(0, 10)}T00:00:00Z`) - new Date(`${from.padEnd(10, "-01").slice(0, 10)}T00:00:00Z`)) / 86400000;
    if (!(days >= 0)) return "day";
    return days <= 120 ? "day" : days <= 1100 ? "week" : "month";
  }

  function bucketRange(bucket, interval) {
    if (interval === "month") return [bucket, bucket];
    if (interval === "day") return [bucket, bucket];
    const d = new Date(`${bucket}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 6);
    return [bucket, d.toISOString().slice(0, 10)];
  }

  async function refresh(stats) {
    const interval = chooseInterval(stats);
    const data = await A.getJson("/api/timeline", { interval, by: "quad_class" });
    const box = document.getElementById("timeline");
    box.innerHTML = "";
    const counts = new Map();
    for (const p of data.points) {
      if (!counts.has(p.bucket)) counts.set(p.bucket, {});
      counts.get(p.bucket)[p.kind] = p.events;
    }
    const labels = [...counts.keys()].sort();
    document.getElementById("timeline-note").textContent =
      `events per ${interval}, by QuadClass — click a bar to filter`;
    if (labels.length === 0) { box.innerHTML = '<p class="muted">No dated events match.</p>'; box.dataset.bars = "0"; return; }
    const buckets = allBuckets(labels[0], labels[labels.length - 1], interval);
    const width = box.clientWidth || 800, height = box.clientHeight || 190;
    const pad = { l: 36, r: 8, t: 18, b: 22 };
    const highest = Math.max(1, ...buckets.map((b) => Object.values(counts.get(b) || {}).reduce((s, n) => s + n, 0)));
    const max = highest < 4 ? 4 : highest % 2 === 0 ? highest : highest + 1;
    const svg = el("svg", { width, height, viewBox: `0 0 ${width} ${height}` });
    const plotW = width - pad.l - pad.r, plotH = height - pad.t - pad.b;
    const bw = Math.min(40, plotW / buckets.length);
    for (const tick of [0, 0.5, 1]) {
      const y = pad.t + plotH * (1 - tick);
      svg.append(el("line", { x1: pad.l, x2: width - pad.r, y1: y, y2: y, stroke: "#e3e7eb" }));
      svg.append(el("text", { x: pad.l - 4, y: y + 4, "text-anchor": "end", "font-size": 10, fill: "#6b7785" }, String(Math.round(max * tick))));
    }
    let bars = 0;
    buckets.forEach((bucket, i) => {
      let y = pad.t + plotH;
      const byKind = counts.get(bucket) || {};
      for (const kind of ["1", "2", "3", "4", ""]) {
        const n = byKind[kind];
        if (!n) continue;
        const h = (n / max) * plotH;
        y -= h;
        const rect = el("rect", { class: "bar", x: pad.l + i * bw + 0.5, y, width: Math.max(1, bw - 1), height: h, fill: COLORS[kind] });
        rect.dataset.bucket = bucket;
        rect.append(el("title", {}, `${bucket}: ${n} ${A.QUAD_NAMES[kind] || "unclassified"}`));
        rect.addEventListener("click", () => {
          const [from, to] = bucketRange(bucket, interval);
          A.setFilter({ from, to });
        });
        svg.append(rect);
        bars += 1;
      }
    });
    const every = Math.ceil(buckets.length / Math.max(1, Math.floor(plotW / 80)));
    buckets.forEach((bucket, i) => {
      if (i % every !== 0) return;
      svg.append(el("text", { x: pad.l + i * bw + bw / 2, y: height - 6, "text-anchor": "middle", "font-size": 10, fill: "#6b7785" }, bucket));
    });
    let lx = pad.l;
    for (const kind of ["1", "2", "3", "4"]) {
      svg.append(el("rect", { x: lx, y: 4, width: 9, height: 9, fill: COLORS[kind] }));
      svg.append(el("text", { x: lx + 12, y: 12, "font-size": 10, fill: "#6b7785" }, A.QUAD_NAMES[kind]));
      lx += 130;
    }
    box.append(svg);
    box.dataset.bars = String(bars);
  }

  return { refresh };
})();
