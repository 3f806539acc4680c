import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { decide, type ImportScore, initialScoreState, isActiveScore, replay, type Score, type ScoreDocument, scoreOf } from '@bandpro/domain';
import { DEFAULT_LIMITS, importMusicXml, MusicXmlError, type PageSize } from '@bandpro/formats';
import { v7 } from 'uuid';
import { CliError } from '../../cli/cli-error';
import type { CliIo } from '../../cli/command';
import { writeFileAtomically } from '../../cli/write-atomically';
import type { OutputKind } from './file-kinds';
import { describeImport } from './import-report';
import { renderOutput } from './render-output';
import { selectPart } from './select-part';

export interface ConvertRequest {
  input: string;
  output: string;
  outputKind: OutputKind;
  /** A part's name or id; every part when absent. */
  part?: string;
  /** MusicXML and full-score PDF/SVG: sounding pitches. MIDI always sounds at concert pitch; part PDFs are written pitch. */
  concertPitch: boolean;
  /** Engraved outputs (.pdf, .svg, .zip). */
  pageSize: PageSize;
  /** .svg only: the page to write, from 1 (default 1). */
  page?: number;
}

/** Reads, imports, validates, exports and writes one file; what the import left out goes to stderr. */
export async function convert(request: ConvertRequest, io: CliIo): Promise<void> {
  const bytes = await readInput(request.input);
  const imported = importMusicXml(bytes, { ids: v7, filename: basename(request.input) });
  const report = describeImport(imported);
  if (report !== '') io.stderr(report);
  const score = asImported(imported.document);
  const parts = request.part === undefined ? score.parts : [selectPart(score.parts, request.part)];
  const data = await renderOutput(score, request, parts.map((p) => p.id));
  await writeFileAtomically(request.output, data);
  io.stdout(`Wrote ${request.output} (${plural(parts.length, 'part')}, ${plural(score.measures.length, 'bar')})\n`);
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

async function readInput(path: string): Promise<Uint8Array> {
  try {
    // Refused before reading, so a huge file is never loaded into memory only to be rejected.
    const { size } = await stat(path);
    if (size > DEFAULT_LIMITS.maxBytes) throw new MusicXmlError('MUSICXML_TOO_LARGE', `The file is larger than ${DEFAULT_LIMITS.maxBytes} bytes`, { size });
    return await readFile(path);
  } catch (error) {
    if (error instanceof MusicXmlError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new CliError('INPUT_NOT_FOUND', `No such file: ${path}`);
    throw new CliError('INPUT_NOT_READABLE', `Cannot read ${path}: ${(error as Error).message}`);
  }
}

/** The score exactly as the editor would hold it after an import: ImportScore decided and replayed. */
function asImported(document: ScoreDocument): Score {
  const command: ImportScore = { type: 'ImportScore', data: { score: document }, metadata: { actor: { id: 'bandpro-cli', kind: 'system' }, at: new Date().toISOString() } };
  const state = replay(decide(command, initialScoreState()));
  if (!isActiveScore(state)) throw new CliError('IMPORT_FAILED', 'The import produced no score');
  return scoreOf(state);
}
