/**
 * Fitting a Markdown comment into a size limit (GitHub: 65 536 characters for a comment or an issue body)
 * without cutting through a structure. A comment is a list of pieces in reading order, each whole lines
 * of Markdown (a heading with its counts, one table row, a whole `<details>` with its fence): cutting
 * only between pieces never leaves a fence, a `<details>` or a table row open. Summaries are kept
 * always; everything else is kept by rank (lower first) while it fits, so details (diffs, diagrams) go
 * before any summary, whatever came earlier in the text.
 */

export interface Piece {
  /** Whole lines of Markdown, without a final line break; pieces are joined with `\n`. */
  readonly text: string;
  /**
   * `'always'`: a summary, kept whatever it costs; `'with'`: kept only together with a piece that is
   * `under` it (a table's header row, a section heading); a rank: kept while it fits, lowest first
   * (compared element by element, then in reading order).
   */
  readonly keep: 'always' | 'with' | readonly number[];
  /** The piece this one is shown under (its table header, its section): kept whenever this one is. */
  readonly under?: Piece;
}

/** Length of the pieces joined with `\n`. */
export function joinedLength(pieces: Iterable<Piece>): number {
  let length = -1;
  for (const p of pieces) length += p.text.length + 1;
  return Math.max(0, length);
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -Infinity) - (b[i] ?? -Infinity);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The pieces kept within `limit` characters (joined with `\n`): every `'always'` piece (and what it is
 * under), then ranked pieces from the lowest rank while they fit, each with the pieces it is under.
 * Undefined when the `'always'` pieces alone do not fit.
 */
export function fitPieces(pieces: readonly Piece[], limit: number): Set<Piece> | undefined {
  const kept = new Set<Piece>();
  let used = -1; // n pieces joined take n - 1 line breaks
  const chain = (p: Piece) => {
    const missing: Piece[] = [];
    for (let x: Piece | undefined = p; x !== undefined && !kept.has(x) && !missing.includes(x); x = x.under) missing.push(x);
    return missing;
  };
  const cost = (missing: readonly Piece[]) => missing.reduce((sum, x) => sum + x.text.length + 1, 0);
  for (const p of pieces) {
    if (p.keep !== 'always') continue;
    const missing = chain(p);
    used += cost(missing);
    for (const x of missing) kept.add(x);
  }
  if (used > limit) return undefined;
  const ranked = pieces
    .map((p, index) => ({ p, index }))
    .filter(({ p }) => Array.isArray(p.keep))
    .sort((a, b) => compareRanks(a.p.keep as number[], b.p.keep as number[]) || a.index - b.index);
  for (const { p } of ranked) {
    const missing = chain(p);
    const c = cost(missing);
    if (missing.length === 0 || used + c > limit) continue;
    used += c;
    for (const x of missing) kept.add(x);
  }
  return kept;
}

/** "3 update, 1 create" from counts, leaving out zeros (in the order given). */
export function countList(counts: ReadonlyArray<readonly [string, number]>): string {
  return counts
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${n} ${what}`)
    .join(', ');
}
