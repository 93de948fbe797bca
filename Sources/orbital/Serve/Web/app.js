// orbital serve: the what-if page. Plain JavaScript, no build step, no external assets.
// Every number on the page comes from the JSON API (/api/v1/…), which answers with the CLI's JSON.
'use strict';

// The inputs offered first: the ones the issue names, with a slider range suited to a what-if
// (the number box beside each slider takes any value the parameter table accepts).
const FIXED = [
  { key: 'orbit.altitude_km', side: 'orbital', group: 'main', label: 'Orbit altitude', min: 300, max: 1400, step: 10 },
  { key: 'orbit.sso_ltan_h', side: 'orbital', group: 'main', label: 'Local time of the ascending node (18 = dawn-dusk)', min: 0, max: 23.75, step: 0.25 },
  { key: 'compute.accelerator', side: 'both', group: 'main', label: 'Accelerator (both sides)' },
  { key: 'launch.cost_per_kg_usd', side: 'orbital', group: 'main', label: 'Launch price', min: 10, max: 5000, log: true },
  { key: 'solar.cost_usd_per_w', side: 'orbital', group: 'main', label: 'Solar array price', min: 0.5, max: 50, log: true },
  { key: 'thermal.radiator_temperature_k', side: 'orbital', group: 'main', label: 'Radiator temperature', min: 250, max: 400, step: 1 },
  { key: 'finance.lifetime_years', side: 'both', group: 'money', label: 'Lifetime (both sides)', min: 1, max: 15, step: 0.5 },
  { key: 'finance.discount_rate', side: 'both', group: 'money', label: 'Discount rate (both sides)', min: 0, max: 0.2, step: 0.005 },
  { key: 'finance.cost_boundary', side: 'both', group: 'money', label: 'Cost boundary: what is counted (both sides)' },
  { key: 'energy.price_usd_per_mwh', side: 'ground', group: 'money', label: 'Ground electricity price', min: 10, max: 300, log: true },
  { key: 'facility.pue', side: 'ground', group: 'money', label: 'Ground power usage effectiveness (PUE)', min: 1, max: 2, step: 0.01 },
];
// Derived inputs (no default in the table) read their effective value from the comparison.
const FROM_REPORT = {
  'launch.cost_per_kg_usd': r => r.orbital_report?.launch?.launch_cost_per_kg_usd,
  'thermal.radiator_temperature_k': r => r.orbital_report?.thermal?.radiator_temperature_k,
};
const LINE_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999', '#8c564b', '#7f7fff', '#2ca02c', '#bcbd22', '#17becf', '#e377c2', '#393b79', '#ad494a', '#637939', '#7b4173', '#3182bd'];
const SWEEP_AXIS = 'launch.cost_per_kg_usd=10:5000:31:log';

const $ = id => document.getElementById(id);
const state = { o: 'orbital-1gw-dawn-dusk', g: 'colossus-1', oy: null, gy: null, set: new Map() };
let domains = new Map();      // "kind key" → control from /api/v1/controls
let base = { orbital: {}, ground: {} };  // effective values without the page's overrides
let controls = new Map();     // "side:key" → { def, el, … }
let models = [];
let lastCompare = null, lastOrbitKey = null, seq = 0, timer = null;
const inflight = new Set();

// MARK: numbers

function human(x, digits = 4) {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e15)) return x.toExponential(2);
  const p = Number(x.toPrecision(digits));
  return p.toLocaleString('en-US', { maximumFractionDigits: a >= 1000 ? 0 : Math.max(0, digits - 1 - Math.floor(Math.log10(a || 1))) });
}
function round3(x) { return x === 0 ? 0 : Number(x.toPrecision(3)); }
function esc(s) { return String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c])); }
function sideKind(side) { return side === 'ground' ? 'terrestrial' : 'orbital'; }
function idFor(side, key) { return 'ctl-' + side + '-' + key.replace(/[^a-z0-9]+/gi, '-'); }

// MARK: the API

async function api(path, body, { signal, text = false } = {}) {
  const response = await fetch('api/v1/' + path, body === undefined ? { signal } : {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal,
  });
  if (!response.ok) {
    let problem;
    try { problem = await response.json(); } catch { problem = { status: response.status, detail: response.statusText } }
    const error = new Error(problem.detail || ('HTTP ' + response.status));
    error.problem = problem;
    throw error;
  }
  return text ? response.text() : response.json();
}

function scenarioRef(side) { return side === 'orbital' ? (state.oy ?? state.o) : (state.gy ?? state.g); }
function overrides(except) {
  const list = [];
  for (const [id, value] of [...state.set.entries()].sort()) {
    if (except && id.endsWith(':' + except)) continue;
    list.push(id + '=' + value);
  }
  return list;
}
function pairBody(extra = {}, except) { return Object.assign({ orbital: scenarioRef('orbital'), ground: scenarioRef('ground'), set: overrides(except) }, extra); }

// MARK: the URL holds the whole state

function readURL() {
  const q = new URLSearchParams(location.search);
  if (q.get('o')) state.o = q.get('o');
  if (q.get('g')) state.g = q.get('g');
  state.oy = q.get('oy'); state.gy = q.get('gy');
  state.set = new Map();
  for (const entry of q.getAll('set')) {
    const eq = entry.indexOf('=');
    if (eq > 0) state.set.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
}
function writeURL() {
  const q = new URLSearchParams();
  if (state.oy !== null) q.set('oy', state.oy); else q.set('o', state.o);
  if (state.gy !== null) q.set('gy', state.gy); else q.set('g', state.g);
  for (const entry of overrides()) q.append('set', entry);
  history.replaceState(null, '', location.pathname + '?' + q.toString());
}

// MARK: controls

function domainOf(def) {
  return domains.get(sideKind(def.side) + ' ' + def.key) || domains.get('orbital ' + def.key) || domains.get('terrestrial ' + def.key);
}
function baseValue(def) {
  const side = def.side === 'both' ? 'orbital' : def.side;
  let v = base[side]?.[def.key];
  if ((v === null || v === undefined) && lastCompare && FROM_REPORT[def.key]) v = FROM_REPORT[def.key](lastCompare);
  if ((v === null || v === undefined) && def.base !== undefined) v = def.base;
  return v;
}
function currentValue(def) {
  const id = def.side + ':' + def.key;
  if (state.set.has(id)) {
    const raw = state.set.get(id);
    const x = Number(raw);
    return raw !== '' && Number.isFinite(x) ? x : raw;
  }
  return baseValue(def);
}

function sliderToValue(def, pos) {
  if (def.log) return round3(def.min * Math.pow(def.max / def.min, pos / 1000));
  return def.min + pos * def.step;
}
function valueToSlider(def, v) {
  if (typeof v !== 'number') return 0;
  if (def.log) return Math.round(1000 * Math.log(Math.min(Math.max(v, def.min), def.max) / def.min) / Math.log(def.max / def.min));
  return Math.round((Math.min(Math.max(v, def.min), def.max) - def.min) / def.step);
}

function buildControl(def, container) {
  const domain = domainOf(def);
  if (!domain) return;
  const id = def.side + ':' + def.key;
  const elId = idFor(def.side, def.key);
  const wrap = document.createElement('div');
  wrap.className = 'control';
  wrap.dataset.key = def.key;
  wrap.dataset.side = def.side;
  const unit = domain.unit && domain.unit !== '-' ? domain.unit : '';
  const tip = `${def.key} [${unit || 'no unit'}]\naccepted: ${domain.accepted}\n${domain.description}\nsource: ${domain.source}` + (domain.derivation ? `\ndefault: derived: ${domain.derivation}` : '');
  wrap.title = tip;
  const sideLabel = def.side === 'both' ? 'both' : def.side === 'ground' ? 'ground' : 'orbit';
  let row;
  if (domain.type === 'choice') {
    row = `<div class="row choice"><select id="${elId}" data-role="value">${domain.choices.map(c => `<option value="${esc(c)}">${esc(c)}</option>`).join('')}</select></div>`;
  } else {
    const lo = Math.max(def.min ?? domain.minimum, domain.minimum), hi = Math.min(def.max ?? domain.maximum, domain.maximum);
    def.min = lo; def.max = hi;
    if (!def.log) def.step = def.step || (domain.type === 'integer' ? Math.max(1, Math.round((hi - lo) / 200)) : round3((hi - lo) / 200));
    const steps = def.log ? 1000 : Math.round((hi - lo) / def.step);
    row = `<div class="row"><input type="range" id="${elId}" min="0" max="${steps}" step="1" data-role="slider" aria-describedby="${elId}-meta ${elId}-error">`
      + `<input type="number" id="${elId}-exact" data-role="exact" step="any" aria-label="${esc(def.label)}, exact value${unit ? ' in ' + esc(unit) : ''}" aria-describedby="${elId}-error"></div>`;
  }
  wrap.innerHTML = `<div class="head"><label for="${elId}"><span class="name">${esc(def.label)}</span>${unit ? ` <span class="unit">[${esc(unit)}]</span>` : ''}</label><span class="side ${def.side}">${sideLabel}</span></div>`
    + row + `<p class="meta" id="${elId}-meta">${esc(def.key)} · ${esc(domain.accepted)}${domain.source && domain.source !== '—' ? ' · ' + esc(shorten(domain.source, 70)) : ''}</p>`
    + `<p class="error" id="${elId}-error" role="alert" hidden></p>`;
  container.appendChild(wrap);
  const c = { def, wrap, domain, slider: wrap.querySelector('[data-role=slider]'), exact: wrap.querySelector('[data-role=exact]'), select: wrap.querySelector('select') };
  controls.set(id, c);
  if (c.slider) {
    c.slider.addEventListener('input', () => {
      const v = sliderToValue(def, Number(c.slider.value));
      c.exact.value = v;
      setOverride(def, v);
      c.slider.setAttribute('aria-valuetext', `${human(v)}${unit ? ' ' + unit : ''}`);
    });
    c.exact.addEventListener('change', () => {
      const raw = c.exact.value.trim();
      if (raw === '') { state.set.delete(id); } else { setOverride(def, raw); }
      c.slider.value = valueToSlider(def, Number(raw));
    });
  } else {
    c.select.addEventListener('change', () => setOverride(def, c.select.value));
  }
  syncControl(c);
}
function shorten(s, n) { return s.length > n ? s.slice(0, n - 1) + '…' : s; }

function syncControl(c) {
  const v = currentValue(c.def);
  const id = c.def.side + ':' + c.def.key;
  c.wrap.classList.toggle('changed', state.set.has(id));
  if (c.select) { if (v !== undefined && v !== null) c.select.value = String(v); return; }
  if (typeof v === 'number') {
    c.slider.value = valueToSlider(c.def, v);
    if (document.activeElement !== c.exact) c.exact.value = v;
    const unit = c.domain.unit && c.domain.unit !== '-' ? ' ' + c.domain.unit : '';
    c.slider.setAttribute('aria-valuetext', human(v) + unit);
  } else if (typeof v === 'string' && document.activeElement !== c.exact) {
    c.exact.value = v;
  }
}

function setOverride(def, value) {
  const id = def.side + ':' + def.key;
  const b = baseValue(def);
  if (b !== undefined && b !== null && String(b) === String(value)) state.set.delete(id); else state.set.set(id, String(value));
  controls.get(id)?.wrap.classList.toggle('changed', state.set.has(id));
  schedule();
}

function rebuildControls() {
  controls = new Map();
  $('controls-main').innerHTML = ''; $('controls-money').innerHTML = ''; $('controls-deciding').innerHTML = '';
  const oKind = kindOf(scenarioRef('orbital'), 'orbital');
  for (const def of FIXED) {
    const d = Object.assign({}, def);
    buildControl(d, $(def.group === 'main' ? 'controls-main' : 'controls-money'));
  }
  // Every override in the link has a control, even for a key no slider offers.
  for (const id of state.set.keys()) if (!controls.has(id)) addDecidingControl(id, {});
  void oKind;
}
function kindOf(ref, fallback) { const m = models.find(x => x.name === ref); return m ? m.kind : fallback; }

function addDecidingControl(id, entry) {
  const colon = id.indexOf(':');
  const side = id.slice(0, colon), key = id.slice(colon + 1);
  if (controls.has(id)) return;
  const domain = domains.get(sideKind(side) + ' ' + key) || domains.get('orbital ' + key);
  if (!domain) return;
  const def = { key, side, group: 'deciding', label: labelFor(key) };
  if (domain.type !== 'choice') {
    let lo = entry.low, hi = entry.high;
    const b = entry.base ?? base[side === 'both' ? 'orbital' : side]?.[key];
    if (lo === undefined || hi === undefined) { lo = (b ?? domain.minimum) * 0.5; hi = (b ?? domain.maximum) * 1.5; }
    lo = Math.min(lo, b ?? lo); hi = Math.max(hi, b ?? hi);
    if (lo > 0 && hi / lo >= 20) def.log = true;
    def.min = lo; def.max = hi;
    if (b !== undefined) def.base = b;
  }
  buildControl(def, $('controls-deciding'));
}
function labelFor(key) {
  const [section, name] = key.split('.');
  return (name || section).replace(/_/g, ' ').replace(/ (usd|kg|w|m|k|s|ms|km|deg|h|per year)$/i, '').replace(/^./, c => c.toUpperCase()) + ' (' + section + ')';
}
function refreshDeciding(result) {
  const box = $('controls-deciding');
  if (box.dataset.for === pairKey()) return;  // built once per scenario pair, never while dragging
  box.dataset.for = pairKey();
  for (const d of result.deciding_inputs || []) {
    const side = d.side === 'terrestrial' ? 'ground' : d.side === 'both' ? 'both' : d.side;
    const fixed = FIXED.some(f => f.key === d.key && (f.side === side || f.side === 'both'));
    if (!fixed) addDecidingControl(side + ':' + d.key, d);
  }
  if (!box.children.length) box.innerHTML = '<p class="hint">None beyond the inputs above.</p>';
}
function pairKey() { return scenarioRef('orbital') + '\u0000' + scenarioRef('ground'); }

// MARK: errors next to the input that caused them

function clearErrors() {
  for (const el of document.querySelectorAll('.error')) { el.hidden = true; el.textContent = ''; }
  for (const el of document.querySelectorAll('.control.invalid')) el.classList.remove('invalid');
}
function showProblem(error, fallbackSide) {
  const p = error.problem || { detail: String(error.message || error) };
  let target = null;
  const m = /^set\[(\d+)\]$/.exec(p.field || '');
  if (m) {
    const entry = overrides()[Number(m[1])];
    if (entry) {
      const id = entry.slice(0, entry.indexOf('='));
      const c = controls.get(id);
      if (c) { c.wrap.classList.add('invalid'); target = $(idFor(c.def.side, c.def.key) + '-error'); }
    }
  } else if (p.field === 'orbital' || p.field === 'ground') {
    target = $('error-' + p.field);
  } else if (p.key) {
    for (const c of controls.values()) if (c.def.key === p.key) { c.wrap.classList.add('invalid'); target = $(idFor(c.def.side, c.def.key) + '-error'); break; }
  }
  if (!target && fallbackSide) target = $('error-' + fallbackSide);
  target = target || $('error-general');
  target.textContent = p.detail + (p.status ? ` (HTTP ${p.status})` : '');
  target.hidden = false;
}

// MARK: computing

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(update, 40);
}

async function update() {
  const mine = ++seq;
  for (const c of inflight) c.abort();
  inflight.clear();
  const ctrl = new AbortController();
  inflight.add(ctrl);
  writeURL();
  document.body.dataset.state = 'busy';
  $('results').setAttribute('aria-busy', 'true');
  const started = performance.now();
  let verdictMs = null;
  const orbitKey = JSON.stringify([scenarioRef('orbital'), overrides().filter(s => /orbit\./.test(s))]);
  // All at once: the server computes them in parallel; each part is drawn as it arrives.
  const jobs = [
    api('compare', pairBody(), { signal: ctrl.signal }).then(r => {
      if (mine === seq) { renderCompare(r.result); verdictMs = Math.round(performance.now() - started); }
      return r;
    }),
    api('sweep', { scenario: scenarioRef('orbital'), against: scenarioRef('ground'), set: overrides('launch.cost_per_kg_usd'), vary: [SWEEP_AXIS] }, { signal: ctrl.signal, text: true })
      .then(t => { if (mine === seq) renderSweep(t); }),
    api('breakeven', pairBody({ solve: 'launch.cost_per_kg_usd' }, 'launch.cost_per_kg_usd'), { signal: ctrl.signal }).then(r => { if (mine === seq) renderBreakeven(r.result); }),
  ];
  if (orbitKey !== lastOrbitKey) jobs.push(api('eclipse', pairBody(), { signal: ctrl.signal }).then(r => { if (mine === seq) { renderEclipse(r.result); lastOrbitKey = orbitKey; } }));
  const results = await Promise.allSettled(jobs);
  if (mine !== seq) return;
  inflight.delete(ctrl);
  clearErrors();
  const failed = results.find(r => r.status === 'rejected' && r.reason?.name !== 'AbortError');
  if (failed) showProblem(failed.reason);
  $('timing-ms').textContent = (verdictMs === null ? '' : `verdict in ${verdictMs} ms, `) + `all charts in ${Math.round(performance.now() - started)} ms`;
  $('results').setAttribute('aria-busy', 'false');
  document.body.dataset.state = failed ? 'error' : 'ready';
}

// MARK: rendering

function renderCompare(r) {
  lastCompare = r;
  const verdict = $('verdict');
  verdict.textContent = r.verdict.charAt(0).toUpperCase() + r.verdict.slice(1);
  verdict.classList.toggle('orbit-wins', r.cost_ratio < 1);
  const s = r.side_by_side.cost_per_pflop_hour_usd;
  $('pflop-orbital').textContent = '$' + human(s.orbital);
  $('pflop-ground').textContent = '$' + human(s.terrestrial);
  $('ratio').textContent = human(r.cost_ratio) + '×';
  $('sticky-ratio').textContent = `orbit ÷ ground ${human(r.cost_ratio)}×`;
  $('sticky-verdict').classList.toggle('orbit-wins', r.cost_ratio < 1);
  $('sticky-text').textContent = r.cost_ratio < 1 ? 'orbit is cheaper' : 'the ground is cheaper';
  $('ratio').dataset.value = String(r.cost_ratio);
  const w = r.same_window;
  $('same-window').textContent = w ? `Over the same ${human(w.window_years)}-year window from the decision date: orbit costs ${human(w.cost_ratio)}× the ground per PFLOP-hour; in it the orbit delivers ${human(100 * w.orbital_delivered_share)} % and the ground ${human(100 * w.ground_delivered_share)} % of their PFLOP-hours.` : '';
  $('timing').textContent = 'Timing: ' + (r.deployment_timing || '') + '. ' + (r.orbital_report?.scenario || '') + ' against ' + (r.terrestrial_report?.scenario || '') + '.';
  renderLines(r);
  renderMass(r.orbital_report);
  renderSideTable(r);
  refreshDeciding(r);
  for (const c of controls.values()) if (FROM_REPORT[c.def.key]) syncControl(c);
}

// Charts are drawn in CSS pixels of their box, so that their text stays legible on a phone.
function widthOf(id) { return Math.round(Math.max(300, Math.min(1000, $(id).clientWidth || 720))); }

function renderLines(r) {
  const o = r.orbital_report?.economics?.cost_per_pflop_hour_by_line_usd || {};
  const g = r.terrestrial_report?.economics?.cost_per_pflop_hour_by_line_usd || {};
  const names = [...new Set([...Object.keys(o), ...Object.keys(g)])];
  const colors = Object.fromEntries(names.map((n, i) => [n, LINE_COLORS[i % LINE_COLORS.length]]));
  const bars = [['Orbit', o], ['Ground', g]];
  const total = Math.max(...bars.map(([, v]) => Object.values(v).reduce((a, b) => a + Math.max(0, b), 0)), 1e-9);
  const W = widthOf('chart-lines'), left = 62, right = 66, barH = 34, top = 10, gap = 16;
  const columns = W < 520 ? 2 : 3;
  const legendRows = Math.ceil(names.length / columns);
  const H = top + bars.length * (barH + gap) + 30 + legendRows * 20;
  const x = v => left + (W - left - right) * v / total;
  let svg = `<svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="lines-svg-title"><title id="lines-svg-title">Cost per delivered PFLOP-hour by cost line, orbit and ground</title>`;
  bars.forEach(([label, lines], i) => {
    const y = top + i * (barH + gap);
    svg += `<text x="${left - 8}" y="${y + barH / 2 + 4}" text-anchor="end">${label}</text>`;
    let acc = 0;
    for (const n of names) {
      const v = Math.max(0, lines[n] || 0);
      if (v <= 0) continue;
      svg += `<rect x="${x(acc)}" y="${y}" width="${Math.max(0.5, x(acc + v) - x(acc))}" height="${barH}" fill="${colors[n]}"><title>${esc(n.replace(/_/g, ' '))}: $${human(v)} per PFLOP-h</title></rect>`;
      acc += v;
    }
    svg += `<text x="${x(acc) + 6}" y="${y + barH / 2 + 4}" font-weight="600">$${human(acc)}</text>`;
  });
  const ly = top + bars.length * (barH + gap) + 14;
  names.forEach((n, i) => {
    const col = i % columns, row = Math.floor(i / columns);
    const lx = 8 + col * ((W - 8) / columns), yy = ly + row * 20;
    svg += `<rect x="${lx}" y="${yy - 10}" width="12" height="12" fill="${colors[n]}"/><text x="${lx + 17}" y="${yy}">${esc(n.replace(/_/g, ' '))}</text>`;
  });
  $('chart-lines').innerHTML = svg + '</svg>';
}

function niceTicks(lo, hi, n = 5) {
  const span = hi - lo || 1, step0 = span / n, mag = Math.pow(10, Math.floor(Math.log10(step0)));
  const step = [1, 2, 2.5, 5, 10].map(m => m * mag).find(s => span / s <= n) || mag * 10;
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

// A line chart: series [{points: [[x, y]], color, label}], optional log x, bands, rules, markers.
function lineChart({ W = 720, title, series, xLabel, yLabel, yShort, logX = false, bands = [], hRules = [], vRules = [], yMin, yMax, xMin, xMax }) {
  const H = Math.round(Math.min(340, Math.max(240, W * 0.45))), L = 64, R = 26, T = 14, B = 46;
  const pts = series.flatMap(s => s.points).filter(p => Number.isFinite(p[1]));
  let x0 = xMin ?? Math.min(...pts.map(p => p[0])), x1 = xMax ?? Math.max(...pts.map(p => p[0]));
  let y0 = yMin ?? Math.min(...pts.map(p => p[1]), ...hRules.map(r => r.y)), y1 = yMax ?? Math.max(...pts.map(p => p[1]), ...hRules.map(r => r.y));
  if (!(y1 > y0)) { y1 = y0 + 1; }
  const pad = (y1 - y0) * 0.06; if (yMin === undefined) y0 -= pad; if (yMax === undefined) y1 += pad;
  const fx = logX ? v => L + (W - L - R) * Math.log(v / x0) / Math.log(x1 / x0) : v => L + (W - L - R) * (v - x0) / (x1 - x0);
  const fy = v => T + (H - T - B) * (1 - (v - y0) / (y1 - y0));
  let svg = `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>`;
  for (const b of bands) svg += `<rect x="${fx(b.from)}" y="${T}" width="${Math.max(1, fx(b.to) - fx(b.from))}" height="${H - T - B}" fill="#fde7c7" opacity="0.8"><title>${esc(b.label)}</title></rect>`;
  const yt = niceTicks(y0, y1);
  svg += '<g class="grid">' + yt.map(v => `<line x1="${L}" x2="${W - R}" y1="${fy(v)}" y2="${fy(v)}"/>`).join('') + '</g>';
  svg += '<g class="axis">' + yt.map(v => `<text x="${L - 6}" y="${fy(v) + 4}" text-anchor="end">${human(v, 3)}</text>`).join('');
  const xt = logX ? (W < 520 ? [1] : [1, 2, 5]).flatMap(m => [1, 10, 100, 1000, 10000, 100000].map(p => m * p)).filter(v => v >= x0 && v <= x1).sort((a, b) => a - b) : niceTicks(x0, x1, W < 520 ? 4 : 6);
  svg += xt.map(v => `<line x1="${fx(v)}" x2="${fx(v)}" y1="${H - B}" y2="${H - B + 5}"/><text x="${fx(v)}" y="${H - B + 18}" text-anchor="${fx(v) > W - R - 12 ? 'end' : 'middle'}">${human(v, 3)}</text>`).join('');
  svg += `<line x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}"/><line x1="${L}" x2="${L}" y1="${T}" y2="${H - B}"/></g>`;
  svg += `<text x="${(L + W - R) / 2}" y="${H - 8}" text-anchor="middle">${esc(xLabel)}</text>`;
  svg += `<text transform="translate(14 ${(T + H - B) / 2}) rotate(-90)" text-anchor="middle">${esc(W < 520 ? (yShort || yLabel) : yLabel)}</text>`;
  for (const r of hRules) if (r.y >= y0 && r.y <= y1) svg += `<line x1="${L}" x2="${W - R}" y1="${fy(r.y)}" y2="${fy(r.y)}" stroke="${r.color}" stroke-dasharray="6 4" stroke-width="1.5"/><text x="${W - R - 4}" y="${fy(r.y) - 5}" text-anchor="end" fill="${r.color}">${esc(r.label)}</text>`;
  for (const r of vRules) if (r.x >= x0 && r.x <= x1) svg += `<line x1="${fx(r.x)}" x2="${fx(r.x)}" y1="${T}" y2="${H - B}" stroke="${r.color}" stroke-width="1.5"/><text x="${fx(r.x) + (fx(r.x) > W - 160 ? -5 : 5)}" y="${T + 14}" text-anchor="${fx(r.x) > W - 160 ? 'end' : 'start'}" fill="${r.color}">${esc(r.label)}</text>`;
  for (const s of series) {
    const d = s.points.filter(p => Number.isFinite(p[1])).map((p, i) => `${i ? 'L' : 'M'}${fx(p[0]).toFixed(1)},${fy(p[1]).toFixed(1)}`).join('');
    svg += `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2.5"/>`;
  }
  return svg + '</svg>';
}

let lastSweep = [], lastBreakeven = null;
function renderSweep(text) {
  lastSweep = text.split('\n').filter(Boolean).map(l => JSON.parse(l)).map(row => [row['launch.cost_per_kg_usd'], row.cost_ratio]);
  drawBreakeven();
}
function renderBreakeven(r) { lastBreakeven = r; drawBreakeven(); }
function drawBreakeven() {
  if (!lastSweep.length) return;
  const current = currentValue(FIXED.find(f => f.key === 'launch.cost_per_kg_usd'));
  const vRules = [];
  if (typeof current === 'number') vRules.push({ x: current, label: `now $${human(current)}/kg`, color: '#0072B2' });
  if (lastBreakeven && lastBreakeven.value !== null && lastBreakeven.value !== undefined) vRules.push({ x: lastBreakeven.value, label: `break-even $${human(lastBreakeven.value)}/kg`, color: '#1a7f37' });
  $('chart-breakeven').innerHTML = lineChart({
    W: widthOf('chart-breakeven'), title: 'Cost ratio orbit ÷ ground against the launch price', series: [{ points: lastSweep, color: '#0072B2' }],
    xLabel: 'launch price [USD/kg], log scale', yLabel: 'cost ratio orbit ÷ ground', yShort: 'cost ratio', logX: true, yMin: 0,
    hRules: [{ y: 1, label: 'equal cost', color: '#1a7f37' }], vRules,
  });
  const b = lastBreakeven;
  $('breakeven-text').textContent = !b ? '' : (b.value !== null && b.value !== undefined)
    ? `Orbit and ground cost the same at a launch price of $${human(b.value)}/kg (now $${human(b.base_value)}/kg, cost ratio ${human(b.base_cost_ratio)}).`
    : `No launch price in $${human(b.searched_from)}–${human(b.searched_to)}/kg makes the costs equal: the cost ratio comes closest to 1 at $${human(b.closest_value)}/kg, where it is ${human(b.cost_ratio_at_value)}.`;
}

function renderMass(o) {
  const m = o?.mass?.mass_breakdown_kg;
  if (!m) { $('chart-mass').innerHTML = ''; $('mass-text').textContent = ''; return; }
  const entries = Object.entries(m).sort((a, b) => b[1] - a[1]);
  const W = widthOf('chart-mass'), L = W < 520 ? 128 : 170, R = 70, rowH = 26, T = 6;
  const H = T + entries.length * rowH + 6;
  const max = Math.max(...entries.map(e => e[1]), 1);
  let svg = `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="Mass budget by subsystem, tonnes"><title>Mass budget by subsystem</title>`;
  entries.forEach(([name, kg], i) => {
    const y = T + i * rowH, w = (W - L - R) * kg / max;
    svg += `<text x="${L - 8}" y="${y + 16}" text-anchor="end">${esc(name.replace(/_/g, ' '))}</text><rect x="${L}" y="${y + 3}" width="${Math.max(0.5, w)}" height="${rowH - 8}" fill="#0072B2"><title>${esc(name)}: ${human(kg / 1000)} t</title></rect><text x="${L + w + 6}" y="${y + 16}">${human(kg / 1000, 3)} t</text>`;
  });
  $('chart-mass').innerHTML = svg + '</svg>';
  $('mass-text').textContent = `${human(o.mass.mass_total_kg / 1000)} t in ${human(o.mass.satellite_count)} satellites, ${human(o.launch?.launch_count)} launches at $${human(o.launch?.launch_cost_per_kg_usd)}/kg; deployment ${human(o.launch?.deployment_days)} days.`;
}

let lastEclipse = null;
function renderEclipse(e) {
  lastEclipse = e;
  const days = e.day, f = e.eclipse_fraction;
  $('chart-eclipse').innerHTML = lineChart({
    W: widthOf('chart-eclipse'), title: 'Fraction of each orbit in the Earth’s shadow, through the year', series: [{ points: days.map((d, i) => [d, f[i]]), color: '#009E73' }],
    xLabel: 'days from 1 Jan 2026', yLabel: 'eclipse fraction of the orbit', yShort: 'eclipse fraction', yMin: 0, yMax: Math.max(0.05, ...f) * 1.1, xMin: 0, xMax: 365,
    bands: e.seasons_days.map(s => ({ from: s[0], to: s[1], label: `eclipse season, day ${human(s[0], 3)}–${human(s[1], 3)}` })),
  });
  const seasons = e.seasons_days.map(s => `day ${Math.round(s[0])}–${Math.round(s[1])}`).join(', ');
  $('eclipse-text').textContent = e.eclipse_days_per_year > 0
    ? `${human(e.eclipse_days_per_year, 3)} eclipse days a year (${seasons}); longest eclipse ${human(e.eclipse_duration_max_s / 60, 3)} min, up to ${human(100 * e.eclipse_fraction_max, 3)} % of an orbit; annual mean ${human(100 * e.eclipse_fraction_mean, 3)} %.`
    : 'No eclipses: the orbit stays in sunlight all year.';
}

function renderSideTable(r) {
  const rows = Object.entries(r.side_by_side).map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${human(v.orbital)}</td><td>${human(v.terrestrial)}</td><td>${v.ratio === null || v.ratio === undefined ? '' : human(v.ratio) + '×'}</td></tr>`);
  $('side-table').innerHTML = `<caption class="visually-hidden">Orbit and ground side by side</caption><thead><tr><th scope="col">output</th><th scope="col">${esc(r.orbital)}</th><th scope="col">${esc(r.terrestrial)}</th><th scope="col">orbit ÷ ground</th></tr></thead><tbody>${rows.join('')}</tbody>`;
}

// MARK: scenarios

function fillPickers() {
  for (const side of ['orbital', 'ground']) {
    const kind = side === 'orbital' ? 'orbital' : 'terrestrial';
    const select = $('pick-' + side);
    const options = models.filter(m => m.kind === kind).map(m => `<option value="${esc(m.name)}">${esc(m.name)}${m.published ? ' (published)' : ''}</option>`);
    options.push('<option value="__yaml__">Paste or upload YAML…</option>');
    select.innerHTML = options.join('');
    const custom = side === 'orbital' ? state.oy : state.gy;
    select.value = custom !== null ? '__yaml__' : (side === 'orbital' ? state.o : state.g);
    $('custom-' + side).hidden = custom === null;
    if (custom !== null) $('yaml-' + side).value = custom;
    const m = models.find(x => x.name === select.value);
    select.title = m ? m.description : '';
  }
}

async function loadBase() {
  const r = await api('resolve', { orbital: scenarioRef('orbital'), ground: scenarioRef('ground'), set: [] });
  base = { orbital: r.result.orbital.values, ground: r.result.ground.values };
}

async function changeScenario(side, ref, yaml) {
  const previous = { o: state.o, g: state.g, oy: state.oy, gy: state.gy };
  if (side === 'orbital') { if (yaml !== undefined) state.oy = yaml; else { state.o = ref; state.oy = null; } }
  else { if (yaml !== undefined) state.gy = yaml; else { state.g = ref; state.gy = null; } }
  clearErrors();
  try {
    await loadBase();
  } catch (error) {
    Object.assign(state, previous);
    showProblem(error, side);
    return;
  }
  // Overrides that the new scenario does not take are dropped (the server would refuse them).
  state.set = new Map();
  $('controls-deciding').dataset.for = '';
  lastOrbitKey = null;
  rebuildControls();
  schedule();
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url; a.download = name;
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

function wire() {
  for (const side of ['orbital', 'ground']) {
    $('pick-' + side).addEventListener('change', e => {
      const v = e.target.value;
      if (v === '__yaml__') { $('custom-' + side).hidden = false; $('yaml-' + side).focus(); return; }
      $('custom-' + side).hidden = true;
      changeScenario(side, v);
    });
    $('file-' + side).addEventListener('change', async e => {
      const file = e.target.files[0];
      if (file) { $('yaml-' + side).value = await file.text(); changeScenario(side, null, $('yaml-' + side).value); }
    });
  }
  for (const b of document.querySelectorAll('button.apply')) b.addEventListener('click', () => changeScenario(b.dataset.side, null, $('yaml-' + b.dataset.side).value));
  $('reset').addEventListener('click', () => { state.set = new Map(); for (const c of controls.values()) syncControl(c); schedule(); });
  $('copy-link').addEventListener('click', async () => {
    try { await navigator.clipboard.writeText(location.href); $('action-status').textContent = 'Link copied: it reproduces these numbers exactly.'; }
    catch { $('action-status').textContent = 'Copy the address bar: it holds every input.'; }
  });
  for (const side of ['orbital', 'ground']) {
    $('download-yaml-' + side).addEventListener('click', async () => {
      try {
        const r = await api('resolve', pairBody());
        const s = r.result[side];
        download(s.file, s.yaml, 'application/yaml');
        $('action-status').textContent = `${s.file}: run it with \`orbital validate ${s.file}\` or \`orbital compare …\`.`;
      } catch (error) { showProblem(error, side); }
    });
  }
  $('download-report').addEventListener('click', async () => {
    $('action-status').textContent = 'Building the full report (a few seconds)…';
    try {
      const html = await api('report', pairBody(), { text: true });
      download('orbital-report.html', html, 'text/html');
      $('action-status').textContent = 'Report downloaded.';
    } catch (error) { $('action-status').textContent = ''; showProblem(error); }
  });
}

let resizeTimer = null;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (lastCompare) { renderLines(lastCompare); renderMass(lastCompare.orbital_report); }
    drawBreakeven();
    if (lastEclipse) renderEclipse(lastEclipse);
  }, 100);
});

async function init() {
  readURL();
  wire();
  try {
    const [c, m, h] = await Promise.all([api('controls'), api('models'), api('health')]);
    domains = new Map(c.result.map(d => [d.kind + ' ' + d.key, d]));
    models = m.result;
    $('version').textContent = `orbital ${h.version}, schema ${h.schema_version}`;
    fillPickers();
    await loadBase();
  } catch (error) {
    showProblem(error, error.problem?.field === 'ground' ? 'ground' : 'orbital');
    document.body.dataset.state = 'error';
    return;
  }
  rebuildControls();
  update();
}

init();
