/**
 * How Terraform reads the strings of `cdk.tf.json` (HCL string templates): `${…}` interpolates, `%{…}`
 * is a directive, `$${` and `%%{` are the escapes for a literal `${` / `%{`. For tests that check what
 * synth wrote; `__tests__/constructs/terraform-text.test.ts` checks these rules against a real
 * Terraform CLI when there is one.
 */

export interface TemplateSequence {
  readonly kind: 'interpolation' | 'directive';
  /** The whole sequence, `${…}` or `%{…}` (to the matching brace, or the end of the string). */
  readonly text: string;
}

/** The live template sequences of a Terraform string, left to right. */
export function liveSequences(s: string): TemplateSequence[] {
  const found: TemplateSequence[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if ((c === '$' || c === '%') && s[i + 1] === c && s[i + 2] === '{') {
      i += 3; // escape: a literal `${` / `%{`
    } else if ((c === '$' || c === '%') && s[i + 1] === '{') {
      let depth = 0;
      let j = i + 1;
      for (; j < s.length; j++) {
        if (s[j] === '{') depth++;
        else if (s[j] === '}' && --depth === 0) break;
      }
      found.push({ kind: c === '$' ? 'interpolation' : 'directive', text: s.slice(i, j + 1) });
      i = j + 1;
    } else {
      i++;
    }
  }
  return found;
}

/** The text Terraform reads from a string without live sequences (undefined when it has one). */
export function terraformLiteral(s: string): string | undefined {
  if (liveSequences(s).length > 0) return undefined;
  return s.replace(/([$%])\1\{/g, '$1{');
}

/**
 * The live interpolations the stacks write on purpose: cdktf references to resources and data sources
 * of the stack, and the flow checks' inputs (`${jsonencode(self.input)}` of a destroy guard; the stack
 * check's header and its slices of flows, `${jsonencode(slice(self.input.flows, 0, 100))}`).
 */
export const OWN_INTERPOLATION =
  /^\$\{(?:(?:data\.)?(?:genesyscloud_[a-z_]+|terraform_data)\.[A-Za-z0-9_-]+\.[a-z_]+|jsonencode\(self\.input(?:\.header)?\)|jsonencode\(slice\(self\.input\.flows, \d+, \d+\)\))\}$/;

/** Every string of a JSON document, object keys included, with where it is (`a.b[0].<key>`). */
export function allStrings(json: unknown, at = ''): Array<{ at: string; text: string }> {
  if (typeof json === 'string') return [{ at, text: json }];
  if (Array.isArray(json)) return json.flatMap((v, i) => allStrings(v, `${at}[${i}]`));
  if (json && typeof json === 'object') {
    return Object.entries(json).flatMap(([k, v]) => [{ at: `${at}.<key>`, text: k }, ...allStrings(v, `${at}.${k}`)]);
  }
  return [];
}

/** Backend and `cloud` settings: Terraform reads them literally, never as templates. */
const LITERAL_BLOCKS = /^\.terraform\.(backend|cloud)\./;

/** Live sequences of a synthesized stack that the stack did not write on purpose. */
export function foreignSequences(json: unknown): Array<{ at: string; text: string }> {
  return allStrings(json)
    .filter(({ at }) => !LITERAL_BLOCKS.test(at))
    .flatMap(({ at, text }) =>
      liveSequences(text)
        .filter((seq) => !OWN_INTERPOLATION.test(seq.text))
        .map((seq) => ({ at, text: seq.text })),
    );
}
