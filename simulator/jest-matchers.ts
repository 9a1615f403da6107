import { CallResult } from './simulation-types';

type MatcherResult = { pass: boolean; message: () => string };

const describe = (r: CallResult) => `${JSON.stringify(r.outcome)}; prompts: ${JSON.stringify(r.prompts)}`;

/**
 * Jest matchers for simulated calls:
 * `expect(simulateCall(ivr, { dtmf: ['1234'] })).toEndInQueue('DEV Sales')`, `.toPlay(/PIN/)`,
 * `.toCallSharedFlow('Shared PIN Auth', { outcome: 'success' })`, `.toDisconnect()`, `.toStopWithError(/raw/)`.
 * Register once with `expect.extend(simulationMatchers)`.
 */
export const simulationMatchers = {
  toEndInQueue(result: CallResult, queueName: string): MatcherResult {
    const pass = result.outcome.kind === 'queue' && result.outcome.queueName === queueName;
    return { pass, message: () => `expected the call ${pass ? 'not ' : ''}to end in queue '${queueName}', got ${describe(result)}` };
  },
  toDisconnect(result: CallResult): MatcherResult {
    const pass = result.outcome.kind === 'disconnect';
    return { pass, message: () => `expected the call ${pass ? 'not ' : ''}to disconnect, got ${describe(result)}` };
  },
  toPlay(result: CallResult, prompt: string | RegExp, times?: number): MatcherResult {
    const hits = result.prompts.filter((p) => (typeof prompt === 'string' ? p === prompt : prompt.test(p))).length;
    const pass = times === undefined ? hits > 0 : hits === times;
    return {
      pass,
      message: () =>
        `expected the call ${pass ? 'not ' : ''}to play ${String(prompt)}${times === undefined ? '' : ` ${times} time(s)`}, it played it ${hits} time(s): ${JSON.stringify(result.prompts)}`,
    };
  },
  toCallSharedFlow(result: CallResult, name: string, expected: { outcome?: string } = {}): MatcherResult {
    const calls = result.transcript.filter((t) => t.kind === 'sharedFlowReturn' && t.sharedFlow?.name === name);
    const pass = calls.length > 0 && (expected.outcome === undefined || calls.some((c) => c.sharedFlow?.outcome === expected.outcome));
    return {
      pass,
      message: () =>
        `expected the call ${pass ? 'not ' : ''}to call shared flow '${name}'${expected.outcome ? ` with outcome '${expected.outcome}'` : ''}; calls: ${JSON.stringify(calls.map((c) => c.sharedFlow))}`,
    };
  },
  toStopWithError(result: CallResult, message?: string | RegExp): MatcherResult {
    const outcome = result.outcome;
    const pass =
      outcome.kind === 'error' &&
      (message === undefined || (typeof message === 'string' ? outcome.message.includes(message) : message.test(outcome.message)));
    return {
      pass,
      message: () =>
        `expected the simulation ${pass ? 'not ' : ''}to stop with an error${message ? ` matching ${String(message)}` : ''}, got ${describe(result)}`,
    };
  },
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toEndInQueue(queueName: string): R;
      toDisconnect(): R;
      toPlay(prompt: string | RegExp, times?: number): R;
      toCallSharedFlow(name: string, expected?: { outcome?: string }): R;
      toStopWithError(message?: string | RegExp): R;
    }
  }
}
