import { GENESYS_REGIONS, GenesysRegion } from '../../config/regions';
import { GenesysError } from './genesys-error';

/** How to reach the platform: the provider's own environment variables, nothing else. */
export interface GenesysSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly region: GenesysRegion;
  /** Routes login and API traffic elsewhere (a proxy, or the local emulator in tests). */
  readonly gateway?: { readonly host: string; readonly port?: number; readonly protocol: 'http' | 'https' };
}

/**
 * Reads `GENESYSCLOUD_OAUTHCLIENT_ID`, `GENESYSCLOUD_OAUTHCLIENT_SECRET`, `GENESYSCLOUD_REGION` (provider
 * `aws_region` values, default us-east-1) and `GENESYSCLOUD_GATEWAY_HOST|PORT|PROTOCOL`.
 */
export function settingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): GenesysSettings {
  const clientId = env.GENESYSCLOUD_OAUTHCLIENT_ID ?? '';
  const clientSecret = env.GENESYSCLOUD_OAUTHCLIENT_SECRET ?? '';
  if (!clientId || !clientSecret) {
    throw new GenesysError(
      'GC4001',
      'environment',
      'OAuth client credentials are not set',
      'GENESYSCLOUD_OAUTHCLIENT_ID / GENESYSCLOUD_OAUTHCLIENT_SECRET',
      'export both variables (client credentials grant) before running',
    );
  }
  const region = (env.GENESYSCLOUD_REGION || 'us-east-1') as GenesysRegion;
  // Own keys only: `in` would also accept what every object inherits (constructor, toString, __proto__).
  if (!Object.hasOwn(GENESYS_REGIONS, region)) {
    throw new GenesysError(
      'GC4002',
      'GENESYSCLOUD_REGION',
      `unknown region; use one of ${Object.keys(GENESYS_REGIONS).join(', ')}`,
      region,
      'set the provider aws_region value, e.g. us-east-1',
    );
  }
  const host = env.GENESYSCLOUD_GATEWAY_HOST;
  if (!host) return { clientId, clientSecret, region };
  const protocol = (env.GENESYSCLOUD_GATEWAY_PROTOCOL || 'https').toLowerCase();
  if (protocol !== 'http' && protocol !== 'https') {
    throw new GenesysError('GC4002', 'GENESYSCLOUD_GATEWAY_PROTOCOL', 'gateway protocol must be http or https', protocol, 'set http or https');
  }
  const port = env.GENESYSCLOUD_GATEWAY_PORT ? Number(env.GENESYSCLOUD_GATEWAY_PORT) : undefined;
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
    throw new GenesysError('GC4002', 'GENESYSCLOUD_GATEWAY_PORT', 'gateway port must be 1-65535', env.GENESYSCLOUD_GATEWAY_PORT, 'set a port number');
  }
  return { clientId, clientSecret, region, gateway: { host, port, protocol } };
}
