// Small DOM helpers shared by the dashboard modules. Text always goes in as text nodes, never
// as HTML, so nothing from a document can inject markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function el(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

// QuadClass colours: Okabe–Ito, distinguishable with the common colour-vision deficiencies.
export const QUAD = {
  1: { label: 'Verbal cooperation', color: '#56B4E9' },
  2: { label: 'Material cooperation', color: '#009E73' },
  3: { label: 'Verbal conflict', color: '#E69F00' },
  4: { label: 'Material conflict', color: '#D55E00' },
};

export function kindLabel(kind) {
  const words = String(kind || '').toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function pairLabel(ev) {
  return `${ev.source_code || '?'} → ${ev.target_code || '—'}`;
}

export function docName(path) {
  const name = String(path || '').split('/').pop();
  return name || String(path || 'document');
}

export function signed(x) {
  if (x === null || x === undefined) return '';
  return (x > 0 ? '+' : x < 0 ? '−' : '') + Math.abs(x).toFixed(1);
}
