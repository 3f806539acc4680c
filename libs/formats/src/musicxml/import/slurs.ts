import { ltF, type PartMeasure } from '@bandpro/domain';
import type { Placement } from './build-part';
import type { Frame } from './frames';
import type { NoteGroup, ReadPart } from './read.types';
import { type ImportReport, partLabel } from './report';

interface SlurWalk {
  read: ReadPart;
  frames: readonly Frame[];
  content: PartMeasure[];
  measureIds: readonly string[];
  report: ImportReport;
}

/** A slur from the note where it starts to the note where the slur of the same number stops. */
function addSlur(walk: SlurWalk, from: Placement | undefined, to: Placement | undefined, bar: string): void {
  const where = { bar, part: partLabel(walk.read.info) };
  if (!from || !to) {
    walk.report.skip('slur', 'a note it joins was left out', where);
    return;
  }
  if (to.measure < from.measure || (to.measure === from.measure && !ltF(from.offset, to.offset))) {
    walk.report.skip('slur', 'it does not end after it starts', where);
    return;
  }
  walk.content[from.measure].staves[from.staff - 1].slurs.push({
    id: '',
    voice: from.voice,
    offset: from.offset,
    end: { measureId: walk.measureIds[to.measure], offset: to.offset },
  });
}

export function placeSlurs(walk: SlurWalk, placed: Map<NoteGroup, Placement>): void {
  const open = new Map<string, NoteGroup>();
  walk.read.measures.forEach((measure, i) => {
    for (const g of measure.groups) {
      // Stops first: one note often ends a slur and starts the next with the same number.
      for (const s of g.slurs.filter((x) => x.type === 'stop')) {
        const start = open.get(s.number);
        if (!start) continue;
        open.delete(s.number);
        addSlur(walk, placed.get(start), placed.get(g), walk.frames[i].number);
      }
      for (const s of g.slurs.filter((x) => x.type === 'start')) open.set(s.number, g);
    }
  });
  if (open.size > 0) walk.report.skip('slur', 'it never ends', { part: partLabel(walk.read.info) });
}
