import { DomainError } from '../errors/domain-error';
import { MusicError } from './music-error';

describe('MusicError', () => {
  it('is a DomainError that keeps its code, message and details', () => {
    const error = new MusicError('INVALID_PITCH', 'bad pitch', { text: 'H4' });
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ name: 'MusicError', code: 'INVALID_PITCH', message: 'bad pitch', details: { text: 'H4' } });
  });

  it('classes malformed values as invalid and unnotatable requests as rule violations', () => {
    expect(new MusicError('INVALID_INTERVAL', 'x').kind).toBe('invalid');
    expect(new MusicError('SPELLING_OUT_OF_RANGE', 'x').kind).toBe('rule');
    expect(new MusicError('UNEXPRESSIBLE_DURATION', 'x').kind).toBe('rule');
  });
});
