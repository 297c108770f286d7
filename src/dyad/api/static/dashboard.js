// The dashboard: choose a pair, filter, read the timeline, the intensity and the table, and
// open an event to see its sources, and read the state of the relationship at a date (as
// /api/state derives it). The view lives in the URL fragment, so it can be shared.

import { el, clear, kindLabel, pairLabel } from './dom.js';
import { drawLegend, drawTimeline, drawIntensity, span } from './charts.js';
import { renderDetail } from './evidence.js';
import { renderState } from './state.js';

const $ = id => document.getElementById(id);
// at: the date of the state panel; picked: the user chose it (else it follows the pair's events).
const state = { a: '', b: '', selected: null, events: [], intensity: [], at: '', picked: false };
const known = new Map(); // canonical events seen in a timeline, by id: labels for the state panel's links
const ISO = /^\d{4}-\d{2}-\d{2}$/;
let stateRequest = 0;
const filterInputs = ['f-kind', 'f-modality', 'f-language', 'f-from', 'f-to'];

async function api(path) {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.detail || `${res.status} ${res.statusText}`);
  return body;
}

function status(text, isError = false) {
  const node = $('status');
  node.textContent = text;
  node.classList.toggle('error', isError);
}

function query() {
  const p = new URLSearchParams({ a: state.a, b: state.b });
  const [kind, modality, language, from, to] = filterInputs.map(id => $(id).value.trim());
  if (kind) p.set('kind', kind);
  if (modality) p.set('modality', modality);
  if (language) p.set('language', language);
  if (/^\d{1,4}$/.test(from)) p.set('date_from', `${from.padStart(4, '0')}-01-01`);
  if (/^\d{1,4}$/.test(to)) p.set('date_to', `${to.padStart(4, '0')}-12-31`);
  return p;
}

function saveHash() {
  const p = new URLSearchParams({ a: state.a, b: state.b });
  filterInputs.forEach(id => { if ($(id).value) p.set(id, $(id).value); });
  if (state.picked && state.at) p.set('at', state.at);
  if (state.selected) p.set('event', state.selected);
  history.replaceState(null, '', `#${p}`);
}

function fill(select, options, chosen) {
  clear(select);
  for (const [value, label] of options) select.append(el('option', { value, selected: value === chosen }, label));
}

async function init() {
  drawLegend($('legend'));
  let info, actors;
  try {
    [info, actors] = await Promise.all([api('/api/info'), api('/api/actors')]);
  } catch (err) {
    return status(`Could not reach the dyad API: ${err.message}`, true);
  }
  const c = info.counts;
  $('store-info').textContent = `${c.documents} documents · ${c.mentions} mentions · ${c.canonical_events} events` +
    (info.read_only ? ' · read-only' : '');
  const hash = new URLSearchParams(location.hash.slice(1));
  const codes = actors.map(x => x.code);
  state.a = codes.includes(hash.get('a')) ? hash.get('a') : codes[0] || '';
  state.b = codes.includes(hash.get('b')) ? hash.get('b') : codes.find(x => x !== state.a) || '';
  const options = actors.map(x => [x.code, `${x.code} · ${x.name} (${x.events})`]);
  fill($('actor-a'), options, state.a);
  fill($('actor-b'), options, state.b);
  for (const k of info.kinds) $('f-kind').append(el('option', { value: k.name }, kindLabel(k.name)));
  for (const m of info.modalities) $('f-modality').append(el('option', { value: m }, m));
  for (const l of info.languages) $('f-language').append(el('option', { value: l }, l.toUpperCase()));
  filterInputs.forEach(id => { if (hash.get(id)) $(id).value = hash.get(id); });
  if (ISO.test(hash.get('at') || '')) [state.at, state.picked] = [hash.get('at'), true];
  $('state-at').addEventListener('change', e => {
    if (!ISO.test(e.target.value)) return;
    pickDate(e.target.value);
  });

  $('actor-a').addEventListener('change', e => { state.a = e.target.value; reload(); });
  $('actor-b').addEventListener('change', e => { state.b = e.target.value; reload(); });
  $('swap').addEventListener('click', () => {
    [state.a, state.b] = [state.b, state.a];
    $('actor-a').value = state.a;
    $('actor-b').value = state.b;
    reload();
  });
  filterInputs.forEach(id => $(id).addEventListener('change', reload));
  $('f-reset').addEventListener('click', () => { filterInputs.forEach(id => { $(id).value = ''; }); reload(); });
  let resizeTimer;
  window.addEventListener('resize', () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(draw, 150); });
  await reload();
  if (hash.get('event')) select(hash.get('event'));
}

async function reload() {
  saveHash();
  if (!state.a || !state.b || state.a === state.b) {
    state.events = [];
    state.intensity = [];
    draw();
    loadState();
    return status('Choose two different actors.');
  }
  status('Loading…');
  try {
    const p = query();
    [state.events, state.intensity] = await Promise.all([api(`/api/timeline?${p}`), api(`/api/intensity?${p}`)]);
    for (const ev of state.events) known.set(ev.id, ev);
    status('');
  } catch (err) {
    state.events = [];
    state.intensity = [];
    status(`Could not load events: ${err.message}`, true);
  }
  draw();
  loadState();
}

function pickDate(at) {
  state.at = at;
  state.picked = true;
  saveHash();
  loadState();
}

// Today, clipped to the pair's latest dated event: the state "now" as far as the store knows.
function defaultDate() {
  const today = new Date().toISOString().slice(0, 10);
  const dated = state.events.map(e => e.date_start).filter(Boolean).map(d => String(d).slice(0, 10)).sort();
  const latest = dated[dated.length - 1];
  return latest && latest < today ? latest : today;
}

async function loadState() {
  const node = $('state');
  const ticket = ++stateRequest;
  if (!state.a || !state.b || state.a === state.b) {
    node.removeAttribute('data-at');
    clear(node).append(el('p', { class: 'muted' }, 'Choose two different actors.'));
    return;
  }
  if (!state.picked) state.at = defaultDate();
  $('state-at').value = state.at;
  clear(node).append(el('p', { class: 'muted' }, `Deriving the state at ${state.at}…`));
  try {
    const p = new URLSearchParams({ a: state.a, b: state.b, at: state.at });
    const st = await api(`/api/state?${p}`);
    if (ticket === stateRequest) renderState(node, st, known, select);
  } catch (err) {
    if (ticket !== stateRequest) return;
    node.removeAttribute('data-at');
    clear(node).append(el('p', { class: 'error' }, `Could not derive the state: ${err.message}`));
  }
}

function draw() {
  const dom = span(state.events, state.intensity);
  const undated = state.events.filter(e => !e.date_start).length;
  $('timeline-count').textContent = `${state.a}–${state.b}: ${state.events.length} events` +
    (undated ? ` (${undated} undated, in the table only)` : '');
  drawTimeline($('timeline'), state.events, dom, { selected: state.selected, onSelect: select });
  drawIntensity($('intensity'), state.intensity, dom, { onYear: year => pickDate(`${String(year).padStart(4, '0')}-12-31`) });
  drawTable();
}

function drawTable() {
  const body = clear($('events').tBodies[0]);
  if (!state.events.length) {
    body.append(el('tr', {}, el('td', { colspan: 6, class: 'muted' }, 'No events for this pair with these filters.')));
    return;
  }
  for (const ev of state.events) {
    const extra = [ev.agreement, (ev.territory || []).join(', ')].filter(Boolean).join(' · ');
    const tr = el('tr', {
      'data-id': ev.id, tabindex: 0, class: ev.id === state.selected ? 'selected' : null,
      onclick: () => select(ev.id),
      onkeydown: e => { if (e.key === 'Enter') select(ev.id); },
    },
    el('td', { class: 'date' }, ev.date_value || '—', ev.date_conflict ? el('span', { class: 'warn', title: 'sources disagree on the date' }, ' ≠') : ''),
    el('td', { class: 'kind' }, el('i', { class: `swatch q${ev.quad_class}` }), kindLabel(ev.kind)),
    el('td', { class: 'pair' }, pairLabel(ev)),
    el('td', {}, el('span', { class: `modality ${ev.modality}` }, ev.modality)),
    el('td', { class: 'extra' }, extra),
    el('td', { class: 'num' }, ev.n_sources));
    body.append(tr);
  }
}

async function select(id) {
  state.selected = id;
  saveHash();
  document.querySelectorAll('#events tr.selected, #timeline .dot.selected').forEach(n => n.classList.remove('selected'));
  document.querySelectorAll(`[data-id="${CSS.escape(id)}"]`).forEach(n => n.classList.add('selected'));
  const panel = $('detail');
  clear(panel).append(el('h2', {}, 'Event'), el('p', { class: 'muted' }, 'Loading its sources…'));
  // On a narrow screen the panel sits below the table: bring it into view.
  if (window.matchMedia('(max-width: 1100px)').matches) panel.scrollIntoView({ behavior: 'smooth' });
  try {
    renderDetail(panel, await api(`/api/canonical/${encodeURIComponent(id)}`));
  } catch (err) {
    clear(panel).append(el('h2', {}, 'Event'), el('p', { class: 'error' }, `Could not load the event: ${err.message}`));
  }
}

init();
