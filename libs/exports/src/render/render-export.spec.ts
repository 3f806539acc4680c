import { PART_1, PART_2 } from '@bandpro/domain/testing';
import { strFromU8, unzipSync } from 'fflate';
import { blueBossa, recordingRenderers, request } from '../../test/support/fixtures';
import { ExportRequestError } from '../errors';
import { contentTypeOf, fileSafeName, uniqueFileNames } from './file-names';
import { renderExport } from './render-export';

const decode = (bytes: Uint8Array) => JSON.parse(strFromU8(bytes));

describe('renderExport', () => {
  it('should give one format of the full score as that file, named after the score', async () => {
    const renderers = recordingRenderers();
    const file = await renderExport(blueBossa(), request({ formats: ['pdf'], concertPitch: true, pageSize: 'Letter' }), renderers);
    expect(file).toMatchObject({ fileName: 'Blue Bossa.pdf', contentType: 'application/pdf' });
    expect(decode(file.bytes)).toEqual({ format: 'pdf', concertPitch: true, pageSize: 'Letter' });
  });

  it('should name a single part after the score and the part, and print it in written pitch', async () => {
    const file = await renderExport(blueBossa(), request({ formats: ['musicxml'], parts: [PART_1], concertPitch: true }), recordingRenderers());
    expect(file.fileName).toBe('Blue Bossa - Trumpet in B♭.musicxml');
    expect(file.contentType).toBe('application/vnd.recordare.musicxml+xml');
    expect(decode(file.bytes)).toEqual({ format: 'musicxml', partIds: [PART_1], concertPitch: false });
  });

  it('should zip every format for every part, each entry made by its own renderer', async () => {
    const file = await renderExport(blueBossa(), request({ formats: ['mxl', 'midi', 'pdf'], parts: [PART_1, PART_2] }), recordingRenderers());
    expect(file).toMatchObject({ fileName: 'Blue Bossa.zip', contentType: 'application/zip' });
    const entries = unzipSync(file.bytes);
    expect(Object.keys(entries).sort()).toEqual([
      'Blue Bossa - Tenor Saxophone.mid', 'Blue Bossa - Tenor Saxophone.mxl', 'Blue Bossa - Tenor Saxophone.pdf',
      'Blue Bossa - Trumpet in B♭.mid', 'Blue Bossa - Trumpet in B♭.mxl', 'Blue Bossa - Trumpet in B♭.pdf',
    ]);
    expect(decode(entries['Blue Bossa - Tenor Saxophone.mid'])).toEqual({ format: 'midi', partIds: [PART_2] });
    expect(decode(entries['Blue Bossa - Trumpet in B♭.pdf'])).toMatchObject({ format: 'pdf', partIds: [PART_1], pageSize: 'A4' });
  });

  it('should give an SVG one file per page, zipped when there are several', async () => {
    const single = await renderExport(blueBossa(), request({ formats: ['svg'] }), recordingRenderers(1));
    expect(single).toMatchObject({ fileName: 'Blue Bossa.svg', contentType: 'image/svg+xml' });
    const several = await renderExport(blueBossa(), request({ formats: ['svg'] }), recordingRenderers(2));
    expect(Object.keys(unzipSync(several.bytes))).toEqual(['Blue Bossa - page 1.svg', 'Blue Bossa - page 2.svg']);
  });

  it('should report progress after each file, ending at the whole', async () => {
    const seen: number[] = [];
    await renderExport(blueBossa(), request({ formats: ['midi', 'pdf'], parts: [PART_1, PART_2] }), recordingRenderers(), (done) => {
      seen.push(done);
    });
    expect(seen).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it('should refuse a part the score does not have, before rendering anything', async () => {
    const renderers = recordingRenderers();
    const failure = renderExport(blueBossa(), request({ parts: [PART_1, 'no-such-part'] }), renderers);
    await expect(failure).rejects.toThrow(ExportRequestError);
    await expect(failure).rejects.toMatchObject({ code: 'EXPORT_PART_NOT_FOUND', details: { partId: 'no-such-part' } });
    expect(renderers.calls).toEqual([]);
  });

  it('should refuse an export with no format', async () => {
    await expect(renderExport(blueBossa(), request({ formats: [] }), recordingRenderers())).rejects.toMatchObject({ code: 'EXPORT_REQUEST_INVALID' });
  });

  it('should refuse a format it does not know (a request that skipped validation)', async () => {
    const unknown = request({ formats: ['wav' as 'pdf'] });
    await expect(renderExport(blueBossa(), unknown, recordingRenderers())).rejects.toMatchObject({ code: 'EXPORT_REQUEST_INVALID' });
  });
});

describe('export file names', () => {
  it('should make names safe as file names on every system', () => {
    expect(fileSafeName('Clarinet in B♭ 1/2', 'Part')).toBe('Clarinet in B♭ 1_2');
    expect(fileSafeName(' ..Tuba\u0007.. ', 'Part')).toBe('Tuba_');
    expect(fileSafeName(' . ', 'Part')).toBe('Part');
    expect(fileSafeName('x'.repeat(300), 'Part')).toHaveLength(100);
  });

  it('should number names that clash ignoring case, before the extension', () => {
    expect(uniqueFileNames(['Horn.pdf', 'horn.pdf', 'Horn.pdf', 'README'])).toEqual(['Horn.pdf', 'horn (2).pdf', 'Horn (3).pdf', 'README']);
  });

  it('should know the media type of each export file', () => {
    expect(contentTypeOf('a.mid')).toBe('audio/midi');
    expect(contentTypeOf('a.MXL')).toBe('application/vnd.recordare.musicxml');
    expect(contentTypeOf('a.bin')).toBe('application/octet-stream');
  });
});
