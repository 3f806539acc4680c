import { MusicXmlError } from '../../src/musicxml';
import { parseXml } from '../../src/musicxml/io/xml-tree';

/** The MusicXmlError parseXml throws (fails the test if it throws anything else, or nothing). */
function refusal(xml: string): MusicXmlError {
  try {
    parseXml(xml);
  } catch (error) {
    if (error instanceof MusicXmlError) return error;
    throw error;
  }
  throw new Error('expected the document to be refused');
}

describe('reading an XML tree', () => {
  it('should keep elements in document order with their attributes and text', () => {
    const root = parseXml('<?xml version="1.0"?>\n<a x="1" y=\'two\'><b>hi</b><c/><b z = "3" >there</b></a>\n');
    expect(root).toEqual({
      name: 'a',
      attrs: { x: '1', y: 'two' },
      text: '',
      children: [
        { name: 'b', attrs: {}, children: [], text: 'hi' },
        { name: 'c', attrs: {}, children: [], text: '' },
        { name: 'b', attrs: { z: '3' }, children: [], text: 'there' },
      ],
    });
  });

  it('should join an element\'s text around its children, comments, instructions and CDATA', () => {
    const root = parseXml('<words>one <!-- a note --><b/>two<?pi stuff?> <![CDATA[<three> & ]]>four</words>');
    expect(root.text).toBe('one two <three> & four');
    expect(root.children.map((c) => c.name)).toEqual(['b']);
  });

  it('should decode references in text and attributes, and leave undeclared entities as written', () => {
    const root = parseXml('<a t="&quot;&lt;&#65;&#x42;&apos;">&amp;&gt; &nbsp; &#0;</a>');
    expect(root.attrs.t).toBe('"<AB\'');
    expect(root.text).toBe('&> &nbsp; \uFFFD');
  });

  it('should read every line ending as LF, as XML prescribes', () => {
    expect(parseXml('<a t="x\r\ny">1\r\n2\r3</a>')).toMatchObject({ attrs: { t: 'x\ny' }, text: '1\n2\n3' });
  });

  it('should skip a DOCTYPE with an internal subset whose strings hold brackets', () => {
    const root = parseXml('<!DOCTYPE a [ <!ELEMENT a ANY> <!ATTLIST a t CDATA "]>"> ]>\n<!-- c --><a/>\n<?after?>');
    expect(root.name).toBe('a');
  });

  it('should accept names with dots, dashes, digits, colons and letters beyond ASCII', () => {
    expect(parseXml('<x:a-b.c1 é="1"/>')).toMatchObject({ name: 'x:a-b.c1', attrs: { é: '1' } });
  });

  it('should read a document nested far deeper than the call stack could recurse', () => {
    const depth = 100_000;
    let element = parseXml(`${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}`);
    for (let i = 1; i < depth; i++) element = element.children[0];
    expect(element.text).toBe('x');
  });

  it.each([
    ['an empty file', '', 'no root element', 1, 1],
    ['text only', 'just some text', 'Text outside the root element', 1, 1],
    ['text after the root', '<a/>\n x', 'Text outside the root element', 2, 2],
    ['two roots', '<a/><b/>', 'A second root element', 1, 5],
    ['an unclosed element', '<a><b></b>', 'Unclosed element <a>', 1, 11],
    ['a mismatched closing tag', '<a>\n  <b></c></a>', 'Closing tag </c> does not match <b>', 2, 6],
    ['a closing tag without an opening one', '</a>', 'Closing tag </a> has no opening tag', 1, 1],
    ['an unterminated closing tag', '<a></a', 'Unterminated closing tag </a>', 1, 7],
    ['an unterminated start tag', '<a x="1"', 'Unterminated tag <a>', 1, 9],
    ['attributes without space between them', '<a x="1"y="2"/>', 'Expected white space', 1, 9],
    ['a repeated attribute', '<a x="1" x="2"/>', 'Attribute x repeated in <a>', 1, 10],
    ['an attribute without a value', '<a x/>', 'Attribute x has no value', 1, 5],
    ['an unquoted attribute value', '<a x=1/>', 'The value of x is not quoted', 1, 6],
    ['an unclosed attribute value', '<a x="1/>', 'The value of x is not closed', 1, 6],
    ['a < in an attribute value', '<a x="<"/>', 'The value of x holds a <', 1, 6],
    ['a bare ampersand in text', '<a>fish & chips</a>', 'An & that starts no entity', 1, 9],
    ['a bare ampersand in an attribute', '<a x="R&B"/>', 'An & that starts no entity', 1, 8],
    ['a name starting with a digit', '<1a/>', 'Invalid name "1a"', 1, 2],
    ['a missing name', '< a/>', 'A name was expected', 1, 2],
    ['an unterminated comment', '<a><!-- </a>', 'Unterminated comment', 1, 4],
    ['an unterminated CDATA section', '<a><![CDATA[ </a>', 'Unterminated CDATA section', 1, 4],
    ['CDATA outside the root', '<![CDATA[x]]><a/>', 'CDATA outside the root element', 1, 1],
    ['an unterminated processing instruction', '<?xml version="1.0"', 'Unterminated processing instruction', 1, 1],
    ['an unterminated DOCTYPE', '<!DOCTYPE a [ <!ELEMENT a ANY>', 'Unterminated DOCTYPE', 1, 1],
    ['a DOCTYPE inside the root', '<a><!DOCTYPE a></a>', 'Unexpected markup declaration', 1, 4],
  ])('should refuse %s with MUSICXML_INVALID, saying where', (_what, xml, message, line, col) => {
    const error = refusal(xml);
    expect(error.code).toBe('MUSICXML_INVALID');
    expect(error.message).toContain(message);
    expect(error.details).toEqual({ line, col });
  });
});
