import { ConflictError, NotFoundError } from '@bandpro/domain';
import { NothingToRedo, NothingToUndo, RedoConflict, RestoreScopeNotFound, UndoConflict } from '../../src';

describe('undo, redo and restore errors', () => {
  it('should carry the stable codes and kinds the API maps to 409 and 404', () => {
    const conflict = { targetCommandId: 'c1', elementId: 'e1', commandId: 'c2', version: 7, actor: { id: 'bob', kind: 'user' }, reason: 'changed since' };
    const errors = [new NothingToUndo({ userId: 'ann' }), new NothingToRedo({ userId: 'ann' }), new UndoConflict(conflict), new RedoConflict(conflict)];

    expect(errors.map((e) => e.code)).toEqual(['NOTHING_TO_UNDO', 'NOTHING_TO_REDO', 'UNDO_CONFLICT', 'REDO_CONFLICT']);
    expect(errors.every((e) => e instanceof ConflictError)).toBe(true);
    expect(errors[2].message).toBe('Cannot undo c1: bob changed e1 since (change c2, version 7)');
    expect(new RestoreScopeNotFound({ scope: 'part', missing: ['p9'] })).toMatchObject({ code: 'RESTORE_SCOPE_NOT_FOUND', message: 'The version to restore has no part p9' });
    expect(new RestoreScopeNotFound({ scope: 'part', missing: [] })).toBeInstanceOf(NotFoundError);
  });
});
