import { DownloadSigner } from './download-signer';

const SECRET = 'a-secret-of-at-least-sixteen-chars';

function signerAt(seconds: { now: number }) {
  return new DownloadSigner(SECRET, () => seconds.now);
}

const queryOf = (search: string) => Object.fromEntries(new URLSearchParams(search));

describe('DownloadSigner', () => {
  it('should accept its own link before it expires and give back what it grants', () => {
    const clock = { now: 1_000 };
    const signer = signerAt(clock);
    const query = queryOf(signer.sign('abc.pdf', 'Blue Bossa.pdf', 900));
    expect(query['expires']).toBe('1900');
    clock.now = 1_899;
    expect(signer.verify(query)).toEqual({ ok: true, grant: { key: 'abc.pdf', name: 'Blue Bossa.pdf', expires: 1_900 } });
  });

  it('should call an authentic link expired from its expiry on', () => {
    const clock = { now: 1_000 };
    const signer = signerAt(clock);
    const query = queryOf(signer.sign('abc.pdf', 'a.pdf', 900));
    clock.now = 1_900;
    expect(signer.verify(query)).toEqual({ ok: false, reason: 'expired' });
  });

  it.each([
    ['another file', { key: 'other.pdf' }],
    ['another name', { name: 'b.pdf' }],
    ['a later expiry', { expires: '99999' }],
    ['a changed signature', { signature: '00'.repeat(32) }],
    ['a truncated signature', { signature: 'abcd' }],
    ['a signature that is not hex', { signature: 'zz' }],
    ['a missing signature', { signature: undefined }],
    ['an expiry that is not a number', { expires: '1e9' }],
  ])('should refuse a link changed to %s as invalid, even one past its expiry', (_, change) => {
    const clock = { now: 1_000 };
    const signer = signerAt(clock);
    const query = { ...queryOf(signer.sign('abc.pdf', 'a.pdf', 900)), ...change };
    expect(signer.verify(query)).toEqual({ ok: false, reason: 'invalid' });
    clock.now = 10 ** 9;
    expect(signer.verify(query)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('should refuse a link signed with another secret', () => {
    const other = new DownloadSigner('another-secret-sixteen-chars-long', () => 0);
    expect(signerAt({ now: 0 }).verify(queryOf(other.sign('abc.pdf', 'a.pdf', 900)))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('should refuse a secret too short to resist guessing', () => {
    expect(() => new DownloadSigner('short')).toThrow(/at least 16/);
  });

  it('should use the wall clock when given none', () => {
    const signer = new DownloadSigner(SECRET);
    expect(signer.verify(queryOf(signer.sign('k', 'n', 60))).ok).toBe(true);
  });
});
