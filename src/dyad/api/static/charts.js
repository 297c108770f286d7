// The two charts, drawn as inline SVG: the timeline (one lane per QuadClass) and the intensity
// by year. Both share one year axis, so a bar sits under the events that make it.

import { svg, el, clear, QUAD, kindLabel, pairLabel, signed } from './dom.js';

const LEFT = 150;
const RIGHT = 16;

export function yearOf(isoDate) {
  if (!isoDate) return null;
  const [y, m, d] = String(isoDate).split('-').map(Number);
  return y + ((m || 1) - 1) / 12 + ((d || 1) - 1) / 365;
}

// The year span of both charts, padded so that dots at the ends are not cut.
export function span(events, rows) {
  const years = events.map(e => yearOf(e.date_start)).filter(y => y !== null).concat(rows.map(r => r.year));
  if (!years.length) return null;
  const lo = Math.floor(Math.min(...years));
  const hi = Math.ceil(Math.max(...years));
  const pad = Math.max(1, Math.round((hi - lo) * 0.02));
  return [lo - pad, hi + pad];
}

function scale(dom, width) {
  const [lo, hi] = dom;
  return y => LEFT + ((y - lo) / (hi - lo || 1)) * (width - LEFT - RIGHT);
}

function ticks(dom) {
  const [lo, hi] = dom;
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];
  const step = steps.find(s => (hi - lo) / s <= 10) || 1000;
  const out = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) out.push(t);
  return out;
}

function axis(dom, x, top, bottom) {
  return ticks(dom).map(t => svg('g', { class: 'tick' },
    svg('line', { x1: x(t), x2: x(t), y1: top, y2: bottom }),
    svg('text', { x: x(t), y: bottom + 14, 'text-anchor': 'middle' }, t)));
}

function empty(node, text) {
  clear(node).append(el('p', { class: 'muted empty' }, text));
}

export function drawLegend(node) {
  clear(node);
  for (const [q, { label, color }] of Object.entries(QUAD)) {
    node.append(el('span', { class: 'key' }, el('i', { class: 'swatch', 'data-q': q }), label));
    node.lastChild.firstChild.style.background = color;
  }
  node.append(el('span', { class: 'key' }, el('i', { class: 'swatch hollow' }), 'not asserted'));
}

export function drawTimeline(node, events, dom, { selected, onSelect }) {
  if (!dom) return empty(node, 'No dated events for this pair with these filters.');
  const width = Math.max(node.clientWidth, 480);
  const lane = 34;
  const top = 8;
  const height = top + lane * 4 + 24;
  const x = scale(dom, width);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
    'aria-label': 'Timeline of events, one lane per QuadClass' });
  for (const [q, { label }] of Object.entries(QUAD)) {
    const y = top + lane * (q - 1);
    chart.append(svg('rect', { class: 'lane', x: LEFT, y, width: width - LEFT - RIGHT, height: lane }),
      svg('text', { class: 'lane-label', x: LEFT - 10, y: y + lane / 2 + 4, 'text-anchor': 'end' }, label));
  }
  chart.append(...axis(dom, x, top, top + lane * 4));
  // Events in one lane and year are fanned out vertically instead of drawn on top of each other.
  const stacks = new Map();
  for (const ev of events) {
    const yr = yearOf(ev.date_start);
    if (yr === null) continue;
    const q = ev.quad_class || 1;
    const key = `${q}:${Math.floor(yr)}`;
    const k = stacks.get(key) || 0;
    stacks.set(key, k + 1);
    const offset = (k % 2 ? 1 : -1) * Math.ceil(k / 2) * 6;
    const cy = top + lane * (q - 1) + lane / 2 + Math.max(-12, Math.min(12, offset));
    const r = 4 + 1.5 * Math.min((ev.n_sources || 1) - 1, 4);
    const asserted = ev.modality === 'asserted';
    const dot = svg('circle', {
      class: 'dot' + (ev.id === selected ? ' selected' : ''), cx: x(yr), cy, r, tabindex: 0,
      fill: asserted ? QUAD[q].color : '#fff', stroke: QUAD[q].color, 'data-id': ev.id,
      role: 'button', 'aria-label': `${ev.date_value} ${kindLabel(ev.kind)} ${pairLabel(ev)}`,
      onclick: () => onSelect(ev.id),
      onkeydown: e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onSelect(ev.id); } },
    }, svg('title', {}, `${ev.date_value} · ${kindLabel(ev.kind)} · ${pairLabel(ev)} · ${ev.modality}` +
      ` · ${ev.n_sources} source${ev.n_sources === 1 ? '' : 's'}`));
    chart.append(dot);
  }
  clear(node).append(chart);
}

export function drawIntensity(node, rows, dom, { onYear } = {}) {
  if (!dom || !rows.length) return empty(node, 'No asserted, dated events for this pair with these filters.');
  const width = Math.max(node.clientWidth, 480);
  const height = 170;
  const top = 10;
  const mid = top + (height - top - 24) / 2;
  const half = mid - top;
  const x = scale(dom, width);
  const max = Math.max(1, ...rows.map(r => Math.abs(r.sum)));
  const perYear = (width - LEFT - RIGHT) / (dom[1] - dom[0] || 1);
  const bar = Math.max(3, Math.min(18, perYear * 0.8));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
    'aria-label': 'Sum of event intensity by year' });
  chart.append(...axis(dom, x, top, top + 2 * half));
  for (const [value, y] of [[max, top], [0, mid], [-max, top + 2 * half]]) {
    chart.append(svg('text', { class: 'y-label', x: LEFT - 10, y: y + 4, 'text-anchor': 'end' }, signed(value)));
  }
  chart.append(svg('text', { class: 'y-label', x: 8, y: top + 10 }, 'cooperation'),
    svg('text', { class: 'y-label', x: 8, y: top + 2 * half }, 'conflict'));
  for (const r of rows) {
    const h = (Math.abs(r.sum) / max) * half;
    chart.append(svg('rect', {
      class: r.sum >= 0 ? 'bar coop' : 'bar conflict', x: x(r.year + 0.5) - bar / 2, width: bar,
      y: r.sum >= 0 ? mid - h : mid, height: Math.max(h, 1), 'data-year': r.year,
      onclick: onYear ? () => onYear(r.year) : null,
    }, svg('title', {}, `${r.year}: sum ${signed(r.sum)}, mean ${signed(r.mean)}, ${r.count} event` +
      `${r.count === 1 ? '' : 's'} (${r.cooperation} cooperation, ${r.conflict} conflict)` +
      (onYear ? ' · click for the state at the end of the year' : ''))));
  }
  chart.append(svg('line', { class: 'zero', x1: LEFT, x2: width - RIGHT, y1: mid, y2: mid }));
  clear(node).append(chart);
}
