// The "state at a date" panel: what /api/state derives for the pair (relations, war, agreements,
// territories, sanctions), each value with small links to the canonical events that set it.
// Nothing is derived here: the panel only shows the API's answer.

import { el, clear, kindLabel, signed } from './dom.js';

const RELATIONS = { none: 'no relations recorded', established: 'established', severed: 'severed' };
const AGREEMENT = { signed: 'signed', in_force: 'in force', terminated: 'terminated' };

// One small button per event; `known` maps an id to its row from the timeline, for a label.
function evLinks(ids, known, onSelect) {
  if (!ids || !ids.length) return el('span', { class: 'evlinks muted' }, 'no event');
  return el('span', { class: 'evlinks', title: `${ids.length} event${ids.length === 1 ? '' : 's'} set this` },
    ...ids.map((id, i) => {
      const ev = known.get(id);
      const label = ev && ev.date_start ? String(ev.date_start).slice(0, 4) : `#${i + 1}`;
      const title = ev ? `${ev.date_value || 'undated'} · ${kindLabel(ev.kind)} — open its evidence`
        : 'open this event’s evidence';
      return el('button', { type: 'button', class: 'ev', 'data-event': id, title, onclick: () => onSelect(id) }, label);
    }));
}

function since(date) {
  return date ? el('span', { class: 'muted' }, ` since ${date}`) : '';
}

function yesNo(value) {
  return el('span', { class: `flag ${value ? 'yes' : 'no'}` }, value ? 'yes' : 'no');
}

function table(head, rows) {
  return el('div', { class: 'table-wrap state-table' }, el('table', {},
    el('thead', {}, el('tr', {}, ...head.map(h => el('th', {}, h)))),
    el('tbody', {}, ...rows.map(cells => el('tr', {}, ...cells.map(c => el('td', {}, c)))))));
}

export function renderState(node, st, known, onSelect) {
  const rel = st.relations;
  const war = st.war;
  const facts = el('dl', { class: 'facts state-facts' },
    el('dt', {}, 'Diplomatic relations'),
    el('dd', {}, el('span', { class: `rel-status ${rel.status}`, 'data-status': rel.status },
      RELATIONS[rel.status] || rel.status), since(rel.since), ' ', evLinks(rel.events, known, onSelect)),
    el('dt', {}, 'Hostilities'),
    el('dd', { class: 'hostilities' }, yesNo(war.hostilities), war.hostilities ? since(war.since) : ''),
    el('dt', {}, 'Legal state of war'),
    el('dd', { class: 'legal-war' }, yesNo(war.legal_state_of_war),
      !war.hostilities && war.since ? el('span', { class: 'muted' }, ` (fighting ended ${war.since})`) : '',
      ' ', evLinks(war.events, known, onSelect)),
    el('dt', {}, `Index ${st.index.year}`),
    el('dd', {}, `${signed(st.index.score) || '0.0'} from ${st.index.events} event${st.index.events === 1 ? '' : 's'} ` +
      'so far that year'));

  const agreements = st.agreements.length
    ? table(['Agreement', 'Status', 'Signed', 'Ratified', 'Terminated', 'Events'], st.agreements.map(g => [
      g.name, el('span', { class: `agr ${g.status}` }, AGREEMENT[g.status] || g.status),
      g.signed || '—', g.ratified || '—', g.terminated || '—', evLinks(g.events, known, onSelect)]))
    : el('p', { class: 'muted' }, 'None recorded by this date.');
  const territories = st.territories.length
    ? table(['Territory', 'Controlled by', 'Since', 'Claimed by', 'Events'], st.territories.map(t => [
      t.name, t.controller || el('span', { class: 'muted' }, 'nobody named'), t.since || '—',
      t.claimants.join(', ') || '—', evLinks(t.events, known, onSelect)]))
    : el('p', { class: 'muted' }, 'None recorded by this date.');
  const sanctions = st.sanctions.length
    ? el('ul', { class: 'plain' }, ...st.sanctions.map(s => el('li', {},
      `${s.by} on ${s.on || 'unnamed target'}`, since(s.since), ' ', evLinks(s.events, known, onSelect))))
    : el('p', { class: 'muted' }, 'None in force.');

  node.setAttribute('data-at', st.at);
  clear(node).append(facts,
    el('h3', {}, `Agreements (${st.agreements.length})`), agreements,
    el('h3', {}, `Territories (${st.territories.length})`), territories,
    el('h3', {}, `Sanctions (${st.sanctions.length})`), sanctions);
}
