import { exportMidi, exportMusicXml, importMusicXml, renderPdf } from '@bandpro/formats';
import { atMost } from '../harness/figure';
import type { Section, SuiteContext } from '../harness/suite';
import { WorkloadCheckError } from '../store/appends/appender';
import { generateFormatsScore, type FormatsScore } from './formats-score';
import { measure } from './timing';

let cached: { generated: FormatsScore; musicXml: string } | undefined;

/** The score is generated once per process (a couple of seconds of decide/evolve) and shared by the sections. */
function benchScore(context: SuiteContext): { generated: FormatsScore; musicXml: string } {
  if (!cached) {
    context.progress('generating the 20-part, 200-measure score through the domain');
    const generated = generateFormatsScore();
    cached = { generated, musicXml: exportMusicXml(generated.score) };
    context.report({ name: 'score.parts', value: generated.score.parts.length, unit: 'parts' });
    context.report({ name: 'score.measures', value: generated.score.measures.length, unit: 'measures' });
    context.report({ name: 'score.entries_with_notes', value: generated.notes, unit: 'entries' });
    context.report({ name: 'score.commands', value: generated.commands, unit: 'commands' });
    context.report({ name: 'musicxml.bytes', value: Buffer.byteLength(cached.musicXml), unit: 'bytes' });
  }
  return cached;
}

function expect(condition: boolean, message: string): void {
  if (!condition) throw new WorkloadCheckError(message);
}

const measureCount = (xml: string): number => xml.match(/<measure /g)?.length ?? 0;

function report(context: SuiteContext, name: string, figures: { wallMs: number; cpuMs: number }, targetMs: number): void {
  context.report({ name: `${name}.ms`, value: figures.wallMs, unit: 'ms', target: atMost(targetMs) });
  context.report({ name: `${name}.cpu_ms`, value: figures.cpuMs, unit: 'ms' });
}

export const musicXmlExportSection: Section = {
  name: 'musicxml-export',
  async run(context) {
    const { generated } = benchScore(context);
    const expected = generated.score.parts.length * generated.score.measures.length;
    const figures = await measure(context, 'exportMusicXml', () => exportMusicXml(generated.score), (xml) =>
      expect(measureCount(xml) === expected, `the export holds ${measureCount(xml)} <measure> elements, not ${expected}`),
    );
    report(context, 'musicxml.export', figures, 500);
  },
};

export const musicXmlImportSection: Section = {
  name: 'musicxml-import',
  async run(context) {
    const { generated, musicXml } = benchScore(context);
    let n = 0;
    const ids = () => `0000aaaa-0000-7000-8000-${(++n).toString(16).padStart(12, '0')}`;
    const figures = await measure(context, 'importMusicXml', () => importMusicXml(musicXml, { ids }), ({ document, skipped }) => {
      expect(document.parts.length === generated.score.parts.length, `imported ${document.parts.length} parts`);
      expect(document.measures.length === generated.score.measures.length, `imported ${document.measures.length} measures`);
      expect(skipped.length === 0, `the import skipped ${skipped.length} element(s) of our own export`);
    });
    report(context, 'musicxml.import', figures, 1000);
  },
};

export const midiSection: Section = {
  name: 'midi',
  async run(context) {
    const { generated } = benchScore(context);
    const figures = await measure(context, 'exportMidi', () => exportMidi(generated.score), (midi) => {
      const header = Buffer.from(midi.subarray(0, 12));
      expect(header.toString('latin1', 0, 4) === 'MThd', 'the MIDI file has no MThd header');
      expect(header.readUInt16BE(10) > generated.score.parts.length, `the MIDI file has ${header.readUInt16BE(10)} tracks`);
    });
    report(context, 'midi.export', figures, 200);
    context.report({ name: 'midi.bytes', value: figures.result.length, unit: 'bytes' });
  },
};

const pageCount = (pdf: Uint8Array): number => Buffer.from(pdf).toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

export const pdfSection: Section = {
  name: 'pdf',
  async run(context) {
    const { generated } = benchScore(context);
    const figures = await measure(context, 'renderPdf (full score, A4)', () => renderPdf(generated.score, { pageSize: 'A4' }), (pdf) => {
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1') === '%PDF-', 'the output is not a PDF');
      expect(pageCount(pdf) > 0, 'the PDF has no pages');
    });
    const pages = pageCount(figures.result);
    context.report({ name: 'pdf.full_score.s', value: figures.wallMs / 1000, unit: 's', target: atMost(10) });
    context.report({ name: 'pdf.full_score.cpu_s', value: figures.cpuMs / 1000, unit: 's' });
    context.report({ name: 'pdf.full_score.pages', value: pages, unit: 'pages' });
    context.report({ name: 'pdf.full_score.s_per_page', value: figures.wallMs / 1000 / pages, unit: 's/page' });
  },
};
