/**
 * The flow check handler, run by the `terraform_data` provisioners of each flow:
 *   node flow-check.js create|destroy      (input in FLOW_CHECK_INPUT, credentials in GENESYSCLOUD_*)
 * Exit codes: 0 ok, 1 check failed (the apply or destroy must stop), 2 could not check (the API was
 * unavailable, or answered something other than what its contract promises; a destroy is refused).
 */
import { ArchitectOps } from '../architect/architect-ops';
import { GenesysClient } from '../genesys/genesys-client';
import { GenesysError } from '../genesys/genesys-error';
import { FLOW_CHECK_EXIT, checkPublishedFlow, checkSharedFlowDestroy } from './flow-check';
import { parseFlowCheckInput } from './flow-check-input';

async function main(): Promise<number> {
  const mode = process.argv[2];
  if (mode !== 'create' && mode !== 'destroy') {
    console.error('usage: flow-check.js create|destroy (input in FLOW_CHECK_INPUT)');
    return 64;
  }
  const input = parseFlowCheckInput(process.env.FLOW_CHECK_INPUT);
  if (process.env.FLOW_CHECK_SKIP === '1') {
    console.log(`${input.flowType} '${input.flowName}': flow check skipped (FLOW_CHECK_SKIP=1)`);
    return FLOW_CHECK_EXIT.ok;
  }
  const waitSeconds = Number(process.env.FLOW_CHECK_WAIT_SECONDS ?? 120);
  const ops = new ArchitectOps(await GenesysClient.connect());
  const report = mode === 'create' ? await checkPublishedFlow(ops, input, { poll: { timeoutMs: waitSeconds * 1000 } }) : await checkSharedFlowDestroy(ops, input);
  report.lines.forEach((l) => (report.exitCode === 0 ? console.log(l) : console.error(l)));
  return report.exitCode;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    // Anything unreadable (an API answer that is not what the contract promises: GC4006) or unavailable
    // ends here: "could not check", never ok and never a verdict on data we could not read.
    const reason = err instanceof GenesysError ? err.message : err instanceof Error ? err.message : String(err);
    const destroy = process.argv[2] === 'destroy';
    console.error(destroy ? `refusing to destroy: the destroy guard could not check the shared flow's callers: ${reason}` : `flow check could not complete: ${reason}`);
    process.exit(FLOW_CHECK_EXIT.couldNotCheck);
  },
);
