import { isDomainError } from '../../errors/domain-error';

/**
 * given(history).when(command).then(events) / .thenThrows(code) for any decide/evolve pair: the test
 * language of the account, session and access aggregates (the score has its own, which also checks undo).
 */
export function aggregateSpec<C, E, S>(decide: (c: C, s: S) => E[], evolve: (s: S, e: E) => S, initial: () => S) {
  return (history: readonly E[] = []) => {
    const before = history.reduce(evolve, initial());
    return {
      when(command: C) {
        const run = () => decide(command, before);
        return {
          then(expected: E[]): S {
            const events = run();
            expect(events).toStrictEqual(expected);
            return events.reduce(evolve, before);
          },
          thenThrows(code: string): void {
            let error: unknown;
            try {
              run();
            } catch (e) {
              error = e;
            }
            expect(isDomainError(error) ? error.code : error).toBe(code);
          },
        };
      },
    };
  };
}

export const AT = '2026-01-01T00:00:00.000Z';
export const LATER = '2026-01-02T00:00:00.000Z';
export const metadata = (at = AT) => ({ actor: { id: 'u-actor', kind: 'user' as const }, at });
