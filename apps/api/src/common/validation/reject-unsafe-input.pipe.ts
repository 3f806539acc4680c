import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ApiError } from '../errors/api-error';
import { findUnsafeInput } from './operator-keys';

/** Runs before the ValidationPipe on every body, query and route parameter. */
@Injectable()
export class RejectUnsafeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const unsafe = findUnsafeInput(value);
    if (!unsafe) return value;
    const message = unsafe.reason === 'too-deep' ? 'The input is nested too deeply' : `Field names may not start with "$" or contain "."`;
    throw new ApiError(400, 'UNSAFE_INPUT', message, { field: unsafe.path || metadata.data || metadata.type });
  }
}
