import type { MidiData, MidiEvent } from 'midi-file';

/**
 * Serialises the few event kinds the exporter produces into a Standard MIDI File, byte for byte what
 * midi-file's writeMidi gives (no running status), in linear time: writeMidi copies its whole buffer on every
 * variable-length number, which made a 20-part, 200-bar score take half a second.
 */
class Bytes {
  private buffer = new Uint8Array(1 << 16);
  length = 0;

  byte(value: number): void {
    if (this.length === this.buffer.length) this.grow(1);
    this.buffer[this.length++] = value & 0xff;
  }

  bytes(values: ArrayLike<number>): void {
    if (this.length + values.length > this.buffer.length) this.grow(values.length);
    for (let i = 0; i < values.length; i++) this.buffer[this.length++] = values[i] & 0xff;
  }

  uint(value: number, size: 2 | 3 | 4): void {
    for (let shift = (size - 1) * 8; shift >= 0; shift -= 8) this.byte(value >>> shift);
  }

  varInt(value: number): void {
    const groups = [value & 0x7f];
    for (let rest = value >>> 7; rest > 0; rest >>>= 7) groups.unshift((rest & 0x7f) | 0x80);
    this.bytes(groups);
  }

  text(text: string): void {
    this.varInt(text.length);
    for (let i = 0; i < text.length; i++) this.byte(text.charCodeAt(i));
  }

  view(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  private grow(needed: number): void {
    const next = new Uint8Array(Math.max(this.buffer.length * 2, this.length + needed));
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
}

function meta(out: Bytes, type: number, length: number): void {
  out.byte(0xff);
  out.byte(type);
  out.varInt(length);
}

function writeEvent(out: Bytes, event: MidiEvent): void {
  out.varInt(event.deltaTime);
  switch (event.type) {
    case 'noteOn':
    case 'noteOff':
      out.byte((event.type === 'noteOn' ? 0x90 : 0x80) | event.channel);
      out.byte(event.noteNumber);
      out.byte(event.velocity);
      return;
    case 'programChange':
      out.byte(0xc0 | event.channel);
      out.byte(event.programNumber);
      return;
    case 'trackName':
      out.byte(0xff);
      out.byte(0x03);
      out.text(event.text);
      return;
    case 'setTempo':
      meta(out, 0x51, 3);
      out.uint(event.microsecondsPerBeat, 3);
      return;
    case 'timeSignature':
      meta(out, 0x58, 4);
      out.bytes([event.numerator, Math.floor(Math.log2(event.denominator)), event.metronome, event.thirtyseconds || 8]);
      return;
    case 'keySignature':
      meta(out, 0x59, 2);
      out.bytes([event.key, event.scale]);
      return;
    case 'endOfTrack':
      meta(out, 0x2f, 0);
      return;
    default:
      throw new Error(`The MIDI writer has no encoding for ${event.type} events`);
  }
}

export function writeSmf({ header, tracks }: MidiData): Uint8Array {
  const out = new Bytes();
  out.bytes([0x4d, 0x54, 0x68, 0x64]); // MThd
  out.uint(6, 4);
  out.uint(header.format, 2);
  out.uint(tracks.length, 2);
  out.uint(header.ticksPerBeat as number, 2);
  for (const track of tracks) {
    const body = new Bytes();
    for (const event of track) writeEvent(body, event);
    out.bytes([0x4d, 0x54, 0x72, 0x6b]); // MTrk
    out.uint(body.length, 4);
    out.bytes(body.view());
  }
  return out.view().slice();
}
