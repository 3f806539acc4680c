import { MusicXmlError } from '../errors';

/*
 * A strict, single-pass XML 1.0 reader for the subset a score file uses: elements, attributes, text, CDATA,
 * comments, processing instructions and a DOCTYPE (skipped, never fetched). It builds the tree as it reads,
 * with an explicit stack (no recursion, so deep nesting cannot overflow the call stack). Why our own: the
 * general-purpose parser it replaces validated, then parsed into an intermediate tree we copied again; on a
 * 6 MB score that was 70% of the import. Entity declarations are refused before this runs (xml-tree.ts).
 */

export interface XmlElement {
  name: string;
  attrs: Readonly<Record<string, string>>;
  children: XmlElement[];
  /** The element's own text (its text children joined), entities decoded. */
  text: string;
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g;

function codePoint(n: number): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : '\uFFFD';
}

/** Decodes the five predefined entities and character references; anything else stays as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (_m, dec, hex, name) => {
    if (name) return NAMED[name];
    return codePoint(dec !== undefined ? Number(dec) : parseInt(hex, 16));
  });
}

const NAME_START = /^[:A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]/;
const NAME_REST = /^[-.\d:A-Za-z_\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C-\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]*$/;

/** An `&` that starts no reference: XML requires `&amp;` for a bare ampersand. */
const BARE_AMPERSAND = /&(?!(?:[:A-Za-z_\u00C0-\uFFFD][-.\w:\u00B7\u00C0-\uFFFD]*|#\d+|#x[0-9a-fA-F]+);)/;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
/** Where a name ends: white space, `/`, `>`, `=`, `<`, quotes, or the end of the text (NaN). */
const endsName = (c: number): boolean => isSpace(c) || c === 0x2f || c === 0x3e || c === 0x3d || c === 0x3c || c === 0x22 || c === 0x27 || c !== c;

class XmlReader {
  private pos = 0;
  /** Names seen before: a score repeats a few dozen element and attribute names hundreds of thousands of times. */
  private readonly validNames = new Set<string>();
  private readonly stack: XmlElement[] = [];
  private root: XmlElement | undefined;

  constructor(private readonly s: string) {}

  read(): XmlElement {
    const { s } = this;
    while (this.pos < s.length) {
      const lt = s.indexOf('<', this.pos);
      const end = lt < 0 ? s.length : lt;
      if (end > this.pos) this.text(this.pos, end);
      if (lt < 0) break;
      this.pos = lt;
      this.markup();
    }
    if (this.stack.length > 0) this.fail(`Unclosed element <${this.stack[this.stack.length - 1].name}>`);
    if (!this.root) this.fail('The file has no root element');
    return this.root;
  }

  private fail(message: string, at = this.pos): never {
    let line = 1;
    let lineStart = 0;
    for (let i = this.s.indexOf('\n'); i >= 0 && i < at; i = this.s.indexOf('\n', i + 1)) {
      line += 1;
      lineStart = i + 1;
    }
    throw new MusicXmlError('MUSICXML_INVALID', `The file is not well-formed XML: ${message}`, { line, col: at - lineStart + 1 });
  }

  /** The text with its references decoded, or a failure at its first bare `&`. */
  private decoded(text: string, at: number): string {
    if (!text.includes('&')) return text;
    const bare = BARE_AMPERSAND.exec(text);
    if (bare) this.fail('An & that starts no entity or character reference', at + bare.index);
    return decodeEntities(text);
  }

  private text(from: number, to: number): void {
    const parent = this.stack[this.stack.length - 1];
    if (parent) {
      parent.text += this.decoded(this.s.slice(from, to), from);
      return;
    }
    for (let i = from; i < to; i++) if (!isSpace(this.s.charCodeAt(i))) this.fail('Text outside the root element', i);
  }

  private markup(): void {
    const { s } = this;
    const next = s.charCodeAt(this.pos + 1);
    if (next === 0x2f) this.endTag();
    else if (next === 0x3f) this.skipPast('?>', 'Unterminated processing instruction');
    else if (next === 0x21) {
      if (s.startsWith('<!--', this.pos)) this.skipPast('-->', 'Unterminated comment');
      else if (s.startsWith('<![CDATA[', this.pos)) this.cdata();
      else if (s.startsWith('<!DOCTYPE', this.pos) && !this.root && this.stack.length === 0) this.doctype();
      else this.fail('Unexpected markup declaration');
    } else this.startTag();
  }

  private skipPast(terminator: string, message: string): number {
    const at = this.s.indexOf(terminator, this.pos);
    if (at < 0) this.fail(message);
    this.pos = at + terminator.length;
    return at;
  }

  private cdata(): void {
    const parent = this.stack[this.stack.length - 1];
    if (!parent) this.fail('CDATA outside the root element');
    const start = this.pos + 9;
    const end = this.skipPast(']]>', 'Unterminated CDATA section');
    parent.text += this.s.slice(start, end);
  }

  /** Skips the DOCTYPE, its quoted identifiers and any internal subset (its quoted strings may hold `]` or `>`). */
  private doctype(): void {
    const { s } = this;
    let depth = 0;
    for (let i = this.pos + 9; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x22 || c === 0x27) {
        const close = s.indexOf(c === 0x22 ? '"' : "'", i + 1);
        if (close < 0) break;
        i = close;
      } else if (c === 0x5b) depth += 1;
      else if (c === 0x5d) depth -= 1;
      else if (c === 0x3e && depth <= 0) {
        this.pos = i + 1;
        return;
      }
    }
    this.fail('Unterminated DOCTYPE');
  }

  private name(): string {
    const { s } = this;
    const start = this.pos;
    let i = start;
    while (!endsName(s.charCodeAt(i))) i++;
    const name = s.slice(start, i);
    if (!this.validNames.has(name)) {
      if (!NAME_START.test(name) || !NAME_REST.test(name)) this.fail(name ? `Invalid name "${name}"` : 'A name was expected', start);
      this.validNames.add(name);
    }
    this.pos = i;
    return name;
  }

  private skipSpace(): boolean {
    const start = this.pos;
    while (isSpace(this.s.charCodeAt(this.pos))) this.pos++;
    return this.pos > start;
  }

  private startTag(): void {
    if (this.root && this.stack.length === 0) this.fail('A second root element');
    this.pos += 1;
    const element: XmlElement = { name: this.name(), attrs: {}, children: [], text: '' };
    const attrs = element.attrs as Record<string, string>;
    for (;;) {
      const spaced = this.skipSpace();
      const c = this.s.charCodeAt(this.pos);
      if (c === 0x3e || (c === 0x2f && this.s.charCodeAt(this.pos + 1) === 0x3e)) {
        this.pos += c === 0x3e ? 1 : 2;
        this.open(element, c === 0x2f);
        return;
      }
      if (!spaced) this.fail(c !== c ? `Unterminated tag <${element.name}>` : `Expected white space, > or /> in <${element.name}>`);
      this.attribute(element.name, attrs);
    }
  }

  private attribute(elementName: string, attrs: Record<string, string>): void {
    const { s } = this;
    const at = this.pos;
    const name = this.name();
    if (Object.prototype.hasOwnProperty.call(attrs, name)) this.fail(`Attribute ${name} repeated in <${elementName}>`, at);
    this.skipSpace();
    if (s.charCodeAt(this.pos) !== 0x3d) this.fail(`Attribute ${name} has no value`);
    this.pos += 1;
    this.skipSpace();
    const quote = s.charCodeAt(this.pos);
    if (quote !== 0x22 && quote !== 0x27) this.fail(`The value of ${name} is not quoted`);
    const close = s.indexOf(quote === 0x22 ? '"' : "'", this.pos + 1);
    if (close < 0) this.fail(`The value of ${name} is not closed`);
    const value = s.slice(this.pos + 1, close);
    if (value.includes('<')) this.fail(`The value of ${name} holds a <`);
    attrs[name] = this.decoded(value, this.pos + 1);
    this.pos = close + 1;
  }

  private open(element: XmlElement, selfClosing: boolean): void {
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.children.push(element);
    else this.root = element;
    if (!selfClosing) this.stack.push(element);
  }

  private endTag(): void {
    const at = this.pos;
    this.pos += 2;
    const name = this.name();
    this.skipSpace();
    if (this.s.charCodeAt(this.pos) !== 0x3e) this.fail(`Unterminated closing tag </${name}>`);
    this.pos += 1;
    const open = this.stack.pop();
    if (!open) this.fail(`Closing tag </${name}> has no opening tag`, at);
    if (open.name !== name) this.fail(`Closing tag </${name}> does not match <${open.name}>`, at);
  }
}

/** The root element of a well-formed document; throws MUSICXML_INVALID (with line and column) otherwise. */
export function readXmlTree(text: string): XmlElement {
  // XML's end-of-line handling: a parser sees every CR LF and lone CR as LF.
  return new XmlReader(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).read();
}
