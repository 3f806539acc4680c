/** A minimal XML tree for writing: elements with attributes, child elements and text. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string | number | undefined>;
  children: (XmlNode | string)[];
}

type Child = XmlNode | string | number | undefined | null | false;

/** el('note', { print: 'no' }, el('rest'), ...): undefined, null and false children are left out. */
export function el(name: string, attrs: Record<string, string | number | undefined> = {}, ...children: Child[]): XmlNode {
  const kept: (XmlNode | string)[] = [];
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    kept.push(typeof c === 'number' ? String(c) : c);
  }
  return { name, attrs, children: kept };
}

/** An element holding only text (or a number). */
export const leaf = (name: string, text: string | number, attrs: Record<string, string | number | undefined> = {}): XmlNode => el(name, attrs, String(text));

/** Characters XML 1.0 cannot hold at all (most control characters): dropped rather than written. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
// eslint-disable-next-line no-control-regex -- as above
const NEEDS_WORK = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff&<>"]/;

export function escapeXml(text: string): string {
  // Almost every text and attribute of a score (numbers, step names, types) needs nothing: test once, copy nothing.
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attrsText(attrs: XmlNode['attrs']): string {
  let out = '';
  for (const key in attrs) {
    const value = attrs[key];
    if (value !== undefined) out += ` ${key}="${escapeXml(typeof value === 'number' ? String(value) : value)}"`;
  }
  return out;
}

const PADS: string[] = [];
const pad = (depth: number): string => (PADS[depth] ??= '  '.repeat(depth));

function write(node: XmlNode, depth: number, out: string[]): void {
  const indent = pad(depth);
  const open = `${indent}<${node.name}${attrsText(node.attrs)}`;
  const children = node.children;
  if (children.length === 0) {
    out.push(`${open}/>`);
    return;
  }
  if (children.length === 1 && typeof children[0] === 'string') {
    out.push(`${open}>${escapeXml(children[0])}</${node.name}>`);
    return;
  }
  if (children.every((c) => typeof c === 'string')) {
    out.push(`${open}>${children.map((c) => escapeXml(c as string)).join('')}</${node.name}>`);
    return;
  }
  out.push(`${open}>`);
  for (const c of children) {
    if (typeof c === 'string') out.push(`${indent}  ${escapeXml(c)}`);
    else write(c, depth + 1, out);
  }
  out.push(`${indent}</${node.name}>`);
}

export function serialise(root: XmlNode, doctype: string): string {
  const out = ['<?xml version="1.0" encoding="UTF-8" standalone="no"?>', doctype];
  write(root, 0, out);
  return `${out.join('\n')}\n`;
}
