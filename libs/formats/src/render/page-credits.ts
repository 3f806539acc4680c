export interface PageCredits {
  title: string;
  subtitle?: string;
  composer?: string;
  arranger?: string;
  /** Set when one part is printed on its own, so its player sees whose part it is. */
  partName?: string;
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function credit(type: string, text: string | undefined, align: 'left' | 'center' | 'right'): string {
  if (!text) return '';
  const valign = align === 'center' ? 'top' : 'bottom';
  return `<credit page="1"><credit-type>${type}</credit-type><credit-words justify="${align}" halign="${align}" valign="${valign}">${escapeXml(text)}</credit-words></credit>`;
}

/**
 * Replaces the credits of exported MusicXML with the ones Verovio prints as the first page's head: the
 * export carries the title without a position (Verovio would push it to the left edge) and the composer only
 * in <identification>, which Verovio does not print. Credits go just before <part-list>, where the schema
 * wants them.
 */
export function withPageCredits(musicXml: string, credits: PageCredits): string {
  const head = [
    credit('title', credits.title, 'center'),
    credit('subtitle', credits.subtitle, 'center'),
    credit('composer', credits.composer, 'right'),
    credit('arranger', credits.arranger && `arr. ${credits.arranger}`, 'right'),
    credit('part name', credits.partName, 'left'),
  ].join('');
  return musicXml.replace(/<credit\b[^>]*>[\s\S]*?<\/credit>/g, '').replace('<part-list>', `${head}<part-list>`);
}
