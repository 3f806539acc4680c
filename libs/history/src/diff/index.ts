export { diffScores } from './diff-scores';
export { barNumberAt, barNumberOf } from './bar-numbers';
export type * from './diff.types';
