/**
 * Regenerates the committed provider bindings in `.gen/providers/genesyscloud/` from a provider schema
 * (the JSON of `terraform providers schema -json`), for the resources and data sources this project uses.
 *
 *   npm run bindings -- <schema.json>
 *
 * On a machine with registry access, `npx cdktf get` produces the same layout for the whole provider.
 * This tool exists for offline machines and to keep the committed bindings small.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CodeMaker } from 'codemaker';
import { TerraformProviderGenerator } from '@cdktf/provider-generator';
import { ConstructsMakerProviderTarget, Language, TerraformProviderConstraint } from '@cdktf/commons';
import { commandSpec, parseCommandLine, usageError } from '../runtime/cli/command-line';

const PROVIDER_KEY = 'registry.terraform.io/mypurecloud/genesyscloud';

const BINDINGS_COMMAND = commandSpec({
  name: 'bindings',
  usage: 'npm run bindings -- <provider-schema.json> [outdir]',
  summary:
    'Regenerates the committed genesyscloud provider bindings (<outdir>/providers/genesyscloud/) from a provider schema, for the\nresources and data sources this project uses. Offline; `npx cdktf get` does the same for the whole provider.',
  positionals: [
    ['<provider-schema.json>', 'the output of `terraform providers schema -json` (required)'],
    ['[outdir]', 'where the bindings go (default .gen)'],
  ],
  options: {},
  exitCodes: [
    [0, 'bindings written'],
    [1, 'the schema is unreadable or lacks the provider, a resource or a data source'],
    [64, 'a bad command line'],
  ],
  usageExitCode: 64,
});
const VERSION_CONSTRAINT = '~> 1.84';

export const USED_RESOURCES = [
  'genesyscloud_flow',
  'genesyscloud_architect_ivr',
  'genesyscloud_routing_queue',
  'genesyscloud_architect_schedules',
  'genesyscloud_architect_schedulegroups',
  'genesyscloud_telephony_providers_edges_did_pool',
  'genesyscloud_integration_action',
  'genesyscloud_architect_datatable',
  'genesyscloud_architect_datatable_row',
  'genesyscloud_architect_user_prompt',
];
export const USED_DATA_SOURCES = [
  'genesyscloud_flow',
  'genesyscloud_routing_queue',
  'genesyscloud_auth_division_home',
  'genesyscloud_integration',
  'genesyscloud_integration_action',
  'genesyscloud_architect_datatable',
  'genesyscloud_architect_user_prompt',
];

function pick<T>(all: Record<string, T>, names: string[], kind: string): Record<string, T> {
  const picked: Record<string, T> = {};
  for (const name of names) {
    if (!all[name]) throw new Error(`schema has no ${kind} '${name}'`);
    picked[name] = all[name];
  }
  return picked;
}

async function main(schemaPath: string, outdir: string): Promise<void> {
  const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
  const provider = schema.provider_schemas?.[PROVIDER_KEY];
  if (!provider) throw new Error(`${schemaPath} has no provider '${PROVIDER_KEY}'`);
  const subset = {
    format_version: schema.format_version,
    provider_schemas: {
      [PROVIDER_KEY]: {
        provider: provider.provider,
        resource_schemas: pick(provider.resource_schemas, USED_RESOURCES, 'resource'),
        data_source_schemas: pick(provider.data_source_schemas, USED_DATA_SOURCES, 'data source'),
      },
    },
    // Without provider_versions the bindings carry the range constraint (~> 1.84), as `cdktf get` does
    // with cdktf.json's constraint, instead of pinning the exact release the schema came from.
  };
  const code = new CodeMaker();
  const generator = new TerraformProviderGenerator(code, subset as never);
  generator.generate(
    new ConstructsMakerProviderTarget(
      new TerraformProviderConstraint({ name: 'genesyscloud', source: 'mypurecloud/genesyscloud', version: VERSION_CONSTRAINT }),
      Language.TYPESCRIPT,
    ),
  );
  const target = path.resolve(outdir, 'providers', 'genesyscloud');
  fs.rmSync(target, { recursive: true, force: true });
  await code.save(path.resolve(outdir));
  console.log(`bindings written to ${path.relative(process.cwd(), target)}`);
}

const [schemaArg, outdirArg] = parseCommandLine(BINDINGS_COMMAND).positionals;
if (!schemaArg) usageError(BINDINGS_COMMAND, 'the provider schema file is required');
main(schemaArg, outdirArg ?? '.gen').catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
