import { Document, Scalar, Tags, visit } from 'yaml';

/** YAML 1.1's merge key: a plain `<<` key merges the map under it into its parent map (e.g. a data action named `<<`). */
const MERGE_KEY = '<<';
const MERGE_TAG = 'tag:yaml.org,2002:merge';

// Without the merge tag the library writes the text `<<` as a string, which `quoted` can then quote.
const OPTIONS = {
  version: '1.1',
  lineWidth: 0,
  indent: 2,
  aliasDuplicateObjects: false,
  customTags: (tags: Tags) => tags.filter((t) => typeof t === 'string' || t.tag !== MERGE_TAG),
} as const;

/** The library's serialization of `value`, with every `<<` (key or scalar) double-quoted so no YAML 1.1 reader merges it. */
function stringify(value: unknown): string {
  const doc = new Document(value, OPTIONS);
  visit(doc, {
    Scalar(_key, node) {
      if (node.value === MERGE_KEY) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return doc.toString(OPTIONS);
}

/**
 * Serializes an Archy document. YAML 1.1 rules make the library quote `"yes"`, `"no"`, `on`, `off`
 * and other words Archy would read as booleans; no line folding keeps expressions on one line.
 *
 * The output is the `yaml` library's, byte for byte (`__tests__/flow/archy-yaml.test.ts` compares them),
 * except that `<<` is always double-quoted (the library writes it plain, a merge key to YAML 1.1 readers).
 * Writing a 1 000-IVR stack, the library spent most of its time building and walking its node tree for
 * block structure that is always the same, so the structure (block maps and sequences, two spaces per
 * level, sequences indented under their key) is written here, and each scalar is written as the library
 * writes it in that position: asked of the library once per distinct value and remembered, except for
 * text that is plain in every position (a letter, then letters, digits, spaces and `._/()[]-`, not
 * ending in a space, not a YAML 1.1 boolean or null word). Anything else (multi-line text, values that
 * are not plain JSON-like data) goes to the library whole.
 */
export function toArchyYaml(document: Record<string, unknown>): string {
  const out: string[] = [];
  const fast = isMap(document) && Object.keys(document).length > 0 && writeMap(document, '', '', out);
  return fast ? out.join('') : libraryYaml(document);
}

/** The library's serialization of the whole document (the reference the fast path must equal). */
export function libraryYaml(document: Record<string, unknown>): string {
  return stringify(document);
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** Entries of a non-empty map at indent `indent`; the first line starts with `first` instead. */
function writeMap(map: Record<string, unknown>, indent: string, first: string, out: string[]): boolean {
  let prefix = first;
  for (const key of Object.keys(map)) {
    const k = scalarText(key, 'key');
    if (k === undefined) return false;
    out.push(prefix, k, ':');
    prefix = indent;
    if (!writeValue(map[key], indent, out)) return false;
  }
  return true;
}

/** What follows `key:` for a map value: ` scalar`, ` {}`, ` []`, or a nested block on the next lines. */
function writeValue(value: unknown, indent: string, out: string[]): boolean {
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push(' []\n');
      return true;
    }
    out.push('\n');
    return writeSeq(value, `${indent}  `, `${indent}  `, out);
  }
  if (isMap(value)) {
    if (Object.keys(value).length === 0) {
      out.push(' {}\n');
      return true;
    }
    out.push('\n');
    return writeMap(value, `${indent}  `, `${indent}  `, out);
  }
  const s = scalarText(value, 'value');
  if (s === undefined) return false;
  out.push(' ', s, '\n');
  return true;
}

/** Items of a non-empty sequence at indent `indent`; the first line starts with `first` instead. */
function writeSeq(seq: readonly unknown[], indent: string, first: string, out: string[]): boolean {
  let prefix = first;
  for (const item of seq) {
    const dash = `${prefix}- `;
    prefix = indent;
    if (Array.isArray(item)) {
      if (item.length === 0) out.push(dash, '[]\n');
      else if (!writeSeq(item, `${indent}  `, dash, out)) return false;
    } else if (isMap(item)) {
      if (Object.keys(item).length === 0) out.push(dash, '{}\n');
      else if (!writeMap(item, `${indent}  `, dash, out)) return false;
    } else {
      const s = scalarText(item, 'item');
      if (s === undefined) return false;
      out.push(dash, s, '\n');
    }
  }
  return true;
}

type Position = 'key' | 'value' | 'item';

/** Plain in every position: nothing YAML 1.1 reads as another type, no indicator characters. */
const ALWAYS_PLAIN = /^[A-Za-z][A-Za-z0-9 ._/()[\]-]*$/;
const YAML11_WORDS = /^(?:y|yes|n|no|true|false|on|off|null)$/i;

const known: Record<Position, Map<string, string | undefined>> = { key: new Map(), value: new Map(), item: new Map() };

/** A scalar as the library writes it at `position`, or undefined when only the whole-document path can write it. */
function scalarText(value: unknown, position: Position): string | undefined {
  if (typeof value === 'string') {
    if (value.length <= 200 && ALWAYS_PLAIN.test(value) && !value.endsWith(' ') && !YAML11_WORDS.test(value)) return value;
  } else if (value === null || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
    // Few distinct values: asked of the library like text, under a key of their own.
  } else {
    return undefined;
  }
  const memo = known[position];
  const id = typeof value === 'string' ? `s${value}` : `${typeof value}:${String(value)}`;
  if (memo.has(id)) return memo.get(id);
  const text = libraryScalar(value, position);
  memo.set(id, text);
  return text;
}

/** The library's text for one scalar at `position`, cut out of a one-entry document; undefined when it spans lines. */
function libraryScalar(value: unknown, position: Position): string | undefined {
  let text: string | undefined;
  if (position === 'key') {
    if (typeof value !== 'string') return undefined;
    const doc = stringify({ [value]: 0 });
    text = doc.startsWith('? ') || !doc.endsWith(': 0\n') ? undefined : doc.slice(0, -': 0\n'.length);
  } else if (position === 'value') {
    const doc = stringify({ k: value });
    text = doc.startsWith('k: ') && doc.endsWith('\n') ? doc.slice('k: '.length, -1) : undefined;
  } else {
    const doc = stringify([value]);
    text = doc.startsWith('- ') && doc.endsWith('\n') ? doc.slice('- '.length, -1) : undefined;
  }
  return text === undefined || text.includes('\n') || text === '' ? undefined : text;
}
