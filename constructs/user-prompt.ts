import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import { AssetType, ITerraformDependable, TerraformAsset } from 'cdktf';
import { ArchitectUserPrompt, ArchitectUserPromptResources } from '../.gen/providers/genesyscloud/architect-user-prompt';
import { DataGenesyscloudArchitectUserPrompt } from '../.gen/providers/genesyscloud/data-genesyscloud-architect-user-prompt';
import { AudioPromptTarget, Problem, ProblemError } from '../flow';
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

function promptNameProblems(at: string, name: string): Problem[] {
  if (PROMPT_NAME.test(name)) return [];
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

function resourceProblems(at: string, resources: readonly UserPromptResource[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  resources.forEach((resource, index) => {
    const here = `${at}[${index}]`;
    if (!LANGUAGE_TAG.test(resource.language)) {
      problems.push({
        code: 'GC2020',
        path: `${here}.language`,
        message: 'not a lower-case language tag',
        value: resource.language,
        fix: 'use a tag such as en-us',
      });
    } else if (seen.has(resource.language)) {
      problems.push({
        code: 'GC2020',
        path: `${here}.language`,
        message: 'a prompt has one resource per language',
        value: resource.language,
        fix: 'merge the resources of this language',
      });
    }
    seen.add(resource.language);
    if (!resource.tts?.trim() && resource.audioFile === undefined) {
      problems.push({
        code: 'GC2020',
        path: here,
        message: 'a resource needs text-to-speech or an audio file',
        value: resource.language,
        fix: 'set tts or audioFile',
      });
    }
    if (resource.audioFile !== undefined && !isFile(resource.audioFile)) {
      problems.push({
        code: 'GC2021',
        path: `${here}.audioFile`,
        message: 'no such file',
        value: resource.audioFile,
        fix: 'give the path of an audio file (relative to the working folder)',
      });
    }
  });
  if (resources.length === 0) {
    problems.push({
      code: 'GC2020',
      path: at,
      message: 'a prompt needs at least one resource',
      value: [],
      fix: 'add a resource with tts or audioFile',
    });
  }
  return problems;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
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
    super(scope, id);
    const problems = [
      ...promptNameProblems(`${this.node.path}.name`, props.name),
      ...resourceProblems(`${this.node.path}.resources`, props.resources),
    ];
    if (problems.length > 0) throw new ProblemError(problems);
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
    const fileContentHash = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    return { filename: asset.path, fileContentHash };
  }
}

class ImportedUserPrompt extends Construct implements IUserPrompt {
  readonly nameInFlow: string;
  readonly dependable: ITerraformDependable;

  constructor(
    scope: Construct,
    id: string,
    readonly promptName: string,
  ) {
    super(scope, id);
    const problems = promptNameProblems(`${this.node.path}.name`, promptName);
    if (problems.length > 0) throw new ProblemError(problems);
    this.nameInFlow = `Prompt.${promptName}`;
    this.dependable = new DataGenesyscloudArchitectUserPrompt(this, 'Lookup', { name: promptName });
  }
}
