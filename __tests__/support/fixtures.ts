import { LocalBackend, TerraformStack, Testing } from 'cdktf';
import { GenesyscloudProvider } from '../../.gen/providers/genesyscloud/provider';
import { SharedFlowProps } from '../../constructs';
import { Disconnect, EndSharedFlow, PlayAudio, Problem, ProblemError, Prompt, Task, Variable } from '../../flow';
import type { CallFlowProps } from '../../constructs';

/** A stack with the provider and a relative local backend, as the real stacks have. */
export function testStack(id = 'test-stack'): TerraformStack {
  const stack = new TerraformStack(Testing.app(), id);
  new GenesyscloudProvider(stack, 'Genesys', { awsRegion: 'us-east-1' });
  new LocalBackend(stack, { path: 'terraform.tfstate' });
  return stack;
}

/** A small valid shared flow: one input, one output, outcomes ok/failed. */
export function simpleModule(name: string, greeting = 'Hello from the module.'): SharedFlowProps<'ok' | 'failed'> {
  return {
    name,
    inputs: [Variable.string('Common.Account')],
    outputs: [Variable.integer('Common.Score')],
    outcomes: ['ok', 'failed'],
    actions: [new PlayAudio('Say hello', { prompt: Prompt.tts(greeting) }), new EndSharedFlow('Done', 'ok')],
  };
}

/** A call flow that only plays a message and hangs up. */
export function messageFlow(name: string, message = 'Goodbye.'): CallFlowProps {
  const main = new Task('Main', [new PlayAudio('Message', { prompt: Prompt.tts(message) }), new Disconnect('Hang up')]);
  return { name, initialGreeting: Prompt.tts('Hello.'), startUp: main, tasks: [main] };
}

/** Parsed cdk.tf.json of a stack. */
export function synthJson(stack: TerraformStack): {
  resource: Record<string, Record<string, any>>;
  data?: Record<string, Record<string, any>>;
  [k: string]: any;
} {
  return JSON.parse(Testing.synth(stack));
}

/**
 * The resource of `type` at a construct path inside the stack (e.g. `SalesIvr/Flow/Publication/Resource`),
 * found by its logical id (`SalesIvr_Flow_Publication_<hash>`; a trailing `Resource` is dropped by cdktf).
 */
export function resourceAt(
  json: ReturnType<typeof synthJson>,
  type: string,
  constructPath: string,
  block: 'resource' | 'data' = 'resource',
): Record<string, any> & { address: string } {
  const all = json[block]?.[type] ?? {};
  const prefix = constructPath
    .replace(/\/Resource$/, '')
    .split('/')
    .join('_');
  const hits = Object.entries(all).filter(([key]) => new RegExp(`^${prefix}_[0-9A-F]{8}$`).test(key) || key === prefix);
  if (hits.length !== 1) throw new Error(`expected one ${type} at ${constructPath}, found ${hits.length}`);
  return { ...hits[0][1], address: `${block === 'data' ? 'data.' : ''}${type}.${hits[0][0]}` };
}

/** The problems of the ProblemError `fn` throws; any other error (a TypeError) is rethrown, and nothing thrown fails the test. */
export function problemsThrownBy(fn: () => unknown): readonly Problem[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProblemError) return e.problems;
    throw e;
  }
  throw new Error('expected a ProblemError, but nothing was thrown');
}

/** The problems of a thrown ProblemError (fails the test for anything else). */
export function problemsOf(error: unknown): readonly Problem[] {
  expect(error).toBeInstanceOf(ProblemError);
  return (error as ProblemError).problems;
}
