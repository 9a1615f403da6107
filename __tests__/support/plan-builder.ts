import * as fs from 'fs';
import * as path from 'path';

type Json = Record<string, any>;

/** Attributes whose change the genesyscloud provider cannot make in place (ForceNew). */
const FORCE_NEW: Record<string, string[]> = { genesyscloud_architect_ivr: ['name'] };

/**
 * A Terraform plan JSON (format 1.2, the shape `terraform show -json` writes) for going from the base
 * synthesized stack to the head one: create / update / replace / delete / no-op per resource, ids and
 * computed attributes unknown after apply. Only what the review reads is filled in.
 */
export function planBetween(baseStackDir: string | undefined, headStackDir: string): Json {
  const read = (dir: string | undefined): Json =>
    dir && fs.existsSync(path.join(dir, 'cdk.tf.json')) ? (JSON.parse(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8')).resource ?? {}) : {};
  const base = read(baseStackDir);
  const head = read(headStackDir);
  const strip = (r: Json | undefined): Json | null => {
    if (!r) return null;
    const { ['//']: _meta, depends_on: _deps, provisioner: _p, ...rest } = r;
    return rest;
  };
  const changes: Json[] = [];
  for (const type of [...new Set([...Object.keys(base), ...Object.keys(head)])].sort()) {
    for (const name of [...new Set([...Object.keys(base[type] ?? {}), ...Object.keys(head[type] ?? {})])].sort()) {
      const before = strip(base[type]?.[name]);
      const after = strip(head[type]?.[name]);
      let actions: string[];
      if (!before) actions = ['create'];
      else if (!after) actions = ['delete'];
      else if (JSON.stringify(before) === JSON.stringify(after)) actions = ['no-op'];
      else if (
        (FORCE_NEW[type] ?? []).some((k) => before[k] !== after[k]) ||
        (type === 'terraform_data' && JSON.stringify(before.triggers_replace) !== JSON.stringify(after.triggers_replace))
      )
        actions = ['delete', 'create'];
      else actions = ['update'];
      changes.push({
        address: `${type}.${name}`,
        mode: 'managed',
        type,
        name,
        provider_name: type === 'terraform_data' ? 'terraform.io/builtin/terraform' : 'registry.terraform.io/mypurecloud/genesyscloud',
        change: {
          actions,
          before: before && { id: `${name}-id`, ...before },
          after,
          after_unknown: actions.includes('create') ? { id: true } : {},
          before_sensitive: {},
          after_sensitive: {},
        },
        ...(actions.length === 2 ? { action_reason: 'replace_because_cannot_update' } : {}),
      });
    }
  }
  return { format_version: '1.2', terraform_version: '1.11.4', resource_changes: changes };
}
