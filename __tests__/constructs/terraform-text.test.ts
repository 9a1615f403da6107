import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformLocal, TerraformOutput, TerraformStack, Testing } from 'cdktf';
import * as fc from 'fast-check';
import { RoutingQueue } from '../../.gen/providers/genesyscloud/routing-queue';
import { containsTokenMarker, readTerraformLiteral, terraformText, terraformTextList, terraformTextMap } from '../../constructs';
import { liveSequences, terraformLiteral } from '../synth/terraform-templates';
import { terraformVersion } from '../support/processes';

/** Text with many `$`, `%`, `{`, `}` next to each other (where escaping can go wrong). */
const templateish = fc.string({
  unit: fc.constantFrom('$', '%', '{', '}', '$$', '${', '%{', '$${', '%%{', 'a', ' ', '"', '\\', 'é', '😀'),
  maxLength: 20,
});
const anyText = fc.oneof(templateish, fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }));

describe('terraformText', () => {
  it('escapes ${ and %{, and nothing else', () => {
    expect(terraformText('DEV ${path.cwd} %{if x}y%{endif}')).toBe('DEV $${path.cwd} %%{if x}y%%{endif}');
    expect(terraformText('$${already} %%{too}')).toBe('$$${already} %%%{too}');
    expect(terraformText('$ % { } $x %y')).toBe('$ % { } $x %y');
    expect(terraformText('')).toBe('');
    expect(terraformText(undefined)).toBeUndefined();
    expect(terraformTextList(['${a}', 'b'])).toEqual(['$${a}', 'b']);
    expect(terraformTextMap({ '${k}': '%{v}' })).toEqual({ '$${k}': '%%{v}' });
  });

  it('recognizes the token markers cdktf would resolve', () => {
    expect(['${TfToken[TOKEN.1]}', 'x #{TfToken[', '&{TfToken[TOKEN.9]}'].map(containsTokenMarker)).toEqual([true, true, true]);
    expect(['TfToken', '${Token[TOKEN.1]}', '{TfToken['].map(containsTokenMarker)).toEqual([false, false, false]);
  });

  it('property: escaped text has no live template sequence and reads back as written', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        fc.pre(!containsTokenMarker(text));
        const escaped = terraformText(text);
        expect(liveSequences(escaped)).toEqual([]);
        expect(terraformLiteral(escaped)).toBe(text);
        expect(readTerraformLiteral(escaped)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  /** What Terraform reads from a string whose only live sequences are `${"$…"}` and the given reference. */
  const read = (written: string, reference: string, value: string): string | undefined =>
    written
      .split(reference)
      .map((part) => {
        const dollars = /\$\{"(\$+)"\}$/.exec(part);
        const literal = terraformLiteral(dollars ? part.slice(0, -dollars[0].length) : part);
        return literal === undefined ? undefined : literal + (dollars ? dollars[1] : '');
      })
      .reduce<string | undefined>((a, b) => (a === undefined || b === undefined ? undefined : `${a}${value}${b}`));

  it('property: cdktf references inside the text stay live, the literal parts around them are escaped', () => {
    const reference = '${genesyscloud_routing_queue.Queue.name}';
    fc.assert(
      fc.property(templateish, templateish, (before, after) => {
        // A stack per run: synthesizing one stack that grows by an output per run made the property quadratic.
        const stack = new TerraformStack(Testing.app(), 'refs');
        const queue = new RoutingQueue(stack, 'Queue', { name: 'x' });
        new TerraformOutput(stack, 'Out', { value: terraformText(`${before}${queue.name}${after}`) });
        const written: string = JSON.parse(Testing.synth(stack)).output.Out.value;
        expect(
          liveSequences(written)
            .map((s) => s.text)
            .filter((s) => !/^\$\{"\$+"\}$/.test(s)),
        ).toEqual([reference]);
        expect(read(written, reference, '<ref>')).toBe(`${before}<ref>${after}`);
      }),
      { numRuns: 100 },
    );
  });

  const terraform = terraformVersion();
  (terraform ? it : it.skip)(
    `a real Terraform reads escaped values and keys back as written, references live${terraform ? '' : ' (skipped: no terraform CLI on PATH)'}`,
    () => {
      // Well-formed text only: Terraform reads JSON as UTF-8 (config validation refuses lone surrogates and control characters).
      const texts = [
        '${path.cwd}',
        '%{if true}x%{endif}',
        '$${x}',
        '%%{y}',
        '$$${z}',
        'a$',
        '$$',
        '${',
        '%{',
        '}',
        ...fc.sample(
          fc.string({
            unit: fc.oneof(fc.constantFrom('$', '%', '{', '}', '${', '%{', '$${', '"', '\\'), fc.constantFrom('a', ' ', 'é', '😀')),
            maxLength: 16,
          }),
          { numRuns: 40, seed: 5545 },
        ),
      ];
      // A stack with a local (the reference) and outputs only: no provider needed.
      const stack = new TerraformStack(Testing.app(), 'roundtrip');
      const local = new TerraformLocal(stack, 'ref', 'REF');
      texts.forEach((t, i) => {
        new TerraformOutput(stack, `v${i}`, { value: { [terraformText(`k${t}`)]: terraformText(t) } });
        new TerraformOutput(stack, `m${i}`, { value: terraformText(`${t}${local.asString}${t}`) });
      });
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-text-'));
      try {
        fs.writeFileSync(path.join(work, 'main.tf.json'), Testing.synth(stack));
        const env = { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
        execFileSync('terraform', ['init', '-input=false', '-no-color'], { cwd: work, env, stdio: 'pipe' });
        execFileSync('terraform', ['apply', '-auto-approve', '-input=false', '-no-color'], { cwd: work, env, stdio: 'pipe' });
        const outputs = JSON.parse(execFileSync('terraform', ['output', '-json'], { cwd: work, env, encoding: 'utf8', stdio: 'pipe' }));
        expect(texts.map((_, i) => outputs[`v${i}`].value)).toEqual(texts.map((t) => ({ [`k${t}`]: t })));
        expect(texts.map((_, i) => outputs[`m${i}`].value)).toEqual(texts.map((t) => `${t}REF${t}`));
      } finally {
        fs.rmSync(work, { recursive: true, force: true });
      }
    },
    60000,
  );
});
