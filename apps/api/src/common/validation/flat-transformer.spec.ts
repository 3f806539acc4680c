import 'reflect-metadata';
import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { flatTransformer } from './flat-transformer';

class Flat {
  @IsString() name!: string;
  @IsOptional() @IsInt() count?: number;
  @IsObject() data!: Record<string, unknown>;
}

class Inner {
  @IsString() value!: string;
}

class Nested {
  @ValidateNested() @Type(() => Inner) inner!: Inner;
}

class Trimmed {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)) @IsString() text!: string;
}

class NestedWithoutType {
  @ValidateNested() inner!: Inner;
}

describe('flatTransformer', () => {
  it('should build a flat DTO as class-transformer does, keeping the parsed nested values instead of copying them', () => {
    const body = { name: 'Take Five', data: { notes: [{ step: 'E' }] }, extra: 1 };
    const ours = flatTransformer.plainToInstance(Flat, body) as Flat & { extra: number };
    const theirs = plainToInstance(Flat, body);
    expect(ours).toBeInstanceOf(Flat);
    expect(ours).toEqual(theirs);
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
    expect(ours.data).toBe(body.data);
    expect(theirs.data).not.toBe(body.data);
  });

  it('should leave classes class-transformer has work for to class-transformer', () => {
    const nested = flatTransformer.plainToInstance(Nested, { inner: { value: 'x' } }) as Nested;
    expect(nested.inner).toBeInstanceOf(Inner);
    expect((flatTransformer.plainToInstance(Trimmed, { text: '  a  ' }) as Trimmed).text).toBe('a');
    // Nested validation needs an instance of the nested class; class-validator reports the plain object it gets.
    const untyped = flatTransformer.plainToInstance(NestedWithoutType, { inner: { value: 'x' } }) as NestedWithoutType;
    expect(untyped.inner).not.toBe(undefined);
    expect(untyped).toEqual(plainToInstance(NestedWithoutType, { inner: { value: 'x' } }));
  });

  it('should leave anything but a plain object, and an object with a __proto__ key, to class-transformer', () => {
    const array = flatTransformer.plainToInstance(Flat, [{ name: 'a' }, { name: 'b' }]) as Flat[];
    expect(array).toHaveLength(2);
    expect(array[0]).toBeInstanceOf(Flat);
    expect(flatTransformer.plainToInstance(Flat, 'text')).toBe('text');
    const poisoned = JSON.parse('{"name":"a","__proto__":{"polluted":true}}') as object;
    const built = flatTransformer.plainToInstance(Flat, poisoned) as Flat & { polluted?: boolean };
    expect(Object.getPrototypeOf(built)).toBe(Flat.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
