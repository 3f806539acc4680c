import type { Articulation, DynamicValue } from '@bandpro/domain';
import { type XmlElement } from '../io/xml-tree';
import type { PartContext } from './part-context';
import type { SlurEnd } from './read.types';

export interface ReadNotations {
  tie: boolean;
  articulations: Articulation[];
  slurs: SlurEnd[];
  dynamics: DynamicValue[];
}

const ARTICULATIONS: Readonly<Record<string, Articulation[]>> = {
  accent: ['accent'],
  'strong-accent': ['marcato'],
  staccato: ['staccato'],
  tenuto: ['tenuto'],
  'detached-legato': ['tenuto', 'staccato'],
};

export const DYNAMICS: readonly DynamicValue[] = ['ppp', 'pp', 'p', 'mp', 'mf', 'f', 'ff', 'fff', 'sf', 'sfz', 'fp'];

/** Dynamics inside <dynamics> (of a direction or a note's notations) that the model knows. */
export function readDynamics(el: XmlElement, ctx: PartContext): DynamicValue[] {
  const values: DynamicValue[] = [];
  for (const d of el.children) {
    if (DYNAMICS.includes(d.name as DynamicValue)) values.push(d.name as DynamicValue);
    else ctx.skip(d.name === 'other-dynamics' ? `dynamics "${d.text.trim()}"` : `dynamics ${d.name}`, 'this dynamic is not in the score model');
  }
  return values;
}

function readArticulations(el: XmlElement, ctx: PartContext, out: Articulation[]): void {
  for (const a of el.children) {
    const mapped = ARTICULATIONS[a.name];
    if (mapped) out.push(...mapped);
    else ctx.skip(a.name, 'this articulation is not in the score model');
  }
}

function readOne(child: XmlElement, ctx: PartContext, out: ReadNotations): void {
  switch (child.name) {
    case 'tied':
      if (child.attrs.type === 'start') out.tie = true;
      return;
    case 'slur':
      if (child.attrs.type === 'start' || child.attrs.type === 'stop') out.slurs.push({ type: child.attrs.type, number: child.attrs.number ?? '1' });
      return;
    case 'tuplet':
      // Tuplets are read from <time-modification>; the bracket is drawn from the durations.
      return;
    case 'articulations':
      readArticulations(child, ctx, out.articulations);
      return;
    case 'fermata':
      out.articulations.push('fermata');
      return;
    case 'dynamics':
      out.dynamics.push(...readDynamics(child, ctx));
      return;
    case 'ornaments':
    case 'technical':
      for (const o of child.children) if (o.name !== 'accidental-mark') ctx.skip(o.name, `${child.name} are not in the score model`);
      return;
    default:
      ctx.skip(child.name, 'this notation is not in the score model');
  }
}

export function readNotations(note: XmlElement, ctx: PartContext): ReadNotations {
  const out: ReadNotations = { tie: false, articulations: [], slurs: [], dynamics: [] };
  for (const tie of note.children) if (tie.name === 'tie' && tie.attrs.type === 'start') out.tie = true;
  for (const notations of note.children) {
    if (notations.name !== 'notations') continue;
    for (const child of notations.children) readOne(child, ctx, out);
  }
  out.articulations = [...new Set(out.articulations)];
  return out;
}
