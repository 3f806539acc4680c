import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { SCORE_COMMAND_TYPES } from '@bandpro/domain';
import { ApplyBatchDto } from '../apply-batch/apply-batch.dto';
import { ApplyCommandDto } from './apply-command.dto';
import { checkCommandData, COMMAND_SCHEMAS, EDIT_COMMAND_TYPES } from './command-schemas';

const P = '01a215c5-6c05-7eea-8446-235755f33866';
const M = '01a215c5-6c05-7eea-8446-235755f33867';

async function problemsOf<T extends object>(cls: new () => T, body: unknown): Promise<string[]> {
  const errors = await validate(plainToInstance(cls, body) as object, { whitelist: true, forbidNonWhitelisted: true });
  const flat = (list: typeof errors): string[] => list.flatMap((e) => [...Object.values(e.constraints ?? {}), ...flat(e.children ?? [])]);
  return flat(errors);
}

describe('command schemas', () => {
  it('should describe every command of the domain', () => {
    expect(Object.keys(COMMAND_SCHEMAS).sort()).toEqual([...SCORE_COMMAND_TYPES].sort());
    expect(EDIT_COMMAND_TYPES).not.toContain('CreateScore');
  });

  it('should accept a well-shaped command, with optional and nullable fields left out or null', () => {
    expect(checkCommandData('SetRehearsalMark', { measureId: M, text: null })).toEqual([]);
    expect(checkCommandData('RenamePart', { partId: P, name: 'Lead' })).toEqual([]);
  });

  it('should name each field that is unknown, missing, null where not allowed or of the wrong kind', () => {
    expect(checkCommandData('MovePart', { partId: P, toIndex: 1.5, colour: 'red' })).toEqual([
      { field: 'colour', problem: 'is not a field of this command' },
      { field: 'toIndex', problem: 'must be a whole number' },
    ]);
    expect(checkCommandData('SetTie', { partId: null, staff: 1, measureId: M, voice: 1, entryId: 'e', noteId: 'n', tied: 'yes' })).toEqual([
      { field: 'partId', problem: 'may not be null' },
      { field: 'tied', problem: 'must be true or false' },
    ]);
    expect(checkCommandData('RemovePart', {})).toEqual([{ field: 'partId', problem: 'is required' }]);
  });

  it('should never let an object or an array stand where a string or number is expected', () => {
    expect(checkCommandData('RemovePart', { partId: { $gt: '' } })).toEqual([{ field: 'partId', problem: 'must be a string' }]);
    expect(checkCommandData('MovePart', { partId: [P], toIndex: 0 })).toEqual([{ field: 'partId', problem: 'must be a string' }]);
    expect(checkCommandData('InsertMeasures', { beforeMeasureId: null, measureIds: {} })).toEqual([{ field: 'measureIds', problem: 'must be an array' }]);
    expect(checkCommandData('ImportScore', { score: [] })).toEqual([{ field: 'score', problem: 'must be an object' }]);
  });
});

describe('ApplyCommandDto and ApplyBatchDto', () => {
  it('should accept a known command with acceptable data', async () => {
    expect(await problemsOf(ApplyCommandDto, { type: 'RemovePart', data: { partId: P }, expectedVersion: 3 })).toEqual([]);
  });

  it('should refuse unknown types, CreateScore, non-object data and bad versions', async () => {
    expect((await problemsOf(ApplyCommandDto, { type: 'DropTable', data: {} })).join()).toMatch(/type must be one of/);
    expect((await problemsOf(ApplyCommandDto, { type: 'CreateScore', data: {} })).join()).toMatch(/type must be one of/);
    expect((await problemsOf(ApplyCommandDto, { type: 'RemovePart', data: 'x' })).join()).toMatch(/data must be an object/);
    expect((await problemsOf(ApplyCommandDto, { type: 'RemovePart', data: { partId: P }, expectedVersion: -1 })).join()).toMatch(/expectedVersion/);
  });

  it('should report problems in the data with the field named', async () => {
    expect(await problemsOf(ApplyCommandDto, { type: 'RemovePart', data: { partId: 7 } })).toEqual(['data.partId must be a string']);
  });

  it('should check every item of a batch and its size', async () => {
    expect(await problemsOf(ApplyBatchDto, { commands: [{ type: 'RemovePart', data: { partId: P } }] })).toEqual([]);
    expect(await problemsOf(ApplyBatchDto, { commands: [] })).toEqual(['commands must contain at least 1 elements']);
    expect(await problemsOf(ApplyBatchDto, { commands: [{ type: 'RemovePart', data: { partId: P, x: 1 } }] })).toEqual(['data.x is not a field of this command']);
    const tooMany = Array.from({ length: 201 }, () => ({ type: 'RemovePart', data: { partId: P } }));
    expect((await problemsOf(ApplyBatchDto, { commands: tooMany })).join()).toMatch(/no more than 200/);
  });
});
