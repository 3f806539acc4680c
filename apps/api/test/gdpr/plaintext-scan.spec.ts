import { encodedForms } from './support/plaintext-scan';

describe('the plaintext scan of the erasure test', () => {
  it.each([0, 1, 2, 5])('should find a value base64-encoded inside a longer run, %i bytes in', (offset) => {
    const value = 'Zoë "Plaintext" Quist';
    const blob = Buffer.concat([Buffer.alloc(offset, 7), Buffer.from(value), Buffer.alloc(9, 3)]).toString('base64');
    expect(encodedForms(value).some((form) => blob.includes(form))).toBe(true);
  });

  it('should find a value JSON-escaped and lower-cased', () => {
    const forms = encodedForms('Zoë "Q"');
    expect(forms).toEqual(expect.arrayContaining([JSON.stringify('Zoë "Q"').slice(1, -1), 'zoë "q"']));
  });
});
