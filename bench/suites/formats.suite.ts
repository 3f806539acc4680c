import type { Suite } from '../harness/suite';
import { midiSection, musicXmlExportSection, musicXmlImportSection, pdfSection } from '../formats/formats.sections';

/** Import and export of a generated 20-part, 200-measure band score: MusicXML both ways, MIDI, the full-score PDF. */
export const suite: Suite = {
  name: 'formats',
  description: 'MusicXML import/export, MIDI export and full-score PDF of a 20-part, 200-measure score',
  sections: [musicXmlExportSection, musicXmlImportSection, midiSection, pdfSection],
};
