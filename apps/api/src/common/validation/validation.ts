import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiError } from '../errors/api-error';
import { flatTransformer } from './flat-transformer';
import { rememberValidationRules } from './remembered-rules';

interface FieldProblem {
  field: string;
  problems: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Unknown fields are refused, not dropped: a client that sends them has a bug worth hearing about. */
export function createValidationPipe(): ValidationPipe {
  rememberValidationRules();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    transformerPackage: flatTransformer,
    exceptionFactory: (errors) => new ApiError(400, 'VALIDATION_FAILED', 'The request is not valid', { errors: flatten(errors) }),
  });
}
