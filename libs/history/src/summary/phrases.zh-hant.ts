import type { Articulation, Duration, DurationType, Interval, ScoreInfo } from '@bandpro/domain';
import { cjk } from './cjk-join';
import { intervalParts } from './interval-parts';
import type { BarRange, Noun, Phrases, Where } from './phrases';

const DURATIONS: Record<DurationType, string> = {
  whole: '全',
  half: '二分',
  quarter: '四分',
  eighth: '八分',
  '16th': '十六分',
  '32nd': '三十二分',
  '64th': '六十四分',
};

const NOUNS: Record<Noun, string> = {
  timeSignature: '拍號',
  keySignature: '調號',
  clef: '譜號',
  tempo: '速度',
  length: '長度',
  volta: '反覆結尾',
  rehearsalMark: '排練記號',
  dynamic: '力度記號',
  chordSymbol: '和弦記號',
  duration: '時值',
  startBarline: '起始小節線',
  endBarline: '結束小節線',
};

const QUALITIES: Record<string, string> = { P: '純', M: '大', m: '小', A: '增', AA: '倍增', d: '減', dd: '倍減' };
const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三'];
const CLEFS: Record<string, string> = { G2: '高音譜號', F4: '低音譜號', C3: '中音譜號', C4: '次中音譜號', C1: '女高音譜號', F3: '上低音譜號' };
const ARTICULATIONS: Record<Articulation, string> = {
  staccato: '斷奏記號',
  accent: '重音記號',
  tenuto: '持續音記號',
  marcato: '強音記號',
  fermata: '延長記號',
};
const INFO_FIELDS: Record<keyof ScoreInfo, string> = {
  title: '標題',
  subtitle: '副標題',
  composer: '作曲者',
  arranger: '編曲者',
  copyright: '版權',
};

const quote = (text: string): string => `「${text}」`;
const barsText = ({ from, to }: BarRange): string => cjk('第', from === to ? `${from}` : `${from}–${to}`, '小節');
const where = (w: Where): string => `${w.bars === null ? '未知小節' : barsText(w.bars)}${w.part === null ? '' : `（${w.part}）`}`;

function duration(d: Duration): string {
  const dots = ['', '附點', '複附點'][d.dots] ?? `${d.dots} 個附點`;
  const tuplet = d.tuplet ? (d.tuplet.actual === 3 && d.tuplet.normal === 2 ? '三連音' : `${d.tuplet.actual}:${d.tuplet.normal} 連音`) : '';
  return `${tuplet}${dots}${DURATIONS[d.type]}`;
}

function interval(i: Interval): string {
  const { down, quality, size } = intervalParts(i);
  const degree = NUMERALS[size] ? `${NUMERALS[size]}度` : `${size} 度`;
  return `${down ? '移低' : '移高'}${QUALITIES[quality] ?? quality}${degree}`;
}

export const TRADITIONAL_CHINESE: Phrases = {
  sentence: (actor, predicate) => `${actor} ${predicate}`,
  quote,
  where,

  noun: (noun) => NOUNS[noun],
  duration: (d) => `${duration(d)}音符`,
  entry: (entry, pitches) => {
    const value = duration(entry.duration);
    if (entry.kind === 'rest') return `${value}休止符`;
    return pitches.length === 1 ? cjk(`${value}音符`, pitches[0]) : cjk(`${value}音符和弦`, pitches.join(' '));
  },
  entries: (count) => cjk(`${count}`, '個音符與休止符'),
  interval,
  clef: (clef) => {
    if (clef.sign === 'percussion') return '打擊樂譜號';
    if (clef.sign === 'TAB') return '六線譜號';
    const octave = clef.octaveChange === undefined ? '' : clef.octaveChange < 0 ? '（低八度）' : '（高八度）';
    return `${CLEFS[`${clef.sign}${clef.line}`] ?? cjk(clef.sign, '譜號（第', `${clef.line}`, '線）')}${octave}`;
  },
  key: (key, tonic) => cjk(tonic, key.mode === 'major' ? '大調' : '小調'),
  tempo: (tempo) => {
    const mark = cjk(`${duration({ type: tempo.beatUnit.type, dots: tempo.beatUnit.dots })}音符`, `= ${tempo.bpm}`);
    return tempo.text ? `${quote(tempo.text)}（${mark}）` : mark;
  },
  barline: (style) => ({ regular: '一般小節線', double: '雙小節線', final: '終止線', 'repeat-start': '反覆開始記號', 'repeat-end': '反覆結束記號' })[style],
  fullBar: () => '完整小節',
  articulation: (articulation) => ARTICULATIONS[articulation],
  hairpin: (kind) => (kind === 'crescendo' ? '漸強記號' : '漸弱記號'),
  slur: () => '圓滑線',
  tie: (pitch) => cjk(pitch, '的延音線'),
  chordNoteAdded: (pitch) => cjk('和弦音', pitch),
  chordNoteRemoved: (pitch) => cjk('和弦音', pitch),
  dynamic: (value) => cjk('力度記號', value),
  chordSymbol: (symbol) => cjk('和弦記號', symbol),
  text: (text) => `文字${quote(text)}`,
  lyric: (text) => `歌詞${quote(text)}`,
  lyricOfVerse: (verse) => cjk('第', `${verse}`, '段歌詞'),
  volta: (numbers) => cjk('第', numbers.join('、'), '次反覆結尾'),
  rehearsalMark: (text) => `排練記號${quote(text)}`,
  trailingRests: (count) => cjk('超出小節線的', `${count}`, '個休止符'),

  wrote: (what, w) => cjk('在', where(w), '寫入', what),
  added: (what, w) => cjk('在', where(w), '加入', what),
  removed: (what, w) => cjk('刪除', where(w), '的', what),
  deleted: (what, w) => cjk('刪除', where(w), '的', what),
  restored: (what, w) => cjk('恢復', where(w), '的', what),
  changed: (what, from, to, w) => cjk('將', where(w), '的', what ?? '', from, '改為', to),
  set: (what, value, w) => cjk('將', where(w), '的', what, '設為', value),
  setFrom: (what, value, w) => cjk('從', where(w), '起將', what, '設為', value),
  cleared: (what, w) => cjk('移除', where(w), '的', what, '變更'),

  created: (title) => `建立樂譜${quote(title)}`,
  imported: () => '匯入樂譜',
  discarded: () => '捨棄樂譜',
  info: (changes) => `將${changes.map(([field, value]) => `${INFO_FIELDS[field]}改為${quote(value)}`).join('，')}`,
  partAdded: (name) => cjk('新增聲部', name),
  partRemoved: (name) => cjk('刪除聲部', name),
  partMoved: (name, position) => cjk('將聲部', name, '移到第', `${position}`, '位'),
  partRenamed: (from, to) => cjk('將聲部', from, '改名為', to),
  instrumentChanged: (part, instrument) => cjk('將聲部', part, '的樂器改為', instrument),
  barsInserted: (count, afterBar) =>
    afterBar === null ? cjk('在開頭加入', `${count}`, '個小節') : cjk('在第', `${afterBar}`, '小節後加入', `${count}`, '個小節'),
  barsDeleted: (bars) => cjk('刪除', barsText(bars)),
  transposed: (bars, i, parts) => cjk('將', barsText(bars), parts === null ? '' : `（${parts}）`, interval(i)),
  aggregate: (count, bars, part) =>
    cjk(bars === null ? '' : `在${barsText(bars)}`, part === null ? '' : `（${part}）`, '做了', `${count}`, '項修改'),
  generic: () => '做了一項修改',
  undid: (summary) => `復原${quote(summary)}`,
  redid: (summary) => `重做${quote(summary)}`,
};
