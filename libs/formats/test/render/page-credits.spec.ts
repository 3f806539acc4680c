import { withPageCredits } from '../../src/render/page-credits';

const XML = '<score-partwise><work><work-title>T</work-title></work><credit page="1"><credit-type>title</credit-type><credit-words>T</credit-words></credit><part-list></part-list></score-partwise>';

describe('the credits that head the first page', () => {
  it('should replace the exported credits with a centred title and subtitle, a right-aligned composer and arranger', () => {
    const xml = withPageCredits(XML, { title: 'A & <B>', subtitle: 'sub', composer: 'C "D"', arranger: 'E' });
    expect(xml.match(/<credit page=/g)).toHaveLength(4);
    expect(xml).toContain('<credit-type>title</credit-type><credit-words justify="center" halign="center" valign="top">A &amp; &lt;B&gt;</credit-words>');
    expect(xml).toContain('<credit-type>composer</credit-type><credit-words justify="right" halign="right" valign="bottom">C &quot;D&quot;</credit-words>');
    expect(xml).toContain('<credit-words justify="right" halign="right" valign="bottom">arr. E</credit-words>');
    expect(xml.indexOf('</credit><part-list>')).toBeGreaterThan(0);
  });

  it('should name the part on the left when one part is printed, and leave out what is empty', () => {
    const xml = withPageCredits(XML, { title: 'T', subtitle: '', composer: '', partName: 'Alto Sax' });
    expect(xml.match(/<credit page=/g)).toHaveLength(2);
    expect(xml).toContain('<credit-type>part name</credit-type><credit-words justify="left" halign="left" valign="bottom">Alto Sax</credit-words>');
  });
});
