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
 * the warnings is an error, never a review without them). A `--plan-failed` stack the head does not
 * synthesize (a change that removes or renames an environment, whose plan job then fails) is accepted: its
 * warning also says it is not synthesized in this change. At least one `--plan` or `--plan-failed`; each
 * stack at most once; every stack name `contact-center-<env>` (the environment name rule of
 * `config/validate-config.ts`).
 * Exit codes: 0 written, 1 bad input (a plan file that is not a Terraform plan: `PlanFormatError`, naming
 * the file and what is wrong; a stack name that breaks the rule; a stack given twice; a `--plan` stack not
 * synthesized in the head; a `--head` without `stacks/`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { commandSpec, parseCommandLine, usageError } from '../runtime/cli/command-line';
import { parsePlan } from '../runtime/plan-review/plan-json';
import { COMMENT_LIMIT, FailedPlan, MIN_COMMENT_LIMIT, StackPlan, reviewPlans } from '../runtime/plan-review/plan-review';
import { SynthesizedStack } from '../runtime/synth-output/synthesized-stack';

/** A stack id: `contact-center-<env>`, <env> as `config/validate-config.ts` allows environment names. */
const STACK_NAME = /^contact-center-[a-z][a-z0-9-]{0,30}$/;

const PLAN_REVIEW_COMMAND = commandSpec({
  name: 'plan-review',
  usage:
    'npm run plan-review -- [--plan [<stack>=]<plan.json>] ... [--plan-failed <stack>[=<reason>]] ... --head <cdktf.out> [--base <cdktf.out>] [--out file] [--limit <chars>|none]',
  summary:
    'Writes one Markdown review of saved Terraform plans (`terraform show -json`): changes per stack, flow diffs, blast radius\nof shared flows, a diagram of each changed flow. No API calls. Needs at least one --plan or --plan-failed, each stack once.',
  options: {
    plan: {
      type: 'string',
      multiple: true,
      value: '[<stack>=]<plan.json>',
      description: "a stack's plan as JSON (the stack read from the file name when not given)",
    },
    'plan-failed': {
      type: 'string',
      multiple: true,
      value: '<stack>[=<reason>]',
      description: 'a stack whose plan could not be made: the review warns that its changes are missing',
    },
    head: { type: 'string', value: '<cdktf.out>', description: 'the synthesized output of the change (required)' },
    base: { type: 'string', value: '<cdktf.out>', description: 'the synthesized output before the change, for flow diffs' },
    out: { type: 'string', value: '<file>', description: 'write the review to this file (default stdout)' },
    limit: {
      type: 'string',
      value: '<chars>|none',
      description: `at most this many characters, at least ${MIN_COMMENT_LIMIT} (default ${COMMENT_LIMIT}, what fits a GitHub comment)`,
    },
  },
  exitCodes: [
    [0, 'review written'],
    [1, 'bad input (a file that is not a Terraform plan, a bad or repeated stack name, a stack not synthesized in --head), or a bad command line'],
  ],
  usageExitCode: 1,
});

function fail(message: string): never {
  usageError(PLAN_REVIEW_COMMAND, message);
}

function main(): void {
  const { values: args } = parseCommandLine(PLAN_REVIEW_COMMAND);
  const plans = args.plan ?? [];
  const failedSpecs = args['plan-failed'] ?? [];
  const { head, base, out } = args;
  if ((plans.length === 0 && failedSpecs.length === 0) || !head) fail('--plan and --head are required (a --plan-failed can stand in for the plans)');
  const limit = args.limit === undefined ? COMMENT_LIMIT : args.limit === 'none' ? Infinity : Number(args.limit);
  if (!(limit >= MIN_COMMENT_LIMIT) || (limit !== Infinity && !Number.isInteger(limit)))
    fail(`--limit must be a whole number of at least ${MIN_COMMENT_LIMIT}, or none`);
  // Every synthesized output has stacks/ (synth refuses an empty list of environments): without it, --head
  // is wrong, and every --plan-failed stack would read as removed.
  if (!fs.statSync(path.join(head, 'stacks'), { throwIfNoEntry: false })?.isDirectory())
    fail(`${path.join(head, 'stacks')} is not a folder (synthesize the head first)`);
  const headDirOf = (stack: string) => path.join(head, 'stacks', stack);
  const synthesized = (stack: string) => fs.existsSync(path.join(headDirOf(stack), 'cdk.tf.json'));
  const checkName = (stack: string, option: string) => {
    if (!STACK_NAME.test(stack))
      fail(
        `${option} stack ${JSON.stringify(stack)} is not a stack name: contact-center-<env>, <env> lower-case letters, digits or - (a letter first, at most 31)`,
      );
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
  for (const { stack } of planned) checkName(stack, '--plan');
  for (const { stack } of failed) checkName(stack, '--plan-failed');
  // One stack with a plan and a failure, or two plans, cannot both be right: the review would contradict itself.
  const given = new Map<string, string>();
  for (const [stack, option] of [...planned.map((p) => [p.stack, '--plan']), ...failed.map((f) => [f.stack, '--plan-failed'])]) {
    if (given.has(stack))
      fail(`stack ${stack} is given twice (as ${given.get(stack)} and as ${option}): give each stack one --plan or one --plan-failed`);
    given.set(stack, option);
  }
  // A failed plan of a stack the head does not synthesize is still reviewed (the change removes or renames
  // it), and its warning says so: a misspelt name shows there too, rather than losing the whole review.
  const failedPlans: FailedPlan[] = failed.map((f) => (synthesized(f.stack) ? f : { ...f, notSynthesized: true }));
  const stacks: StackPlan[] = planned.map(({ stack, file }) => {
    if (!fs.existsSync(file)) fail(`${file} does not exist`);
    const headDir = headDirOf(stack);
    if (!synthesized(stack)) fail(`${headDir} has no cdk.tf.json (synthesize the head first)`);
    const baseDir = base ? path.join(base, 'stacks', stack) : undefined;
    return {
      stack,
      plan: parsePlan(fs.readFileSync(file, 'utf8'), file),
      head: SynthesizedStack.read(headDir),
      base: baseDir && fs.existsSync(path.join(baseDir, 'cdk.tf.json')) ? SynthesizedStack.read(baseDir) : undefined,
    };
  });
  const review = reviewPlans(stacks, limit, failedPlans);
  if (out) fs.writeFileSync(out, review);
  else process.stdout.write(review);
}

try {
  main();
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
