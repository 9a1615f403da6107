import type * as platformClient from 'purecloud-platform-client-v2';
import { GenesysEmulator } from '../../emulator';
import {
  GenesysClient,
  GenesysError,
  retryDelay,
  DEFAULT_RETRY_POLICY,
  printableUrl,
  sanitize,
  settingsFromEnvironment,
} from '../../runtime/genesys';
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET, connect, emulatorSettings, startEmulator } from '../support/emulator';

const MODULE_YAML = 'commonModule:\n  name: Test Module\n  startUpTaskActions:\n    - endTask:\n        name: End\n';
const org = (c: GenesysClient) =>
  c.call<platformClient.Models.Organization>('GET /api/v2/organizations/me', (a) => a.organization.getOrganizationsMe());

describe('GenesysClient against the emulator (real SDK)', () => {
  let emulator: GenesysEmulator;
  beforeEach(async () => {
    emulator = await startEmulator();
  });
  afterEach(() => emulator.stop());

  it('logs in with client credentials through the gateway and calls the API', async () => {
    const client = await connect(emulator);
    expect((await org(client)).name).toBe('Emulated Org');
    expect(client.apiCalls).toBe(2); // login + call
  });

  it('imports and publishes a flow through an import job, uploading without the token', async () => {
    const client = await connect(emulator);
    const job = await client.call<platformClient.Models.RegisterArchitectJobResponse>('POST /api/v2/flows/jobs', (a) => a.architect.postFlowsJobs());
    await client.upload(job.presignedUrl!, job.headers ?? {}, MODULE_YAML);
    let status: platformClient.Models.ArchitectJobStateResponse;
    do {
      await new Promise((r) => setTimeout(r, 25));
      status = await client.call('GET job', (a) => a.architect.getFlowsJob(job.id!, { expand: ['messages'] }));
    } while (status.status === 'Started');
    expect(status.status).toBe('Success');
    const flows = await client.call<platformClient.Models.FlowEntityListing>('GET /api/v2/flows', (a) =>
      a.architect.getFlows({ type: ['commonmodule'], pageSize: 500 }),
    );
    expect(flows.entities!.map((f) => [f.name, f.publishedVersion?.id, f.publishedVersion?.createdByClient?.id])).toEqual([
      ['Test Module', '1.0', client.clientId],
    ]);
  });

  it('honours Retry-After on 429 before retrying', async () => {
    const waits: number[] = [];
    const client = await connect(emulator, { sleep: async (ms) => void waits.push(ms) });
    emulator.faults.add({ kind: 'status', status: 429, count: 2, retryAfterSeconds: 3, path: '/organizations/me' });
    expect((await org(client)).name).toBe('Emulated Org');
    expect(waits).toEqual([3000, 3000]);
  });

  it('really waits the Retry-After seconds (wall clock)', async () => {
    const client = await connect(emulator);
    emulator.faults.add({ kind: 'status', status: 429, count: 1, retryAfterSeconds: 1, path: '/organizations/me' });
    const started = Date.now();
    await org(client);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('backs off on 5xx and then succeeds', async () => {
    const waits: number[] = [];
    const client = await connect(emulator, { sleep: async (ms) => void waits.push(ms) });
    emulator.faults.add({ kind: 'status', status: 503, count: 3, path: '/organizations/me' });
    expect((await org(client)).name).toBe('Emulated Org');
    expect(waits).toHaveLength(3);
    waits.forEach((w, i) => expect(w).toBeLessThanOrEqual(Math.min(100, 20 * 2 ** i)));
  });

  it('bounds retries: a storm of 5xx ends in GC4004, not a hang', async () => {
    const client = await connect(emulator, { retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 2 } });
    emulator.faults.add({ kind: 'status', status: 500, count: 50, path: '/organizations/me' });
    await expect(org(client)).rejects.toMatchObject({ code: 'GC4004', status: 500 });
  });

  it('bounds total time: a Retry-After beyond the budget fails at once', async () => {
    const client = await connect(emulator, { retry: { maxTotalMs: 2000 } });
    emulator.faults.add({ kind: 'status', status: 429, count: 1, retryAfterSeconds: 30, path: '/organizations/me' });
    const started = Date.now();
    await expect(org(client)).rejects.toMatchObject({ code: 'GC4004', status: 429 });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('does not retry a 4xx other than 429, and reports the platform message', async () => {
    const client = await connect(emulator);
    await expect(client.call('GET /api/v2/flows/{id}', (a) => a.architect.getFlow('00000000-0000-0000-0000-000000000000'))).rejects.toMatchObject({
      code: 'GC4003',
      status: 404,
    });
  });

  it('renews an expired token once and carries on', async () => {
    const client = await connect(emulator);
    await org(client);
    await fetch(`${emulator.url}/__admin/tokens/expire`, { method: 'POST' });
    expect((await org(client)).name).toBe('Emulated Org');
    expect(client.apiCalls).toBe(5); // login, call, 401, login, call
  });

  it('respects the emulated rate limit of the token', async () => {
    await emulator.stop();
    emulator = await startEmulator({ rateLimitPerMinute: 3 });
    const waits: number[] = [];
    const client = await connect(emulator, { sleep: async (ms) => void waits.push(ms), retry: { maxAttempts: 2 } });
    for (let i = 0; i < 3; i++) await org(client);
    await expect(org(client)).rejects.toMatchObject({ code: 'GC4004', status: 429 });
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(1000);
  });

  it('fails login with GC4005 and never includes the secret or our client id', async () => {
    const settings = { ...emulatorSettings(emulator), clientSecret: 'wrong-secret-5501' };
    const error = await GenesysClient.connect(settings).catch((e) => e);
    expect(error).toBeInstanceOf(GenesysError);
    expect(error.code).toBe('GC4005');
    expect(error.message).toContain("login failed for this deployment's OAuth client: 401");
    const everything = JSON.stringify(error) + error.message + String(error.stack);
    expect(everything).not.toContain('wrong-secret-5501');
    expect(everything).not.toContain(TEST_CLIENT_SECRET);
    expect(everything).not.toContain(TEST_CLIENT_ID);
    expect(everything).not.toMatch(/Basic [A-Za-z0-9+/=]{8,}/);
  });

  it('never leaks the token or Authorization header in API errors', async () => {
    const client = await connect(emulator);
    emulator.faults.add({ kind: 'status', status: 400, count: 1, path: '/organizations/me' });
    const error = await org(client).catch((e) => e);
    const everything = JSON.stringify(error) + error.message + String(error.stack) + JSON.stringify(Object.entries(error));
    expect(everything).not.toMatch(/Bearer/i);
    expect(everything).not.toMatch(/authorization/i);
    expect(everything).not.toContain(TEST_CLIENT_SECRET);
  });

  it('refuses a presigned URL carrying user:password@ at once (GC4006), without printing it', async () => {
    const waits: number[] = [];
    const client = await connect(emulator, { sleep: async (ms) => void waits.push(ms) });
    const url = `http://svc:Pa55w0rd@127.0.0.1:${emulator.port}/downloads/x?X-Amz-Signature=s3cr3tsig&X-Amz-Credential=AKIAEXAMPLE`;
    for (const attempt of [client.download(url), client.upload(url, {}, MODULE_YAML)]) {
      const error = await attempt.catch((e) => e);
      expect(error).toMatchObject({ code: 'GC4006' });
      expect(error.message).toMatch(/the (download|upload) URL carries credentials \(user:password@\)/);
      const everything = error.message + JSON.stringify(error) + String(error.stack);
      for (const secret of ['Pa55w0rd', 'svc:', 's3cr3tsig', 'AKIAEXAMPLE']) expect(everything).not.toContain(secret);
    }
    expect(waits).toEqual([]);
  });

  it('does not retry a presigned request that cannot be made (not transient), and prints no signature', async () => {
    const waits: number[] = [];
    const client = await connect(emulator, { sleep: async (ms) => void waits.push(ms) });
    const job = await client.call<platformClient.Models.RegisterArchitectJobResponse>('POST /api/v2/flows/jobs', (a) => a.architect.postFlowsJobs());
    const signed = `${job.presignedUrl}${job.presignedUrl!.includes('?') ? '&' : '?'}X-Amz-Signature=s3cr3tsig`;
    const error = await client.upload(signed, { 'x-bad-header': 'line\nbreak' }, MODULE_YAML).catch((e) => e);
    expect(error).toMatchObject({ code: 'GC4003' });
    expect(error.message).toMatch(/the upload could not be made: .*not retried/);
    expect(error.message).not.toContain('s3cr3tsig');
    expect(waits).toEqual([]);
  });

  it('strips user:password@ and query strings from any text it sanitizes', () => {
    const text = sanitize('GET http://svc:Pa55w0rd@storage.example/dl?X-Amz-Signature=abc&X-Amz-Credential=AKIA failed; see https://u@h.example/p');
    expect(text).toBe('GET http://[redacted]@storage.example/dl?[redacted] failed; see https://[redacted]@h.example/p');
    expect(printableUrl('https://a:b@h.example:8443/x/y?sig=1#frag')).toBe('https://h.example:8443/x/y?[redacted]');
  });

  describe('storage error bodies (XML) never leak credentials', () => {
    const SIG = 'f1e2d3c4b5a697887766554433221100ffeeddccbbaa99887766554433221100';
    const KEY_ID = 'ASIAXAMPLEKEYID12345';
    const s3Error =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message>' +
      `<AWSAccessKeyId>${KEY_ID}</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256\n20240501T093000Z\n20240501/us-east-1/s3/aws4_request\n0123abcd</StringToSign>` +
      `<SignatureProvided>${SIG}</SignatureProvided><StringToSignBytes>41 57 53</StringToSignBytes><CanonicalRequest>GET\n/exports/flow.yaml</CanonicalRequest>` +
      '<RequestId>4442587FB7D0A2F9</RequestId></Error>';

    it('scrubs the text of elements named like credentials (any case, namespaced, cut off), and keeps the rest', () => {
      const text = sanitize(s3Error, 5000);
      expect(text).toContain('<Code>SignatureDoesNotMatch</Code>');
      expect(text).toContain(
        '<AWSAccessKeyId>[redacted]</AWSAccessKeyId><StringToSign>[redacted]</StringToSign><SignatureProvided>[redacted]</SignatureProvided>',
      );
      expect(text).toContain('<CanonicalRequest>[redacted]</CanonicalRequest><RequestId>4442587FB7D0A2F9</RequestId>');
      for (const secret of [KEY_ID, SIG.slice(0, 16), '20240501/us-east-1', '41 57 53', '/exports/flow.yaml']) expect(text).not.toContain(secret);
      expect(
        sanitize(
          '<sts:SessionToken a="1">IQoJb3JpZ2lu</sts:SessionToken><secretaccesskey>wJalrXUtnFEMI</secretaccesskey><x-credential>AKIA1</x-credential>',
        ),
      ).toBe(
        '<sts:SessionToken a="1">[redacted]</sts:SessionToken><secretaccesskey>[redacted]</secretaccesskey><x-credential>[redacted]</x-credential>',
      );
      // An excerpt cut inside the element still loses the value; an empty element is left as it is.
      expect(sanitize(`<Error><AWSAccessKeyId>${KEY_ID}`)).toBe('<Error><AWSAccessKeyId>[redacted]');
      expect(sanitize('<Key/>object<Code>NoSuchKey</Code>')).toBe('<Key/>object<Code>NoSuchKey</Code>');
    });

    it('a download answered 403 with an S3 error carries neither the access key id nor the signature', async () => {
      const http = await import('http');
      const storage = http.createServer((_req, res) => {
        res.writeHead(403, { 'Content-Type': 'application/xml' });
        res.end(s3Error);
      });
      await new Promise<void>((resolve) => storage.listen(0, '127.0.0.1', resolve));
      try {
        const client = await connect(emulator);
        const port = (storage.address() as { port: number }).port;
        const error = await client.download(`http://127.0.0.1:${port}/exports/flow.yaml?X-Amz-Signature=${SIG}`).catch((e) => e);
        expect(error).toMatchObject({ code: 'GC4003', status: 403 });
        expect(error.message).toContain('storage answered 403');
        expect(error.message).toContain('SignatureDoesNotMatch');
        const everything = error.message + JSON.stringify(error) + String(error.stack);
        for (const secret of [KEY_ID, SIG.slice(0, 16), 'AWS4-HMAC-SHA256\n2024']) expect(everything).not.toContain(secret);
      } finally {
        await new Promise<void>((resolve) => storage.close(() => resolve()));
      }
    });
  });

  it('reports a network error after bounded retries', async () => {
    const client = await connect(emulator, { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 } });
    await emulator.stop();
    await expect(org(client)).rejects.toMatchObject({ code: 'GC4004' });
    emulator = await startEmulator();
  });
});

describe('settings and policy', () => {
  it('reads the provider environment variables', () => {
    expect(
      settingsFromEnvironment({
        GENESYSCLOUD_OAUTHCLIENT_ID: 'a',
        GENESYSCLOUD_OAUTHCLIENT_SECRET: 'b',
        GENESYSCLOUD_REGION: 'eu-west-1',
        GENESYSCLOUD_GATEWAY_HOST: 'localhost',
        GENESYSCLOUD_GATEWAY_PORT: '8080',
        GENESYSCLOUD_GATEWAY_PROTOCOL: 'http',
      }),
    ).toEqual({ clientId: 'a', clientSecret: 'b', region: 'eu-west-1', gateway: { host: 'localhost', port: 8080, protocol: 'http' } });
  });

  it('rejects missing credentials, unknown regions and bad gateway settings', () => {
    expect(() => settingsFromEnvironment({})).toThrow(/GC4001/);
    expect(() =>
      settingsFromEnvironment({ GENESYSCLOUD_OAUTHCLIENT_ID: 'a', GENESYSCLOUD_OAUTHCLIENT_SECRET: 'b', GENESYSCLOUD_REGION: 'moon-1' }),
    ).toThrow(/GC4002.*moon-1/);
    expect(() =>
      settingsFromEnvironment({
        GENESYSCLOUD_OAUTHCLIENT_ID: 'a',
        GENESYSCLOUD_OAUTHCLIENT_SECRET: 'b',
        GENESYSCLOUD_GATEWAY_HOST: 'h',
        GENESYSCLOUD_GATEWAY_PORT: 'x',
      }),
    ).toThrow(/GC4002/);
  });

  it('waits Retry-After for 429, jittered exponential backoff for 5xx, nothing for 4xx', () => {
    expect(retryDelay(DEFAULT_RETRY_POLICY, { status: 429, retryAfterSeconds: 7 }, 1)).toBe(7000);
    expect(retryDelay(DEFAULT_RETRY_POLICY, { status: 503 }, 3, () => 1)).toBe(2000);
    expect(retryDelay(DEFAULT_RETRY_POLICY, { status: 503 }, 3, () => 0.5)).toBe(1000);
    expect(retryDelay(DEFAULT_RETRY_POLICY, { status: undefined }, 20, () => 1)).toBe(DEFAULT_RETRY_POLICY.maxDelayMs);
    expect(retryDelay(DEFAULT_RETRY_POLICY, { status: 409 }, 1)).toBeUndefined();
  });
});
