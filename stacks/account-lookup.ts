import { Construct } from 'constructs';
import { AccountLookupConfig } from '../config';
import { DataAction, Integration } from '../constructs';
import { ACCOUNT_LOOKUP_CONTRACT, AccountLookupContract } from './flows/pin-auth';

/**
 * The data action the PIN module calls: a POST of the caller's number and account number to the
 * environment's account service, through an integration of the org (whose credentials an admin set up).
 * Request and response templates are Apache Velocity, as Genesys data actions take them; the inputs are
 * JSON-escaped with `$esc.jsonString`. A caller the service does not know answers `found: false`.
 */
export function accountLookupAction(
  scope: Construct,
  config: AccountLookupConfig,
  name: string,
): DataAction<AccountLookupContract['inputs'], AccountLookupContract['outputs']> {
  return new DataAction(scope, 'AccountLookup', {
    integration: Integration.fromName(scope, 'AccountIntegration', config.integrationName),
    name,
    inputs: ACCOUNT_LOOKUP_CONTRACT.inputs,
    outputs: ACCOUNT_LOOKUP_CONTRACT.outputs,
    request: {
      urlTemplate: config.url,
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      bodyTemplate: '{"ani": "$esc.jsonString(${input.ani})", "accountNumber": "$esc.jsonString(${input.accountNumber})"}',
    },
    response: {
      translationMap: { found: '$.found', accountNumber: '$.accountNumber', pin: '$.pin' },
      translationMapDefaults: { found: 'false', accountNumber: '""', pin: '""' },
      successTemplate: '{"found": ${found}, "accountNumber": ${accountNumber}, "pin": ${pin}}',
    },
    // Not a secure data action: Genesys calls those only with Call Secure Data in a secure call flow (help,
    // "Call Secure Data action"), which this project does not model. The PIN lives in the module's
    // variables for the call only; it is never written to participant data.
    secure: false,
  });
}
