/**
 * Archy YAML shapes that no real export or provider example confirmed (see the README, "Platform
 * fidelity"). They are written only here, so each can be corrected in one place once a real org
 * confirms or refutes it.
 */

/** Every unverified shape the emitter can write, with why we believe it. Listed in the README. */
export const UNVERIFIED_SHAPES = [
  {
    id: 'callCommonModule-in-inboundCall',
    shape: 'callCommonModule inside an inboundCall flow',
    basis: 'identical shape seen in inbound message and workflow flows',
  },
  {
    id: 'endTask-nested',
    shape: 'endTask inside nested outputs of a commonModule (ends the module early with its outcome set)',
    basis: 'exports show endTask only as the last action of startUpTaskActions',
  },
  {
    id: 'interDigitTimeout',
    shape: 'collectInput.interDigitTimeout as {lit: {seconds: N}}',
    basis: 'same wrapper as the verified noEntryTimeout',
  },
  {
    id: 'menuTransferToAcd-fields',
    shape: 'menuTransferToAcd with targetQueue {lit: {name}} like transferToAcd',
    basis: 'the choice kind is verified; its fields by analogy with transferToAcd',
  },
  {
    id: 'menuTask-inline',
    shape: 'menuTask: {name, dtmf, task: {name, refId, actions}}',
    basis: 'menuTask with a task holding actions is seen; the task refId is our addition',
  },
  {
    id: 'inboundCall-supportedLanguages',
    shape: 'supportedLanguages: {<lang>: {defaultLanguageSkill: {noValue: true}}} in inboundCall',
    basis: 'seen in the provider example of an inboundEmail flow',
  },
  {
    id: 'updateData-decimal',
    shape: 'updateData statement key decimal',
    basis: 'by analogy with the verified string/integer/boolean keys',
  },
] as const;

export type UnverifiedShapeId = (typeof UNVERIFIED_SHAPES)[number]['id'];

type Node = Record<string, unknown>;

export function callCommonModule(name: string, moduleName: string, inputs: Node, outputs: Node): Node {
  return {
    callCommonModule: {
      name,
      commonModule: { [moduleName]: { ver_latestPublished: { inputs, outputs } } },
    },
  };
}

export function endTask(name: string): Node {
  return { endTask: { name } };
}

export function interDigitTimeout(seconds: number): Node {
  return { lit: { seconds } };
}

export function menuTransferToAcd(name: string, dtmf: string, queueName: string): Node {
  return { menuTransferToAcd: { name, dtmf, targetQueue: { lit: { name: queueName } } } };
}

export function menuTask(name: string, dtmf: string, refId: string, actions: unknown[]): Node {
  return { menuTask: { name, dtmf, task: { name, refId, actions } } };
}

export function inboundCallSupportedLanguages(language: string): Node {
  return { [language]: { defaultLanguageSkill: { noValue: true } } };
}

export const DECIMAL_STATEMENT_KEY = 'decimal';
