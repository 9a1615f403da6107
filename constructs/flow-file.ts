import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import type { ISynthesisSession } from 'cdktf/lib/synthesize/types';

/**
 * A rendered file shipped with the stack, at the path a `TerraformAsset` of the same construct id and
 * content would have (`assets/<logical id>/<MD5 of the content>/<file name>`, relative to the stack
 * folder), written once, straight from memory, when the stack is synthesized.
 *
 * A `TerraformAsset` needs a file on disk when it is constructed and copies it into `cdktf.out/` at
 * synth, so each flow's YAML used to be written twice (a staging copy, then cdktf's copy) and read back
 * for hashing. Nothing is written before synth here: a definition that fails validation throws while the
 * tree is built, and no folder outside the output is involved.
 *
 * The path is part of every deployed `genesyscloud_flow` (`filepath`), and the provider re-imports and
 * republishes a flow whose `filepath` changes: a new layout (even one folder for all flows, a third
 * faster to write at 1 000 flows) would republish every flow of every org once, on upgrade.
 */
export class FlowFile extends Construct {
  /** As `TerraformAsset.assetHash`: MD5 of the content, upper-case hex. */
  readonly assetHash: string;
  readonly fileName: string;
  private readonly stack: TerraformStack;
  private folderPath?: string;

  constructor(
    scope: Construct,
    id: string,
    fileName: string,
    private readonly content: string,
  ) {
    super(scope, id);
    this.stack = TerraformStack.of(this);
    this.fileName = fileName;
    this.assetHash = createHash('md5').update(content, 'utf8').digest('hex').toUpperCase();
    addCustomSynthesis(this, { onSynthesize: (session) => this.write(session) });
  }

  /** `assets/<logical id>`: the id is an MD5 of the construct path, computed once (the path never changes). */
  private get folder(): string {
    this.folderPath ??= `assets/${this.stack.getLogicalId(this.node)}`;
    return this.folderPath;
  }

  /** The file's path relative to the stack folder, in posix form (what `genesyscloud_flow.filepath` gets). */
  get path(): string {
    return `${this.folder}/${this.assetHash}/${this.fileName}`;
  }

  private write(session: ISynthesisSession): void {
    const stackDir = path.dirname(path.join(session.outdir, session.manifest.forStack(this.stack).synthesizedStackPath));
    const folder = path.join(stackDir, this.folder);
    // As TerraformAsset: an earlier synth's version of this file (another hash) is removed.
    try {
      fs.mkdirSync(folder);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        fs.rmSync(folder, { recursive: true });
        fs.mkdirSync(folder);
      } else if (code === 'ENOENT') {
        fs.mkdirSync(folder, { recursive: true });
      } else {
        throw err;
      }
    }
    const dir = path.join(folder, this.assetHash);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, this.fileName), this.content);
  }
}

/** A file name safe on every OS, from a flow name: `dev Sales IVR` → `dev-Sales-IVR.yaml`. */
export function flowFileName(flowName: string): string {
  const base = flowName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'flow';
  return `${base}.yaml`;
}
