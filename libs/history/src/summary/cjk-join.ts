const IDEOGRAPH = /[\u3400-\u9fff]/;
/** Not a space, not CJK punctuation or full-width forms, not an ideograph: Latin letters, digits, ♭, ♯… */
const LATINISH = /[^\s\u3000-\u303f\uff00-\uffef\u3400-\u9fff]/;

function needsSpace(left: string, right: string): boolean {
  const [l, r] = [left.slice(-1), right.charAt(0)];
  return (IDEOGRAPH.test(l) && LATINISH.test(r)) || (LATINISH.test(l) && IDEOGRAPH.test(r));
}

/**
 * Joins the pieces of a Chinese sentence, with a space where Chinese meets Latin text or a number
 * ("第 12 小節的 B♭4 改為 C5"); spacing inside a piece (a title, a lyric) is left as the user wrote it.
 */
export function cjk(...pieces: string[]): string {
  let text = '';
  for (const piece of pieces) {
    if (piece === '') continue;
    text = text !== '' && needsSpace(text, piece) ? `${text} ${piece}` : `${text}${piece}`;
  }
  return text;
}
