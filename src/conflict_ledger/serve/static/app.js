/* conflict-ledger page: map, timeline, table, event view, review queue, trackers.
 *
 * Article text and every value read from it are untrusted: all text reaches the page through
 * textContent (the el() helper and d3's .text()), never through innerHTML, and the server's
 * Content-Security-Policy forbids inline script. The server aggregates (map bins, timeline
 * counts, table pages), so the page stays light with 100k events in the ledger.
 */
"use strict";

const TYPE_COLORS = {
  "Battles": "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd",
  "Protests": "#2ca02c",
  "Riots": "#8c564b",
  "Strategic developments": "#1f77b4",
  "Unknown": "#7f7f7f",
};
const EVENT_FIELDS = [
  "event_date", "date_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2",
  "assoc_actor_2", "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
  "fatalities", "fatalities_low", "fatalities_high", "injuries", "injuries_low", "injuries_high",
];
const NUMERIC_FIELDS = new Set(["latitude", "longitude", "geo_precision", "fatalities", "fatalities_low",
  "fatalities_high", "injuries", "injuries_low", "injuries_high"]);
const PAGE_SIZE = 50;
const REVIEW_BATCH = 50;

const state = {
  meta: null,
  filters: {},          // from the filter form
  brush: null,          // {since, until} from the timeline
  cell: null,           // {bbox: [w,s,e,n], label} from a map click
  offset: 0,
  total: 0,
  view: "events",
  token: "",
  who: "",
  eventId: null,
  reviewSelected: new Set(),
};
const seq = {};         // latest request number per panel: late answers of older requests are dropped
let pending = 0;

/* ------------------------------------------------------------------ small helpers */

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
const $ = (sel) => document.querySelector(sel);
const fmt = (n) => (n === null || n === undefined ? "" : Number(n).toLocaleString("en-US"));
const typeColor = (t) => TYPE_COLORS[t] || TYPE_COLORS.Unknown;

const known = (v) => v !== null && v !== undefined;
const NOT_REPORTED = "not reported";

/* The extractor stores "no toll reported" as best 0, low 0 and no high figure. */
const notReported = (best, low, high) => (best === 0 || !known(best)) && low === 0 && !known(high);

/* One event's (or one report's) casualty figure: the best figure, then the range when the reports give one.
 * "5+" is "at least 5"; "3 (0–?)" is best 3, lowest report 0, no upper figure; "" is unknown. */
function figureText(best, low, high) {
  if (!known(best) && !known(low) && !known(high)) return "";
  if (notReported(best, low, high)) return NOT_REPORTED;
  if (!known(best)) {
    if (known(low) && known(high)) return low === high ? `${low}` : `${low}–${high}`;
    return known(low) ? `${low}+` : `up to ${high}`;
  }
  if (!known(low) && !known(high)) return `${best}`;
  const lo = known(low) ? low : best;
  if (!known(high)) return lo === best ? `${best}+` : `${best} (${lo}–?)`;
  return lo === best && high === best ? `${best}` : `${best} (${lo}–${high})`;
}

/* The same figure spelt out, for a tooltip. */
function figureTitle(best, low, high) {
  if (!known(best) && !known(low) && !known(high)) return "unknown: no figure read";
  if (notReported(best, low, high)) return "no toll reported";
  return [`best ${known(best) ? best : "unknown"}`, `low ${known(low) ? low : "unknown"}`,
    `high ${known(high) ? high : "not given"}`].join(" · ");
}

/* A table cell for a casualty figure of `row` ("fatalities" or "injuries"). */
function figureCell(row, kind) {
  const best = row[kind] ?? null, low = row[`${kind}_low`] ?? null, high = row[`${kind}_high`] ?? null;
  const text = figureText(best, low, high);
  /* unknown shows as the CLI shows it ("–"), so a blank cell never reads as a missing column */
  return el("td", { class: text === NOT_REPORTED || text === "" ? "num muted" : "num", title: figureTitle(best, low, high) },
    text || "–");
}

/* A total over many events: the best figures summed, with the summed low and high when they differ.
 * Many events give no upper figure, so a total seldom has one; "at least" says what the low figures add up to. */
function totalText(best, low, high) {
  const b = best ?? 0;
  const lo = known(low) && low < b ? low : null;
  const hi = known(high) && high > b ? high : null;
  if (lo !== null && hi !== null) return `range ${fmt(lo)}–${fmt(hi)}`;
  if (lo !== null) return `at least ${fmt(lo)}`;
  return hi !== null ? `up to ${fmt(hi)}` : "";
}

function busy(delta) {
  pending += delta;
  document.body.dataset.busy = pending > 0 ? "1" : "0";
}

function toast(message, isError) {
  const box = $("#toast");
  box.textContent = message;
  box.className = isError ? "error" : "";
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.hidden = true; }, isError ? 7000 : 3000);
}

class ApiError extends Error {
  constructor(status, detail) { super(detail); this.status = status; }
}

async function api(path, options = {}) {
  const headers = { Accept: "application/json", ...(options.headers || {}) };
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  busy(1);
  try {
    const response = await fetch(path, {
      method: options.method || "GET", headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const data = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
    if (!response.ok) {
      let detail = data && data.detail;
      if (Array.isArray(detail)) detail = detail.map((d) => d.msg).join("; ");
      throw new ApiError(response.status, detail || response.statusText);
    }
    return data;
  } finally {
    busy(-1);
  }
}

/* Run `load` for a panel; drop its answer when a newer load of the same panel has started. */
async function latest(panel, load, render) {
  const mine = (seq[panel] = (seq[panel] || 0) + 1);
  try {
    const data = await load();
    if (seq[panel] === mine) render(data);
  } catch (err) {
    if (seq[panel] === mine) toast(`${panel}: ${err.message}`, true);
  }
}

/* ------------------------------------------------------------------ filters */

function params(opts = {}) {
  const p = new URLSearchParams();
  const f = state.filters;
  let since = f.since || "";
  let until = f.until || "";
  if (opts.brush !== false && state.brush) {
    if (!since || state.brush.since > since) since = state.brush.since;
    if (!until || state.brush.until < until) until = state.brush.until;
  }
  if (since) p.set("since", since);
  if (until) p.set("until", until);
  for (const key of ["country", "admin1", "type", "scope", "actor", "actor1", "actor2", "min_confidence",
    "include_rejected"]) {
    if (f[key]) p.set(key, f[key]);
  }
  if (opts.cell && state.cell) p.set("bbox", state.cell.bbox.join(","));
  return p;
}

function readFilterForm() {
  const form = $("#filters");
  const out = {};
  for (const [key, value] of new FormData(form).entries()) {
    if (String(value).trim()) out[key] = String(value).trim();
  }
  state.filters = out;
}

/* The filter form lives in the address (?country=Iraq&since=...), so a view can be bookmarked or sent. */
function filtersToAddress() {
  const query = new URLSearchParams(state.filters).toString();
  history.replaceState(null, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
}

function filtersFromAddress() {
  const form = $("#filters");
  state.filters = {};
  for (const [key, value] of new URLSearchParams(location.search)) {
    if (form.elements.namedItem(key) && value.trim()) state.filters[key] = value.trim();
  }
  showFiltersInForm();
}

/* Put state.filters into the form (again once the type choices exist). */
function showFiltersInForm() {
  const form = $("#filters");
  for (const [key, value] of Object.entries(state.filters)) {
    const input = form.elements.namedItem(key);
    if (!input || input instanceof RadioNodeList) continue;
    if (input.type === "checkbox") input.checked = value === "true";
    else input.value = value;
  }
}

function renderChips() {
  const chips = $("#chips");
  chips.replaceChildren();
  if (state.brush) {
    chips.append(el("button", { type: "button", class: "chip", id: "chip-brush", title: "Clear the timeline range",
      onclick: () => { state.brush = null; clearBrush(); refresh({ timeline: false }); } },
    `${state.brush.since} – ${state.brush.until} ×`));
  }
  if (state.cell) {
    chips.append(el("button", { type: "button", class: "chip", id: "chip-cell", title: "Clear the map selection",
      onclick: () => { state.cell = null; refresh({ timeline: false, map: false }); markSelectedCell(); } },
    `map: ${state.cell.label} ×`));
  }
}

function fillFilterChoices(facets) {
  const fill = (id, values) => $(id).replaceChildren(...values.map((v) => el("option", { value: v })));
  fill("#countries", facets.countries);
  fill("#regions", facets.admin1);
  fill("#actors", facets.actors);
  const select = $("#filters select[name=type]");
  select.replaceChildren(el("option", { value: "" }, "any"));
  for (const [top, subs] of Object.entries(facets.event_types)) {
    select.append(el("optgroup", { label: top }, el("option", { value: top }, `${top} (all)`),
      subs.map((sub) => el("option", { value: sub }, sub))));
  }
  showFiltersInForm();
}

/* ------------------------------------------------------------------ map */

const map = { svg: null, g: null, points: null, projection: null, path: null, zoom: null, fine: null, baseCell: null,
  transform: d3.zoomIdentity, cell: null, data: null, width: 0, height: 0 };

/* Country shapes (Natural Earth via world-atlas): the coarse set first, the finer one once the user zooms in. */
const BASEMAP = { coarse: "/static/vendor/countries-110m.json", fine: "/static/vendor/countries-50m.json", fineScale: 900 };

async function fetchJson(url) {
  busy(1);
  try {
    const response = await fetch(url);
    if (!response.ok) throw new ApiError(response.status, `${url}: ${response.statusText}`);
    return await response.json();
  } finally {
    busy(-1);
  }
}

function drawBasemap(world) {
  const countries = topojson.feature(world, world.objects.countries);
  map.g.select("path.land").attr("d", map.path(countries));
  map.g.select("path.borders").attr("d", map.path(topojson.mesh(world, world.objects.countries, (a, b) => a !== b)));
  map.countryLabels = countries.features
    .map((f) => ({ name: f.properties && f.properties.name, at: map.path.centroid(f), area: map.path.area(f) }))
    .filter((d) => d.name && Number.isFinite(d.at[0]) && Number.isFinite(d.at[1]));
  placeLabels();
}

/* Country names at a fixed type size, for the countries drawn large enough to hold one. */
function placeLabels() {
  if (!map.labels || !map.countryLabels) return;
  const t = map.transform;
  const inView = (x, y) => x > 20 && x < map.width - 20 && y > 12 && y < map.height - 8;
  const shown = map.countryLabels.filter((d) => d.area * t.k * t.k > 3000 && inView(t.applyX(d.at[0]), t.applyY(d.at[1])));
  map.labels.selectAll("text").data(shown, (d) => d.name).join("text").attr("class", "map-label")
    .attr("x", (d) => t.applyX(d.at[0])).attr("y", (d) => t.applyY(d.at[1])).text((d) => d.name);
}

/* The 1:110m shapes look crude once a few hundred km fill the map: switch to 1:50m (loaded once). */
async function sharpenBasemap() {
  if (map.fine || map.projection.scale() * map.transform.k < BASEMAP.fineScale) return;
  map.fine = "loading";
  try {
    drawBasemap(await fetchJson(BASEMAP.fine));
    map.fine = "drawn";
  } catch (err) {
    map.fine = null;
  }
}

function setupMap(world) {
  const svg = d3.select("#map-svg");
  const node = svg.node();
  map.width = node.clientWidth || 800;
  map.height = node.clientHeight || 420;
  svg.attr("viewBox", `0 0 ${map.width} ${map.height}`);
  map.svg = svg;
  map.projection = d3.geoMercator();
  const bounds = state.meta.facets_bounds;
  if (bounds) {
    const [w, s, e, n] = padBounds(bounds);
    map.projection.fitExtent([[10, 10], [map.width - 10, map.height - 10]],
      { type: "MultiPoint", coordinates: [[w, s], [e, n], [w, n], [e, s]] });
  } else {
    map.projection.fitExtent([[10, 10], [map.width - 10, map.height - 10]], { type: "Sphere" });
  }
  map.path = d3.geoPath(map.projection);
  map.g = svg.append("g");
  map.g.append("path").attr("class", "graticule").attr("d", map.path(d3.geoGraticule10()));
  map.g.append("path").attr("class", "land");
  map.g.append("path").attr("class", "borders");
  map.labels = svg.append("g").attr("class", "labels");
  drawBasemap(world);
  map.points = svg.append("g").attr("class", "points");
  map.zoom = d3.zoom().scaleExtent([0.5, 400]).on("zoom", (event) => {
    map.transform = event.transform;
    map.g.attr("transform", event.transform);
    placePoints();
    placeLabels();
  }).on("end", () => {
    if (cellSize() !== map.cell) loadMap();
    sharpenBasemap();
  });
  svg.call(map.zoom);
  const legend = $("#legend");
  legend.replaceChildren(...Object.entries(TYPE_COLORS).map(([t, c]) => {
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = c;
    return el("li", {}, swatch, t);
  }));
}

function padBounds([w, s, e, n]) {
  const minSpan = 6;
  const cx = (w + e) / 2, cy = (s + n) / 2;
  const halfX = Math.max((e - w) / 2 * 1.15, minSpan / 2);
  const halfY = Math.max((n - s) / 2 * 1.15, minSpan / 2);
  return [Math.max(-180, cx - halfX), Math.max(-80, cy - halfY), Math.min(180, cx + halfX), Math.min(84, cy + halfY)];
}

/* The grid step in degrees (a power of two): the server's first choice (about 64 cells across the
 * events' extent), halved each time the zoom doubles, so points keep their spacing on screen. */
function cellSize() {
  if (!map.baseCell) {
    const degPerPx = (180 / Math.PI) / map.projection.scale();
    map.baseCell = state.meta.facets.initial_cell || 2 ** Math.round(Math.log2(degPerPx * 12));
  }
  const raw = map.baseCell / map.transform.k;
  return Math.min(32, Math.max(1 / 512, 2 ** Math.round(Math.log2(raw))));
}

/* Area grows with killed + injured, relative to the largest point on the map now. */
let pointRadius = () => 3;

function sizePoints(cells) {
  const largest = d3.max(cells, (d) => d.fatalities + d.injuries) || 1;
  const scale = d3.scaleSqrt().domain([0, largest]).range([3, Math.min(22, 6 + largest)]);
  pointRadius = (d) => scale(d.fatalities + d.injuries);
}

function loadMap() {
  if (!map.projection) return;
  const cell = cellSize();
  const p = params();
  p.set("cell", String(cell));
  return latest("map", () => api(`/api/map?${p}`), (data) => { map.cell = cell; map.data = data; drawPoints(); });
}

function drawPoints() {
  const data = map.data;
  sizePoints(data.cells);
  const circles = map.points.selectAll("circle.point").data(data.cells, (d) => `${d.lat},${d.lon},${d.events}`);
  circles.exit().remove();
  const entered = circles.enter().append("circle").attr("class", "point").attr("tabindex", 0)
    .on("click", (event, d) => { event.stopPropagation(); pickCell(d); })
    .on("keydown", (event, d) => { if (event.key === "Enter") pickCell(d); });
  entered.append("title");
  const all = entered.merge(circles)
    .attr("fill", (d) => typeColor(d.event_type))
    .attr("data-event-id", (d) => d.event_id)
    .attr("data-events", (d) => d.events)
    .attr("r", pointRadius);
  all.select("title").text((d) => {
    const where = d.location || `${d.lat.toFixed(2)}, ${d.lon.toFixed(2)}`;
    const types = Object.entries(d.types).map(([t, n]) => `${t}: ${n}`).join("\n");
    return `${fmt(d.events)} event(s) at ${where}\nkilled ${fmt(d.fatalities)}, injured ${fmt(d.injuries)}\n${types}`;
  });
  all.sort((a, b) => pointRadius(b) - pointRadius(a));
  placePoints();
  markSelectedCell();
  $("#map-caption").textContent = `${fmt(data.located)} located event(s) in ${fmt(data.cells.length)} point(s)`
    + (data.unlocated ? `; ${fmt(data.unlocated)} without coordinates` : "")
    + (data.truncated ? " (busiest cells only: zoom in for the rest)" : "")
    + ". Size: killed + injured; colour: event type. Click a point.";
}

function placePoints() {
  const t = map.transform;
  map.points.selectAll("circle.point").each(function (d) {
    const [x, y] = map.projection([d.lon, d.lat]);
    this.setAttribute("cx", t.applyX(x));
    this.setAttribute("cy", t.applyY(y));
  });
}

function pickCell(d) {
  if (d.event_id) {
    openEvent(d.event_id);
    return;
  }
  const c = map.cell;
  const gy = Math.floor((d.lat + 90) / c), gx = Math.floor((d.lon + 180) / c);
  const round = (v) => Math.round(v * 1e6) / 1e6;
  state.cell = {
    bbox: [round(gx * c - 180), round(gy * c - 90), round((gx + 1) * c - 180), round((gy + 1) * c - 90)],
    label: d.location || `${d.lat.toFixed(2)}, ${d.lon.toFixed(2)}`,
    key: `${d.lat},${d.lon}`,
  };
  state.offset = 0;
  markSelectedCell();
  renderChips();
  loadTable();
}

function markSelectedCell() {
  if (!map.points) return;
  map.points.selectAll("circle.point").classed("selected", (d) => !!state.cell && state.cell.key === `${d.lat},${d.lon}`);
}

/* ------------------------------------------------------------------ timeline */

const tl = { svg: null, x: null, brush: null, buckets: [], period: "day", width: 0, height: 0, margin: null };
const parseDay = d3.utcParse("%Y-%m-%d");
const formatDay = d3.utcFormat("%Y-%m-%d");

function loadTimeline() {
  return latest("timeline", () => api(`/api/timeline?${params({ brush: false })}`), drawTimeline);
}

function drawTimeline(data) {
  const svg = d3.select("#timeline-svg");
  const node = svg.node();
  const width = node.clientWidth || 600, height = node.clientHeight || 420;
  const margin = { top: 10, right: 12, bottom: 26, left: 40 };
  svg.attr("viewBox", `0 0 ${width} ${height}`).selectAll("*").remove();
  tl.svg = svg; tl.width = width; tl.height = height; tl.margin = margin;
  tl.buckets = data.buckets;
  tl.period = data.period;
  $("#timeline-caption").textContent = `Events per ${data.period}, stacked by type`
    + (data.undated ? ` (${fmt(data.undated)} undated not shown)` : "")
    + ". Drag across it to filter the map and the table.";
  if (!data.buckets.length) {
    svg.append("text").attr("x", width / 2).attr("y", height / 2).attr("text-anchor", "middle")
      .attr("class", "muted").text("no dated events");
    tl.x = null;
    return;
  }
  const first = parseDay(data.buckets[0].start);
  const last = d3.utcDay.offset(parseDay(data.buckets[data.buckets.length - 1].end), 1);
  const x = d3.scaleUtc().domain([first, last]).range([margin.left, width - margin.right]);
  const yMax = d3.max(data.buckets, (b) => b.events) || 1;
  const y = d3.scaleLinear().domain([0, yMax]).nice().range([height - margin.bottom, margin.top]);
  const types = Object.keys(TYPE_COLORS).filter((t) => data.buckets.some((b) => b.counts[t]));
  const stack = d3.stack().keys(types).value((b, key) => b.counts[key] || 0)(data.buckets);
  tl.x = x;
  svg.append("g").selectAll("g").data(stack).join("g").attr("fill", (s) => typeColor(s.key))
    .selectAll("rect").data((s) => s.map((v) => ({ v, key: s.key }))).join("rect")
    .attr("x", (d) => x(parseDay(d.v.data.start)))
    .attr("width", (d) => Math.max(1, x(d3.utcDay.offset(parseDay(d.v.data.end), 1)) - x(parseDay(d.v.data.start)) - 1))
    .attr("y", (d) => y(d.v[1]))
    .attr("height", (d) => Math.max(0, y(d.v[0]) - y(d.v[1])))
    .append("title").text((d) => `${d.v.data.start}${d.v.data.end !== d.v.data.start ? " – " + d.v.data.end : ""}\n${d.key}: ${d.v.data.counts[d.key]}`);
  svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - margin.bottom})`)
    .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 90))));
  svg.append("g").attr("class", "axis").attr("transform", `translate(${margin.left},0)`)
    // events are counted whole: no "500m" tick between 0 and 1
    .call(d3.axisLeft(y).tickValues(y.ticks(Math.min(5, yMax)).filter(Number.isInteger)).tickFormat(d3.format("~s")));
  tl.brush = d3.brushX().extent([[margin.left, margin.top], [width - margin.right, height - margin.bottom]])
    .on("end", brushed);
  const g = svg.append("g").attr("class", "brush").call(tl.brush);
  if (state.brush) {
    const x0 = x(parseDay(state.brush.since)), x1 = x(d3.utcDay.offset(parseDay(state.brush.until), 1));
    tl.quiet = true;
    g.call(tl.brush.move, [Math.max(margin.left, x0), Math.min(width - margin.right, x1)]);
    tl.quiet = false;
  }
}

/* A brushed range snaps to whole periods and becomes a since/until filter of the map and the table. */
function brushed(event) {
  if (tl.quiet || !event.sourceEvent) return;
  if (!event.selection) {
    if (state.brush) { state.brush = null; refresh({ timeline: false }); }
    return;
  }
  const [x0, x1] = event.selection.map(tl.x.invert);
  const hit = tl.buckets.filter((b) => parseDay(b.start) < x1 && d3.utcDay.offset(parseDay(b.end), 1) > x0);
  if (!hit.length) { clearBrush(); state.brush = null; refresh({ timeline: false }); return; }
  state.brush = { since: hit[0].start, until: hit[hit.length - 1].end };
  const snapped = [tl.x(parseDay(state.brush.since)), tl.x(d3.utcDay.offset(parseDay(state.brush.until), 1))];
  tl.quiet = true;
  tl.svg.select("g.brush").call(tl.brush.move, snapped);
  tl.quiet = false;
  refresh({ timeline: false });
}

function clearBrush() {
  if (tl.svg && tl.brush) {
    tl.quiet = true;
    tl.svg.select("g.brush").call(tl.brush.move, null);
    tl.quiet = false;
  }
}

/* ------------------------------------------------------------------ table */

function loadTable() {
  const p = params({ cell: true });
  p.set("limit", String(PAGE_SIZE));
  p.set("offset", String(state.offset));
  const tallyParams = params({ cell: true });
  return Promise.all([
    latest("table", () => api(`/api/events?${p}`), renderTable),
    latest("tally", () => api(`/api/tally?${tallyParams}`), renderTally),
  ]);
}

function typeCell(row) {
  const dot = el("span", { class: "type-dot" });
  dot.style.background = typeColor(row.event_type || "Unknown");
  return el("td", { class: "type", title: row.event_type || "" }, dot, row.sub_event_type || row.event_type || "");
}

function reviewBadge(row) {
  const status = row.status === "rejected" ? "rejected" : row.review_status;
  return status ? el("span", { class: `badge ${status}` }, status) : "";
}

function renderTable(page) {
  state.total = page.total;
  const body = $("#events-table tbody");
  body.replaceChildren(...page.events.map((row) => el("tr", { dataset: { eventId: row.event_id }, tabindex: 0,
    onclick: () => openEvent(row.event_id), onkeydown: (e) => { if (e.key === "Enter") openEvent(row.event_id); } },
  el("td", { class: "num" }, row.n),
  el("td", { class: "date" }, row.event_date || ""),
  typeCell(row),
  el("td", {}, row.actor1 || ""),
  el("td", {}, row.actor2 || ""),
  el("td", {}, row.location || ""),
  el("td", {}, row.admin1 || ""),
  el("td", {}, row.country || ""),
  figureCell(row, "fatalities"),
  figureCell(row, "injuries"),
  el("td", {}, (row.sources || []).join("; ")),
  el("td", { class: "num" }, (row.doc_ids || []).length),
  el("td", { class: "num" }, row.confidence == null ? "" : row.confidence.toFixed(2)),
  el("td", {}, reviewBadge(row)),
  )));
  if (!page.events.length) body.append(el("tr", {}, el("td", { colspan: 14, class: "muted" }, "No event matches the filters.")));
  const from = page.total ? page.offset + 1 : 0;
  $("#page-info").textContent = `${fmt(from)}–${fmt(page.offset + page.events.length)} of ${fmt(page.total)}`;
  for (const button of document.querySelectorAll(".pager button")) {
    const back = button.dataset.page === "first" || button.dataset.page === "prev";
    button.disabled = back ? page.offset === 0 : page.offset + PAGE_SIZE >= page.total;
  }
}

function renderTally(t) {
  const killed = totalText(t.fatalities, t.fatalities_low, t.fatalities_high);
  const injured = totalText(t.injuries, t.injuries_low, t.injuries_high);
  $("#tally").textContent = `${fmt(t.events)} event(s)`
    + (t.first_date ? ` from ${t.first_date} to ${t.last_date}` : "")
    + ` · killed ${fmt(t.fatalities ?? 0)}${killed ? ` (${killed})` : ""}`
    + ` · injured ${fmt(t.injuries ?? 0)}${injured ? ` (${injured})` : ""}`;
}

function page(which) {
  const lastOffset = Math.max(0, Math.floor((state.total - 1) / PAGE_SIZE) * PAGE_SIZE);
  state.offset = { first: 0, prev: Math.max(0, state.offset - PAGE_SIZE), next: Math.min(lastOffset, state.offset + PAGE_SIZE),
    last: lastOffset }[which];
  loadTable();
}

/* ------------------------------------------------------------------ refresh */

async function refresh(opts = {}) {
  state.offset = 0;
  renderChips();
  filtersToAddress();
  const jobs = [loadTable()];
  if (opts.map !== false) jobs.push(loadMap());
  if (opts.timeline !== false) jobs.push(loadTimeline());
  await Promise.all(jobs);
}

/* ------------------------------------------------------------------ event view */

function sentenceAround(text, start, end) {
  const before = text.slice(0, start);
  const stops = [before.lastIndexOf("\n"), before.search(/[.!?]["'”’)]?\s[^.!?]*$/)];
  let s = Math.max(...stops.map((i, k) => (i < 0 ? 0 : k === 0 ? i + 1 : i + 1)));
  while (s < start && /\s/.test(text[s])) s += 1;
  const after = text.slice(end);
  const m = after.search(/[.!?](?=["'”’)]?(\s|$))|\n/);
  const e = m < 0 ? text.length : end + m + 1;
  return [s, Math.min(text.length, e)];
}

/* The document text as text nodes, with evidence spans as <mark> and their sentences shaded. */
function markedText(text, spans) {
  const cuts = new Set([0, text.length]);
  const sentences = [];
  for (const span of spans) {
    const [s, e] = sentenceAround(text, span.start, span.end);
    sentences.push([s, e]);
    for (const v of [span.start, span.end, s, e]) cuts.add(Math.max(0, Math.min(text.length, v)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const box = el("div", { class: "source-text" });
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i], b = points[i + 1];
    if (a === b) continue;
    const piece = text.slice(a, b);
    const fields = [...new Set(spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.field))];
    const inSentence = sentences.some(([s, e]) => s <= a && e >= b);
    let node;
    if (fields.length) node = el("mark", { dataset: { fields: fields.join(" ") }, title: fields.join(", ") }, piece);
    else if (inSentence) node = el("span", { class: "sentence" }, piece);
    else node = document.createTextNode(piece);
    if (fields.length && inSentence) node.classList.add("in-sentence");
    box.append(node);
  }
  return box;
}

function activateField(field) {
  for (const link of document.querySelectorAll("#event-body .evidence-link")) {
    link.classList.toggle("active", link.dataset.field === field);
  }
  let first = null;
  for (const mark of document.querySelectorAll("#event-body mark")) {
    const on = mark.dataset.fields.split(" ").includes(field);
    mark.classList.toggle("active", on);
    if (on && !first) first = mark;
  }
  if (first) first.scrollIntoView({ block: "center", behavior: "instant" });
}

function valueText(event, field) {
  const v = event[field];
  return v === null || v === undefined ? "" : String(v);
}

async function openEvent(eventId) {
  state.eventId = eventId;
  const view = $("#event-view");
  view.hidden = false;
  view.dataset.eventId = eventId;
  $("#event-title").textContent = "loading…";
  $("#event-body").replaceChildren();
  if (location.hash !== `#event=${encodeURIComponent(eventId)}`) history.replaceState(null, "", `#event=${encodeURIComponent(eventId)}`);
  await latest("event", () => api(`/api/events/${encodeURIComponent(eventId)}`), renderEvent);
}

function closeEvent() {
  state.eventId = null;
  $("#event-view").hidden = true;
  history.replaceState(null, "", location.pathname + location.search);
}

async function renderEvent(event) {
  const title = [event.sub_event_type || event.event_type || "Event", event.event_date, event.location || event.country]
    .filter(Boolean).join(" · ");
  $("#event-title").textContent = title;
  const body = $("#event-body");
  body.replaceChildren();
  body.append(el("p", { class: "muted" }, `${event.event_id} · confidence ${event.confidence == null ? "?" : event.confidence.toFixed(2)} `,
    reviewBadge(event), event.version ? ` · version ${event.version}` : ""));
  body.append(reviewActions(event));

  const evidence = event.evidence || {};
  const edits = event.edits || {};
  const rows = [...EVENT_FIELDS, "sources"].map((field) => el("tr", { dataset: { field } },
    el("td", {}, field),
    el("td", { class: "value" },
      el("span", { class: "v" }, field === "sources" ? (event.sources || []).join("; ") : valueText(event, field)),
      (field === "fatalities" || field === "injuries") && notReported(event[field], event[`${field}_low`], event[`${field}_high`])
        ? el("span", { class: "muted hint" }, " (no toll reported)") : "",
      field in edits ? el("span", { class: "badge edited", title: "set by a reviewer; later reports do not change it" },
        "by hand") : ""),
    el("td", {}, evidenceButtons(field, evidence[field] || [])),
  ));
  body.append(el("h3", {}, "Fields and their evidence"),
    el("table", { class: "grid fields" }, el("thead", {}, el("tr", {}, el("th", {}, "field"), el("th", {}, "value"),
      el("th", {}, "evidence (click to find it in the report)"))), el("tbody", {}, rows)));

  if (event.figures && (!Array.isArray(event.figures) || event.figures.length)) {
    body.append(el("h3", {}, "Each report's figures"), figuresTable(event.figures));
  }
  body.append(el("h3", {}, "Why these reports are one event"), mergeReasons(event));

  body.append(el("h3", {}, "History"), historyList(event));

  const mentions = event.mentions || [];
  const reports = el("div", { id: "reports" });
  body.append(el("h3", {}, `Reports (${mentions.length})`), reports);
  const allSpans = [];
  for (const [field, spans] of Object.entries(evidence)) for (const s of spans) allSpans.push({ ...s, field });
  const docIds = [...new Set([...mentions.map((m) => m.doc_id), ...(event.doc_ids || [])])];
  await Promise.all(docIds.map(async (docId) => {
    const docMentions = mentions.filter((m) => m.doc_id === docId);
    const box = el("div", { class: "report", dataset: { docId } });
    reports.append(box);
    const m = docMentions[0] || {};
    box.append(el("div", { class: "report-meta" },
      [m.title, m.outlet, m.published, docId].filter(Boolean).join(" · "),
      docMentions.map((dm) => el("div", {}, `mention ${dm.id}: ${dm.sub_event_type || dm.event_type || "?"}, `
        + `${dm.event_date || "undated"}, killed ${figureText(dm.fatalities, dm.fatalities_low, dm.fatalities_high) || "unknown"}, `
        + `injured ${figureText(dm.injuries, dm.injuries_low, dm.injuries_high) || "unknown"}; `
        + `sources: ${(dm.sources || []).join("; ") || "none named"}`))));
    try {
      const doc = await api(`/api/documents/${docId.split("/").map(encodeURIComponent).join("/")}`);
      if (state.eventId !== event.event_id) return;
      if (doc.url && /^https?:\/\//i.test(doc.url)) {
        box.querySelector(".report-meta").append(el("div", {}, el("a", { href: doc.url, rel: "noopener noreferrer",
          target: "_blank" }, doc.url)));
      }
      box.append(markedText(doc.text, allSpans.filter((s) => s.doc_id === docId)));
    } catch (err) {
      box.append(el("p", { class: "note" }, `report text unavailable: ${err.message}`));
    }
  }));
}

/* A report named as analysts know it: outlet and date, with the document id underneath. */
function reportCell(docId, published, outlet) {
  return el("td", { class: "report-cell" }, [outlet, published].filter(Boolean).join(" · ") || docId,
    outlet ? el("div", { class: "muted doc-id" }, docId) : "");
}

const outletOf = (event, docId) => ((event.mentions || []).find((m) => m.doc_id === docId) || {}).outlet || null;

/* One button per distinct wording ("Tower 22 ×7"): a click marks every place it was read from. */
function evidenceButtons(field, spans) {
  const byText = new Map();
  for (const span of spans) {
    if (!byText.has(span.text)) byText.set(span.text, []);
    byText.get(span.text).push(span);
  }
  return [...byText].map(([text, group]) => el("button", { type: "button", class: "evidence-link", dataset: { field },
    title: group.map((span) => `${span.doc_id} [${span.start}:${span.end}]`).join("\n"), onclick: () => activateField(field) },
  text, group.length > 1 ? el("span", { class: "times" }, ` ×${group.length}`) : ""));
}

/* Per report: the casualty figures it states, who it cites, and the words they were read from. */
function figuresTable(figures) {
  if (!Array.isArray(figures) || !figures.every((f) => f && typeof f === "object" && "doc_id" in f)) return genericTable(figures);
  return el("table", { class: "grid", id: "figures" },
    el("thead", {}, el("tr", {}, ["report", "according to", "killed", "injured", "read from"].map((h) => el("th", {}, h)))),
    el("tbody", {}, figures.map((f) => el("tr", {},
      reportCell(f.doc_id, f.published, f.outlet),
      el("td", {}, (f.sources || []).join("; ") || f.outlet || ""),
      figureCell(f, "fatalities"),
      figureCell(f, "injuries"),
      el("td", {}, (f.evidence || []).map((e) => el("span", { class: "evidence-link" }, e.text)))))));
}

/* How each report joined the event: its score against the threshold and the features that matched. */
function mergeReasons(event) {
  const reasons = event.merge_reasons;
  if (!reasons || (Array.isArray(reasons) && !reasons.length)) {
    return el("p", { class: "muted" }, (event.mentions || []).length > 1 ? "no merge reasons recorded"
      : "one report: nothing was merged");
  }
  if (!Array.isArray(reasons) || !reasons.every((r) => r && typeof r === "object" && "doc_id" in r)) return genericValue(reasons);
  const signed = (v) => (typeof v === "number" ? `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(2)}` : String(v));
  return el("table", { class: "grid", id: "merge-reasons" },
    el("thead", {}, el("tr", {}, ["report", "how it joined", "score", "what matched"].map((h) => el("th", {}, h)))),
    el("tbody", {}, reasons.map((r) => el("tr", {},
      reportCell(r.doc_id, r.published, outletOf(event, r.doc_id)),
      el("td", {}, r.joined === false ? `founded the event${r.placed_by && r.placed_by !== "merge" ? ` (${r.placed_by})` : ""}`
        : r.joined ? `joined (${r.placed_by || "merge"}; ${r.candidates ?? "?"} candidate event(s))` : (r.placed_by || "")),
      el("td", { class: "num" }, r.score == null ? "" : `${r.score.toFixed(2)} ≥ ${r.threshold ?? "?"}`),
      el("td", { class: "diff" }, Object.entries(r.features || {}).map(([k, v]) => `${k.replaceAll("_", " ")} ${signed(v)}`).join(", "))))));
}

function genericValue(value) {
  if (value === null || value === undefined) return el("span", { class: "muted" }, "none");
  if (Array.isArray(value)) return el("ul", { class: "kv" }, value.map((v) => el("li", {}, genericValue(v))));
  if (typeof value === "object") {
    return el("ul", { class: "kv" }, Object.entries(value).map(([k, v]) =>
      el("li", {}, el("strong", {}, `${k}: `), typeof v === "object" && v !== null ? genericValue(v) : String(v))));
  }
  return document.createTextNode(String(value));
}

function genericTable(rows) {
  if (!Array.isArray(rows) || !rows.length || typeof rows[0] !== "object") return genericValue(rows);
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return el("table", { class: "grid" }, el("thead", {}, el("tr", {}, keys.map((k) => el("th", {}, k)))),
    el("tbody", {}, rows.map((r) => el("tr", {}, keys.map((k) => el("td", {},
      typeof r[k] === "object" && r[k] !== null ? JSON.stringify(r[k]) : r[k] ?? ""))))));
}

const CHANGE_LABELS = { new_report: "new report", new_figure: "new figure", manual_edit: "edited by hand", split: "split",
  merge: "merged", accept: "accepted", reject: "rejected" };

/* "2026-11-25T22:53:46.499501Z" -> "2026-11-25 22:53 UTC" */
const whenText = (stamp) => (stamp ? String(stamp).replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}).*$/, "$1 $2 UTC") : "");
const plainValue = (v) => (v === null || v === undefined || v === "" ? "unknown" : Array.isArray(v) ? v.join("; ") : String(v));

/* What a version's detail says, in words: the report it came with, the field edited, where mentions went. */
function detailText(change, detail) {
  if (!detail || typeof detail !== "object") return "";
  if (detail.doc_id) return `report ${detail.doc_id}`;
  if (change === "manual_edit") return `${detail.field}: ${plainValue(detail.before)} → ${plainValue(detail.value)}`;
  if (change === "split") return `mention(s) ${(detail.mention_ids || []).join(", ")} moved from ${detail.from} to ${detail.to}`;
  if (detail.into) return `merged into ${detail.into}`;
  if (detail.merged) return `took in ${detail.merged.join(", ")}`;
  return Object.entries(detail).map(([k, d]) => `${k}: ${typeof d === "object" ? JSON.stringify(d) : d}`).join("; ");
}

/* Field changes between two snapshots: lists by what was added and removed, values as old → new. */
function snapshotChanges(before, after) {
  const out = [];
  for (const f of [...EVENT_FIELDS, "sources"]) {
    const a = before[f] ?? null, b = after[f] ?? null;
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (Array.isArray(a) || Array.isArray(b)) {
      const added = (b || []).filter((x) => !(a || []).includes(x));
      const removed = (a || []).filter((x) => !(b || []).includes(x));
      out.push(`${f} ${[...added.map((x) => `+${x}`), ...removed.map((x) => `−${x}`)].join(", ")}`);
    } else {
      out.push(`${f}: ${plainValue(a)} → ${plainValue(b)}`);
    }
  }
  return out;
}

function historyList(event) {
  const versions = event.history;
  if (!versions || !versions.length) return el("p", { class: "muted" }, "No versions recorded.");
  const list = el("ol", { class: "history", id: "history" });
  let previous = null;
  for (const v of versions) {
    const changed = previous && v.event && previous.event ? snapshotChanges(previous.event, v.event) : [];
    const detail = detailText(v.change, v.detail);
    list.append(el("li", { dataset: { change: v.change }, value: v.version },
      el("span", { class: "change" }, CHANGE_LABELS[v.change] || v.change),
      ` · ${whenText(v.changed_at)}`, v.who ? el("span", { class: "who" }, ` · by ${v.who}`) : "",
      v.note ? el("div", { class: "note-text" }, `note: ${v.note}`) : "",
      detail ? el("div", { class: "diff" }, detail) : "",
      changed.length ? el("div", { class: "diff" }, changed.join("; ")) : ""));
    previous = v;
  }
  return list;
}

/* ------------------------------------------------------------------ review */

function needWriter() {
  if (!state.token) { toast("Enter the token that `conflict-ledger serve` printed (top right) to record decisions.", true); return false; }
  if (!state.who) { toast("Enter your name (top right): every decision records who made it.", true); return false; }
  return true;
}

async function decide(path, body, done) {
  if (!needWriter()) return null;
  try {
    const result = await api(path, { method: "POST", body: { who: state.who, ...body } });
    toast(done);
    return result;
  } catch (err) {
    toast(`not saved: ${err.message}`, true);
    return null;
  }
}

/* A decision changes what is counted: reload the table, tally, map, timeline and the view on show,
 * and show the event again (`openId`, by default the one the decision leaves standing, if one was open). */
async function afterDecision(result, openId) {
  if (!result) return;
  const jobs = [loadTable(), loadMap(), loadTimeline()];
  if (state.view === "review") jobs.push(loadReview());
  if (state.view === "trackers") jobs.push(loadTrackers());
  const reopen = openId !== undefined ? openId : state.eventId ? result.event_id : null;
  if (reopen) jobs.push(openEvent(reopen));
  await Promise.all(jobs);
}

function reviewActions(event) {
  const id = event.event_id;
  const enc = encodeURIComponent(id);
  if (event.status === "merged") {
    return el("p", { class: "note", id: "merged-note" }, "This event was merged into ",
      el("button", { type: "button", class: "chip", onclick: () => openEvent(event.merged_into) }, event.merged_into || "another"),
      ": review that one.");
  }
  const rejected = event.status === "rejected";
  const fieldSelect = el("select", { name: "field", id: "edit-field" }, EVENT_FIELDS.map((f) => el("option", { value: f }, f)));
  const valueInput = el("input", { name: "value", id: "edit-value", size: 18, placeholder: "new value (empty = unknown)" });
  const noteInput = el("input", { name: "note", id: "edit-note", size: 18, placeholder: "note (optional)" });
  fieldSelect.addEventListener("change", () => { valueInput.value = valueText(event, fieldSelect.value); });
  valueInput.value = valueText(event, fieldSelect.value);
  const note = () => (noteInput.value.trim() || null);
  const box = el("div", { class: "review-actions" },
    el("div", { class: "actions" },
      el("button", { type: "button", class: "primary", id: "event-accept",
        title: rejected ? "Accepting a rejected event puts it back in lists and counts" : "The event is right as it stands",
        onclick: async () => afterDecision(await decide(`/api/events/${enc}/accept`, { note: note() },
          rejected ? "restored" : "accepted")) }, rejected ? "Accept (restore)" : "Accept"),
      rejected ? "" : el("button", { type: "button", class: "danger", id: "event-reject",
        title: "Not a real event: it leaves lists, tallies and trackers, and stays out on re-ingest",
        onclick: async () => afterDecision(await decide(`/api/events/${enc}/reject`, { note: note() }, "rejected")) }, "Reject"),
      noteInput),
    el("form", { class: "actions", id: "edit-form", onsubmit: async (e) => {
      e.preventDefault();
      const field = fieldSelect.value;
      const raw = valueInput.value.trim();
      let value = raw === "" ? null : raw;
      if (value !== null && NUMERIC_FIELDS.has(field)) {
        value = Number(raw);
        if (!Number.isFinite(value)) { toast(`${field} needs a number`, true); return; }
      }
      afterDecision(await decide(`/api/events/${enc}/edit`, { field, value, note: note() }, `${field} saved`));
    } }, "Edit ", fieldSelect, valueInput, el("button", { type: "submit", id: "edit-save" }, "Save")));
  const mentions = event.mentions || [];
  if (mentions.length > 1) {
    // each report by outlet and date (the document id where one report holds several mentions)
    const label = (m) => [m.outlet || m.doc_id, m.published].filter(Boolean).join(" ");
    const seen = mentions.map(label);
    const checks = mentions.map((m, i) => el("label", { title: `mention ${m.id}: ${m.doc_id} #${m.ordinal}` },
      el("input", { type: "checkbox", value: m.id }),
      ` ${seen[i]}${seen.indexOf(seen[i]) !== seen.lastIndexOf(seen[i]) ? ` (${m.doc_id} #${m.ordinal})` : ""}`));
    box.append(el("div", { class: "actions", id: "split-form" }, "Split off: ", checks,
      el("button", { type: "button", onclick: async () => {
        const ids = checks.map((c) => c.querySelector("input")).filter((i) => i.checked).map((i) => Number(i.value));
        if (!ids.length || ids.length === mentions.length) { toast("tick some, not all, of the reports to split off", true); return; }
        const result = await decide(`/api/events/${enc}/split`, { mention_ids: ids, note: note() },
          "split: the reports ticked are a new event");
        afterDecision(result, id);
      } }, "Split")));
  }
  return box;
}

async function loadReview() {
  const mine = (seq.review = (seq.review || 0) + 1);
  try {
    const rows = await api(`/api/review-queue?limit=${REVIEW_BATCH}`);
    if (seq.review === mine) renderReview(rows);
  } catch (err) {
    if (seq.review === mine) loadFailed("#review-note", err);
  }
}

function renderReview(rows) {
  $("#review-note").hidden = true;
  $("#review-count").textContent = rows.length >= REVIEW_BATCH ? `the ${REVIEW_BATCH} least confident unreviewed events`
    : `${rows.length} unreviewed event(s), lowest confidence first`;
  state.reviewSelected.clear();
  updateMergeButton();
  const body = $("#review-table tbody");
  body.replaceChildren(...rows.map((row) => {
    const enc = encodeURIComponent(row.event_id);
    const check = el("input", { type: "checkbox", title: "select for merge", onchange: (e) => {
      if (e.target.checked) state.reviewSelected.add(row.event_id); else state.reviewSelected.delete(row.event_id);
      updateMergeButton();
    } });
    return el("tr", { dataset: { eventId: row.event_id } },
      el("td", {}, check),
      el("td", { class: "num" }, row.confidence == null ? "" : row.confidence.toFixed(2)),
      el("td", { class: "date" }, row.event_date || ""),
      typeCell(row),
      el("td", {}, [row.actor1 || "not named", row.actor2 || "not named"].join(" → ")),
      el("td", {}, placeText(row)),
      figureCell(row, "fatalities"),
      figureCell(row, "injuries"),
      el("td", { class: "num" }, (row.doc_ids || []).length),
      el("td", { class: "decide" },
        el("button", { type: "button", class: "open", onclick: () => openEvent(row.event_id) }, "Open / edit"),
        el("button", { type: "button", class: "primary accept",
          onclick: async () => afterDecision(await decide(`/api/events/${enc}/accept`, {}, "accepted")) }, "Accept"),
        el("button", { type: "button", class: "danger reject",
          onclick: async () => afterDecision(await decide(`/api/events/${enc}/reject`, {}, "rejected")) }, "Reject")));
  }));
  if (!rows.length) body.append(el("tr", {}, el("td", { colspan: 10, class: "muted" }, "Nothing left to review.")));
}

function updateMergeButton() {
  const button = $("#merge-selected");
  button.disabled = state.reviewSelected.size < 2;
  button.textContent = `Merge selected (${state.reviewSelected.size})`;
  const [first] = state.reviewSelected;
  button.title = first ? `The events ticked become one; the first ticked (${first}) keeps its id`
    : "Tick two or more events that are one real-world event";
}

async function mergeSelected() {
  const ids = [...state.reviewSelected];
  const result = await decide("/api/merge", { event_ids: ids }, `merged ${ids.length} events`);
  afterDecision(result, result && result.event_id);
}

/* ------------------------------------------------------------------ trackers & claims */

function loadFailed(noteId, err) {
  const note = $(noteId);
  note.hidden = false;
  note.textContent = `Could not load: ${err.message}`;
}

async function loadTrackers() {
  const select = $("#tracker-select");
  try {
    const trackers = await api("/api/trackers");
    $("#trackers-note").hidden = true;
    const current = select.value;
    select.replaceChildren(...trackers.map((t) => el("option", { value: t.name }, t.title || t.name)));
    if (current && trackers.some((t) => t.name === current)) select.value = current;
    if (trackers.length) await loadTrackerReport(select.value);
    else $("#tracker-report").replaceChildren(el("p", { class: "muted" }, "No trackers defined."));
  } catch (err) {
    loadFailed("#trackers-note", err);
  }
  try {
    renderClaims(await api("/api/claims"));
    $("#claims-note").hidden = true;
  } catch (err) {
    loadFailed("#claims-note", err);
  }
}

/* "kind:iran_aligned" -> "any iran aligned actor"; "unknown" -> "not named in the reports". */
function filterValueText(value) {
  const text = String(value);
  if (text === "unknown") return "not named in the reports";
  if (text.startsWith("kind:")) return `any ${text.slice(5).replaceAll("_", " ")} actor`;
  return text;
}

/* A tracker's (or a claim window's) filter as one readable line: "since 2023-10-17; country Iraq or Syria; ...". */
function describeFilter(definition) {
  if (!definition || typeof definition !== "object") return definition ? String(definition) : "";
  const names = { event_type: "type", sub_event_type: "sub-event type", actor1: "actor 1", actor2: "actor 2",
    admin1: "region", admin2: "district", min_confidence: "confidence at least" };
  const skip = new Set(["description", "series", "claims", "title", "name"]);
  return Object.entries(definition).filter(([key, value]) => !skip.has(key) && value !== null && value !== ""
      && !(Array.isArray(value) && !value.length))
    .map(([key, value]) => `${names[key] || key.replaceAll("_", " ")} ${(Array.isArray(value) ? value : [value])
      .map(filterValueText).join(" or ")}`)
    .join("; ");
}

const placeText = (e) => [...new Set([e.location, e.admin1, e.country].filter(Boolean))].join(", ");

async function loadTrackerReport(name) {
  const box = $("#tracker-report");
  let report;
  try {
    report = await api(`/api/trackers/${encodeURIComponent(name)}`);
  } catch (err) {
    box.replaceChildren(el("p", { class: "note" }, err.message));
    return;
  }
  const definition = report.definition || {};
  const total = (id, label, value, sub) => el("div", {}, el("strong", { id }, value), label,
    sub ? el("span", { class: "sub" }, sub) : "");
  const figures = (kind) => {
    const r = report[kind] || {};
    return [fmt(r.best ?? 0), totalText(r.best, r.low, r.high)];
  };
  box.replaceChildren(
    el("p", { class: "tracker-head" }, el("strong", {}, report.title || report.name),
      definition.description ? el("span", { class: "description" }, definition.description) : "",
      el("span", { class: "muted", id: "tracker-definition" }, `Counts events: ${describeFilter(definition)}.`)),
    el("div", { class: "figures" },
      total("tracker-count", "events", fmt(report.count)),
      total("tracker-killed", "killed", ...figures("fatalities")),
      total("tracker-injured", "injured", ...figures("injuries")),
      report.first_date ? el("div", { class: "span" }, el("strong", { id: "tracker-span" },
        `${report.first_date} – ${report.last_date}`), "first and latest event") : ""),
  );
  if (report.series && report.series.length) {
    box.append(seriesChart(report.series, report.series_step || definition.series, Math.max(400, box.clientWidth || 900)));
  }
  const rows = (report.events || []).map((e) => el("tr", { dataset: { eventId: e.event_id }, tabindex: 0,
    onclick: () => openEvent(e.event_id), onkeydown: (ev) => { if (ev.key === "Enter") openEvent(e.event_id); } },
  el("td", { class: "num" }, e.n), el("td", { class: "date" }, e.event_date || ""), el("td", {}, e.sub_event_type || ""),
  el("td", {}, [e.actor1 || "not named", e.actor2 || "not named"].join(" → ")),
  el("td", {}, placeText(e)),
  figureCell(e, "fatalities"), figureCell(e, "injuries"),
  el("td", {}, (e.sources || []).join("; "))));
  box.append(el("table", { class: "grid clickable", id: "tracker-events" },
    el("thead", {}, el("tr", {}, ["#", "date", "type", "actor 1 → actor 2", "place", "killed", "injured", "sources"]
      .map((h) => el("th", {}, h)))),
    el("tbody", {}, rows)));
}

function seriesChart(series, step, width) {
  const svgNode = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svgNode.setAttribute("class", "series");
  svgNode.setAttribute("id", "tracker-series");
  const height = 130;
  const svg = d3.select(svgNode).attr("viewBox", `0 0 ${width} ${height}`);
  const x = d3.scaleBand().domain(series.map((s) => s.period)).range([34, width - 5]).padding(0.1);
  const most = d3.max(series, (s) => s.events) || 1;
  const y = d3.scaleLinear().domain([0, most]).nice().range([height - 22, 8]);
  svg.selectAll("rect").data(series).join("rect").attr("x", (s) => x(s.period)).attr("width", x.bandwidth())
    .attr("y", (s) => y(s.events)).attr("height", (s) => y(0) - y(s.events))
    .append("title").text((s) => `${step ? `${step} of ` : ""}${s.period}: ${s.events} event(s)`);
  svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - 22})`)
    .call(d3.axisBottom(x).tickValues(x.domain().filter((_, i, all) => i % Math.ceil(all.length / 10) === 0)));
  svg.append("g").attr("class", "axis").attr("transform", "translate(34,0)")
    .call(d3.axisLeft(y).ticks(Math.min(4, most)).tickFormat(d3.format("d")));
  return svgNode;
}

/* Short labels for events a claim row points at ("2023-10-19 · Air/drone strike · Iraq"), fetched once each. */
const eventLabels = new Map();

async function labelEventChips(container) {
  const chips = [...container.querySelectorAll("button[data-event-id]")];
  const wanted = [...new Set(chips.map((c) => c.dataset.eventId))].filter((id) => !eventLabels.has(id)).slice(0, 100);
  await Promise.all(wanted.map(async (id) => {
    try {
      const e = await api(`/api/events/${encodeURIComponent(id)}`);
      eventLabels.set(id, [e.event_date, e.sub_event_type || e.event_type, placeText(e)].filter(Boolean).join(" · "));
    } catch (err) {
      eventLabels.set(id, null);
    }
  }));
  for (const chip of chips) {
    const label = eventLabels.get(chip.dataset.eventId);
    if (label) chip.textContent = label;
  }
}

function claimedText(c) {
  if (c.count_text) return c.count_text;
  return known(c.count) ? String(c.count) : "";
}

function renderClaims(claims) {
  const body = $("#claims-table tbody");
  const verdictClass = { agree: "accepted", "ledger higher": "edited", "ledger lower": "rejected" };
  body.replaceChildren(...claims.map((c) => {
    const ids = [...(c.missing_event_ids || []).map((id) => [id, "missing"]),
      ...(c.extra_event_ids || []).map((id) => [id, "extra"])];
    const windowText = c.window ? [c.window.since && `${c.window.since} to ${c.window.until || "publication"}`,
      (c.window.country || []).join(", ")].filter(Boolean).join("; ") : "";
    return el("tr", { dataset: { claimId: c.claim_id ?? "" } },
      el("td", { class: "date" }, c.published || "", el("div", { class: "muted" }, c.outlet || c.doc_id || "")),
      el("td", {}, c.text || "", c.attributed_to ? el("div", { class: "muted" }, `according to ${c.attributed_to}`) : ""),
      el("td", { class: "num", title: `read as ${known(c.claimed_low) ? c.claimed_low : "?"}`
        + `${c.claimed_high === c.claimed_low ? "" : `–${known(c.claimed_high) ? c.claimed_high : ""}`}` }, claimedText(c)),
      el("td", {}, c.tracker || "", windowText ? el("div", { class: "muted" }, windowText) : ""),
      el("td", { class: "num ledger-count" }, c.ledger_count ?? ""),
      el("td", {}, el("span", { class: `badge ${verdictClass[c.verdict] || ""}` }, c.verdict || "")),
      el("td", { class: "claim-events" }, ids.length ? el("div", { class: "muted" }, ids[0][1] === "missing"
        ? "in the window, left out only because a field is unknown:" : "maybe counted twice:") : "",
      ids.map(([id, kind]) => el("button", { type: "button", class: "chip", dataset: { eventId: id },
        title: kind === "missing" ? `${id}: an event the tracker may miss because one of its fields is unknown`
          : `${id}: an event that may be another report of one already counted`,
        onclick: () => openEvent(id) }, id))));
  }));
  if (!claims.length) body.append(el("tr", {}, el("td", { colspan: 7, class: "muted" }, "No claims in the reports.")));
  else labelEventChips(body);
}

/* ------------------------------------------------------------------ views, auth, start */

function showView(view) {
  state.view = view;
  for (const tab of document.querySelectorAll("#tabs .tab")) tab.classList.toggle("active", tab.dataset.view === view);
  for (const name of ["events", "review", "trackers"]) $(`#view-${name}`).hidden = name !== view;
  $("#filters").hidden = view !== "events";  // the filters act on the map, timeline and table only
  if (view === "review") loadReview();
  if (view === "trackers") loadTrackers();
}

function setupAuth() {
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get("token")) {
    sessionStorage.setItem("conflict-ledger-token", hash.get("token"));
    history.replaceState(null, "", location.pathname + location.search);
  }
  state.token = sessionStorage.getItem("conflict-ledger-token") || "";
  state.who = localStorage.getItem("conflict-ledger-who") || "";
  $("#token").value = state.token;
  $("#who").value = state.who;
  const update = () => {
    state.token = $("#token").value.trim();
    state.who = $("#who").value.trim();
    sessionStorage.setItem("conflict-ledger-token", state.token);
    localStorage.setItem("conflict-ledger-who", state.who);
    $("#auth-state").textContent = state.token ? "can record decisions" : "read only";
  };
  $("#token").addEventListener("input", update);
  $("#who").addEventListener("input", update);
  $("#auth").addEventListener("submit", (e) => e.preventDefault());
  update();
}

async function start() {
  setupAuth();
  const hash = new URLSearchParams(location.hash.slice(1));
  for (const tab of document.querySelectorAll("#tabs .tab")) tab.addEventListener("click", () => showView(tab.dataset.view));
  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); readFilterForm(); refresh(); });
  $("#filters").addEventListener("reset", () => {
    busy(1);  // the form is cleared after this event: read it on the next turn
    setTimeout(() => {
      readFilterForm(); state.brush = null; state.cell = null; clearBrush(); markSelectedCell();
      refresh().finally(() => busy(-1));
    }, 0);
  });
  for (const button of document.querySelectorAll(".pager button")) button.addEventListener("click", () => page(button.dataset.page));
  $("#event-close").addEventListener("click", closeEvent);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && state.eventId) closeEvent(); });
  window.addEventListener("hashchange", () => {
    const wanted = new URLSearchParams(location.hash.slice(1)).get("event");
    if (wanted && wanted !== state.eventId) openEvent(wanted);
  });
  $("#merge-selected").addEventListener("click", mergeSelected);
  $("#tracker-select").addEventListener("change", (e) => loadTrackerReport(e.target.value));

  busy(1);
  try {
    filtersFromAddress();
    renderChips();
    // the table and the timeline need nothing but the filters: ask for them while the map gets ready
    const lists = Promise.all([loadTable(), loadTimeline()]);
    const [meta, world] = await Promise.all([api("/api/meta"), fetchJson(BASEMAP.coarse)]);
    state.meta = meta;
    state.meta.facets_bounds = meta.facets.bounds || null;
    $("#ledger-name").textContent = `${meta.ledger} · ${fmt(meta.facets.events)} events`
      + (meta.facets.first_date ? ` · ${meta.facets.first_date} to ${meta.facets.last_date}` : "");
    fillFilterChoices(meta.facets);
    setupMap(world);
    await Promise.all([lists, loadMap()]);
    sharpenBasemap();
    if (hash.get("event")) openEvent(hash.get("event"));
    document.body.dataset.readyAt = String(Math.round(performance.now()));
    document.body.dataset.ready = "1";
  } catch (err) {
    toast(err.status === 401 ? "This server needs the token for reading: enter it top right and reload."
      : `could not load the ledger: ${err.message}`, true);
  } finally {
    busy(-1);
  }
}

document.addEventListener("DOMContentLoaded", start);
