import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { ConstructError } from './construct-error';
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import type { ISynthesisSession } from 'cdktf/lib/synthesize/types';

/** The stack folder's subfolder holding every flow file, relative to the stack folder (posix). */
export const FLOW_FILES_FOLDER = 'assets/flows';

/**
 * A rendered flow file shipped with its stack, at `assets/flows/<flow name>.<content hash>.yaml`
 * (relative to the stack folder), written once, straight from memory, when the stack is synthesized.
 * The content hash in the name makes a changed flow a changed path and keeps two flows whose names
 * sanitize alike apart.
 */
export class FlowFile {
  /** The file's path relative to the stack folder, in posix form (what `genesyscloud_flow.filepath` gets). */
  readonly path: string;

  /**
   * @param flowName the flow's name in Architect (made safe for file names)
   * @param contentHash hex digest of `content` (the first 32 digits name the file)
   */
  constructor(
    scope: Construct,
    flowName: string,
    contentHash: string,
    readonly content: string,
  ) {
    const fileName = `${safeFileBase(flowName)}.${contentHash.slice(0, 32)}.yaml`;
    this.path = `${FLOW_FILES_FOLDER}/${fileName}`;
    FlowFiles.of(TerraformStack.of(scope)).add(fileName, content);
  }
}

/**
 * The flow files of one stack, written together at synth: one folder (not a folder per file, as
 * `TerraformAsset` makes: two `mkdir`s per flow were a third of a 1 000-flow synth), emptied first so
 * no file of an earlier synth stays behind. Found in the construct tree, one per stack.
 */
class FlowFiles extends Construct {
  static of(stack: TerraformStack): FlowFiles {
    const existing = stack.node.tryFindChild(FLOW_FILES_ID);
    if (existing === undefined) return new FlowFiles(stack);
    if (existing instanceof FlowFiles) return existing;
    throw new ConstructError('GC2010', `${stack.node.path}/${FLOW_FILES_ID}`, `the construct id "${FLOW_FILES_ID}" is reserved in a stack with flows`, FLOW_FILES_ID, 'give your construct another id');
  }

  private readonly files = new Map<string, string>();

  private constructor(private readonly stack: TerraformStack) {
    super(stack, FLOW_FILES_ID);
    addCustomSynthesis(this, { onSynthesize: (session) => this.write(session) });
  }

  /** Identical names carry identical content (the name holds the content's hash). */
  add(fileName: string, content: string): void {
    this.files.set(fileName, content);
  }

  private write(session: ISynthesisSession): void {
    const stackDir = path.dirname(path.join(session.outdir, session.manifest.forStack(this.stack).synthesizedStackPath));
    const folder = path.join(stackDir, ...FLOW_FILES_FOLDER.split('/'));
    fs.rmSync(folder, { recursive: true, force: true });
    fs.mkdirSync(folder, { recursive: true });
    for (const [fileName, content] of this.files) fs.writeFileSync(path.join(folder, fileName), content);
  }
}

const FLOW_FILES_ID = 'FlowFiles';

/**
 * A file name safe on every OS, from a flow name: `dev Sales IVR` → `dev-Sales-IVR`; cut so the whole
 * name stays far below the 255-byte limit of common file systems.
 */
function safeFileBase(flowName: string): string {
  return flowName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120) || 'flow';
}
