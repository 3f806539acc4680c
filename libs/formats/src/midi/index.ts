export { exportMidi, type MidiExportOptions } from './export-midi';
export { playbackOrder } from './playback-order';
export { MidiPpqMustBeValid, MidiPartMustExist, MidiRepeatsMustUnrollWithinLimit } from './midi-errors';
