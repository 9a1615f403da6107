import { EmulatorOptions, GenesysEmulator } from '../../emulator';
import { GenesysClient, GenesysClientOptions, GenesysSettings } from '../../runtime/genesys';

export const TEST_CLIENT_ID = 'test-client-id-3c1f';
export const TEST_CLIENT_SECRET = 'test-client-secret-9e27d5';

/** Settings that route the SDK to the emulator, as the GENESYSCLOUD_GATEWAY_* variables do. */
export function emulatorSettings(emulator: GenesysEmulator): GenesysSettings {
  return {
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    region: 'us-east-1',
    gateway: { host: '127.0.0.1', port: emulator.port, protocol: 'http' },
  };
}

export function emulatorEnv(emulator: GenesysEmulator): Record<string, string> {
  return {
    GENESYSCLOUD_OAUTHCLIENT_ID: TEST_CLIENT_ID,
    GENESYSCLOUD_OAUTHCLIENT_SECRET: TEST_CLIENT_SECRET,
    GENESYSCLOUD_REGION: 'us-east-1',
    GENESYSCLOUD_GATEWAY_HOST: '127.0.0.1',
    GENESYSCLOUD_GATEWAY_PORT: String(emulator.port),
    GENESYSCLOUD_GATEWAY_PROTOCOL: 'http',
    // The emulator's export jobs take 20 ms: the flow check need not wait the real first poll (2 s).
    FLOW_CHECK_EXPORT_FIRST_POLL_MS: '50',
  };
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<GenesysEmulator> {
  return new GenesysEmulator({ clients: { [TEST_CLIENT_ID]: TEST_CLIENT_SECRET }, jobDurationMs: 20, ...options }).start();
}

export function connect(emulator: GenesysEmulator, options: GenesysClientOptions = {}): Promise<GenesysClient> {
  return GenesysClient.connect(emulatorSettings(emulator), { retry: { baseDelayMs: 20, maxDelayMs: 100 }, ...options });
}
