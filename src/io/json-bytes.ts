/**
 * JSON read from bytes, for the readers that skip JSON.parse where the data is regular (the COCO reader's usual
 * polygon annotation, the Supervisely reading thread's point lists), and the stand-in those paths put for a point
 * list: one number reader that gives what JSON.parse gives, one syntax-error finder, one marker.
 */

// ------------------------------------------------------------------------------------------- point-list marker

/**
 * The first character of a stand-in string for a point list taken out of a JSON text, followed by a number (which
 * list for the Supervisely reading thread, how many points for the writer thread's packing): DEL, which real text
 * rarely holds and JSON.stringify does not escape (NUL, which it escapes, would make stringifying slower). Whoever
 * makes stand-ins refuses text holding a string of its own that starts with DEL.
 */
export const POINT_LIST_MARKER = 0x7f;

/** The stand-in string with number `k`. */
export function pointListStandIn(k: number): string {
  return `\u007f${k}`;
}

/** Whether a parsed value is a point-list stand-in. */
export function isPointListStandIn(v: unknown): v is string {
  return typeof v === "string" && v.charCodeAt(0) === POINT_LIST_MARKER;
}

/** The number of a stand-in string (see pointListStandIn). */
export function standInIndex(s: string): number {
  return Number(s.slice(1));
}

// ------------------------------------------------------------------------------------------- numbers

/** 10^k for k ≤ 22: every one is a double exactly. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The number read last by readJsonNumber. In a typed array because a double stored in a module variable, or returned
 * from a function the compiler does not inline, is allocated on the heap, at every number.
 */
export const jsonNumber = new Float64Array(1);
/** The number read last × 10000, when jsonNumberIsScaled: how a VertexStore (formats/coco) keeps coordinates. */
export const jsonNumberScaled = new Int32Array(1);
export let jsonNumberIsScaled = false;
/** Largest |number| × 10000 kept as an integer: a VertexStore's limit. */
const INT_LIMIT = 2_147_480_000;

/**
 * Reads the JSON number at b[i] into jsonNumber[0]; gives the index after it, or -1 when there is none or it is not valid
 * JSON (JSON.parse then reports it). A number of at most 15 significant digits and a decimal exponent within ±22 is
 * m / 10^k or m × 10^k of two exact doubles, one correctly rounded operation: the double nearest to the decimal,
 * as JSON.parse gives (Clinger's fast path). Any other goes through Number(), which parses JSON's number syntax the
 * same way.
 *
 * Coordinates are nearly all `[-]ddd[.dd]`: those are read here, in a function small enough for the compiler to
 * inline into its callers (measured, a third faster); anything else by readAnyJsonNumber.
 */
export function readJsonNumber(b: Uint8Array, i: number, end: number): number {
  let j = i;
  let c = b[j];
  const neg = c === 0x2d;
  if (neg) c = b[++j];
  if (!(c >= 0x31 && c <= 0x39)) return readAnyJsonNumber(b, i, end);
  let m = c - 0x30;
  const from = j;
  c = b[++j];
  while (c >= 0x30 && c <= 0x39) {
    m = m * 10 + (c - 0x30);
    c = b[++j];
  }
  let scale = 0;
  if (c === 0x2e) {
    c = b[++j];
    while (c >= 0x30 && c <= 0x39) {
      m = m * 10 + (c - 0x30);
      scale++;
      c = b[++j];
    }
    if (scale === 0) return -1; // "1." is not JSON
  }
  // An exponent, or more digits than a double holds exactly: the general way.
  if (c === 0x65 || c === 0x45 || j - from - (scale > 0 ? 1 : 0) > 15 || j > end) return readAnyJsonNumber(b, i, end);
  const v = scale === 0 ? m : m / POW10[scale];
  jsonNumber[0] = neg ? -v : v;
  // m / 10^scale and k / 10^4 are one rational number, so one double: k is exactly what a VertexStore keeps.
  const k = scale <= 4 ? m * POW10[4 - scale] : INT_LIMIT + 1;
  jsonNumberIsScaled = k <= INT_LIMIT;
  jsonNumberScaled[0] = neg ? -k : k;
  return j;
}

/** readJsonNumber for any JSON number (see there). */
function readAnyJsonNumber(b: Uint8Array, i: number, end: number): number {
  jsonNumberIsScaled = false;
  const start = i;
  let neg = false;
  if (b[i] === 0x2d) {
    neg = true;
    i++;
  }
  let m = 0, digits = 0, scale = 0;
  let c = b[i];
  if (c === 0x30) {
    i++;
    c = b[i];
    if (c >= 0x30 && c <= 0x39) return -1; // a leading zero
  } else if (c >= 0x31 && c <= 0x39) {
    do {
      m = m * 10 + (c - 0x30);
      digits++;
      c = b[++i];
    } while (c >= 0x30 && c <= 0x39);
  } else return -1;
  if (c === 0x2e) {
    c = b[++i];
    if (!(c >= 0x30 && c <= 0x39)) return -1;
    do {
      if (m !== 0 || c !== 0x30) digits++;
      m = m * 10 + (c - 0x30);
      scale++;
      c = b[++i];
    } while (c >= 0x30 && c <= 0x39);
  }
  let exp = 0;
  if (c === 0x65 || c === 0x45) {
    c = b[++i];
    let expNeg = false;
    if (c === 0x2b || c === 0x2d) {
      expNeg = c === 0x2d;
      c = b[++i];
    }
    if (!(c >= 0x30 && c <= 0x39)) return -1;
    do {
      if (exp < 100_000) exp = exp * 10 + (c - 0x30);
      c = b[++i];
    } while (c >= 0x30 && c <= 0x39);
    if (expNeg) exp = -exp;
  }
  if (i > end) return -1;
  const e10 = exp - scale;
  if (digits <= 15 && e10 >= -22 && e10 <= 22) {
    const v = e10 < 0 ? m / POW10[-e10] : m * POW10[e10];
    jsonNumber[0] = neg ? -v : v;
    return i;
  }
  let text = "";
  for (let k = start; k < i; k++) text += String.fromCharCode(b[k]);
  jsonNumber[0] = Number(text);
  return i;
}

// ------------------------------------------------------------------------------------------- syntax errors

/**
 * Offset of the first character that makes `text` invalid JSON (text.length when it ends too early), or -1 when it
 * is valid. V8's JSON.parse messages do not always carry a position (Node 20 prints a snippet instead), and users
 * need a line and column to fix a hand-edited file.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    for (const c of word) {
      if (text[i] !== c) fail();
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail();
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            fail();
          }
          i += 6;
        } else if (e !== undefined && "\"\\/bfnrt".includes(e)) i += 2;
        else {
          i++;
          fail();
        }
      } else i++;
    }
    fail();
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === "-") fail();
    i += m![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 10000) fail();
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ":") fail();
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        fail();
      }
    } else if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        fail();
      }
    } else if (c === '"') string();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else if (c === "-" || (c >= "0" && c <= "9")) number();
    else fail();
  };
  try {
    value(0);
    ws();
    return i < n ? i : -1;
  } catch (e) {
    if (typeof e === "number") return Math.min(e, n);
    throw e;
  }
}
