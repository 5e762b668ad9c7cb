/**
 * zlib streams (RFC 1950/1951) of index images made of runs, such as VOC's masks, written without reading the
 * background: the caller says, row by row, which columns anything was drawn on (deflateRanges), and everything
 * outside is taken as zeros. Each run is one literal and back-references at distance 1, coded with Huffman codes
 * built for the image (one dynamic block); the Adler-32 checksum is computed run by run. zlib's run-length strategy
 * finds the same matches by reading every byte: for a 640×480 mask that is mostly background, this is several times
 * less work for the same size. Any inflater reads the result (test/codecs/run-deflate.test.ts checks it with zlib's).
 */

const MAX_MATCH = 258;
const MIN_MATCH = 3;
const ADLER_MOD = 65521;

/** Length symbol (257..285), its extra bits and their value, for every match length 3..258. */
const LENGTH_SYMBOL = new Uint16Array(MAX_MATCH + 1);
const LENGTH_EXTRA_BITS = new Uint8Array(MAX_MATCH + 1);
const LENGTH_EXTRA_VALUE = new Uint8Array(MAX_MATCH + 1);
{
  const base = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  const extra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  for (let k = 0; k < base.length; k++) {
    const last = k + 1 < base.length ? base[k + 1] - 1 : MAX_MATCH;
    for (let len = base[k]; len <= Math.min(last, MAX_MATCH); len++) {
      LENGTH_SYMBOL[len] = 257 + k;
      LENGTH_EXTRA_BITS[len] = extra[k];
      LENGTH_EXTRA_VALUE[len] = len - base[k];
    }
  }
}

/** The order code-length code lengths are sent in (RFC 1951 3.2.7). */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/**
 * Huffman code lengths for `freq` (0 for unused symbols), none longer than maxBits. A single used symbol gets
 * length 1 with an unused partner of length 1, so that the code is complete (inflaters refuse incomplete ones).
 */
export function huffmanLengths(freq: ArrayLike<number>, maxBits: number, lengths = new Uint8Array(freq.length)): Uint8Array {
  const n = freq.length;
  lengths.fill(0, 0, n);
  roomForSymbols(n);
  const used = tree.used, weights = tree.leafWeights;
  let m = 0;
  for (let s = 0; s < n; s++) if (freq[s] > 0) used[m++] = s;
  if (m === 0) return lengths;
  if (m === 1) {
    lengths[used[0]] = 1;
    lengths[used[0] === 0 ? 1 : 0] = 1;
    return lengths;
  }
  for (let i = 0; i < m; i++) weights[i] = freq[used[i]];
  for (;;) {
    const depth = treeDepths(m);
    let max = 0;
    for (let i = 0; i < m; i++) if (depth[i] > max) max = depth[i];
    if (max <= maxBits) {
      for (let i = 0; i < m; i++) lengths[used[i]] = depth[i];
      return lengths;
    }
    // Too deep: flatten the weights and build again (rare: needs very skewed counts).
    for (let i = 0; i < m; i++) weights[i] = (weights[i] >> 1) | 1;
  }
}

/** Scratch of huffmanLengths and treeDepths, kept between calls (two trees a stream, a stream an image). */
const tree = {
  used: new Int32Array(0), leafWeights: new Float64Array(0), order: new Int32Array(0), out: new Int32Array(0),
  weight: new Float64Array(0), parent: new Int32Array(0), depth: new Int32Array(0),
};

function roomForSymbols(n: number): void {
  if (tree.used.length >= n) return;
  const size = Math.max(n, 286);
  Object.assign(tree, {
    used: new Int32Array(size), leafWeights: new Float64Array(size), order: new Int32Array(size), out: new Int32Array(size),
    weight: new Float64Array(2 * size), parent: new Int32Array(2 * size), depth: new Int32Array(2 * size),
  });
}

/**
 * Depth of each leaf of a Huffman tree over the weights tree.leafWeights[0, n) (two-queue construction over the
 * leaves sorted by weight, then by position), in tree.out.
 */
function treeDepths(n: number): Int32Array {
  const { leafWeights: weights, order, weight, parent, depth, out } = tree;
  // Insertion sort by (weight, position): a few dozen leaves, and the same order as any sort by that key.
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    let p = i - 1;
    while (p >= 0 && weights[order[p]] > w) {
      order[p + 1] = order[p];
      p--;
    }
    order[p + 1] = i;
  }
  // Nodes 0..n-1 are the leaves in sorted order, n.. the inner nodes in the order they are made.
  for (let i = 0; i < n; i++) weight[i] = weights[order[i]];
  let leaf = 0, inner = n;
  for (let made = n; made < 2 * n - 1; made++) {
    const a = leaf < n && (inner >= made || weight[leaf] <= weight[inner]) ? leaf++ : inner++;
    const b = leaf < n && (inner >= made || weight[leaf] <= weight[inner]) ? leaf++ : inner++;
    weight[made] = weight[a] + weight[b];
    parent[a] = made;
    parent[b] = made;
  }
  depth[2 * n - 2] = 0;
  for (let i = 2 * n - 3; i >= 0; i--) depth[i] = depth[parent[i]] + 1;
  for (let i = 0; i < n; i++) out[order[i]] = depth[i];
  return out;
}

/** Canonical codes for `lengths` (RFC 1951 3.2.2), bit-reversed: deflate sends Huffman codes first bit first. */
const codeCount = new Uint16Array(16), nextCode = new Uint16Array(16);

function canonicalCodes(lengths: Uint8Array, n: number, codes: Uint16Array): Uint16Array {
  const count = codeCount, next = nextCode;
  count.fill(0);
  for (let s = 0; s < n; s++) if (lengths[s]) count[lengths[s]]++;
  for (let bits = 1, code = 0; bits < 16; bits++) {
    code = (code + count[bits - 1]) << 1;
    next[bits] = code;
  }
  codes.fill(0, 0, n);
  for (let s = 0; s < n; s++) {
    const l = lengths[s];
    if (!l) continue;
    let c = next[l]++, r = 0;
    for (let b = 0; b < l; b++, c >>= 1) r = (r << 1) | (c & 1);
    codes[s] = r;
  }
  return codes;
}

/**
 * The tokens of one stream, kept between calls (a thread compresses one image after another): 0..255 a literal
 * byte, 256 + L a back-reference of length L at distance 1, REPEAT_MAX_MATCH followed by a count n (two 16-bit
 * halves) for n back-references of length 258 in a row (a mask's background is mostly such runs).
 */
let tokens = new Uint16Array(1 << 16);
let count = 0;
/** Tokens in the stream, each of a REPEAT_MAX_MATCH counted n times. */
let emitted = 0;
const REPEAT_MAX_MATCH = 1023;
/** Fewer length-258 references than this in a row are stored one by one. */
const MIN_REPEAT = 8;
const litFreq = new Uint32Array(286);
let adlerA = 1, adlerB = 0;
let out = new Uint8Array(1 << 16);

function begin(bytes: number): void {
  // At most one token a byte.
  if (tokens.length < bytes + 1) tokens = new Uint16Array(Math.max(bytes + 1, tokens.length * 2));
  litFreq.fill(0);
  count = 0;
  emitted = 0;
  adlerA = 1;
  adlerB = 0;
}

/** Beyond this, b + len × a could leave the integers a double holds exactly: reduced first. */
const ADLER_SAFE = 2 ** 52;

/** Runs shorter than this have their Adler-32 sums added as they are (below 2^53 whatever the value). */
const SHORT_RUN = 1 << 20;

/** `len` bytes of value v. */
function addRun(v: number, len: number): void {
  // Adler-32 over len bytes of v: a grows by v a byte, b by each new a: len × a + v × len (len + 1) / 2 in all.
  // a is kept below 65521, so len × a stays exact; b is reduced before it could leave the exact integers.
  if (v === 0) adlerB += len * adlerA;
  else if (len < SHORT_RUN) {
    adlerB += len * adlerA + (v * len * (len + 1)) / 2;
    adlerA += v * len;
    if (adlerA >= ADLER_MOD) adlerA %= ADLER_MOD;
  } else {
    const tri = len % 2 === 0 ? ((len / 2) % ADLER_MOD) * ((len + 1) % ADLER_MOD) : (len % ADLER_MOD) * (((len + 1) / 2) % ADLER_MOD);
    adlerB += (len % ADLER_MOD) * adlerA + v * (tri % ADLER_MOD);
    adlerA = (adlerA + v * (len % ADLER_MOD)) % ADLER_MOD;
  }
  if (adlerB >= ADLER_SAFE) adlerB %= ADLER_MOD;
  tokens[count++] = v;
  litFreq[v]++;
  emitted++;
  let rest = len - 1;
  // While rest ≥ MAX_MATCH + MIN_MATCH the loop below takes MAX_MATCH: that many at once.
  if (rest >= MAX_MATCH + MIN_MATCH) {
    const n = Math.floor((rest - MAX_MATCH - MIN_MATCH) / MAX_MATCH) + 1;
    if (n >= MIN_REPEAT) {
      tokens[count++] = REPEAT_MAX_MATCH;
      tokens[count++] = n & 0xffff;
      tokens[count++] = n >>> 16;
      litFreq[LENGTH_SYMBOL[MAX_MATCH]] += n;
      emitted += n;
      rest -= n * MAX_MATCH;
    }
  }
  while (rest >= MIN_MATCH) {
    const m = rest <= MAX_MATCH ? rest : rest - MAX_MATCH >= MIN_MATCH ? MAX_MATCH : rest - MIN_MATCH;
    tokens[count++] = 256 + m;
    litFreq[LENGTH_SYMBOL[m]]++;
    emitted++;
    rest -= m;
  }
  for (; rest > 0; rest--) {
    tokens[count++] = v;
    litFreq[v]++;
    emitted++;
  }
}

/** The run being gathered: runs are added once they end (two in a row never hold the same value). */
let runValue = -1, runLength = 0;

function extend(v: number, len: number): void {
  if (v === runValue) runLength += len;
  else {
    if (runLength) addRun(runValue, runLength);
    runValue = v;
    runLength = len;
  }
}

/** Bytes data[from, to) as runs, four bytes at a time where they line up. */
function scan(data: Uint8Array, words: Uint32Array | null, from: number, to: number): void {
  let i = from;
  while (i < to) {
    const v = data[i];
    let j = i + 1;
    while (j < to && (j & 3) !== 0 && data[j] === v) j++;
    if (words && (j & 3) === 0 && j + 4 <= to) {
      const four = (v * 0x01010101) >>> 0;
      let w = j >> 2;
      const end = to >> 2;
      // Four words a step while they last (a mask's runs are long), then one.
      while (w + 4 <= end && words[w] === four && words[w + 1] === four && words[w + 2] === four && words[w + 3] === four) w += 4;
      while (w < end && words[w] === four) w++;
      j = w << 2;
    }
    while (j < to && data[j] === v) j++;
    extend(v, j - i);
    i = j;
  }
}

function wordsOf(data: Uint8Array): Uint32Array | null {
  return data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, data.length >> 2) : null;
}

/** `data` as a zlib stream (every byte read). */
export function deflateRuns(data: Uint8Array): Uint8Array {
  begin(data.length);
  runValue = -1;
  runLength = 0;
  scan(data, wordsOf(data), 0, data.length);
  return finish().slice();
}

/**
 * `rows` rows of `stride` bytes of `data` as a zlib stream, where row y holds zeros but in columns
 * colFrom[y]..colTo[y] (inclusive; none when colFrom[y] > colTo[y]) counted from byte `offset` of the row: only
 * those bytes are read. (A PNG's scanlines: offset 1 skips the filter byte, which is 0.)
 */
export function deflateRanges(data: Uint8Array, stride: number, offset: number, rows: number, colFrom: Int32Array, colTo: Int32Array): Uint8Array {
  return deflateRangesView(data, stride, offset, rows, colFrom, colTo).slice();
}

/** deflateRanges, as a view into a buffer the next call reuses (for a caller that copies it at once). */
export function deflateRangesView(data: Uint8Array, stride: number, offset: number, rows: number, colFrom: Int32Array, colTo: Int32Array): Uint8Array {
  begin(stride * rows);
  runValue = -1;
  runLength = 0;
  const words = wordsOf(data);
  for (let y = 0; y < rows; y++) {
    const row = y * stride, a = colFrom[y], b = colTo[y];
    if (a > b) {
      extend(0, stride);
      continue;
    }
    extend(0, offset + a);
    scan(data, words, row + offset + a, row + offset + b + 1);
    if (offset + b + 1 < stride) extend(0, stride - offset - b - 1);
  }
  return finish();
}

/** Writes bits first-bit-first (deflate's order) into `bytes`. */
class BitWriter {
  at = 0;
  private buf = 0;
  private bits = 0;
  constructor(private readonly bytes: Uint8Array) {}

  byte(b: number): void {
    this.bytes[this.at++] = b;
  }

  /** The low `n` bits of `value` (n ≤ 24). */
  put(value: number, n: number): void {
    this.buf |= value << this.bits;
    this.bits += n;
    while (this.bits >= 8) {
      this.bytes[this.at++] = this.buf & 0xff;
      this.buf >>>= 8;
      this.bits -= 8;
    }
  }

  /** tokens[0, count), each as code[token] of bits[token] bits (at most 24); see REPEAT_MAX_MATCH. */
  tokens(tokens: Uint16Array, count: number, code: Uint32Array, bits: Uint8Array): void {
    const bytes = this.bytes;
    let at = this.at, buf = this.buf, n = this.bits;
    for (let k = 0; k < count; k++) {
      const tok = tokens[k];
      if (tok === REPEAT_MAX_MATCH) {
        this.at = at;
        this.buf = buf;
        this.bits = n;
        this.repeat(code[256 + MAX_MATCH], bits[256 + MAX_MATCH], tokens[k + 1] + tokens[k + 2] * 0x10000);
        k += 2;
        ({ at, buf, bits: n } = this);
        continue;
      }
      buf |= code[tok] << n;
      n += bits[tok];
      while (n >= 8) {
        bytes[at++] = buf & 0xff;
        buf >>>= 8;
        n -= 8;
      }
    }
    this.at = at;
    this.buf = buf;
    this.bits = n;
  }

  /**
   * `times` copies of a `length`-bit code. Eight copies are `length` whole bytes: once the stream is at a byte
   * boundary (after at most seven copies), those bytes are written over and over, the same bits as one by one.
   */
  private repeat(code: number, length: number, times: number): void {
    while (times > 0 && this.bits !== 0) {
      this.put(code, length);
      times--;
    }
    const groups = times >> 3;
    if (groups > 0) {
      const start = this.at;
      for (let i = 0; i < 8; i++) this.put(code, length);
      // Doubling copies: log(groups) calls.
      let done = 1;
      while (done < groups) {
        const more = Math.min(done, groups - done);
        this.bytes.copyWithin(start + done * length, start, start + more * length);
        done += more;
      }
      this.at = start + groups * length;
    }
    for (let i = times & 7; i > 0; i--) this.put(code, length);
  }

  /** Pads with zeros to a whole byte. */
  align(): void {
    if (this.bits > 0) this.put(0, 8 - this.bits);
  }
}

/** The code tables of one stream, kept between calls. */
const tables = {
  litLengths: new Uint8Array(286), litCodes: new Uint16Array(286), allLengths: new Uint8Array(287),
  clFreq: new Uint32Array(19), clLengths: new Uint8Array(19), clCodes: new Uint16Array(19),
  tokenCode: new Uint32Array(256 + MAX_MATCH + 1), tokenBits: new Uint8Array(256 + MAX_MATCH + 1),
};

/** The tokens gathered as one dynamic-Huffman block, in a zlib stream: a view into `out`, reused by the next stream. */
function finish(): Uint8Array {
  if (runLength) addRun(runValue, runLength);
  runValue = -1;
  runLength = 0;
  litFreq[256]++; // end of block
  const t = count;

  const { litLengths, litCodes, clFreq, clLengths, clCodes, tokenCode, tokenBits } = tables;
  huffmanLengths(litFreq, 15, litLengths);
  let hlit = 286;
  while (hlit > 257 && litLengths[hlit - 1] === 0) hlit--;
  canonicalCodes(litLengths, 286, litCodes);
  // One distance code (distance 1), one bit long, as RFC 1951 allows for a single code.
  const allLengths = tables.allLengths, all = hlit + 1;
  allLengths.set(litLengths.subarray(0, hlit));
  allLengths[hlit] = 1;
  // The code lengths, run-length coded: 16 repeats the previous length 3-6 times, 17 and 18 give 3-10 and 11-138 zeros.
  const clSymbols: number[] = [];
  clFreq.fill(0);
  for (let i = 0; i < all;) {
    const l = allLengths[i];
    let run = 1;
    while (i + run < all && allLengths[i + run] === l) run++;
    i += run;
    if (l === 0) {
      while (run >= 11) { const r = Math.min(run, 138); clSymbols.push(18, r - 11); clFreq[18]++; run -= r; }
      if (run >= 3) { clSymbols.push(17, run - 3); clFreq[17]++; run = 0; }
    } else {
      clSymbols.push(l, 0);
      clFreq[l]++;
      run--;
      while (run >= 3) { const r = Math.min(run, 6); clSymbols.push(16, r - 3); clFreq[16]++; run -= r; }
    }
    for (; run > 0; run--) { clSymbols.push(l, 0); clFreq[l]++; }
  }
  huffmanLengths(clFreq, 7, clLengths);
  canonicalCodes(clLengths, 19, clCodes);
  let hclen = 19;
  while (hclen > 4 && clLengths[CODE_LENGTH_ORDER[hclen - 1]] === 0) hclen--;

  // Each token's bits in one number: a literal's code, or a length's code, its extra bits and distance code 0.
  for (let v = 0; v < 256; v++) {
    tokenCode[v] = litCodes[v];
    tokenBits[v] = litLengths[v];
  }
  for (let m = MIN_MATCH; m <= MAX_MATCH; m++) {
    const sym = LENGTH_SYMBOL[m], l = litLengths[sym];
    tokenCode[256 + m] = litCodes[sym] | (LENGTH_EXTRA_VALUE[m] << l);
    tokenBits[256 + m] = l + LENGTH_EXTRA_BITS[m] + 1;
  }

  // At most 21 bits a token, plus the header (at most 19 × 3 + 287 × 14 bits) and the trailer.
  const capacity = Math.ceil((21 * (emitted + 1)) / 8) + 1024;
  if (out.length < capacity) out = new Uint8Array(Math.max(capacity, out.length * 2));
  const w = new BitWriter(out);
  w.byte(0x78); // deflate, 32 KB window
  w.byte(0x01); // (0x78 << 8 | 0x01) % 31 === 0
  w.put(1, 1); // BFINAL
  w.put(2, 2); // BTYPE dynamic
  w.put(hlit - 257, 5);
  w.put(0, 5); // HDIST - 1: one distance code
  w.put(hclen - 4, 4);
  for (let k = 0; k < hclen; k++) w.put(clLengths[CODE_LENGTH_ORDER[k]], 3);
  for (let k = 0; k < clSymbols.length; k += 2) {
    const s = clSymbols[k];
    w.put(clCodes[s], clLengths[s]);
    if (s === 16) w.put(clSymbols[k + 1], 2);
    else if (s === 17) w.put(clSymbols[k + 1], 3);
    else if (s === 18) w.put(clSymbols[k + 1], 7);
  }
  w.tokens(tokens, t, tokenCode, tokenBits);
  w.put(litCodes[256], litLengths[256]);
  w.align();
  const at = w.at;
  const a = adlerA % ADLER_MOD, b = adlerB % ADLER_MOD;
  out[at] = b >>> 8;
  out[at + 1] = b & 0xff;
  out[at + 2] = a >>> 8;
  out[at + 3] = a & 0xff;
  return out.subarray(0, at + 4);
}
