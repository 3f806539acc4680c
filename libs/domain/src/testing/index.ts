export * from './ids';
export * from './commands';
export * from './given-when-then';
export * from './history';
export * from './arbitraries/history.arbitrary';
export { allEntries, chordEntries, allMarks } from './arbitraries/pick';
