/**
 * `npm run plan-review -- [--plan [<stack>=]<plan.json>] ... [--plan-failed <stack>[=<reason>]] ... --head <cdktf.out> [--base <cdktf.out>] [--out review.md] [--limit <chars>|none]`
 * Writes one Markdown review of the plans (`terraform show -json` of saved plans, format 1.x): counts and
 * changed resources per stack with why they matter, node-level flow diffs from the synthesized YAML,
 * the blast radius of shared-flow changes, and a Mermaid diagram of each changed flow. Every value is
 * escaped and every value Terraform marks sensitive masked (`runtime/plan-review/plan-review.ts`). No API calls.
 * At most `--limit` characters (default: what fits a GitHub comment; `none`: the whole review), shortened
 * with the counts and deletions of every stack kept.
 * `--plan-failed` names a stack whose plan could not be made (CI plans each environment in its own job, and
 * the review must be posted even when one fails): the review starts with a warning that its changes are
 * not in it, with the reason (escaped), kept however short the review is cut (a `--limit` too small for
 * the warnings is an error, never a review without them). At least one `--plan` or `--plan-failed`; each
 * stack at most once.
 * Exit codes: 0 written, 1 bad input (a plan file that is not a Terraform plan: `PlanFormatError`, naming
 * the file and what is wrong; a stack given twice or not synthesized in the head).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { parsePlan } from '../runtime/plan-review/plan-json';
import { COMMENT_LIMIT, FailedPlan, MIN_COMMENT_LIMIT, StackPlan, reviewPlans } from '../runtime/plan-review/plan-review';
import { SynthesizedStack } from '../runtime/synth-output/synthesized-stack';

function fail(message: string): never {
  console.error(`plan-review: ${message}\nusage: npm run plan-review -- [--plan [<stack>=]<plan.json>] ... [--plan-failed <stack>[=<reason>]] ... --head <cdktf.out> [--base <cdktf.out>] [--out file] [--limit <chars>|none]`);
  process.exit(1);
}

function main(): void {
  const { values: args } = parseArgs({ options: { plan: { type: 'string', multiple: true }, 'plan-failed': { type: 'string', multiple: true }, head: { type: 'string' }, base: { type: 'string' }, out: { type: 'string' }, limit: { type: 'string' } } });
  const plans = args.plan ?? [];
  const failedSpecs = args['plan-failed'] ?? [];
  const { head, base, out } = args;
  if ((plans.length === 0 && failedSpecs.length === 0) || !head) fail('--plan and --head are required (a --plan-failed can stand in for the plans)');
  const limit = args.limit === undefined ? COMMENT_LIMIT : args.limit === 'none' ? Infinity : Number(args.limit);
  if (!(limit >= MIN_COMMENT_LIMIT) || (limit !== Infinity && !Number.isInteger(limit))) fail(`--limit must be a whole number of at least ${MIN_COMMENT_LIMIT}, or none`);
  // A stack must be synthesized in the head, with or without a plan: a misspelt --plan-failed would
  // otherwise warn about a stack that does not exist and say nothing about the real one.
  const headDirOf = (stack: string) => {
    const headDir = path.join(head, 'stacks', stack);
    if (!fs.existsSync(path.join(headDir, 'cdk.tf.json'))) fail(`${headDir} has no cdk.tf.json (synthesize the head first)`);
    return headDir;
  };
  const planned = plans.map((spec) => {
    const eq = spec.indexOf('=');
    const file = eq > 0 ? spec.slice(eq + 1) : spec;
    const stack = eq > 0 ? spec.slice(0, eq) : /(contact-center-[a-z0-9-]+?)(?:[._-]plan)?\.json$/.exec(path.basename(file))?.[1];
    if (!stack) fail(`cannot tell which stack ${file} belongs to; write <stack>=${file}`);
    return { stack, file };
  });
  // The reason is everything after the first `=`: CI's text may hold `=` too.
  const failed: FailedPlan[] = failedSpecs.map((spec) => {
    const eq = spec.indexOf('=');
    return eq < 0 ? { stack: spec } : { stack: spec.slice(0, eq), reason: spec.slice(eq + 1) };
  });
  // One stack with a plan and a failure, or two plans, cannot both be right: the review would contradict itself.
  const given = new Map<string, string>();
  for (const [stack, option] of [...planned.map((p) => [p.stack, '--plan']), ...failed.map((f) => [f.stack, '--plan-failed'])]) {
    if (given.has(stack)) fail(`stack ${stack} is given twice (as ${given.get(stack)} and as ${option}): give each stack one --plan or one --plan-failed`);
    given.set(stack, option);
  }
  for (const f of failed) headDirOf(f.stack);
  const stacks: StackPlan[] = planned.map(({ stack, file }) => {
    if (!fs.existsSync(file)) fail(`${file} does not exist`);
    const headDir = headDirOf(stack);
    const baseDir = base ? path.join(base, 'stacks', stack) : undefined;
    return {
      stack,
      plan: parsePlan(fs.readFileSync(file, 'utf8'), file),
      head: SynthesizedStack.read(headDir),
      base: baseDir && fs.existsSync(path.join(baseDir, 'cdk.tf.json')) ? SynthesizedStack.read(baseDir) : undefined,
    };
  });
  const review = reviewPlans(stacks, limit, failed);
  if (out) fs.writeFileSync(out, review);
  else process.stdout.write(review);
}

try {
  main();
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
