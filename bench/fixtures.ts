/**
 * Shapes shared by `run.ts` (parent) and `synth-case.ts` (child). No cdktf here, so the parent stays light
 * (the flow language has none).
 */
import * as fs from 'fs';
import * as path from 'path';
import { isE164 } from '../formats/e164';
import { CommonModuleFlow, dataActionNamed } from '../flow';
import { ACCOUNT_LOOKUP_CONTRACT, pinAuthFlow } from '../stacks/flows/pin-auth';

/** The PIN modules' data action, by name (both variants look it up in the org: no resource of its own). */
export const BENCH_ACCOUNT_LOOKUP = dataActionNamed('Account Data Actions', 'Account PIN Lookup', ACCOUNT_LOOKUP_CONTRACT);

/** Name of the one stack a case synthesizes (`<outdir>/stacks/<STACK>/cdk.tf.json`). */
export const STACK = 'bench';

/** What `synth-case.js` prints: times from process start (ms), peak RSS, YAML files written. */
export interface CaseOutput {
  /** Process start to the end of app.synth(). */
  readonly synthMs: number;
  /** Process start to the app's modules loaded. */
  readonly loadMs: number;
  /** The construct tree. */
  readonly buildMs: number;
  /** app.synth(): resolve, write cdk.tf.json, write or copy the assets. */
  readonly appSynthMs: number;
  readonly peakRssMb: number;
  /** CPU time (user + system) of the case up to the end of app.synth(): less sensitive than wall time to other load on the machine. */
  readonly cpuMs: number;
  /** Writes of `.yaml` files (writeFileSync, copyFileSync, renameSync targets) during the case. */
  readonly yamlWrites: number;
}

/** Shared flows (PIN modules) every case has; IVR i calls module i % SHARED_FLOWS. */
export const SHARED_FLOWS = 10;

/** Most IVRs a case can have: DNIS numbers are `+1317555` plus a 4-digit index. */
export const MAX_IVRS = 10_000;

/** A unique E.164 number per IVR (`+13175550000` … `+13175559999`). */
export function dnisFor(i: number): string {
  if (!Number.isInteger(i) || i < 0 || i >= MAX_IVRS) throw new Error(`IVR index ${i} outside 0..${MAX_IVRS - 1}`);
  const dnis = `+1317555${String(i).padStart(4, '0')}`;
  if (!isE164(dnis)) throw new Error(`${dnis} is not E.164`);
  return dnis;
}

export const moduleFile = (dir: string, m: number): string => path.join(dir, `Pin${m}.yaml`);
export const ivrFlowFile = (dir: string, i: number): string => path.join(dir, `IvrFlow${i}.yaml`);

/**
 * An IVR flow as a hand-written app would keep it (the same text the constructs render for IVR i, with
 * the provider substitution keys the plain variant uses): so both variants ship files of the same size.
 */
function ivrYaml(i: number): string {
  /** The transfer of one outcome, indented `depth` decision levels below the first. */
  const route = (outcome: string, queue: string, depth = 0) =>
    [
      '- transferToAcd:',
      `    name: Route ${outcome}`,
      '    targetQueue:',
      '      lit:',
      `        name: "{{${queue}}}"`,
      '    priority:',
      '      lit: 0',
      '    languageSkill:',
      '      noValue: true',
      '- playAudio:',
      `    name: Route ${outcome} failed`,
      '    audio:',
      '      tts: We are sorry, no one can take your call right now. Goodbye.',
      '- disconnect:',
      `    name: Route ${outcome} end`,
    ]
      .map((line) => ' '.repeat(20 + depth * 10) + line)
      .join('\n');
  return `inboundCall:
  name: IVR ${i}
  division: Home
  defaultLanguage: en-us
  startUpRef: /inboundCall/tasks/task[Main]
  initialGreeting:
    tts: Welcome to line ${i}.
  variables:
    - stringVariable:
        name: Flow.Run_shared_flow_Outcome
        initialValue:
          noValue: true
  tasks:
    - task:
        name: Main
        refId: Main
        actions:
          - callCommonModule:
              name: Run shared flow
              commonModule:
                Shared PIN Auth ${i % SHARED_FLOWS}:
                  ver_latestPublished:
                    inputs:
                      Common.CallerNumber:
                        exp: Call.Ani
                    outputs:
                      Common.AccountNumber:
                        noValue: true
                      Common.AttemptsUsed:
                        noValue: true
                      Common.Outcome:
                        var: Flow.Run_shared_flow_Outcome
          - decision:
              name: "Run shared flow: outcome success?"
              condition:
                exp: Flow.Run_shared_flow_Outcome == "success"
              outputs:
                "yes":
                  actions:
${route('success', 'queue')}
                "no":
                  actions:
                    - decision:
                        name: "Run shared flow: outcome unavailable?"
                        condition:
                          exp: Flow.Run_shared_flow_Outcome == "unavailable"
                        outputs:
                          "yes":
                            actions:
${route('unavailable', 'operator', 1)}
                          "no":
                            actions:
${route('failure', 'operator', 1)}
`;
}

/**
 * The plain variant's static YAML files, one per flow, as a hand-written app would keep them in its
 * repository (the modules as the flow language renders them, the IVRs from {@link ivrYaml}). `run.ts`
 * writes them once before timing (the plain variant is not charged for producing them); `synth-case.ts`
 * writes them when run on its own.
 */
export function writePlainFlowFiles(dir: string, ivrs: number): void {
  fs.mkdirSync(dir, { recursive: true });
  const ensure = (file: string, body: () => string) => {
    if (!fs.existsSync(file)) fs.writeFileSync(file, body());
  };
  for (let m = 0; m < SHARED_FLOWS; m++) {
    ensure(
      moduleFile(dir, m),
      () =>
        new CommonModuleFlow(
          pinAuthFlow({ flowName: `Shared PIN Auth ${m}`, division: 'Home', maxAttempts: 3, accountLookup: BENCH_ACCOUNT_LOOKUP }),
        ).render().yaml,
    );
  }
  for (let i = 0; i < ivrs; i++) ensure(ivrFlowFile(dir, i), () => ivrYaml(i));
}
