/**
 * Test helper: a structural view of project.qde XML (elements, attributes, text) and a diff of two of them, so
 * a round trip can be checked element for element. GUIDs are compared normalised (case, braces); namespace
 * declarations and xsi hints are not data; whitespace between elements is ignored, text inside elements is exact.
 */

import { SaxesParser } from 'saxes';

export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** Text directly inside the element (only elements without child elements keep it). */
  text: string;
}

const GUID = /^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/;

export function qdeTree(xml: string): XNode {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XNode[] = [];
  let root: XNode | undefined;
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns' || a.prefix === 'xsi') continue;
      attrs[a.local] = GUID.test(a.value) ? a.value.replace(/[{}]/g, '').toLowerCase() : a.value;
    }
    const node: XNode = { name: tag.local, attrs, children: [], text: '' };
    stack[stack.length - 1]?.children.push(node);
    stack.push(node);
    root ??= node;
  });
  const onText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const node = stack.pop();
    // Whitespace around child elements (or alone in an element written open and closed) is layout, not data.
    if (node && (node.children.length > 0 || node.text.trim() === '')) node.text = '';
  });
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

function label(node: XNode): string {
  const id = node.attrs.guid ?? node.attrs.targetGUID;
  return id === undefined ? node.name : `${node.name}[${id}]`;
}

/** Every difference between two trees, as `path: what`; empty when they are the same element for element. */
export function diffTrees(a: XNode, b: XNode, path = ''): string[] {
  const here = `${path}/${label(a)}`;
  if (a.name !== b.name) return [`${path}: <${a.name}> became <${b.name}>`];
  const out: string[] = [];
  for (const key of new Set([...Object.keys(a.attrs), ...Object.keys(b.attrs)])) {
    if (a.attrs[key] !== b.attrs[key]) {
      out.push(`${here} @${key}: ${JSON.stringify(a.attrs[key])} became ${JSON.stringify(b.attrs[key])}`);
    }
  }
  if (a.text !== b.text) out.push(`${here} text: ${JSON.stringify(a.text)} became ${JSON.stringify(b.text)}`);
  const n = Math.max(a.children.length, b.children.length);
  for (let i = 0; i < n; i++) {
    const x = a.children[i];
    const y = b.children[i];
    if (x && y) for (const d of diffTrees(x, y, here)) out.push(d);
    else if (x) out.push(`${here}: <${label(x)}> is missing`);
    else if (y) out.push(`${here}: <${label(y)}> was added`);
  }
  return out;
}

/** A copy of the tree without the nodes `drop` says yes to, and with `edit` applied to each kept node. */
export function pruneTree(
  node: XNode,
  drop: (n: XNode, parent: XNode) => boolean,
  edit: (n: XNode) => void = () => {},
): XNode {
  const copy: XNode = { ...node, attrs: { ...node.attrs }, children: [] };
  for (const c of node.children) if (!drop(c, node)) copy.children.push(pruneTree(c, drop, edit));
  edit(copy);
  return copy;
}
