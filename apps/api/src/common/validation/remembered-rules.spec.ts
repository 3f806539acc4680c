import { getMetadataStorage, IsInt, IsString, validate } from 'class-validator';
import { rememberValidationRules } from './remembered-rules';

class Early {
  @IsString()
  name!: unknown;
}

const rulesOf = (target: abstract new () => unknown) => getMetadataStorage().getTargetValidationMetadatas(target, '', false, false);

describe('rememberValidationRules', () => {
  beforeAll(() => rememberValidationRules());

  it('should answer a class looked up again from memory, with the same rules', () => {
    const first = rulesOf(Early);

    expect(rulesOf(Early)).toBe(first);
    expect(first.map((rule) => rule.propertyName)).toEqual(['name']);
  });

  it('should still refuse what the rules refuse', async () => {
    expect(await validate(Object.assign(new Early(), { name: 42 }))).toHaveLength(1);
    expect(await validate(Object.assign(new Early(), { name: 'Ada' }))).toHaveLength(0);
  });

  it('should forget its answers when a class registers rules later, so those count too', async () => {
    const before = rulesOf(Early);
    class Late extends Early {
      @IsInt()
      bars!: unknown;
    }

    expect(rulesOf(Early)).not.toBe(before);
    expect(rulesOf(Late).map((rule) => rule.propertyName).sort()).toEqual(['bars', 'name']);
    expect(await validate(Object.assign(new Late(), { name: 'Ada', bars: 'many' }))).toHaveLength(1);
  });

  it('should keep the answers apart per option set', () => {
    expect(getMetadataStorage().getTargetValidationMetadatas(Early, '', true, false)).not.toBe(rulesOf(Early));
  });
});
