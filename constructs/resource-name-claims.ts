import { IConstruct } from 'constructs';
import { Problem } from '../flow';
import { refuseProblems } from './construct-input';
import { StackClaims } from './stack-claims';

/**
 * Flows name user prompts, data tables and data actions by name, so two of one kind with one name in a
 * stack (managed, or one managed and one looked up) would make every flow naming it mean either of them.
 */
export type ResourceNameKind = 'user prompt' | 'data table' | 'data action';

function claims(scope: IConstruct, kind: ResourceNameKind): StackClaims {
  return StackClaims.of(scope, `${kind.replace(/ /g, '-')}-names`);
}

/** GC2023 when another construct of the stack of `scope` already claimed `name` for `kind`. */
function nameClashProblems(scope: IConstruct, kind: ResourceNameKind, name: string, path: string, shown: string = name): Problem[] {
  const first = claims(scope, kind).ownerOf(name);
  if (first === undefined) return [];
  return [
    {
      code: 'GC2023',
      path,
      message: `${kind} name is already used by ${first} in this stack; flows name it, so they could mean either`,
      value: shown,
      fix: `give each ${kind} its own name (or use the first construct wherever the ${kind} is needed)`,
    },
  ];
}

/**
 * Refuses `name` for `kind` when another construct of the stack already claimed it (GC2023). Run before
 * the construct adds its node, after its other problems were refused: `name` is then known to be text.
 */
export function refuseNameClash(scope: IConstruct, kind: ResourceNameKind, name: string, path: string, shown: string = name): void {
  refuseProblems(nameClashProblems(scope, kind, name, path, shown));
}

/** Records the construct at `path` as the owner of `name` for `kind` (after `refuseNameClash` found no clash). */
export function claimName(scope: IConstruct, kind: ResourceNameKind, name: string, path: string): void {
  claims(scope, kind).claim(name, path);
}
