import { describeImport } from './import-report';

describe('describeImport', () => {
  it('should say nothing when the import kept everything', () => {
    expect(describeImport({ skipped: [], warnings: [] })).toBe('');
  });

  it('should list each skipped element with its count, part and bar, and each change made', () => {
    const text = describeImport({
      skipped: [
        { element: 'grace', reason: 'grace notes are not in the score model', part: 'Flute', bar: '3', count: 2 },
        { element: 'credit', reason: 'only the title is kept', count: 1 },
      ],
      warnings: [{ message: 'The measure is longer than its time signature', bar: '7' }, { message: 'UTF-16 text' }],
    });

    expect(text).toBe(
      [
        'Skipped 3 elements the score model cannot hold:',
        '  2 × <grace> (part "Flute", bar 3): grace notes are not in the score model',
        '  1 × <credit>: only the title is kept',
        'Changed on import:',
        '  The measure is longer than its time signature (bar 7)',
        '  UTF-16 text',
        '',
      ].join('\n'),
    );
  });

  it('should count a single skipped element in the singular', () => {
    expect(describeImport({ skipped: [{ element: 'grace', reason: 'r', part: 'P', count: 1 }], warnings: [] })).toMatch(/^Skipped 1 element the/);
  });
});
