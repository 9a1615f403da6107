/**
 * Hostile input, second round (issue 10, adversarial review of cases 4 to 8): what the first fixes left
 * open. Each test fails on the code as it was before the fix of its finding:
 *
 * 1. every attempt has a total deadline (a trickled answer no longer outlives the budget), and budgets
 *    nest (a wait's budget ends the retries of the calls inside it; the flow check's
 *    FLOW_CHECK_WAIT_SECONDS bounds the whole check, drift has an overall bound);
 * 2. names from the org reach terminals and CI logs inert (no control character, line break or
 *    workflow command);
 * 3. the scrubber's gaps (wrapped base64, hex, a secret split by a line break, an unregistered bearer
 *    token inside JSON with `\/` escapes, cuts before scrubbing);
 * 4. GENESYSCLOUD_REGION=constructor (an inherited member) is GC4002;
 * 5. a hard-linked payload file and payloadPath "." are refused with clear GC4008 messages;
 * 6. the emulator bounds slow and many clients (request and header timeouts, connections, body bytes
 *    held at once).
 *
 * Modules and exports added by these fixes are loaded inside the tests that use them, so that on older
 * code each test fails on its own instead of the whole file failing to load.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';
import { ENVIRONMENTS } from '../../config';
import { GenesysEmulator } from '../../emulator';
import { ArchitectOps } from '../../runtime/architect/architect-ops';
import { detectDrift } from '../../runtime/drift/drift-check';
import { checkStackFlows } from '../../runtime/flow-check/flow-check';
import { CheckedFlow } from '../../runtime/flow-check/flow-check-input';
import { readPayloadFile } from '../../runtime/flow-check/payload-file';
import * as genesysErrors from '../../runtime/genesys/genesys-error';
import { GenesysClient, GenesysSettings, TimeBudget, regionHost, settingsFromEnvironment } from '../../runtime/genesys';
import { applySubstitutions } from '../../runtime/synth-output/substitutions';
import { ContactCenterStack, addEnvironments } from '../../stacks';
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET, connect, emulatorEnv, startEmulator } from '../support/emulator';
import { run, within } from '../support/processes';
import { DEV_QUEUES, salesCheckedFlow, stackCheckEnv, stackCheckInput } from '../support/flow-check-inputs';

const root = path.resolve(__dirname, '..', '..');
const QUEUES = DEV_QUEUES;
const poll = { timeoutMs: 5000, intervalMs: 20 };

/** The name the review seeded: erases a line, moves up, fakes drift's status line and a workflow command. */
const EVIL = 'DEV Evil\u001b[2K\u001b[1A\nstatus: in-sync\n::warning::pwned';
/** How {@link EVIL} is printed: one line, every control character a visible escape. */
const EVIL_SHOWN = 'DEV Evil\\u001b[2K\\u001b[1A\\nstatus: in-sync\\n::warning::pwned';

/** Every line of a terminal text is inert: no control character, no faked line, no workflow command. */
function expectInertLines(text: string): void {
  // eslint-disable-next-line no-control-regex -- control characters are what this expression finds
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
  for (const line of text.split('\n')) {
    expect(line).not.toMatch(/^\s*(::|##\[)/);
    expect(line.trim()).not.toBe('status: in-sync');
  }
}

/** An in-process stand-in for Genesys on 127.0.0.1; counts its open connections. */
async function slowServer(answer: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => answer(req, res));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const settings: GenesysSettings = {
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    region: 'us-east-1',
    gateway: { host: '127.0.0.1', port, protocol: 'http' },
  };
  const stop = () => {
    for (const s of sockets) s.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { settings, sockets, stop };
}

/** Writes `text` one character every `everyMs` (an answer that never trips an idle timeout). */
function trickle(res: http.ServerResponse, text: string, everyMs: number): void {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  let i = 0;
  const timer = setInterval(() => {
    if (res.destroyed || i >= text.length) {
      clearInterval(timer);
      if (!res.destroyed) res.end();
      return;
    }
    res.write(text[i++]);
  }, everyMs);
  res.on('close', () => clearInterval(timer));
}

const TOKEN_ANSWER = JSON.stringify({ access_token: 'tok-trickled-0123456789abcdef', token_type: 'bearer', expires_in: 86400 });

describe('hostile input, second round: the runtime and the emulator', () => {
  let emulator: GenesysEmulator;
  let dev: ContactCenterStack;
  const emulatorOps = async () => new ArchitectOps(await connect(emulator));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-review-'));
  const stackDir = path.join(work, 'stack');
  const outside = path.join(work, 'outside');
  const salesYaml = () => applySubstitutions(dev.salesIvr.flow.publication.rendered.yaml, QUEUES);
  const pinYaml = () => applySubstitutions(dev.pinAuth.publication.rendered.yaml, QUEUES);
  const inputFor = salesCheckedFlow;
  /** The compiled handler, once for the stack: every flow given, as Terraform passes them (FLOW_CHECK_INPUT + FLOW_CHECK_FLOWS_n). */
  const handler = (flows: CheckedFlow | CheckedFlow[], env: Record<string, string> = {}, killAfterMs = 30_000) =>
    run(
      'dist/handlers/flow-check.js',
      ['create'],
      { ...emulatorEnv(emulator), ...stackCheckEnv(flows), FLOW_CHECK_WAIT_SECONDS: '10', ...env },
      stackDir,
      killAfterMs,
    );
  const flowNamed = (name: string) => [...emulator.org.flows.values()].find((f) => f.name === name)!;

  beforeAll(async () => {
    [dev] = addEnvironments(Testing.app(), [ENVIRONMENTS[0]]);
    fs.mkdirSync(path.join(stackDir, 'assets'), { recursive: true });
    fs.mkdirSync(outside, { recursive: true });
    fs.writeFileSync(path.join(stackDir, 'assets', 'sales.yaml'), dev.salesIvr.flow.publication.rendered.yaml);
    fs.writeFileSync(path.join(stackDir, 'assets', 'pin.yaml'), dev.pinAuth.publication.rendered.yaml);
    fs.writeFileSync(path.join(outside, 'secret.yaml'), 'inboundCall:\n  name: TOP-SECRET-CONTENT-4242\n');
    emulator = await startEmulator({ rateLimitPerMinute: 100_000 });
    const ops = await emulatorOps();
    await ops.importFlow(pinYaml(), poll);
    await ops.importFlow(salesYaml(), poll);
  });
  afterEach(() => emulator.faults.clear());
  afterAll(async () => {
    await emulator.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  describe('finding 1: every attempt has a deadline, and budgets nest', () => {
    it('finding 1: a login answer trickled a byte at a time ends with the budget (GC4004), and the abandoned request is closed', async () => {
      const fake = await slowServer((_req, res) => trickle(res, TOKEN_ANSWER, 150));
      try {
        const started = Date.now();
        // The SDK's own timeout (1 s here) is an idle timeout: a byte every 150 ms never trips it; the whole answer takes 7 s.
        const error = await within(
          6_000,
          'the login',
          GenesysClient.connect(fake.settings, { requestTimeoutMs: 1000, retry: { maxTotalMs: 2500, baseDelayMs: 1, maxDelayMs: 5 } }).catch(
            (e) => e,
          ),
        );
        expect(error).toMatchObject({ code: 'GC4004', where: 'POST /oauth/token' });
        expect(error.message).toMatch(/login gave up after \d+ attempt\(s\) in \d+ ms; last answer: network error no complete answer within \d+ ms/);
        expect(Date.now() - started).toBeLessThan(4_000);
        // The trickled requests were aborted: their connections are closed, not left running.
        await within(
          2_000,
          'closing the abandoned connections',
          (async () => {
            while (fake.sockets.size > 0) await new Promise((r) => setTimeout(r, 20));
          })(),
        );
      } finally {
        await fake.stop();
      }
    }, 20_000);

    it("finding 1: an API answer trickled a byte at a time is cut at the call's deadline, attempt by attempt", async () => {
      const fake = await slowServer((req, res) => {
        if (req.url === '/oauth/token') {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          return res.end(TOKEN_ANSWER);
        }
        trickle(res, JSON.stringify({ id: 'org', name: 'Trickled Org '.repeat(10) }), 100);
      });
      try {
        const client = await GenesysClient.connect(fake.settings, {
          requestTimeoutMs: 600,
          retry: { maxTotalMs: 1500, baseDelayMs: 1, maxDelayMs: 5 },
        });
        const started = Date.now();
        const error = await within(
          6_000,
          'the call',
          client.call('GET /api/v2/organizations/me', (a) => a.organization.getOrganizationsMe()).catch((e) => e),
        );
        expect(error).toMatchObject({ code: 'GC4004' });
        expect(error.message).toContain('no complete answer within');
        expect(Date.now() - started).toBeLessThan(3_000);
      } finally {
        await fake.stop();
      }
    }, 20_000);

    it("finding 1: waitForPublished({timeoutMs: 2000}) ends within its wait when every call is answered 429 Retry-After 25 (the emulator's fault)", async () => {
      emulator.faults.add({ kind: 'status', status: 429, retryAfterSeconds: 25, count: 1000, path: '/api/v2/flows' });
      const ops = await emulatorOps();
      const started = Date.now();
      const error = await within(
        8_000,
        'the wait',
        ops.waitForPublished('DEV Sales IVR', 'INBOUNDCALL', { timeoutMs: 2000, intervalMs: 50 }).catch((e) => e),
      );
      expect(error).toMatchObject({ code: 'GC4004', where: 'GET /api/v2/flows' });
      expect(error.message).toContain('within the enclosing time budget of 2000 ms');
      expect(error.message).toContain('429');
      expect(Date.now() - started).toBeLessThan(3_000);
    }, 20_000);

    it("finding 1: call() takes the enclosing budget: retries stop when it is spent, whatever the call's own budget allows", async () => {
      emulator.faults.add({ kind: 'status', status: 429, retryAfterSeconds: 1, count: 1000, path: '/api/v2/organizations/me' });
      const client = await connect(emulator);
      const outer = new TimeBudget(1500);
      const started = Date.now();
      const error = await within(
        8_000,
        'the call',
        client.call('GET /api/v2/organizations/me', (a) => a.organization.getOrganizationsMe(), { budget: outer }).catch((e) => e),
      );
      expect(error).toMatchObject({ code: 'GC4004' });
      expect(Date.now() - started).toBeLessThan(2_500);
      // A budget already spent: nothing is attempted.
      const before = emulator.totalRequests;
      const spent = await client
        .call('GET /api/v2/organizations/me', (a) => a.organization.getOrganizationsMe(), { budget: new TimeBudget(0) })
        .catch((e) => e);
      expect(spent).toMatchObject({ code: 'GC4004' });
      expect(spent.message).toContain('before the first attempt');
      expect(emulator.totalRequests).toBe(before);
    }, 20_000);

    it('finding 1: a client budget bounds everything the client does (the login included)', async () => {
      emulator.faults.add({ kind: 'status', status: 429, retryAfterSeconds: 1, count: 1000, path: '/oauth/token' });
      const started = Date.now();
      const error = await within(
        8_000,
        'the login',
        connect(emulator, { budget: new TimeBudget(1200) }).catch((e) => e),
      );
      expect(error).toMatchObject({ code: 'GC4004', where: 'POST /oauth/token' });
      expect(Date.now() - started).toBeLessThan(2_500);
    }, 20_000);

    it('finding 1: FLOW_CHECK_WAIT_SECONDS bounds the whole check: the compiled handler exits 2 within it when the lookups get 429 Retry-After 25', async () => {
      emulator.faults.add({ kind: 'status', status: 429, retryAfterSeconds: 25, count: 1000, path: '/api/v2/flows' });
      const result = await handler(inputFor(), { FLOW_CHECK_WAIT_SECONDS: '2' }, 40_000);
      expect(result.code).toBe(2);
      // The enclosing budget is what is left of the one 2 s budget of the whole check once the login took its share.
      const budgetMs = Number(
        /^flow check could not complete: GC4004 \[GET \/api\/v2\/flows\] .*within the enclosing time budget of (\d+) ms/.exec(result.stderr)?.[1],
      );
      expect(budgetMs).toBeGreaterThan(0);
      expect(budgetMs).toBeLessThanOrEqual(2000);
      expect(result.ms).toBeLessThan(10_000);
    }, 60_000);

    it('finding 1: drift takes an overall budget: a listing rate limited past it is incomplete at once, never waited out', async () => {
      emulator.faults.add({ kind: 'status', status: 429, retryAfterSeconds: 1, count: 1000, path: '/api/v2/flows' });
      const ops = await emulatorOps();
      const started = Date.now();
      const report = await within(
        8_000,
        'drift',
        detectDrift(ops, { flows: [], ivrs: [] }, 'contact-center-dev', { poll, budget: new TimeBudget(1200) } as never),
      );
      expect(report.complete).toBe(false);
      expect(report.errors.join('\n')).toMatch(/listing flows failed: GC4004 .*within the enclosing time budget of \d+ ms/);
      expect(Date.now() - started).toBeLessThan(2_500);
    }, 20_000);
  });

  describe('finding 2: names from the org reach terminals inert', () => {
    it('finding 2: one function for terminal text escapes C0, DEL, C1, U+2028/2029 and a leading workflow command', () => {
      const { terminalText, terminalLines } = require('../../runtime/genesys/terminal-text') as typeof import('../../runtime/genesys/terminal-text');
      expect(terminalText(EVIL)).toBe(EVIL_SHOWN);
      expect(terminalText('::warning::pwned')).toBe('\\u003a:warning::pwned');
      expect(terminalText('  ::add-mask::x')).toBe('  \\u003a:add-mask::x');
      expect(terminalText('##[error]x')).toBe('\\u0023#[error]x');
      expect(terminalText('a\u009b2Jb\u007fc\u2028d\u2029e\u0000f\tg\r')).toBe('a\\u009b2Jb\\u007fc\\u2028d\\u2029e\\u0000f\\tg\\r');
      expect(terminalText('bidi \u202eevil\u2066')).toBe('bidi \\u202eevil\\u2066');
      expect(terminalText('plain: DEV Sales IVR (ü, 日本)')).toBe('plain: DEV Sales IVR (ü, 日本)');
      expect(terminalLines('one\n::two\nthree\r\n::warning::four')).toBe('one\n\\u003a:two\nthree\n\\u003a:warning::four');
    });

    it('finding 2: the compiled flow check prints a caller and a lock holder named with escapes and line breaks as one inert line each', async () => {
      // A flow outside the stack named EVIL calls the shared flow, which is then republished and locked by a user named EVIL.
      const caller = salesYaml().replace(/name: "?DEV Sales IVR"?\n/, `name: ${JSON.stringify(EVIL)}\n`);
      expect(caller).toContain('DEV Evil');
      emulator.seedFlow(caller);
      emulator.seedFlow(pinYaml(), { kind: 'user', id: 'user-evil', name: EVIL });
      const module = flowNamed('DEV Shared PIN Auth');
      module.lockedBy = { kind: 'user', id: 'user-evil', name: EVIL };
      try {
        // Only the module is in this stack's input: DEV Sales IVR counts as a caller outside the stack too.
        const result = await handler(inputFor({ flowName: 'DEV Shared PIN Auth', flowType: 'COMMONMODULE', payloadPath: 'assets/pin.yaml' }));
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expectInertLines(result.stdout);
        const lines = result.stdout.trimEnd().split('\n');
        expect(lines).toHaveLength(5);
        expect(lines[4]).toBe(
          "COMMONMODULE 'DEV Shared PIN Auth': caller DEV Sales IVR (outside this stack) still embeds module version 1.0; republish it, or set republishExternalCallers",
        );
        expect(lines[1]).toBe(
          `COMMONMODULE 'DEV Shared PIN Auth': locked by user ${EVIL_SHOWN}; the next publish of this flow will fail until it is unlocked (or set force_unlock)`,
        );
        expect(lines[3]).toMatch(
          new RegExp(
            `^COMMONMODULE 'DEV Shared PIN Auth': caller ${EVIL_SHOWN.replace(/[\\[\]]/g, '\\$&')} \\(outside this stack\\) still embeds module version`,
          ),
        );
      } finally {
        module.lockedBy = undefined;
        emulator.org.flows.delete(flowNamed(EVIL).id);
      }
    });

    it('finding 2: npm run drift --format table (compiled) prints a flow named with escapes and line breaks as one inert line', async () => {
      const drift = await startEmulator();
      try {
        drift.seedFlow(pinYaml().replace(/name: "?DEV Shared PIN Auth"?\n/, `name: ${JSON.stringify(EVIL)}\n`));
        const result = await run('dist/tools/drift.js', ['--env', 'dev', '--format', 'table'], emulatorEnv(drift), root, 90_000);
        expect(result.code).toBe(2);
        expectInertLines(result.stdout);
        expectInertLines(result.stderr);
        expect(result.stdout).toContain(EVIL_SHOWN);
        expect(
          result.stdout
            .trimEnd()
            .split('\n')
            .filter((l) => l.startsWith('status: ')),
        ).toEqual(['status: drift']);
      } finally {
        await drift.stop();
      }
    }, 120_000);
  });

  describe('finding 3: the scrubber', () => {
    const ID = '7f3c2a10-5b6e-4d8f-9a21-0c4e8b7d6f55';
    const SECRET = 'Zq8_mT3-vLp9XwR2kJ7nB4cY6hF1dS5aG0eU8iO3rTy';
    const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
    const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');
    const wrap = (text: string, columns: number, eol: string) => text.match(new RegExp(`.{1,${columns}}`, 'g'))!.join(eol);
    /** No piece of 12 characters of any form survives, with or without the text's blanks. */
    const expectGone = (text: string) => {
      const flat = text.replace(/\s+|\\r|\\n/g, '');
      for (const form of [SECRET, b64(`${ID}:${SECRET}`), b64(`:${SECRET}`).slice(4), hex(SECRET), hex(SECRET).toUpperCase()]) {
        for (let at = 0; at + 12 <= form.length; at += 6)
          expect({ form, piece: form.slice(at, at + 12), found: flat.includes(form.slice(at, at + 12)) }).toMatchObject({ found: false });
      }
      expect(text).not.toContain(ID);
    };
    afterAll(() => {
      genesysErrors.clearRegisteredSecrets();
      genesysErrors.registerOwnCredentials(TEST_CLIENT_ID, TEST_CLIENT_SECRET);
    });

    it.each([
      ['base64 of id:secret MIME-wrapped at 76 columns (CRLF)', () => `Authorization: Basic ${wrap(b64(`${ID}:${SECRET}`), 76, '\r\n')}`],
      ['base64 of id:secret PEM-wrapped at 64 columns (LF)', () => wrap(b64(`${ID}:${SECRET}`), 64, '\n')],
      ['base64 of id:secret wrapped and JSON-escaped', () => JSON.stringify({ header: `Basic ${wrap(b64(`${ID}:${SECRET}`), 76, '\r\n')}` })],
      ['base64 of id:secret folded with indentation', () => `Basic ${wrap(b64(`${ID}:${SECRET}`), 40, '\n    ')}`],
      ['the secret in hex', () => `debug: ${hex(SECRET)}`],
      ['the secret in upper-case hex', () => `debug: ${hex(SECRET).toUpperCase()}`],
      [
        'a client_secret= value split by a line break',
        () => `grant_type=client_credentials&client_secret=${SECRET.slice(0, 20)}\n${SECRET.slice(20)}`,
      ],
      ['the secret split by a CRLF and indented', () => `secret was ${SECRET.slice(0, 11)}\r\n\t${SECRET.slice(11)}`],
    ])('finding 3: %s is scrubbed', (_name, text) => {
      genesysErrors.registerOwnCredentials(ID, SECRET);
      for (const out of [genesysErrors.scrubKnownSecrets(text()), genesysErrors.sanitize(text(), 5000)]) expectGone(out);
    });

    it('finding 3: an unregistered bearer token inside JSON with \\/ escapes is redacted whole', () => {
      const token = 'abc\\/def+ghi\\/jkl\\u002bmno==';
      const out = genesysErrors.sanitize(`{"headers":{"Authorization":"Bearer ${token}"}}`);
      expect(out).toBe('{"headers":{"Authorization":"Bearer [redacted]"}}');
    });

    it('finding 3: texts are scrubbed before they are cut (cutScrubbed): no prefix of a credential is left', () => {
      genesysErrors.registerOwnCredentials(ID, SECRET);
      const { cutScrubbed } = genesysErrors as Partial<typeof genesysErrors>;
      expect(cutScrubbed).toBeDefined();
      for (let cut = 1; cut <= 60; cut++) {
        const out = cutScrubbed!(`${'x'.repeat(20)}${SECRET}${'y'.repeat(20)}`, cut);
        expect(out).not.toContain(SECRET.slice(0, 4));
      }
      expect(cutScrubbed!(`${'x'.repeat(30)}${SECRET}`, 40)).toBe(`${'x'.repeat(30)}[redacted]`);
    });

    it('finding 3: FLOW_CHECK_WAIT_SECONDS is scrubbed before it is cut (compiled handler)', async () => {
      const secret = 'S3cr3tValue-that-the-cut-would-split-0123456789';
      const result = await handler(inputFor(), { GENESYSCLOUD_OAUTHCLIENT_SECRET: secret, FLOW_CHECK_WAIT_SECONDS: `${'9'.repeat(30)}${secret}` });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('GC4007 [FLOW_CHECK_WAIT_SECONDS]');
      expect(result.stderr).toContain(`(value: "${'9'.repeat(30)}[redacted]`);
      expect(result.stderr).not.toContain(secret.slice(0, 6));
    });

    it('finding 3: a difference summarized (cut at 117 characters) shows no piece of a credential the published flow holds', async () => {
      const at = '        name: Not yet authenticated\n';
      const module = pinYaml().replace(at, `${at}        extra:\n          note: "${'x'.repeat(96)}${TEST_CLIENT_SECRET}"\n`);
      expect(module).toContain(TEST_CLIENT_SECRET);
      emulator.seedFlow(module);
      try {
        const ops = await emulatorOps();
        const checked = inputFor({ flowName: 'DEV Shared PIN Auth', flowType: 'COMMONMODULE', payloadPath: 'assets/pin.yaml' });
        const report = await checkStackFlows(ops, stackCheckInput([checked]), { poll, payloads: [dev.pinAuth.publication.rendered.yaml] });
        expect(report.exitCode).toBe(1);
        const text = report.lines.join('\n');
        expect(text).toContain('extra: expected (nothing), published {"note":"xxxx');
        expect(text).not.toContain(TEST_CLIENT_SECRET.slice(0, 8));
      } finally {
        emulator.seedFlow(pinYaml(), { kind: 'client', id: TEST_CLIENT_ID });
      }
    });
  });

  describe("finding 4: the region is one of the provider's own", () => {
    it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])(
      'finding 4: GENESYSCLOUD_REGION=%s is GC4002, not a crash later',
      (region) => {
        const env = { GENESYSCLOUD_OAUTHCLIENT_ID: TEST_CLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET: TEST_CLIENT_SECRET, GENESYSCLOUD_REGION: region };
        expect(() => settingsFromEnvironment(env)).toThrow(expect.objectContaining({ code: 'GC4002', where: 'GENESYSCLOUD_REGION' }));
        expect(() => regionHost(region)).toThrow(expect.objectContaining({ code: 'GC4002' }));
      },
    );

    it('finding 4: the compiled flow check exits 2 with GC4002 for GENESYSCLOUD_REGION=constructor', async () => {
      const result = await run(
        'dist/handlers/flow-check.js',
        ['create'],
        { ...emulatorEnv(emulator), GENESYSCLOUD_REGION: 'constructor', ...stackCheckEnv(inputFor()) },
        stackDir,
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^flow check could not complete: GC4002 \[GENESYSCLOUD_REGION\] unknown region/);
    });
  });

  describe('finding 5: the payload file', () => {
    it('finding 5: a hard link inside the stack folder to a file outside it is refused (GC4008), never read', async () => {
      fs.linkSync(path.join(outside, 'secret.yaml'), path.join(stackDir, 'assets', 'hard.yaml'));
      try {
        expect(() => readPayloadFile(stackDir, 'assets/hard.yaml')).toThrow(expect.objectContaining({ code: 'GC4008' }));
        // Behind a flow whose payload is fine: one refused payload refuses the stack's whole check, before the login.
        const logins = emulator.tokenRequests;
        const result = await handler([
          inputFor({ flowName: 'DEV Shared PIN Auth', flowType: 'COMMONMODULE', payloadPath: 'assets/pin.yaml' }),
          inputFor({ payloadPath: 'assets/hard.yaml' }),
        ]);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(emulator.tokenRequests).toBe(logins);
        expect(result.stderr).toMatch(
          /^flow check could not complete: GC4008 \[FLOW_CHECK_FLOWS_0\[\d+\]\.payloadPath\] is a file with 2 hard links/,
        );
        expect(result.stdout + result.stderr).not.toContain('TOP-SECRET-CONTENT-4242');
      } finally {
        fs.rmSync(path.join(stackDir, 'assets', 'hard.yaml'));
      }
    });

    it.each(['.', './', '././'])(
      'finding 5: payloadPath %j (the stack folder itself) is "not a regular file", not a symbolic link',
      (payloadPath) => {
        const error = (() => {
          try {
            readPayloadFile(stackDir, payloadPath);
          } catch (e) {
            return e as Error;
          }
          return undefined;
        })();
        expect(error).toMatchObject({ code: 'GC4008' });
        expect(error!.message).toContain('is not a regular file');
        expect(error!.message).not.toContain('symbolic link');
      },
    );
  });

  describe('finding 6: the emulator bounds slow and many clients', () => {
    let small: GenesysEmulator;
    beforeEach(async () => {
      small = await new GenesysEmulator({
        requestTimeoutMs: 1500,
        headersTimeoutMs: 800,
        maxConnections: 8,
        maxBodyBytesInFlight: 1024 * 1024,
      } as never).start();
    });
    afterEach(() => small.stop());

    /** Opens a connection, writes `head` and then `body`; resolves with what came back when it closes. */
    const connection = (port: number, head: string, body?: Buffer) =>
      new Promise<{ answer: string; ms: number }>((resolve) => {
        const started = Date.now();
        let answer = '';
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.write(head);
          if (body) socket.write(body);
        });
        socket.on('data', (d) => (answer += d));
        socket.on('error', () => undefined);
        socket.on('close', () => resolve({ answer, ms: Date.now() - started }));
      });

    it('finding 6: the defaults: 30 s for a request, 10 s for its headers, 256 connections, 64 MB of bodies at once', async () => {
      const { MAX_BODY_BYTES_IN_FLIGHT, MAX_CONNECTIONS } = require('../../emulator/server') as Record<string, number>;
      expect([MAX_BODY_BYTES_IN_FLIGHT, MAX_CONNECTIONS]).toEqual([64 * 1024 * 1024, 256]);
      const defaults = await new GenesysEmulator().start();
      try {
        const server = (defaults as unknown as { server: http.Server }).server;
        expect([server.requestTimeout, server.headersTimeout, server.maxConnections]).toEqual([30_000, 10_000, 256]);
      } finally {
        await defaults.stop();
      }
    });

    it('finding 6: a body that never completes is cut off at the request timeout (408), not held for 300 s', async () => {
      const result = await within(
        6_000,
        'the unfinished body',
        connection(small.port, 'POST /api/v2/flows/jobs HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n', Buffer.alloc(50_000, 0x61)),
      );
      expect(result.answer).toMatch(/^HTTP\/1\.1 408/);
      expect(small.bodyBytesInFlight.held).toBe(0);
    }, 10_000);

    it('finding 6: headers that never complete are cut off at the headers timeout', async () => {
      const result = await within(
        6_000,
        'the unfinished headers',
        connection(small.port, 'GET /api/v2/organizations/me HTTP/1.1\r\nHost: x\r\nX-Slow: '),
      );
      expect(result.answer).toMatch(/^HTTP\/1\.1 408/);
    }, 10_000);

    it('finding 6: bodies held at once are capped: past the cap a request is answered 503 (ErrorBody) and its connection closed', async () => {
      const head = (n: number) => `POST /api/v2/flows/jobs HTTP/1.1\r\nHost: x\r\nContent-Length: ${n}\r\n\r\n`;
      const sockets: net.Socket[] = [];
      try {
        // Two unauthenticated clients hold 900 KB of unfinished bodies (under the per-request limit of 10 MB).
        for (let i = 0; i < 2; i++) {
          const socket = net.connect(small.port, '127.0.0.1', () => socket.write(head(500_000) + 'a'.repeat(450_000)));
          socket.on('error', () => undefined);
          sockets.push(socket);
        }
        await within(
          3_000,
          'the bodies to arrive',
          (async () => {
            while (small.bodyBytesInFlight.held < 900_000) await new Promise((r) => setTimeout(r, 10));
          })(),
        );
        // A third whose declared body does not fit is refused before anything is read ...
        const declared = await within(3_000, 'the 503', connection(small.port, head(300_000)));
        expect(declared.answer).toMatch(/^HTTP\/1\.1 503/);
        const [head503, chunked] = declared.answer.split('\r\n\r\n');
        const body = JSON.parse(/transfer-encoding: chunked/i.test(head503) ? chunked.split('\r\n')[1] : chunked);
        expect(body).toMatchObject({ status: 503, code: 'service.unavailable', details: [], errors: [] });
        // ... one without a declared length, as its bytes arrive.
        const streamed = await within(
          3_000,
          'the streamed 503',
          connection(
            small.port,
            'POST /api/v2/flows/jobs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n',
            Buffer.from(`30000\r\n${'b'.repeat(0x30000)}\r\n`),
          ),
        );
        expect(streamed.answer).toMatch(/^HTTP\/1\.1 503/);
        expect(small.bodyBytesInFlight.held).toBeLessThanOrEqual(1024 * 1024);
      } finally {
        sockets.forEach((s) => s.destroy());
      }
      // Once they are gone, the bytes are released and the emulator serves as before.
      await within(
        3_000,
        'the release',
        (async () => {
          while (small.bodyBytesInFlight.held > 0) await new Promise((r) => setTimeout(r, 10));
        })(),
      );
      expect((await fetch(`${small.url}/api/v2/organizations/me`)).status).toBe(401);
    }, 20_000);

    it('finding 6: connections past the limit are closed as they arrive', async () => {
      const open: net.Socket[] = [];
      try {
        for (let i = 0; i < 8; i++) {
          const socket = net.connect(small.port, '127.0.0.1');
          socket.on('error', () => undefined);
          await new Promise((r) => socket.once('connect', r));
          open.push(socket);
        }
        await new Promise((r) => setTimeout(r, 50));
        const extra = await within(3_000, 'the extra connection', connection(small.port, 'GET /api/v2/organizations/me HTTP/1.1\r\nHost: x\r\n\r\n'));
        expect(extra.answer).toBe('');
        expect(extra.ms).toBeLessThan(700);
      } finally {
        open.forEach((s) => s.destroy());
      }
    }, 10_000);
  });
});
