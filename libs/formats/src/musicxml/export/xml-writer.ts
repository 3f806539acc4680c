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

/** Characters XML 1.0 cannot hold at all (most control characters) are dropped rather than written. */
function xmlChars(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code >= 0x20 ? code !== 0xfffe && code !== 0xffff : code === 0x09 || code === 0x0a || code === 0x0d) out += ch;
  }
  return out;
}

export function escapeXml(text: string): string {
  return xmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attrsText(attrs: XmlNode['attrs']): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
}

function write(node: XmlNode, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const open = `${pad}<${node.name}${attrsText(node.attrs)}`;
  if (node.children.length === 0) {
    out.push(`${open}/>`);
    return;
  }
  if (node.children.every((c) => typeof c === 'string')) {
    out.push(`${open}>${node.children.map((c) => escapeXml(c as string)).join('')}</${node.name}>`);
    return;
  }
  out.push(`${open}>`);
  for (const c of node.children) {
    if (typeof c === 'string') out.push(`${pad}  ${escapeXml(c)}`);
    else write(c, depth + 1, out);
  }
  out.push(`${pad}</${node.name}>`);
}

export function serialise(root: XmlNode, doctype: string): string {
  const out = ['<?xml version="1.0" encoding="UTF-8" standalone="no"?>', doctype];
  write(root, 0, out);
  return `${out.join('\n')}\n`;
}
