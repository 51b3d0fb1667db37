// Remembers, for every normalized key (email) seen in a file, the row it first appeared on, in
// typed arrays rather than a Map of strings: a million emails take ~24 MB instead of ~150 MB.
// Keys are stored as 64-bit hashes (two independent 32-bit FNV-1a variants); two different
// emails colliding on all 64 bits has a probability around 1e-7 for a 1 GB file.

const EMPTY = -1;

function fnv1a(text: string, seed: number, prime: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, prime) >>> 0;
  }
  // Final avalanche (murmur3 fmix32) so nearby inputs spread over the table.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

export class KeyIndex {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private rows: Int32Array;
  private count = 0;

  constructor(capacity = 1 << 16) {
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.rows = new Int32Array(capacity).fill(EMPTY);
  }

  get size(): number {
    return this.count;
  }

  /** Records the key on this row if it is new; returns the row it was first seen on otherwise. */
  firstRow(key: string, row: number): number | undefined {
    if (this.count * 2 >= this.rows.length) this.grow();
    const hi = fnv1a(key, 0x811c9dc5, 0x01000193);
    const lo = fnv1a(key, 0x050c5d1f, 0x0100019d);
    const found = this.place(hi, lo, row);
    return found === EMPTY ? undefined : found;
  }

  private place(hi: number, lo: number, row: number): number {
    const mask = this.rows.length - 1;
    for (let slot = (hi ^ lo) & mask; ; slot = (slot + 1) & mask) {
      const existing = this.rows[slot]!;
      if (existing === EMPTY) {
        this.hi[slot] = hi;
        this.lo[slot] = lo;
        this.rows[slot] = row;
        this.count++;
        return EMPTY;
      }
      if (this.hi[slot] === hi && this.lo[slot] === lo) return existing;
    }
  }

  private grow(): void {
    const { hi, lo, rows } = this;
    const capacity = rows.length * 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.rows = new Int32Array(capacity).fill(EMPTY);
    this.count = 0;
    for (let i = 0; i < rows.length; i++) if (rows[i] !== EMPTY) this.place(hi[i]!, lo[i]!, rows[i]!);
  }
}
