export { PassageMustHaveNotes, AnalysisInputMustBeValid, SelectionMustHaveNotes } from './analysis-errors';
export { nameChord } from './name-chord';
export { detectKey, type TimedPitch, type KeyEstimate, type KeyDetection } from './detect-key';
export { type MelodyNote, type HarmonicRhythm } from './melody-slots';
export { suggestChords, type SuggestChordsOptions, type ChordSuggestion } from './suggest-chords';
export { type PassageRange, type PassageNote, passageNotes } from './score-passage';
export {
  nameSelectedChord, passageKey, passageChords, type NoteSelection, type PassageChords, type PassageChordSuggestion,
} from './passage-analysis';
