import { fileSafeName, uniqueNames } from './batch-zip';

describe('zip entry names', () => {
  it('should make part names safe as file names on every system', () => {
    expect(fileSafeName('Clarinet in B♭ 1/2')).toBe('Clarinet in B♭ 1_2');
    expect(fileSafeName('Horn: "F" <solo>?*|\\')).toBe('Horn_ _F_ _solo_');
    expect(fileSafeName(' ..Tuba\u0007.. ')).toBe('Tuba_');
    expect(fileSafeName('../..')).toBe('_');
    expect(fileSafeName(' . ')).toBe('Part');
    expect(fileSafeName('x'.repeat(300))).toHaveLength(100);
  });

  it('should number names that clash, ignoring case, so no part overwrites another', () => {
    expect(uniqueNames(['Voice', 'Piano', 'voice', 'Voice', 'Voice (2)'])).toEqual(['Voice', 'Piano', 'voice (2)', 'Voice (3)', 'Voice (2) (2)']);
  });
});
