import type { Type } from '@nestjs/common';
import type { TransformerPackage } from '@nestjs/common/interfaces/external/transformer-package.interface';
import * as classTransformer from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage, ValidationTypes } from 'class-validator';

type Constructor = Type<unknown>;

/** Per DTO class: whether class-transformer would do nothing but copy a plain object's keys onto a new instance. */
const flatness = new WeakMap<Constructor, boolean>();

/**
 * A DTO is flat when class-transformer knows nothing of it (no @Type, @Transform, @Expose, @Exclude on any of its
 * properties or its class) and class-validator validates nothing in it as a nested class. For such a class,
 * class-transformer's `plainToInstance` only builds `new Dto()` and copies the keys, deep-copying nested plain
 * objects and arrays on the way: ~8% of what a command request allocates. A body or query fresh from the parser
 * needs no copy, so its keys are assigned as they are.
 */
function isFlat(type: Constructor): boolean {
  let flat = flatness.get(type);
  if (flat === undefined) {
    const rules = getMetadataStorage().getTargetValidationMetadatas(type, '', false, false);
    const properties = new Set(rules.map((rule) => rule.propertyName));
    flat =
      rules.every((rule) => rule.type !== ValidationTypes.NESTED_VALIDATION) &&
      defaultMetadataStorage.getStrategy(type) === 'none' &&
      defaultMetadataStorage.getExposedMetadatas(type).length === 0 &&
      defaultMetadataStorage.getExcludedMetadatas(type).length === 0 &&
      [...properties].every(
        (property) =>
          defaultMetadataStorage.findTypeMetadata(type, property) === undefined &&
          defaultMetadataStorage.findTransformMetadatas(type, property, classTransformer.TransformationType.PLAIN_TO_CLASS).length === 0,
      );
    flatness.set(type, flat);
  }
  return flat;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * class-transformer for the ValidationPipe (`transformerPackage`): the same result, without the copy, for a plain
 * object into a flat DTO; anything else (arrays, primitives, nested DTOs, decorated ones, a `__proto__` key) goes to
 * class-transformer itself.
 */
export const flatTransformer: TransformerPackage = {
  plainToInstance<T>(type: Type<T>, value: unknown, options?: classTransformer.ClassTransformOptions): T | T[] {
    if (!isPlainObject(value) || Object.prototype.hasOwnProperty.call(value, '__proto__') || !isFlat(type)) {
      return classTransformer.plainToInstance(type, value, options);
    }
    const instance = new type() as Record<string, unknown>;
    for (const key of Object.keys(value)) instance[key] = value[key];
    return instance as T;
  },
  classToPlain: classTransformer.classToPlain,
};
