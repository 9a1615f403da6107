/**
 * Hostile input, cases 4 to 8: the runtime (flow check handler, Genesys client, drift) and the emulator
 * facing hostile settings, servers, inputs and requests. Each test fails on the code as it was before
 * the fix of its case (case 4: were the fix reverted).
 *
 * Modules added by these fixes are loaded inside the tests that use them, so that on older code each
 * test fails on its own instead of the whole file failing to load.
 */
import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { Testing } from 'cdktf';
import { ENVIRONMENTS } from '../../config';
import { GenesysEmulator } from '../../emulator';
import { ArchitectOps } from '../../runtime/architect/architect-ops';
import { detectDrift } from '../../runtime/drift/drift-check';
import { checkStackFlows } from '../../runtime/flow-check/flow-check';
import { CheckedFlow } from '../../runtime/flow-check/flow-check-input';
import * as genesysErrors from '../../runtime/genesys/genesys-error';
import { GenesysClient, GenesysClientOptions, GenesysSettings } from '../../runtime/genesys';
import { applySubstitutions } from '../../runtime/synth-output/substitutions';
import { ContactCenterStack, addEnvironments } from '../../stacks';
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET, connect, emulatorEnv, startEmulator } from '../support/emulator';
import { Run, run, within } from '../support/processes';
import { DEV_QUEUES, salesCheckedFlow, stackCheckEnv, stackCheckInput } from '../support/flow-check-inputs';

const root = path.resolve(__dirname, '..', '..');
const QUEUES = DEV_QUEUES;
const poll = { timeoutMs: 3000, intervalMs: 20 };
const FAST_RETRY: GenesysClientOptions = { retry: { baseDelayMs: 1, maxDelayMs: 5 } };

/** A stand-in for Genesys (login and API) answering as `answer` says; settings route the SDK to it. */
async function fakeGenesys(
  answer: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<{ server: http.Server; url: string; settings: (id: string, secret: string) => GenesysSettings }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => answer(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    settings: (clientId, clientSecret) => ({ clientId, clientSecret, region: 'us-east-1', gateway: { host: '127.0.0.1', port, protocol: 'http' } }),
  };
}

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const close = (server: http.Server | net.Server) => new Promise<void>((resolve) => server.close(() => resolve()));
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');
/** `text` broken into lines of `columns` characters (MIME and PEM wrap base64 at 76 and 64). */
const wrap = (text: string, columns: number, eol: string) => (text.match(new RegExp(`[^]{1,${columns}}`, 'g')) ?? ['']).join(eol);

/** Every form of the credentials and tokens that must never be printed. */
function credentialForms(id: string, secret: string, tokens: string[] = []): string[] {
  const forms = [
    id,
    secret,
    b64(`${id}:${secret}`),
    b64(secret),
    b64(secret).replace(/=+$/, ''),
    b64url(secret),
    encodeURIComponent(secret),
    encodeURIComponent(b64(`${id}:${secret}`)),
  ];
  for (const token of tokens) forms.push(token, b64(token), encodeURIComponent(token));
  return [...new Set(forms)];
}

function expectNoCredentials(text: string, forms: string[]): void {
  for (const form of forms) expect({ form, found: text.includes(form) }).toEqual({ form, found: false });
}

/** Everything an error carries that could be printed. */
const printable = (err: unknown) => `${String((err as Error)?.message)} ${JSON.stringify(err)} ${String((err as Error)?.stack)}`;

describe('hostile input: the runtime and the emulator', () => {
  let emulator: GenesysEmulator;
  let dev: ContactCenterStack;
  /**
   * A client connected to the emulator now: the SDK's ApiClient is one per process, so a test that
   * connects to a stand-in server re-points it; every test that talks to the emulator connects afresh.
   */
  const emulatorOps = async () => new ArchitectOps(await connect(emulator));
  /** The stack folder the compiled handler runs in (its working directory). */
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-runtime-'));
  const stackDir = path.join(work, 'stack');
  const outside = path.join(work, 'outside');

  const salesYaml = () => dev.salesIvr.flow.publication.rendered.yaml;
  const inputFor = salesCheckedFlow;
  /** The compiled handler, once for the stack: every flow given, as Terraform passes them (FLOW_CHECK_INPUT + FLOW_CHECK_FLOWS_n). */
  const handler = (flows: CheckedFlow | CheckedFlow[], env: Record<string, string> = {}, killAfterMs = 30_000) =>
    run(
      'dist/handlers/flow-check.js',
      ['create'],
      { ...emulatorEnv(emulator), ...stackCheckEnv(flows), FLOW_CHECK_WAIT_SECONDS: '3', ...env },
      stackDir,
      killAfterMs,
    );

  beforeAll(async () => {
    [dev] = addEnvironments(Testing.app(), [ENVIRONMENTS[0]]);
    fs.mkdirSync(path.join(stackDir, 'assets'), { recursive: true });
    fs.mkdirSync(outside, { recursive: true });
    fs.writeFileSync(path.join(stackDir, 'assets', 'sales.yaml'), salesYaml());
    fs.writeFileSync(path.join(outside, 'secret.yaml'), 'inboundCall:\n  name: TOP-SECRET-CONTENT-4242\n');
    emulator = await startEmulator({ rateLimitPerMinute: 100_000 });
    const ops = await emulatorOps();
    await ops.importFlow(applySubstitutions(dev.pinAuth.publication.rendered.yaml, QUEUES), poll);
    await ops.importFlow(applySubstitutions(salesYaml(), QUEUES), poll);
  });
  afterEach(() => emulator.faults.clear());
  afterAll(async () => {
    await emulator.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  describe('case 4: unbounded waits', () => {
    it('case 4: FLOW_CHECK_WAIT_SECONDS=abc exits 2 at once (GC4007) instead of waiting forever for a flow that never publishes', async () => {
      const result = await handler(inputFor({ flowName: 'DEV Never Published' }), { FLOW_CHECK_WAIT_SECONDS: 'abc' }, 20_000);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('flow check could not complete: GC4007 [FLOW_CHECK_WAIT_SECONDS]');
      expect(result.ms).toBeLessThan(15_000);
    }, 30_000);

    it.each([
      ['1e9', 1e9],
      ['"NaN"', 'NaN'],
    ])(
      'case 4: drift does not trust a pageCount of %s: incomplete at once (GC4006), not paging past 300 s',
      async (_name, pageCount) => {
        // Every page of the listing says so (a reverted fix would follow it page after page).
        emulator.faults.add({
          kind: 'body',
          body: JSON.stringify({ entities: [], pageSize: 500, pageNumber: 1, pageCount }),
          status: 200,
          count: 1_000_000,
          path: '/api/v2/flows',
        });
        const started = Date.now();
        const report = await within(10_000, 'drift', detectDrift(await emulatorOps(), { flows: [], ivrs: [] }, 'contact-center-dev', { poll }));
        expect(report.complete).toBe(false);
        expect(report.errors.join('\n')).toMatch(/listing flows failed: GC4006 .*pageCount/);
        expect(Date.now() - started).toBeLessThan(5_000);
      },
      20_000,
    );

    it('case 4: one time-budget helper bounds every wait: a NaN, infinite or negative budget is refused, a NaN pause does not spin', async () => {
      const { TimeBudget, boundedMs, pause, MAX_WAIT_MS } =
        require('../../runtime/genesys/time-budget') as typeof import('../../runtime/genesys/time-budget');
      for (const bad of [NaN, Infinity, -1, MAX_WAIT_MS + 1]) expect(() => new TimeBudget(bad)).toThrow(RangeError);
      expect(boundedMs(Number('abc'), 120_000)).toBe(120_000);
      expect(boundedMs(Infinity, 500)).toBe(500);
      let now = 1000;
      const budget = new TimeBudget(100, () => now);
      expect(budget.allows(100)).toBe(true);
      expect(budget.allows(NaN)).toBe(false);
      now += 100;
      expect(budget.expired).toBe(true);
      const started = Date.now();
      await pause(NaN);
      await pause(-5);
      expect(Date.now() - started).toBeLessThan(1000);
      const { retryPolicy } = require('../../runtime/genesys/retry-policy') as typeof import('../../runtime/genesys/retry-policy');
      expect(retryPolicy({ maxTotalMs: NaN, maxAttempts: Infinity, baseDelayMs: -1 })).toEqual({
        maxAttempts: 8,
        maxTotalMs: 120_000,
        baseDelayMs: 500,
        maxDelayMs: 20_000,
      });
    });

    it('case 4: no wait or poll loop in runtime/ and tools/ keeps its own clock: Date.now() deadlines and setTimeout only in runtime/genesys/time-budget.ts', () => {
      const files = (dir: string): string[] =>
        fs
          .readdirSync(path.join(root, dir), { withFileTypes: true })
          .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
      const offenders = [...files('runtime'), ...files('tools')]
        .filter((f) => f !== path.join('runtime', 'genesys', 'time-budget.ts'))
        .flatMap((f) =>
          fs
            .readFileSync(path.join(root, f), 'utf8')
            .split('\n')
            .map((line, i) => ({ line: line.trim(), at: `${f}:${i + 1}` }))
            .filter(({ line }) => !line.startsWith('*') && !line.startsWith('//') && /Date\.now\(\)|setTimeout\(|setInterval\(/.test(line))
            .map(({ at, line }) => `${at}: ${line}`),
        );
      expect(offenders).toEqual([]);
    });
  });

  describe('case 5: secrets in error text', () => {
    const ID = 'hostile-client-7d1e2a';
    const SECRET = 'S3cr3t+/Va1ue=With Space&more';
    let fake: Awaited<ReturnType<typeof fakeGenesys>> | undefined;
    afterEach(async () => {
      if (fake) await close(fake.server);
      fake = undefined;
    });

    it('case 5: a login refusal that echoes the Authorization header prints neither the credentials nor their base64 or URL-encoded forms', async () => {
      fake = await fakeGenesys((req, res) => {
        const auth = req.headers.authorization ?? '';
        json(res, 400, {
          message: `Bad client credentials in header [${auth.replace(/^Basic /, '')}] (sent as Authorization=${encodeURIComponent(auth)})`,
          code: 'bad.request',
          status: 400,
        });
      });
      const error = await GenesysClient.connect(fake.settings(ID, SECRET), FAST_RETRY).catch((e) => e);
      expect(error).toMatchObject({ code: 'GC4005' });
      expect(error.message).toContain("login failed for this deployment's OAuth client: 400 Bad client credentials in header [[redacted]]");
      expectNoCredentials(printable(error), credentialForms(ID, SECRET));
    });

    it('case 5: the base64 of the secret alone and its URL-encoded form are scrubbed from any message', () => {
      genesysErrors.registerOwnCredentials(ID, SECRET);
      const text = genesysErrors.sanitize(
        `secret ${b64(SECRET)} / ${b64url(SECRET)} / ${encodeURIComponent(SECRET)} / ${encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())} / ${new URLSearchParams({ s: SECRET })} rejected`,
        2000,
      );
      expect(text).toMatch(/^secret \[redacted\] \/ \[redacted\] \/ \[redacted\] \/ \[redacted\] \/ s=\[redacted\] rejected$/);
      expectNoCredentials(text, credentialForms(ID, SECRET));
    });

    it('case 5: a 500 that echoes the request prints no bearer token (the access token the client holds)', async () => {
      const TOKEN = 'tok7f3a9c1e5b2d4f60a8c7e9b1d3f5a7c9e1b3d5';
      fake = await fakeGenesys((req, res) => {
        if (req.url === '/oauth/token') return json(res, 200, { access_token: TOKEN, token_type: 'bearer', expires_in: 86400 });
        json(res, 500, {
          message: `upstream failed for {"headers":{"Authorization":["Bearer","${req.headers.authorization?.split(' ')[1]}"]}} (${encodeURIComponent(String(req.headers.authorization))})`,
          code: 'internal.server.error',
          status: 500,
        });
      });
      const client = await GenesysClient.connect(fake.settings(ID, SECRET), { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
      const error = await client.call('GET /api/v2/organizations/me', (a) => a.organization.getOrganizationsMe()).catch((e) => e);
      expect(error).toMatchObject({ code: 'GC4004' });
      expect(error.message).toContain('upstream failed for');
      expectNoCredentials(printable(error), credentialForms(ID, SECRET, [TOKEN]));
    });

    it('case 5: a presigned download refused with an answer that echoes the token and the credentials prints none of them', async () => {
      const TOKEN = 'tok0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9';
      fake = await fakeGenesys((req, res) => {
        if (req.url === '/oauth/token') return json(res, 200, { access_token: TOKEN, token_type: 'bearer', expires_in: 86400 });
        res.writeHead(403, { 'Content-Type': 'text/plain' });
        res.end(`AccessDenied: request signed for ${TOKEN} by ${b64(`${ID}:${SECRET}`)}`);
      });
      const client = await GenesysClient.connect(fake.settings(ID, SECRET), FAST_RETRY);
      const error = await client.download(`${fake.url}/dl/export.yaml`).catch((e) => e);
      expect(error).toMatchObject({ code: 'GC4003', status: 403 });
      expect(error.message).toContain('storage answered 403: AccessDenied: request signed for [redacted] by [redacted]');
      expectNoCredentials(printable(error), credentialForms(ID, SECRET, [TOKEN]));
    });

    it('case 5: import job messages that carry the credentials are scrubbed', async () => {
      emulator.faults.add({
        kind: 'failJob',
        count: 1,
        message: `Archy session failed for ${b64(`${TEST_CLIENT_ID}:${TEST_CLIENT_SECRET}`)} (${b64(TEST_CLIENT_SECRET)})`,
      });
      const error = await (await emulatorOps()).importFlow(applySubstitutions(salesYaml(), QUEUES), poll).catch((e) => e);
      expect(error).toMatchObject({ code: 'GC4003' });
      expect(error.message).toContain('the platform rejected the flow: Archy session failed for [redacted] ([redacted])');
      expectNoCredentials(printable(error), credentialForms(TEST_CLIENT_ID, TEST_CLIENT_SECRET));
    });

    it('case 5: drift output carries no credentials from an export job message', async () => {
      emulator.faults.add({
        kind: 'failExport',
        count: 1,
        message: `export worker authenticated with ${b64(`${TEST_CLIENT_ID}:${TEST_CLIENT_SECRET}`)}`,
      });
      const stack = {
        flows: [{ name: 'DEV Sales IVR', type: 'INBOUNDCALL', yaml: applySubstitutions(salesYaml(), QUEUES), callsModules: [] }],
        ivrs: [],
      };
      const report = await detectDrift(await emulatorOps(), stack as never, 'contact-center-dev', { poll });
      expect(report.complete).toBe(false);
      expect(report.errors.join('\n')).toContain(
        'exporting flows failed: GC4003 [export job] the export failed: export worker authenticated with [redacted]',
      );
      expectNoCredentials(JSON.stringify(report), credentialForms(TEST_CLIENT_ID, TEST_CLIENT_SECRET));
    });

    it('case 5: the compiled flow check prints no credentials from an export job message', async () => {
      emulator.faults.add({
        kind: 'failExport',
        count: 1,
        message: `export worker: Authorization=Basic%20${encodeURIComponent(b64(`${TEST_CLIENT_ID}:${TEST_CLIENT_SECRET}`))}; secret ${b64url(TEST_CLIENT_SECRET)}`,
      });
      const result = await handler(inputFor());
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('could not check: exporting flows failed: GC4003 [export job] the export failed: export worker:');
      expectNoCredentials(result.stdout + result.stderr, credentialForms(TEST_CLIENT_ID, TEST_CLIENT_SECRET));
    });

    it('case 5: the scrubber never lets a registered id, secret or token through, in any encoding, and never throws (property)', () => {
      const { registerOwnCredentials, sanitize, scrubKnownSecrets } = genesysErrors;
      // Optional: code without these still runs the property (and fails it on the first value that survives).
      const { clearRegisteredSecrets, registerAccessToken } = genesysErrors as Partial<typeof genesysErrors>;
      const value = fc.string({ minLength: 8, maxLength: 40, unit: 'grapheme-ascii' });
      const encodings: Array<(v: string, id: string, secret: string) => string> = [
        (v) => v,
        (v) => b64(v),
        (v) => b64(v).replace(/=+$/, ''),
        (v) => b64url(v),
        (v) => encodeURIComponent(v),
        (v) => encodeURIComponent(v).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
        (v) => new URLSearchParams({ v }).toString().slice(2),
        (v) => JSON.stringify(v).slice(1, -1),
        (v) => `Bearer ${v}`,
        (_v, id, secret) => `Basic ${b64(`${id}:${secret}`)}`,
        (_v, id, secret) => encodeURIComponent(`Basic ${b64(`${id}:${secret}`)}`),
        (v) => b64(`xy${v}z`),
        (v) => b64(`{"k":"${v}"}`),
        // Review round (issue 10): line-wrapped base64, hex, a value split by a line break, cut texts.
        (v) => wrap(b64(v), 10, '\r\n'),
        (v) => wrap(b64(`q${v}`), 7, '\n    '),
        (_v, id, secret) => `Authorization: Basic ${wrap(b64(`${id}:${secret}`), 12, '\r\n')}`,
        (v) => JSON.stringify(wrap(b64(v), 9, '\r\n')).slice(1, -1),
        (v) => hex(v),
        (v) => hex(v).toUpperCase(),
        (v) => `${v.slice(0, 4)}\n${v.slice(4)}`,
        (v) => `client_secret=${v.slice(0, 5)}\r\n  ${v.slice(5)}`,
      ];
      /** The text without blanks and line breaks (as is or JSON-escaped): what a reader would join up. */
      const flat = (text: string) => text.replace(/\s+|\\r|\\n/g, '');
      try {
        fc.assert(
          fc.property(
            value,
            value,
            value,
            fc.array(fc.tuple(fc.string({ unit: 'binary', maxLength: 30 }), fc.nat({ max: 2 }), fc.nat({ max: encodings.length - 1 })), {
              maxLength: 6,
            }),
            (id, secret, token, pieces) => {
              clearRegisteredSecrets?.();
              registerOwnCredentials(id, secret);
              registerAccessToken?.(token);
              const values = [id, secret, token];
              const text = pieces.map(([noise, which, encoding]) => `${noise}${encodings[encoding](values[which], id, secret)}`).join(' ');
              for (const scrubbed of [sanitize(text, 100_000), scrubKnownSecrets(text)]) {
                for (const v of values) {
                  for (const form of [v, b64(v), b64url(v), encodeURIComponent(v), JSON.stringify(v).slice(1, -1), b64(`${id}:${secret}`)]) {
                    if (scrubbed.includes(form)) throw new Error(`${JSON.stringify(form)} survived in ${JSON.stringify(scrubbed)}`);
                  }
                  for (const form of [b64(v), hex(v), hex(v).toUpperCase(), b64(`${id}:${secret}`)]) {
                    if (flat(scrubbed).includes(flat(form)))
                      throw new Error(`${JSON.stringify(form)} survived, broken across lines, in ${JSON.stringify(scrubbed)}`);
                  }
                }
              }
              // Scrubbed first, then cut: a cut never leaves a piece the scrubber would have caught whole.
              const { cutScrubbed } = genesysErrors as Partial<typeof genesysErrors>;
              const whole = scrubKnownSecrets(text);
              for (const max of [0, 7, Math.floor(text.length / 2), text.length]) {
                if (cutScrubbed?.(text, max) !== (whole.length > max ? `${whole.slice(0, max)}…` : whole))
                  throw new Error(`cutScrubbed(…, ${max}) is not the scrubbed text cut`);
              }
            },
          ),
          { numRuns: 300, seed: 4242 },
        );
        // Any text at all, with values registered: never throws, always bounded.
        fc.assert(
          fc.property(fc.string({ unit: 'binary', maxLength: 500 }), fc.nat({ max: 400 }), (text, max) => {
            expect(sanitize(text, max).length).toBeLessThanOrEqual(max);
            expect(typeof scrubKnownSecrets(text)).toBe('string');
          }),
          { numRuns: 300, seed: 4243 },
        );
        // A token nobody registered, echoed as a Bearer header inside JSON (`/` escaped as `\/`, `+` as `\u002b`): redacted whole.
        fc.assert(
          fc.property(fc.stringMatching(/^[A-Za-z0-9+/=._~-]{8,60}$/), (token) => {
            const escaped = JSON.stringify(token).slice(1, -1).replace(/\//g, '\\/').replace(/\+/g, '\\u002b');
            expect(sanitize(`{"headers":{"Authorization":"Bearer ${escaped}"}}`)).toBe('{"headers":{"Authorization":"Bearer [redacted]"}}');
          }),
          { numRuns: 200, seed: 4244 },
        );
      } finally {
        clearRegisteredSecrets?.();
        registerOwnCredentials(TEST_CLIENT_ID, TEST_CLIENT_SECRET);
      }
    });
  });

  describe('case 6: login is retried like every call', () => {
    const oauthFault = (fault: Record<string, unknown>) => emulator.faults.add({ count: 1, path: '/oauth/token', ...fault } as never);

    it('case 6: one 503 on /oauth/token is retried and the login succeeds', async () => {
      oauthFault({ kind: 'status', status: 503 });
      const before = emulator.tokenRequests;
      const client = await connect(emulator, FAST_RETRY);
      expect(emulator.tokenRequests - before).toBe(2);
      expect(client.apiCalls).toBe(2);
    });

    it('case 6: a 429 on /oauth/token waits exactly Retry-After, then logs in', async () => {
      oauthFault({ kind: 'status', status: 429, retryAfterSeconds: 2 });
      const waits: number[] = [];
      const before = emulator.tokenRequests;
      await connect(emulator, { sleep: async (ms) => void waits.push(ms) });
      expect(waits).toEqual([2000]);
      expect(emulator.tokenRequests - before).toBe(2);
    });

    it('case 6: 400 invalid_request "rate limit exceeded;" (how the provider sees login rate limiting) is retried, not a credentials error', async () => {
      oauthFault({
        kind: 'body',
        status: 400,
        body: JSON.stringify({ error: 'invalid_request', error_description: 'rate limit exceeded; try again later' }),
      });
      const waits: number[] = [];
      const before = emulator.tokenRequests;
      await connect(emulator, { sleep: async (ms) => void waits.push(ms) });
      expect(waits).toHaveLength(1);
      expect(emulator.tokenRequests - before).toBe(2);
    });

    it('case 6: a network error during login is retried', async () => {
      let attempts = 0;
      const fake = await fakeGenesys((req, res) => {
        attempts++;
        if (attempts === 1) return void req.socket.destroy();
        json(res, 200, { access_token: 'tok-after-a-reset-1234567890', token_type: 'bearer', expires_in: 86400 });
      });
      try {
        await GenesysClient.connect(fake.settings(TEST_CLIENT_ID, TEST_CLIENT_SECRET), FAST_RETRY);
        expect(attempts).toBe(2);
      } finally {
        await close(fake.server);
      }
    });

    it('case 6: a login service that stays unavailable ends with GC4004 within the policy, without the credentials advice', async () => {
      oauthFault({ kind: 'status', status: 503, count: 50 });
      const before = emulator.tokenRequests;
      const error = await connect(emulator, { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 } }).catch((e) => e);
      expect(error).toMatchObject({ code: 'GC4004', where: 'POST /oauth/token' });
      expect(error.message).toContain('login gave up after 3 attempt(s)');
      expect(error.message).not.toContain('GENESYSCLOUD_OAUTHCLIENT_ID');
      expect(emulator.tokenRequests - before).toBe(3);
    });

    it('case 6: a Retry-After beyond the time budget ends the login at once (GC4004), as for any call', async () => {
      oauthFault({ kind: 'status', status: 429, retryAfterSeconds: 3600 });
      const started = Date.now();
      const error = await connect(emulator, { retry: { maxTotalMs: 5_000 } }).catch((e) => e);
      expect(error).toMatchObject({ code: 'GC4004' });
      expect(Date.now() - started).toBeLessThan(3_000);
    });

    it('case 6: only 400 and 401 are credential problems: GC4005 after one attempt', async () => {
      const before = emulator.tokenRequests;
      const error = await GenesysClient.connect(
        {
          clientId: TEST_CLIENT_ID,
          clientSecret: 'wrong-secret-0000',
          region: 'us-east-1',
          gateway: { host: '127.0.0.1', port: emulator.port, protocol: 'http' },
        },
        FAST_RETRY,
      ).catch((e) => e);
      expect(error).toMatchObject({ code: 'GC4005' });
      expect(error.message).toContain('invalid_client');
      expect(error.message).toContain('check GENESYSCLOUD_OAUTHCLIENT_ID/SECRET');
      expect(emulator.tokenRequests - before).toBe(1);
    });

    it('case 6: the compiled flow check survives one 503 on login (exit 0)', async () => {
      oauthFault({ kind: 'status', status: 503 });
      const before = emulator.tokenRequests;
      const result = await handler(inputFor());
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^INBOUNDCALL 'DEV Sales IVR': published version \S+ matches the synthesized flow \(abc123def456\)/m);
      expect(result.code).toBe(0);
      expect(emulator.tokenRequests - before).toBe(2);
    });
  });

  describe('case 7: the flow-check payload is confined to the stack folder', () => {
    const refused = (result: Run) => {
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^flow check could not complete: GC4008 \[FLOW_CHECK_FLOWS_0\[\d+\]\.payloadPath\] /);
      expect(result.stdout + result.stderr).not.toContain('root:');
      expect(result.stdout + result.stderr).not.toContain('TOP-SECRET-CONTENT-4242');
    };
    /** The stack's input with a hostile flow after a good one: one refused payload refuses the whole check. */
    const behindGood = (payloadPath: string) => [inputFor(), inputFor({ flowName: 'DEV Hostile IVR', payloadPath })];

    it('case 7: an absolute payloadPath (/etc/passwd) is refused (GC4008, exit 2) and never read or echoed, before the login', async () => {
      const before = emulator.tokenRequests;
      const result = await handler(behindGood('/etc/passwd'));
      refused(result);
      expect(result.stderr).toContain('is an absolute path');
      expect(result.stdout).toBe('');
      expect(emulator.tokenRequests).toBe(before);
    });

    it('case 7: an absolute path is refused in-process before any API call, whichever flow of the stack carries it', async () => {
      const ops = await emulatorOps();
      const calls = ops.client.apiCalls;
      const hostile = inputFor({ flowName: 'DEV Hostile IVR', payloadPath: path.join(outside, 'secret.yaml') });
      for (const flows of [[hostile], [inputFor(), hostile]]) {
        const error = await checkStackFlows(ops, stackCheckInput(flows), { poll, stackDir }).catch((e) => e);
        expect(error).toMatchObject({ code: 'GC4008' });
        expect(printable(error)).not.toContain('TOP-SECRET-CONTENT-4242');
      }
      expect(ops.client.apiCalls).toBe(calls);
    });

    it('case 7: a path escaping the stack folder with .. is refused', async () => {
      const result = await handler(inputFor({ payloadPath: '../outside/secret.yaml' }));
      refused(result);
      expect(result.stderr).toContain('contains ".." segments');
      refused(await handler(behindGood('assets/../../../../../../etc/passwd')));
    });

    it('case 7: a symbolic link inside the stack folder that leads outside is refused (one that stays inside is followed)', async () => {
      fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(stackDir, 'assets', 'leak.yaml'));
      fs.symlinkSync(outside, path.join(stackDir, 'linked-dir'));
      fs.symlinkSync('sales.yaml', path.join(stackDir, 'assets', 'alias.yaml'));
      const viaFile = await handler(behindGood('assets/leak.yaml'));
      refused(viaFile);
      expect(viaFile.stderr).toContain('leads outside the stack folder');
      refused(await handler(inputFor({ payloadPath: 'linked-dir/secret.yaml' })));
      const inside = await handler(inputFor({ payloadPath: 'assets/alias.yaml' }));
      expect(inside.stdout).toMatch(/^INBOUNDCALL 'DEV Sales IVR': published version \S+ matches the synthesized flow/m);
      expect(inside.code).toBe(0);
    });

    it('case 7: a directory is refused as not a regular file', async () => {
      const result = await handler(behindGood('assets'));
      refused(result);
      expect(result.stderr).toContain('is not a regular file');
    });

    it('case 7: a FIFO is refused at once (never opened for a blocking read)', async () => {
      execFileSync('mkfifo', [path.join(stackDir, 'assets', 'pipe.yaml')]);
      const result = await handler(behindGood('assets/pipe.yaml'), {}, 15_000);
      refused(result);
      expect(result.stderr).toContain('is not a regular file');
    }, 30_000);

    it('case 7: a file larger than 10 MB is refused without being read', async () => {
      const big = path.join(stackDir, 'assets', 'big.yaml');
      fs.writeFileSync(big, 'inboundCall:\n  name: TOP-SECRET-CONTENT-4242\n');
      fs.truncateSync(big, 11 * 1024 * 1024);
      const result = await handler(behindGood('assets/big.yaml'));
      refused(result);
      expect(result.stderr).toContain('more than the 10485760 a flow file may have');
    });

    it('case 7: a missing file or a NUL byte is refused with the same code', async () => {
      refused(await handler(inputFor({ payloadPath: 'assets/missing.yaml' })));
      refused(await handler(behindGood('assets/sales.yaml\u0000.txt')));
    });
  });

  describe('case 8: the emulator survives hostile requests and a busy port', () => {
    /** Sends a request with these headers and `send` as its body; resolves with the status, or the error code if the connection was cut. */
    const request = (port: number, headers: http.OutgoingHttpHeaders, send: (req: http.ClientRequest) => void) =>
      new Promise<{ status?: number; body: string; error?: string }>((resolve) => {
        const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/v2/flows/jobs', headers });
        let settled = false;
        req.on('response', (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => !settled && ((settled = true), resolve({ status: res.statusCode, body })));
          res.on('error', () => undefined);
        });
        req.on('error', (err: NodeJS.ErrnoException) => !settled && ((settled = true), resolve({ body: '', error: err.code ?? err.message })));
        send(req);
      });

    it('case 8: an unauthenticated request declaring a 600 MB body is answered 413 (ErrorBody) at once, and the emulator keeps serving', async () => {
      const answer = await within(
        5_000,
        'the 413',
        request(emulator.port, { 'Content-Length': String(600 * 1024 * 1024), 'Content-Type': 'application/json' }, (req) => req.write('{"a":')),
      );
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({
        status: 413,
        code: expect.any(String),
        message: expect.stringContaining('10485760 bytes'),
        contextId: expect.any(String),
        details: [],
        errors: [],
      });
      expect((await fetch(`${emulator.url}/api/v2/organizations/me`)).status).toBe(401);
    });

    it('case 8: a streamed 600 MB body is cut off past 10 MB (the compiled emulator does not crash)', async () => {
      const child: ChildProcess = spawn(process.execPath, ['dist/emulator/main.js', '--port', '0'], { cwd: root });
      try {
        const url = await within(
          10_000,
          'emulator start',
          new Promise<string>((resolve, reject) => {
            child.stdout!.on('data', (d) => {
              const m = /emulator on (http:\/\/127\.0\.0\.1:\d+)/.exec(String(d));
              if (m) resolve(m[1]);
            });
            child.on('exit', (code) => reject(new Error(`emulator exited ${code}`)));
          }),
        );
        const port = Number(new URL(url).port);
        let written = 0;
        const chunk = Buffer.alloc(1024 * 1024, 0x61);
        const answer = await within(
          60_000,
          'the streamed request',
          request(port, { 'Content-Type': 'application/json' }, (req) => {
            const pump = () => {
              while (written < 600 * chunk.length && !req.destroyed) {
                written += chunk.length;
                if (!req.write(chunk)) return void req.once('drain', pump);
              }
              if (!req.destroyed) req.end();
            };
            pump();
          }),
        );
        expect(answer.status === 413 || answer.error !== undefined).toBe(true);
        expect(written).toBeLessThan(200 * chunk.length);
        expect(child.exitCode).toBeNull();
        expect((await fetch(`${url}/api/v2/organizations/me`)).status).toBe(401);
      } finally {
        child.kill('SIGTERM');
      }
    }, 90_000);

    it('case 8: npm run emulator on a port already taken exits 1 with one plain line (no stack trace)', async () => {
      const taken = net.createServer();
      await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
      const port = (taken.address() as AddressInfo).port;
      try {
        const result = await run('dist/emulator/main.js', ['--port', String(port)], {}, root, 15_000);
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr.trimEnd().split('\n')).toEqual([
          `emulator: port ${port} on 127.0.0.1 is already in use; stop what is listening there or choose another port with --port`,
        ]);
      } finally {
        await close(taken);
      }
    });
  });
});
