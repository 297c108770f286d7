// The event panel: what the canonical event says, and every source that tells it, each with
// its sentence and the trigger and actors marked. Offsets are into the document text; the
// sentence starts at evidence_start, so each mark is placed relative to it.

import { el, clear, QUAD, kindLabel, docName, signed } from './dom.js';

function marks(src) {
  const base = src.evidence_start;
  const spans = [{ start: src.trigger_start, end: src.trigger_end, cls: 'trigger', title: 'trigger' }];
  for (const a of src.arguments || []) {
    spans.push({ start: a.start, end: a.end, cls: `actor ${a.role}`, title: `${a.role}: ${a.code}` });
  }
  const len = src.evidence_text.length;
  const inside = spans
    .map(s => ({ ...s, start: s.start - base, end: s.end - base }))
    .filter(s => s.start >= 0 && s.end <= len && s.start < s.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  let last = 0;
  for (const s of inside) {
    if (s.start < last) continue; // overlapping spans: the first (the trigger, when tied) wins
    out.push(s);
    last = s.end;
  }
  return out;
}

export function highlighted(src) {
  const text = src.evidence_text || '';
  const quote = el('blockquote', { class: 'evidence', lang: src.language || null });
  let pos = 0;
  for (const s of marks(src)) {
    quote.append(text.slice(pos, s.start), el('mark', { class: s.cls, title: s.title }, text.slice(s.start, s.end)));
    pos = s.end;
  }
  quote.append(text.slice(pos));
  return quote;
}

function row(label, ...value) {
  return [el('dt', {}, label), el('dd', {}, ...value)];
}

function sourceItem(src, ev) {
  const when = src.date_value ? `dated ${src.date_value}` : 'undated in this source';
  // Only what differs from the event above is repeated: a source may tell a meeting as talks,
  // or date it differently; the trigger is always shown, as the word the event was read from.
  const notes = [`trigger «${src.trigger_text}»`];
  if (src.kind !== ev.kind) notes.push(`told as ${kindLabel(src.kind)}`);
  if (src.modality !== ev.modality) notes.push(src.modality);
  if (!src.arguments_from) notes.push('actors not located in the sentence');
  else if (!(src.arguments || []).length) notes.push('the actors are not named in this sentence');
  else if (src.arguments_from === 'retagged') notes.push('actors located by tagging the document again');
  return el('li', { class: 'src-item' },
    el('div', { class: 'src-head' },
      el('span', { class: 'lang', title: 'language of the sentence' }, (src.language || '?').toUpperCase()),
      el('span', { class: 'doc', title: src.source_path || '' }, src.doc_title || docName(src.source_path)),
      el('span', { class: 'claimed' }, when)),
    highlighted(src),
    el('div', { class: 'src-foot muted' }, notes.join(' · '),
      src.doc_url ? [' · ', el('a', { href: src.doc_url, rel: 'noopener noreferrer', target: '_blank' }, 'original')]
        : ''));
}

export function renderDetail(node, ev) {
  const first = (ev.sources || [])[0] || {};
  const q = QUAD[ev.quad_class] || { label: '?', color: '#999' };
  const chip = el('span', { class: 'chip' }, el('i', { class: 'swatch' }), `${ev.quad_class} · ${q.label}`);
  chip.firstChild.style.background = q.color;
  const date = [ev.date_value || 'undated', ev.date_precision ? el('span', { class: 'muted' }, ` (${ev.date_precision})`) : ''];
  if (ev.date_conflict) date.push(el('span', { class: 'warn' }, ' sources disagree on the date'));
  const actors = [ev.source_code || '?', first.source_polity ? el('span', { class: 'muted' }, ` (${first.source_polity})`) : '',
    ' → ', ev.target_code || '—', first.target_polity ? el('span', { class: 'muted' }, ` (${first.target_polity})`) : ''];
  const facts = el('dl', { class: 'facts' },
    ...row('Date', ...date),
    ...row('Actors', ...actors),
    ...row('Modality', el('span', { class: `modality ${ev.modality}` }, ev.modality)),
    ...row('QuadClass', chip),
    ...row('PLOVER · CAMEO', `${first.plover || '?'} · ${first.cameo || '?'}`),
    ...row('Intensity', signed(ev.intensity)),
    ...(ev.agreement ? row('Agreement', ev.agreement) : []),
    ...(ev.territory && ev.territory.length ? row('Territory', ev.territory.join(', ')) : []),
    ...row('Told by', `${ev.n_sources} document${ev.n_sources === 1 ? '' : 's'}, ` +
      `${ev.n_mentions} mention${ev.n_mentions === 1 ? '' : 's'}`));
  const key = el('p', { class: 'mark-key muted' }, 'Marked: ', el('mark', { class: 'trigger' }, 'trigger'), ' ',
    el('mark', { class: 'actor source' }, 'source'), ' ', el('mark', { class: 'actor target' }, 'target'));
  clear(node).append(
    el('h2', {}, kindLabel(ev.kind)),
    facts,
    el('h3', {}, `Sources (${(ev.sources || []).length})`),
    key,
    el('ol', { class: 'sources' }, ...(ev.sources || []).map(src => sourceItem(src, ev))));
}
