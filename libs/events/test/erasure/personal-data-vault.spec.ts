import { InMemoryKeyStore } from '../../src/adapters/memory/in-memory-key-store';
import { ErasureIncompleteError, InvalidSubjectIdError, SubjectErasedError, UnreadableSealedValueError } from '../../src/erasure/errors';
import type { KeyStore } from '../../src/erasure/key-store.port';
import { PersonalDataVault, type ErasureListener } from '../../src/erasure/personal-data-vault';
import { findSealedSubjects, isErasedValue, isSealedValue, type SealedValue } from '../../src/erasure/sealed-value';

/** A real in-memory key store that also counts how often the vault had to ask it. */
class CountingKeyStore extends InMemoryKeyStore {
  lookups = 0;
  override async findKey(subjectId: string) {
    this.lookups += 1;
    return super.findKey(subjectId);
  }
}

function setUp(options: ConstructorParameters<typeof PersonalDataVault>[1] = {}, keys: KeyStore = new InMemoryKeyStore()) {
  return { keys, vault: new PersonalDataVault(keys, options) };
}

describe('PersonalDataVault', () => {
  it('should seal text and JSON so that only the subject id is readable, and open them again', async () => {
    const { vault } = setUp();

    const name = await vault.seal('person-1', 'Ada Lovelace');
    const contact = await vault.seal('person-1', { email: 'ada@example.org', phones: ['+44 1'] });

    expect(name).toEqual({ $pii: { s: 'person-1', iv: expect.any(String), ct: expect.any(String), tag: expect.any(String) } });
    expect(JSON.stringify([name, contact])).not.toMatch(/Ada|ada@example/);
    expect(await vault.open(name)).toBe('Ada Lovelace');
    expect(await vault.open(contact)).toEqual({ email: 'ada@example.org', phones: ['+44 1'] });
  });

  it('should never hand out the same IV twice, across many draws of random bytes', async () => {
    const { vault } = setUp();

    const sealed = await Promise.all(Array.from({ length: 1000 }, (_, i) => vault.seal('person-1', `value ${i}`)));

    expect(new Set(sealed.map((value) => value.$pii.iv)).size).toBe(1000);
    expect(await vault.open(sealed[0])).toBe('value 0');
    expect(await vault.open(sealed[999])).toBe('value 999');
  });

  it('should use a fresh IV for every seal, so equal values do not look equal', async () => {
    const { vault } = setUp();

    const [a, b] = [await vault.seal('person-1', 'Ada'), await vault.seal('person-1', 'Ada')];

    expect(a.$pii.iv).not.toBe(b.$pii.iv);
    expect(a.$pii.ct).not.toBe(b.$pii.ct);
  });

  it('should open every sealed value at any depth of an event and leave the rest alone', async () => {
    const { vault } = setUp();
    const data = {
      bandId: 'b-1',
      members: [{ id: 'person-1', name: await vault.seal('person-1', 'Ada') }, { id: 'person-2', name: await vault.seal('person-2', 'Grace') }],
      note: { pitch: 'C4', by: await vault.seal('person-1', { initials: 'AL' }) },
      count: 2, none: null,
    };

    expect(await vault.openDeep(data)).toEqual({
      bandId: 'b-1',
      members: [{ id: 'person-1', name: 'Ada' }, { id: 'person-2', name: 'Grace' }],
      note: { pitch: 'C4', by: { initials: 'AL' } },
      count: 2, none: null,
    });
    expect(isSealedValue(data.members[0].name)).toBe(true);
  });

  it('should read an erased subject\'s values as { $erased: true } and leave other subjects readable', async () => {
    const { vault } = setUp();
    const data = { a: await vault.seal('person-1', 'Ada'), b: await vault.seal('person-2', 'Grace') };

    await vault.erase('person-1');

    const opened = await vault.openDeep(data);
    expect(opened).toEqual({ a: { $erased: true }, b: 'Grace' });
    expect(isErasedValue(opened.a)).toBe(true);
    expect(await vault.open(data.a)).toEqual({ $erased: true });
  });

  it('should refuse to seal anything more for an erased subject', async () => {
    const { vault } = setUp();
    await vault.seal('person-1', 'Ada');
    await vault.erase('person-1');

    await expect(vault.seal('person-1', 'Ada again')).rejects.toThrow(SubjectErasedError);
  });

  it('should refuse a tampered ciphertext and a value relabelled to another subject', async () => {
    const { vault } = setUp();
    const sealed = await vault.seal('person-1', 'Ada');
    await vault.seal('person-2', 'Grace');
    const flipped = Buffer.from(sealed.$pii.ct, 'base64');
    flipped[0] ^= 1;

    await expect(vault.open({ $pii: { ...sealed.$pii, ct: flipped.toString('base64') } })).rejects.toThrow(UnreadableSealedValueError);
    await expect(vault.openDeep({ x: { $pii: { ...sealed.$pii, s: 'person-2' } } })).rejects.toMatchObject({ code: 'SEALED_VALUE_UNREADABLE' });
    await expect(vault.open({ $pii: { ...sealed.$pii, tag: sealed.$pii.tag.slice(0, 8) } })).rejects.toThrow(UnreadableSealedValueError);
  });

  it('should refuse an empty subject id', async () => {
    const { vault } = setUp();

    await expect(vault.seal('', 'Ada')).rejects.toThrow(InvalidSubjectIdError);
    await expect(vault.erase(undefined as unknown as string)).rejects.toThrow(InvalidSubjectIdError);
  });

  it('should keep a key cached only until its TTL, so an erasure by another process takes effect', async () => {
    let now = 0;
    const keys = new CountingKeyStore();
    const { vault } = setUp({ keyCacheTtlMs: 1_000, now: () => now }, keys);
    const other = new PersonalDataVault(keys);
    const sealed = await vault.seal('person-1', 'Ada');

    await other.erase('person-1');
    now = 999;
    expect(await vault.open(sealed)).toBe('Ada');
    expect(keys.lookups).toBe(0);
    now = 1_000;
    expect(await vault.open(sealed)).toEqual({ $erased: true });
    expect(keys.lookups).toBe(1);
  });

  it('should forget cached keys on demand, and cache nothing with a TTL of 0', async () => {
    const keys = new CountingKeyStore();
    const cached = new PersonalDataVault(keys);
    const uncached = new PersonalDataVault(keys, { keyCacheTtlMs: 0 });
    const sealed = await cached.seal('person-1', 'Ada');

    await uncached.open(sealed);
    await uncached.open(sealed);
    expect(keys.lookups).toBe(2);

    await keys.deleteKey('person-1');
    expect(await cached.open(sealed)).toBe('Ada');
    cached.forgetKeys('person-1');
    expect(await cached.open(sealed)).toEqual({ $erased: true });
    cached.forgetKeys();
  });

  it('should keep at most the configured number of keys in memory, dropping the oldest', async () => {
    const keys = new CountingKeyStore();
    const vault = new PersonalDataVault(keys, { keyCacheMaxEntries: 2 });
    const sealed: SealedValue[] = [];
    for (const subject of ['p-1', 'p-2', 'p-3']) sealed.push(await vault.seal(subject, subject));

    expect([await vault.open(sealed[2]), await vault.open(sealed[1])]).toEqual(['p-3', 'p-2']);
    expect(keys.lookups).toBe(0);
    expect(await vault.open(sealed[0])).toBe('p-1');
    expect(keys.lookups).toBe(1);
  });

  it('should purge every listener after deleting the key, and report the ones that failed', async () => {
    const purged: string[] = [];
    const ok: ErasureListener = { purgeSubject: (id) => void purged.push(`read-model:${id}`) };
    const failing: ErasureListener = { purgeSubject: async () => Promise.reject(new Error('cache down')) };
    const { vault, keys } = setUp({ listeners: [ok] });
    vault.addErasureListener(failing);
    vault.addErasureListener({ purgeSubject: async (id) => void purged.push(`cache:${id}`) });
    const sealed = await vault.seal('person-1', 'Ada');

    const erasing = vault.erase('person-1');

    await expect(erasing).rejects.toThrow(ErasureIncompleteError);
    await expect(erasing).rejects.toMatchObject({ code: 'ERASURE_INCOMPLETE', subjectId: 'person-1', failures: [new Error('cache down')] });
    expect(purged).toEqual(['read-model:person-1', 'cache:person-1']);
    expect(await keys.findKey('person-1')).toBeUndefined();
    expect(await vault.open(sealed)).toEqual({ $erased: true });
  });
});

describe('sealed value helpers', () => {
  it('should recognise only complete sealed values', () => {
    expect(isSealedValue({ $pii: { s: 'a', iv: 'b', ct: 'c', tag: 'd' } })).toBe(true);
    expect(isSealedValue({ $pii: { s: 'a', iv: 'b', ct: 'c' } })).toBe(false);
    expect(isSealedValue({ $pii: null })).toBe(false);
    expect(isSealedValue('$pii')).toBe(false);
    expect(isErasedValue({ $erased: 'yes' })).toBe(false);
  });

  it('should list the subjects whose data an event holds', () => {
    const seal = (s: string) => ({ $pii: { s, iv: '', ct: '', tag: '' } });

    expect([...findSealedSubjects({ a: seal('p-1'), b: [seal('p-2'), { c: seal('p-1') }], d: 'p-3' })]).toEqual(['p-1', 'p-2']);
  });
});
