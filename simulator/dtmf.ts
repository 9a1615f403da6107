/**
 * A script (or a command line) the simulator cannot run as given: a bad argument, not something the flow
 * did. `simulateCall` throws it before the call starts; `npm run simulate` exits 1 on it.
 */
export class ScriptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScriptError';
  }
}

/** The keys of a telephone keypad: what a DTMF entry may contain. */
export const DTMF_KEYS = '0123456789*#';

const DTMF_ENTRY = /^[0-9*#]+$/;

/** Shows an arbitrary value readably in a message: quoted, control characters escaped, long values cut. */
function shown(value: unknown): string {
  if (typeof value !== 'string') return value === undefined || value === null ? String(value) : `a ${typeof value}`;
  const cut = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return /^[\x20-\x7e…]*$/.test(cut) ? `'${cut}'` : JSON.stringify(cut);
}

/**
 * Parses one DTMF entry, as given to `--dtmf` or in a script's `dtmf` list: keys 0-9, `*` and `#`
 * (`'1234'`, `'4321#'`), or `none` for no input (returns `null`). Anything else — letters, spaces, an
 * empty value, a non-string — is a {@link ScriptError}; it never returns anything else and never throws
 * anything else.
 */
export function parseDtmf(text: string): string | null {
  if (text === 'none') return null;
  if (typeof text === 'string' && DTMF_ENTRY.test(text)) return text;
  const what = typeof text === 'string' && text === '' ? "'' is empty" : `${shown(text)} is not DTMF`;
  throw new ScriptError(`${what}: valid keys are 0-9, *, # (none for no input)`);
}

/**
 * The entries of a script's `dtmf` list: `null`, `''` and `'none'` are no input; every other entry must
 * be DTMF keys ({@link parseDtmf}), else a {@link ScriptError} naming the entry.
 */
export function parseDtmfScript(entries: ReadonlyArray<string | null> | undefined): Array<string | null> {
  if (entries === undefined) return [];
  if (!Array.isArray(entries)) throw new ScriptError(`dtmf must be a list of entries, got ${shown(entries)}`);
  return entries.map((entry, i) => {
    if (entry === null || entry === '') return null;
    try {
      return parseDtmf(entry);
    } catch (err) {
      throw new ScriptError(`dtmf[${i}]: ${(err as Error).message}`);
    }
  });
}
