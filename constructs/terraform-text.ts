/**
 * Literal text in Terraform strings.
 *
 * Terraform reads every string of `cdk.tf.json` that sits in an expression position (resource and data
 * source arguments, `terraform_data` inputs, outputs, provider blocks; object keys too) as a template:
 * `${…}` is an interpolation and `%{…}` a directive, so a queue named `DEV ${path.cwd}` would be named
 * after the working folder and `${file("…")}` would pull a file into names and state. cdktf writes such
 * text as it is (it escapes nothing), and it writes its own references as `${…}` too
 * (`${genesyscloud_routing_queue.x.name}`). So every piece of user text that reaches a Terraform string
 * goes through `terraformText`, which escapes the literal parts (`$${`, `%%{`: Terraform reads them back
 * as `${`, `%{`) and leaves cdktf tokens (references, `Fn.*`, `Lazy` values) as they are, so they stay
 * live.
 *
 * Not for backend blocks: Terraform reads backend (and `cloud`) settings literally, never as templates
 * (an escaped `$${` would end up in the state file's name), so `stacks/backend.ts` writes config values
 * unchanged; config validation refuses what could harm there.
 *
 * Apply it once, where the text is handed to a Terraform resource: escaping twice changes the text.
 */
import { Lazy } from 'cdktf';

/**
 * A cdktf string token as cdktf encodes it in strings (`${TfToken[TOKEN.12]}`, see cdktf's
 * `tokens/private/encoding`): cdktf resolves each one at synth.
 */
const STRING_TOKEN = /\$\{TfToken\[[a-zA-Z0-9:._-]+\]\}/g;

/** Escapes template sequences of literal text: `${` → `$${`, `%{` → `%%{`. */
export function escapeTemplateLiteral(text: string): string {
  return text.replace(/([$%])\{/g, '$1$1{');
}

/**
 * `text` ready for a Terraform string: literal parts escaped, cdktf tokens kept.
 *
 * Text with tokens in it needs two more things. cdktf reads `${` in the literal parts of such a string
 * as the start of an expression around the next token (it would write `$$${ref` for `$${` + a token),
 * so each literal part becomes a token of its own (`Lazy`, whose value cdktf writes as it is). And
 * literal `$`s right before a token are written as an interpolated string, `${"$"}`: a `$` before `${`
 * would make it the escape `$${` and the reference literal text.
 */
export function terraformText(text: string): string;
export function terraformText(text: string | undefined): string | undefined;
export function terraformText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const tokens = [...text.matchAll(STRING_TOKEN)];
  if (tokens.length === 0) return escapeTemplateLiteral(text);
  let out = '';
  let last = 0;
  const literal = (part: string, beforeToken: boolean): string => {
    if (part === '') return '';
    let escaped = escapeTemplateLiteral(part);
    const dollars = beforeToken ? (/\$+$/.exec(escaped)?.[0] ?? '') : '';
    if (dollars) escaped = `${escaped.slice(0, -dollars.length)}\${"${dollars}"}`;
    return Lazy.stringValue({ produce: () => escaped });
  };
  for (const match of tokens) {
    out += literal(text.slice(last, match.index), true) + match[0];
    last = match.index! + match[0].length;
  }
  return out + literal(text.slice(last), false);
}

/** Each element through `terraformText`. */
export function terraformTextList(list: readonly string[]): string[];
export function terraformTextList(list: readonly string[] | undefined): string[] | undefined;
export function terraformTextList(list: readonly string[] | undefined): string[] | undefined {
  return list?.map((s) => terraformText(s));
}

/** Keys and values of a string map through `terraformText` (object keys are templates too). */
export function terraformTextMap(map: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [terraformText(k), terraformText(v)]));
}

/**
 * What Terraform reads from a string `terraformText` wrote without tokens (`$${` → `${`, `%%{` →
 * `%{`): for tools that read names back from `cdk.tf.json` instead of from Terraform.
 */
export function readTerraformLiteral(written: string): string {
  return written.replace(/([$%])\1\{/g, '$1{');
}
