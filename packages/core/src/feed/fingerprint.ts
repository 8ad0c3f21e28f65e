/**
 * A fixed-size invertible fingerprint of a set of session ids (an invertible Bloom lookup table).
 * The feed keeps one of every session it believes exists; a sweep of the real list builds another,
 * and the difference of the two decodes into the ids that appeared (e.g. a session whose recorded
 * date was moved below the feed's position) and those that disappeared, as long as the difference
 * is small compared to the number of cells. Size does not grow with the account.
 */
import { idHash } from './state';

/** A 48-bit key (two 24-bit halves, so XOR stays within int32 arithmetic). */
export interface Key {
  hi: number;
  lo: number;
}

const HASHES = 4;
const CELL_BYTES = 12; // count (int16) + hi (3) + lo (3) + check (4)

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const sextets = (s: string) => [...s].reduce((n, c) => n * 64 + B64URL.indexOf(c), 0);

/** The fingerprint key of a session id: the same 48-bit hash the feed's known set uses. */
export function keyOf(id: string): Key {
  const h = idHash(id);
  return { hi: sextets(h.slice(0, 4)), lo: sextets(h.slice(4, 8)) };
}

/** Key as a stable string, for maps. */
export const keyString = (k: Key): string => `${k.hi}.${k.lo}`;

/** Mixes a key and a seed into 32 well-spread bits (murmur3's finaliser: every output bit depends on every input bit). */
function mix(k: Key, seed: number): number {
  let h = Math.imul(k.hi ^ seed, 0xcc9e2d51);
  h = Math.imul((h << 15) | (h >>> 17), 0x1b873593) ^ k.lo;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit checksum of a key: tells a cell holding exactly one key from a mixture. */
const check = (k: Key): number => mix(k, 0x5bd1e995);

/** The HASHES distinct cells of a key: one in each quarter of the table, independently placed. */
function cellsOf(k: Key, size: number): number[] {
  const part = Math.floor(size / HASHES);
  const out: number[] = [];
  for (let i = 0; i < HASHES; i++) out.push(i * part + (mix(k, 0x9e3779b9 + i * 0x7f4a7c15) % part));
  return out;
}

/** Cells of a fingerprint: count, XOR of hi, XOR of lo, XOR of checks. */
export class Fingerprint {
  readonly count: Int32Array;
  readonly hi: Int32Array;
  readonly lo: Int32Array;
  readonly chk: Uint32Array;

  constructor(readonly size: number) {
    this.count = new Int32Array(size);
    this.hi = new Int32Array(size);
    this.lo = new Int32Array(size);
    this.chk = new Uint32Array(size);
  }

  /** Adds (sign 1) or removes (sign -1) a key. */
  add(k: Key, sign: 1 | -1 = 1): this {
    const c = check(k);
    for (const i of cellsOf(k, this.size)) {
      this.count[i] += sign;
      this.hi[i] ^= k.hi;
      this.lo[i] ^= k.lo;
      this.chk[i] = (this.chk[i] ^ c) >>> 0;
    }
    return this;
  }

  /** this minus other (same size): what this set has more (+1) or less (-1) than the other. */
  minus(other: Fingerprint): Fingerprint {
    const out = new Fingerprint(this.size);
    for (let i = 0; i < this.size; i++) {
      out.count[i] = this.count[i] - other.count[i];
      out.hi[i] = this.hi[i] ^ other.hi[i];
      out.lo[i] = this.lo[i] ^ other.lo[i];
      out.chk[i] = (this.chk[i] ^ other.chk[i]) >>> 0;
    }
    return out;
  }

  /**
   * Lists the keys of a difference by peeling cells that hold exactly one key. Null when the
   * difference is too large to decode (the caller must then say so rather than guess).
   */
  decode(): { added: Key[]; removed: Key[] } | null {
    const d = this.minus(new Fingerprint(this.size)); // a working copy
    const added: Key[] = [];
    const removed: Key[] = [];
    for (let progress = true; progress; ) {
      progress = false;
      for (let i = 0; i < d.size; i++) {
        const sign = d.count[i];
        if (sign !== 1 && sign !== -1) continue;
        const k = { hi: d.hi[i] & 0xffffff, lo: d.lo[i] & 0xffffff };
        if (check(k) !== d.chk[i]) continue;
        (sign === 1 ? added : removed).push(k);
        d.add(k, sign === 1 ? -1 : 1);
        progress = true;
      }
    }
    for (let i = 0; i < d.size; i++) if (d.count[i] !== 0 || d.hi[i] !== 0 || d.lo[i] !== 0) return null;
    return { added, removed };
  }

  /** Compact base64url form for the feed state. */
  pack(): string {
    const b = Buffer.alloc(this.size * CELL_BYTES);
    for (let i = 0; i < this.size; i++) {
      const o = i * CELL_BYTES;
      b.writeInt16BE(Math.max(-32768, Math.min(32767, this.count[i])), o);
      b.writeUIntBE(this.hi[i] & 0xffffff, o + 2, 3);
      b.writeUIntBE(this.lo[i] & 0xffffff, o + 5, 3);
      b.writeUInt32BE(this.chk[i], o + 8);
    }
    return b.toString('base64url');
  }

  /** The fingerprint packed in `s`, or undefined when `s` is not one. */
  static unpack(s: unknown): Fingerprint | undefined {
    if (typeof s !== 'string' || !/^[A-Za-z0-9_-]*$/.test(s)) return undefined;
    const b = Buffer.from(s, 'base64url');
    if (b.length === 0 || b.length % CELL_BYTES !== 0) return undefined;
    const f = new Fingerprint(b.length / CELL_BYTES);
    for (let i = 0; i < f.size; i++) {
      const o = i * CELL_BYTES;
      f.count[i] = b.readInt16BE(o);
      f.hi[i] = b.readUIntBE(o + 2, 3);
      f.lo[i] = b.readUIntBE(o + 5, 3);
      f.chk[i] = b.readUInt32BE(o + 8);
    }
    return f;
  }
}
