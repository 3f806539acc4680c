import { isDomainError } from '@bandpro/domain';
import { MusicXmlError } from '../../src/musicxml';
import { renderMusicXmlPages, renderPdf, ScoreMustBeEngravable } from '../../src/render';
import { bandScore } from './support/scores';

describe('what cannot be rendered', () => {
  it('should refuse data Verovio cannot load with RENDER_FAILED, saying why', async () => {
    const error = await renderMusicXmlPages('<not-music/>', 'A4').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScoreMustBeEngravable);
    expect(isDomainError(error) && error).toMatchObject({ code: 'RENDER_FAILED', kind: 'rule' });
    expect((error as Error).message).toMatch(/^Verovio could not engrave this score: \S/);
  });

  it('should refuse a part the score does not have, before engraving anything', async () => {
    await expect(renderPdf(bandScore(), { pageSize: 'A4', partIds: ['no-such-part'] })).rejects.toMatchObject({ code: 'MUSICXML_PART_NOT_FOUND' });
    await expect(renderPdf(bandScore(), { pageSize: 'A4', partIds: ['no-such-part'] })).rejects.toBeInstanceOf(MusicXmlError);
  });

  it('should still render after a refusal (the shared toolkit is not left broken)', async () => {
    await renderMusicXmlPages('<not-music/>', 'A4').catch(() => undefined);
    await expect(renderPdf(bandScore(), { pageSize: 'A4' })).resolves.toBeInstanceOf(Uint8Array);
  });
});
