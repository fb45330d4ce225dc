// World map without tiles: Natural Earth country shapes (world-atlas TopoJSON) under event
// markers that are grouped by place and then clustered on a pixel grid at the current zoom.
"use strict";
Annalist.map = (function () {
  const A = Annalist;
  const CELL_PX = 64;
  let map = null;
  let markers = null;
  let places = [];

  function init() {
    map = L.map("map", { worldCopyJump: false, minZoom: 1, maxZoom: 10, zoomSnap: 0.5, attributionControl: true })
      .setView([25, 15], 2);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Shapes: Natural Earth (public domain) via world-atlas");
    markers = L.layerGroup().addTo(map);
    fetch("/assets/vendor/world-atlas/countries-110m.json")
      .then((r) => r.json())
      .then((world) => {
        const countries = topojson.feature(world, world.objects.countries);
        L.geoJSON(countries, {
          style: { color: "#8a97a6", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 },
          interactive: false,
        }).addTo(map);
        markers.eachLayer((m) => m.bringToFront && m.bringToFront());
        document.getElementById("map").dataset.countries = String(countries.features.length);
      })
      .catch((e) => A.showError(`map shapes: ${e}`));
    map.on("zoomend", draw);
  }

  /** Groups events with a location by place (name + coordinates). */
  function groupByPlace(events) {
    const byKey = new Map();
    for (const stored of events) {
      const loc = stored.event.location;
      if (!loc || loc.lat == null || loc.lon == null) continue;
      const key = `${loc.name}|${loc.lat.toFixed(3)}|${loc.lon.toFixed(3)}`;
      let place = byKey.get(key);
      if (!place) { place = { name: loc.name, lat: loc.lat, lon: loc.lon, events: [] }; byKey.set(key, place); }
      place.events.push(stored);
    }
    return [...byKey.values()];
  }

  function worstQuad(events) {
    return events.reduce((q, s) => Math.max(q, s.event.quad_class || 0), 0);
  }

  /** Clusters places that fall in the same grid cell at the current zoom. */
  function draw() {
    markers.clearLayers();
    const cells = new Map();
    for (const place of places) {
      const p = map.project([place.lat, place.lon], map.getZoom());
      const key = `${Math.floor(p.x / CELL_PX)}:${Math.floor(p.y / CELL_PX)}`;
      let cell = cells.get(key);
      if (!cell) { cell = { places: [], events: [] }; cells.set(key, cell); }
      cell.places.push(place);
      cell.events.push(...place.events);
    }
    for (const cell of cells.values()) {
      const n = cell.events.length;
      const lat = cell.places.reduce((s, p) => s + p.lat, 0) / cell.places.length;
      const lon = cell.places.reduce((s, p) => s + p.lon, 0) / cell.places.length;
      const size = Math.round(20 + 3.8 * Math.sqrt(Math.min(n, 100)));
      const icon = L.divIcon({
        className: "ann-marker",
        html: `<div class="ann-cluster q${worstQuad(cell.events)}" style="width:${size}px;height:${size}px">${n}</div>`,
        iconSize: [size, size],
      });
      const names = cell.places.map((p) => p.name);
      const marker = L.marker([lat, lon], { icon, title: `${names.slice(0, 3).join(", ")}${names.length > 3 ? "…" : ""}: ${n} events` });
      marker.on("click", () => openCell(cell, marker));
      marker.addTo(markers);
    }
    document.getElementById("map").dataset.markers = String(cells.size);
  }

  function openCell(cell, marker) {
    if (cell.places.length > 1 && map.getZoom() < map.getMaxZoom()) {
      const bounds = L.latLngBounds(cell.places.map((p) => [p.lat, p.lon]));
      map.fitBounds(bounds.pad(0.5), { maxZoom: map.getZoom() + 3 });
      return;
    }
    const rows = cell.events.slice(0, 30).map((s) =>
      `<li><a href="#" data-event="${s.id}">${A.escapeHtml(A.effectiveDate(s.event))} ${A.escapeHtml(A.actorShort(s.event.source))} · ${A.escapeHtml(s.event.cameo_name || s.event.cameo)} · ${A.escapeHtml(A.actorShort(s.event.target))}</a></li>`);
    const more = cell.events.length > 30 ? `<li class="muted">… ${cell.events.length - 30} more</li>` : "";
    const popup = L.popup({ maxWidth: 360 }).setContent(
      `<strong>${A.escapeHtml(cell.places.map((p) => p.name).join(", "))}</strong><ul class="popup-list">${rows.join("")}${more}</ul>`);
    marker.bindPopup(popup).openPopup();
    popup.getElement()?.querySelectorAll("a[data-event]").forEach((a) =>
      a.addEventListener("click", (e) => { e.preventDefault(); A.detail.open(Number(a.dataset.event)); }));
  }

  async function refresh() {
    const page = await A.getJson("/api/events", { limit: 2000 });
    places = groupByPlace(page.events);
    const located = places.reduce((s, p) => s + p.events.length, 0);
    document.getElementById("map-note").textContent =
      `${located} located of ${page.events.length} shown${page.total > page.events.length ? ` (${page.total} match; newest 2000)` : ""}`;
    draw();
    if (places.length > 0) {
      const bounds = L.latLngBounds(places.map((p) => [p.lat, p.lon]));
      map.fitBounds(bounds.pad(0.3), { maxZoom: 6 });
    }
  }

  return { init, refresh };
})();
