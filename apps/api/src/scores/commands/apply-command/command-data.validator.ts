import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { isScoreCommand, type ScoreCommandType } from '@bandpro/domain';
import { checkCommandData } from './command-schemas';

/** Checks `data` against the schema of the command named by the sibling `type` field. */
export function IsCommandDataFor(typeField: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isCommandDataFor',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [typeField],
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          return problemsOf(value, args).length === 0;
        },
        defaultMessage(args: ValidationArguments): string {
          return problemsOf(args.value, args).map((p) => `data.${p.field} ${p.problem}`).join('; ');
        },
      },
    });
  };
}

function problemsOf(value: unknown, args: ValidationArguments) {
  const type = (args.object as Record<string, unknown>)[args.constraints[0] as string];
  // An unknown type is reported by the type field's own check.
  if (typeof type !== 'string' || !isScoreCommand({ type })) return [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ field: '', problem: 'must be an object' }];
  return checkCommandData(type as ScoreCommandType, value as Record<string, unknown>);
}
