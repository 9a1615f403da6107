import { parse } from 'yaml';
import { calledModules } from '../runtime/synth-output/called-modules';

/** Top-level YAML keys the emulator accepts, with the API flow type of each. */
const FLOW_TYPES: Record<string, string> = {
  inboundCall: 'INBOUNDCALL',
  commonModule: 'COMMONMODULE',
  inqueueCall: 'INQUEUECALL',
  inboundEmail: 'INBOUNDEMAIL',
  inboundShortMessage: 'INBOUNDSHORTMESSAGE',
  workflow: 'WORKFLOW',
};

export interface ImportCheck {
  readonly errors: string[];
  readonly type?: string;
  readonly name?: string;
  readonly division: string;
  /** Names of the common modules the flow calls. */
  readonly calledModules: string[];
}

/**
 * The checks an Architect import job makes that are cheap to emulate: one known flow-type key, a name,
 * a start-up reference that resolves, no unsubstituted `{{...}}` placeholder. Module existence is
 * checked by the caller (it needs the org state).
 */
export function checkImport(yaml: string): ImportCheck {
  let doc: unknown;
  try {
    doc = parse(yaml);
  } catch (err) {
    return { errors: [`The flow file is not valid YAML: ${(err as Error).message.split('\n')[0]}`], division: 'Home', calledModules: [] };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { errors: ['The flow file must contain one flow type key at the top level.'], division: 'Home', calledModules: [] };
  const keys = Object.keys(doc);
  if (keys.length !== 1 || !FLOW_TYPES[keys[0]]) {
    return { errors: [`Unknown or missing flow type key: ${keys.join(', ') || '(none)'}. Expected one of ${Object.keys(FLOW_TYPES).join(', ')}.`], division: 'Home', calledModules: [] };
  }
  const key = keys[0];
  const body = (doc as Record<string, Record<string, unknown>>)[key] ?? {};
  const errors: string[] = [];
  const name = typeof body.name === 'string' && body.name.trim() !== '' ? body.name : undefined;
  if (!name) errors.push(`The ${key} flow has no name.`);
  if (yaml.includes('{{')) errors.push(`Unresolved substitution placeholder near '${yaml.slice(yaml.indexOf('{{'), yaml.indexOf('{{') + 40).split('\n')[0]}'.`);
  if (key !== 'commonModule' && key !== 'workflow') {
    const ref = body.startUpRef;
    if (typeof ref !== 'string') errors.push(`The ${key} flow has no startUpRef.`);
    else {
      const match = /^(?:\/[A-Za-z]+|\.)\/(tasks|menus|states)\/(task|menu|state)\[(.+)\]$/.exec(ref);
      const list = match ? (body[match[1]] as Array<Record<string, { refId?: string }>> | undefined) : undefined;
      const found = match && (list ?? []).some((item) => item?.[match[2]]?.refId === match[3]);
      if (!found) errors.push(`startUpRef '${ref}' does not resolve to a task, menu or state of the flow.`);
    }
  }
  const division = typeof body.division === 'string' ? body.division : 'Home';
  return { errors, type: FLOW_TYPES[key], name, division, calledModules: calledModules(body) };
}
