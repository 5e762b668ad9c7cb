/**
 * Run counts of fuzz and property tests. SLYCONV_FUZZ_SCALE multiplies each test's count (`base`), down to `min` for
 * a property cheap enough to keep a useful number of cases: `npm test` sets a small scale (vitest.config.ts) so that
 * a contributor's run stays quick, `npm run test:slow` the full 1 (and runs again, at that scale, every quick test
 * file that calls fuzzRuns); 10 makes a long run before a release.
 */
export function fuzzRuns(base: number, min = 1): number {
  return Math.max(Math.min(min, base), Math.round(base * fuzzScale()));
}

function fuzzScale(): number {
  const scale = Number(process.env.SLYCONV_FUZZ_SCALE ?? 1);
  return Number.isFinite(scale) && scale > 0 ? scale : 1;
}
