import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import { AssetType, ITerraformDependable, TerraformAsset } from 'cdktf';
import { ArchitectUserPrompt, ArchitectUserPromptResources } from '../.gen/providers/genesyscloud/architect-user-prompt';
import { DataGenesyscloudArchitectUserPrompt } from '../.gen/providers/genesyscloud/data-genesyscloud-architect-user-prompt';
import { AudioPromptTarget, Problem } from '../flow';
import { childPath, isRecord, literalTextProblems, refuseProblems } from './construct-input';
import { claimName, refuseNameClash } from './resource-name-claims';
import { terraformText } from './terraform-text';

/**
 * The platform's rule for user prompt names: a letter first, then letters, digits and underscores,
 * at most 200 characters (Genesys Cloud help, "Prompts overview").
 */
const PROMPT_NAME = /^[A-Za-z][A-Za-z0-9_]{0,199}$/;

/**
 * A language tag as the provider accepts it: lower case, `en-us`, `ja-jp`, `es` (its list of Architect
 * languages is lower case only, compared case-sensitively).
 */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;

/** A user prompt as flows see it, whether this stack manages it or it exists in the org. */
export interface IUserPrompt extends AudioPromptTarget {
  /** What the resources of flows playing it depend on (the prompt resource or its lookup). */
  readonly dependable: ITerraformDependable;
}

/** The prompt's audio in one language: text-to-speech, a recording, or both (the recording plays). */
export interface UserPromptResource {
  /** Architect language tag, lower case (`en-us`). */
  readonly language: string;
  /**
   * Text-to-speech the prompt plays when it has no recording.
   * @default - none (an audio file is required)
   */
  readonly tts?: string;
  /**
   * Transcript shown with the prompt in Architect.
   * @default - none
   */
  readonly text?: string;
  /**
   * A local audio file (.wav), shipped with the stack and uploaded; a changed file is uploaded again.
   * @default - none (TTS is required)
   */
  readonly audioFile?: string;
}

export interface UserPromptProps {
  /**
   * The prompt's name (a letter, then letters, digits, underscores; at most 200). Renaming replaces the
   * prompt: flows that name it must be republished.
   */
  readonly name: string;
  /**
   * @default - no description
   */
  readonly description?: string;
  /** One resource per language. */
  readonly resources: readonly UserPromptResource[];
}

function promptNameProblems(at: string, name: unknown): Problem[] {
  if (typeof name === 'string' && PROMPT_NAME.test(name)) return [];
  return [
    {
      code: 'GC2019',
      path: at,
      message: 'a user prompt name must start with a letter and have only letters, digits and underscores, at most 200 characters',
      value: name,
      fix: 'rename the prompt, e.g. Welcome_Greeting',
    },
  ];
}

function resourceProblems(at: string, resources: unknown): Problem[] {
  if (!Array.isArray(resources) || resources.length === 0) {
    return [
      {
        code: 'GC2020',
        path: at,
        message: 'a prompt needs a list of at least one resource',
        value: resources,
        fix: "give e.g. [{ language: 'en-us', tts: 'Welcome' }]",
      },
    ];
  }
  const problems: Problem[] = [];
  const seen = new Set<string>();
  resources.forEach((resource: unknown, index) => {
    const here = `${at}[${index}]`;
    if (!isRecord(resource)) {
      problems.push({
        code: 'GC2020',
        path: here,
        message: 'a resource must be an object',
        value: resource,
        fix: "give { language: 'en-us', tts: '…' }",
      });
      return;
    }
    const { language, tts, text, audioFile } = resource;
    if (typeof language !== 'string' || !LANGUAGE_TAG.test(language)) {
      problems.push({
        code: 'GC2020',
        path: `${here}.language`,
        message: 'not a lower-case language tag',
        value: language,
        fix: 'use a tag such as en-us',
      });
    } else if (seen.has(language)) {
      problems.push({
        code: 'GC2020',
        path: `${here}.language`,
        message: 'a prompt has one resource per language',
        value: language,
        fix: 'merge the resources of this language',
      });
    }
    if (typeof language === 'string') seen.add(language);
    problems.push(...literalTextProblems('GC2020', `${here}.tts`, tts, false), ...literalTextProblems('GC2020', `${here}.text`, text, false));
    if (!(typeof tts === 'string' && tts.trim()) && audioFile === undefined) {
      problems.push({
        code: 'GC2020',
        path: here,
        message: 'a resource needs text-to-speech or an audio file',
        value: language,
        fix: 'set tts or audioFile',
      });
    }
    if (audioFile !== undefined) problems.push(...audioFileProblems(`${here}.audioFile`, audioFile));
  });
  return problems;
}

/**
 * The platform's limit on a prompt audio file: 25 MB (Genesys Cloud help, "Prompts overview"), read as
 * 25 MiB. A larger file would fail its upload at apply; hashing it here would also hold it in memory.
 */
export const MAX_AUDIO_FILE_BYTES = 25 * 1024 * 1024;

function audioFileProblems(at: string, file: unknown): Problem[] {
  const fix = 'give the path of an audio file (relative to the working folder)';
  if (typeof file !== 'string') return [{ code: 'GC2021', path: at, message: 'must be the path of a file', value: file, fix }];
  const size = fileSize(file);
  if (size === undefined) return [{ code: 'GC2021', path: at, message: 'no such file', value: file, fix }];
  if (size > MAX_AUDIO_FILE_BYTES) {
    return [
      {
        code: 'GC2021',
        path: at,
        message: `the file has ${size} bytes; Genesys takes prompt audio files of up to 25 MB (${MAX_AUDIO_FILE_BYTES} bytes)`,
        value: file,
        fix: 'shorten or compress the recording (.wav, 8 kHz mono is enough for calls)',
      },
    ];
  }
  return [];
}

/** The size of a regular file, undefined when there is none at `file`. */
function fileSize(file: string): number | undefined {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

function userPromptProblems(path: string, props: unknown): Problem[] {
  if (!isRecord(props)) {
    return [{ code: 'GC2020', path, message: 'a user prompt needs its props', value: props, fix: 'pass { name, resources }' }];
  }
  return [
    ...promptNameProblems(`${path}.name`, props.name),
    ...literalTextProblems('GC2020', `${path}.description`, props.description, false),
    ...resourceProblems(`${path}.resources`, props.resources),
  ];
}

/**
 * An Architect user prompt managed by this stack (`genesyscloud_architect_user_prompt`), which flows
 * play as `Prompt.<name>`.
 */
export class UserPrompt extends Construct implements IUserPrompt {
  /** A user prompt that exists in the org, looked up by name (`data.genesyscloud_architect_user_prompt`). */
  static fromName(scope: Construct, id: string, name: string): IUserPrompt {
    return new ImportedUserPrompt(scope, id, name);
  }

  readonly promptName: string;
  readonly nameInFlow: string;
  readonly resource: ArchitectUserPrompt;

  constructor(scope: Construct, id: string, props: UserPromptProps) {
    const path = childPath(scope, id);
    refuseProblems(userPromptProblems(path, props));
    refuseNameClash(scope, 'user prompt', props.name, `${path}.name`);
    super(scope, id);
    claimName(this, 'user prompt', props.name, this.node.path);
    this.promptName = props.name;
    this.nameInFlow = `Prompt.${props.name}`;
    this.resource = new ArchitectUserPrompt(this, 'Resource', {
      name: props.name,
      description: terraformText(props.description),
      resources: props.resources.map((r) => this.promptResource(r)),
    });
  }

  get dependable(): ITerraformDependable {
    return this.resource;
  }

  private promptResource(resource: UserPromptResource): ArchitectUserPromptResources {
    const audio = resource.audioFile === undefined ? undefined : this.audio(resource.language, path.resolve(resource.audioFile));
    return { language: resource.language, ttsString: terraformText(resource.tts), text: terraformText(resource.text), ...audio };
  }

  /** The file as a stack asset, with its sha256 (the provider re-uploads when the hash changes). */
  private audio(language: string, file: string): Pick<ArchitectUserPromptResources, 'filename' | 'fileContentHash'> {
    const asset = new TerraformAsset(this, `Audio-${language}`, { path: file, type: AssetType.FILE });
    const fileContentHash = sha256OfFile(file);
    return { filename: asset.path, fileContentHash };
  }
}

/** sha256 of a file, read in chunks (not held in memory whole). */
function sha256OfFile(file: string): string {
  const hash = createHash('sha256');
  const chunk = Buffer.alloc(1024 * 1024);
  const fd = fs.openSync(file, 'r');
  try {
    for (let read = fs.readSync(fd, chunk); read > 0; read = fs.readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

class ImportedUserPrompt extends Construct implements IUserPrompt {
  readonly nameInFlow: string;
  readonly dependable: ITerraformDependable;

  constructor(
    scope: Construct,
    id: string,
    readonly promptName: string,
  ) {
    const path = childPath(scope, id);
    refuseProblems(promptNameProblems(`${path}.name`, promptName));
    refuseNameClash(scope, 'user prompt', promptName, `${path}.name`);
    super(scope, id);
    claimName(this, 'user prompt', promptName, this.node.path);
    this.nameInFlow = `Prompt.${promptName}`;
    this.dependable = new DataGenesyscloudArchitectUserPrompt(this, 'Lookup', { name: promptName });
  }
}
