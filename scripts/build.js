#!/usr/bin/env node
// Builds dist/ and rebuilds only what is stale (plain Node, no compile step, runs before every tool).
//
// Steps (independent of each other, so they run in parallel):
//   tsc         tsc -p tsconfig.json → dist/**.js
//   flow-check  esbuild bundle of runtime/flow-check/main.ts → dist/handlers/flow-check.js
//   pipeline    esbuild bundles of the pipeline tools → dist/pipeline/{drift,plan-review,pipeline-preflight}.js
//
// A step runs when one of its inputs changed (sha256 of the contents, never mtimes), when one of its
// outputs is missing, when its command changed, or with --force. Inputs:
//   tsc        every file matched by tsconfig.json's `include` (minus `exclude`, so a new file is seen),
//              every project file the last successful tsc program read (tsc's own list, the `fileNames`
//              of its .tsbuildinfo: imports from outside `include` such as a top-level lib/, .mts/.cts,
//              imported .json), tsconfig.json, package.json and package-lock.json. node_modules files
//              are not hashed: they change only with package-lock.json, which stands for them;
//   esbuild    the exact inputs esbuild reported in the previous build's metafile (node_modules files
//              included), tsconfig.json and package-lock.json.
// tsc's outputs are derived from that same program list (rootDir → outDir, .ts → .js, .mts → .mjs,
// .cts → .cjs, .json copied); after a successful tsc run, recorded outputs no longer produced by any
// compiled file (its source deleted, or no longer imported) are removed.
// The stamp dist/.build-stamp.json holds each step's command, input hashes and outputs; metafiles are
// kept in dist/.build/. A step is marked unfinished in the stamp before it starts and recorded only
// when it succeeds, so a failed or interrupted step runs again next time; a failing tool's exit code
// becomes this script's exit code.
//
// Output: nothing when nothing was rebuilt; otherwise one line per step on stderr
// ("build: tsc (changed: main.ts) 2.8 s"). The tools' own messages also go to stderr, so stdout stays
// free for the tool that runs after the build. BUILD_TIMING=1 also prints how long the check took.
//
// Concurrency: one build at a time per dist/. The lock is dist/.build.lock, created exclusively
// (O_EXCL) and holding the owner's pid; a lock whose pid is no longer alive is stale and taken over.
// Waiters re-check staleness after acquiring the lock, so a second concurrent run usually finds
// everything fresh. The stamp itself is written atomically (temporary file + rename).
'use strict';

const { spawn } = require('child_process');
const nodeCrypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { parseArgs } = require('util');

const STAMP_VERSION = 1;
const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const stampFile = path.join(dist, '.build-stamp.json');
const lockFile = path.join(dist, '.build.lock');
const metaDir = path.join(dist, '.build');
const LOCK_WAIT_MS = 10 * 60 * 1000;

// Whitespace and syntax minified, names kept (stack traces stay readable): the handler is copied into
// every stack folder and hashed by cdktf at every synth, 5.5 MB before, 2.6 MB now.
const ESBUILD_COMMON = [
  '--bundle',
  '--platform=node',
  '--target=node20',
  '--legal-comments=none',
  '--log-level=warning',
  '--minify-whitespace',
  '--minify-syntax',
];
const BUNDLES = [
  { name: 'flow-check', args: ['runtime/flow-check/main.ts', ...ESBUILD_COMMON, '--outfile=dist/handlers/flow-check.js'] },
  { name: 'pipeline', args: ['tools/drift.ts', 'tools/plan-review.ts', 'tools/pipeline-preflight.ts', ...ESBUILD_COMMON, '--outdir=dist/pipeline'] },
];
const TSC_ARGS = ['-p', 'tsconfig.json'];

const rel = (abs) => path.relative(root, abs).split(path.sep).join('/');
const abs = (relPath) => path.resolve(root, relPath);
const log = (line) => process.stderr.write(`build: ${line}\n`);

function hashFile(relPath) {
  try {
    return nodeCrypto
      .createHash('sha256')
      .update(fs.readFileSync(abs(relPath)))
      .digest('hex');
  } catch (e) {
    if (e.code === 'ENOENT' || e.code === 'ENOTDIR' || e.code === 'EISDIR') return null;
    throw e;
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** tsconfig.json may hold comments and trailing commas (JSONC). */
function readTsconfig() {
  const text = fs.readFileSync(abs('tsconfig.json'), 'utf8');
  try {
    return JSON.parse(text);
  } catch {
    const stripped = text.replace(/("(?:\\.|[^"\\])*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m, str) => str ?? '').replace(/,(\s*[}\]])/g, '$1');
    return JSON.parse(stripped);
  }
}

// --- tsconfig include/exclude globs (the subset TypeScript supports: *, ?, **/) -------------------

function globToRegExp(pattern) {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*' && pattern[i + 2] === '/') {
      re += '(?:[^/]+/)*';
      i += 2;
    } else if (c === '*' && pattern[i + 1] === '*') {
      re += '.*';
      i += 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return re;
}

/** The project files tsc compiles, as sorted project-relative paths. */
function tscSourceFiles(tsconfig) {
  // What TypeScript picks up from a wildcard include (.d.ts, .d.mts… end in these too).
  const extensions = tsconfig.compilerOptions?.allowJs ? /\.(?:[cm]?tsx?|[cm]?jsx?)$/ : /\.(?:[cm]?ts|tsx)$/;
  const norm = (p) => p.replace(/^\.\//, '').replace(/\/+$/, '');
  const includes = (tsconfig.include ?? ['**/*']).map(norm);
  const excludes = (tsconfig.exclude ?? ['node_modules', 'bower_components', 'jspm_packages', tsconfig.compilerOptions?.outDir].filter(Boolean)).map(
    norm,
  );
  const excluded = new RegExp(`^(?:${excludes.map(globToRegExp).join('|') || '(?!)'})(?:/|$)`);
  const found = new Set((tsconfig.files ?? []).map(norm));
  for (const pattern of includes) {
    const wild = /[*?]/.test(pattern);
    if (!wild) {
      const stat = fs.statSync(abs(pattern), { throwIfNoEntry: false });
      if (stat?.isFile()) found.add(pattern);
      else if (stat?.isDirectory()) walk(pattern, new RegExp(`^${globToRegExp(`${pattern}/**/*`)}$`), true);
      continue;
    }
    const segments = pattern.split('/');
    const firstWild = segments.findIndex((s) => /[*?]/.test(s));
    const base = segments.slice(0, firstWild).join('/');
    walk(base, new RegExp(`^${globToRegExp(pattern)}$`), segments.slice(firstWild).some((s) => s.includes('**')) || firstWild < segments.length - 1);
  }
  return [...found].sort();

  function walk(dirRel, matcher, recurse) {
    let entries;
    try {
      entries = fs.readdirSync(abs(dirRel || '.'), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = dirRel ? `${dirRel}/${e.name}` : e.name;
      if (excluded.test(p) || e.name === 'node_modules') continue;
      if (e.isDirectory()) {
        if (recurse) walk(p, matcher, recurse);
      } else if (matcher.test(p) && extensions.test(p)) {
        found.add(p);
      }
    }
  }
}

/**
 * The outputs tsc writes for one compiled project file (project-relative paths): `<outDir>/<path from
 * rootDir>` with .ts/.tsx → .js, .mts → .mjs, .cts → .cjs, .json (resolveJsonModule) copied; plus .map
 * and declaration files when enabled. Declaration files and files in node_modules have none. Only the
 * outputs that exist after a run are recorded, so an output listed here that tsc does not write is harmless.
 * Returns the mapping function for one tsconfig (the check maps ~800 files: kept cheap).
 */
function tscOutputMapper(tsconfig) {
  const o = tsconfig.compilerOptions ?? {};
  const out = outDir(tsconfig);
  const rootDir = path.posix.normalize(norm(o.rootDir ?? '.'));
  const prefix = rootDir === '.' ? '' : `${rootDir}/`;
  const jsx = o.jsx === 'preserve' || o.jsx === 'react-native' ? '.jsx' : '.js';
  const jsExts = { ts: '.js', tsx: jsx, mts: '.mjs', cts: '.cjs', js: '.js', jsx, mjs: '.mjs', cjs: '.cjs', json: '.json' };
  const compiled = /^(.*)\.(tsx?|mts|cts|json|jsx?|mjs|cjs)$/;
  const declarationOrPackage = /(?:^|\/)node_modules\/|\.d\.(?:[cm]?ts|[^/]*\.ts)$/;
  return (source) => {
    // Outside rootDir tsc refuses the file (TS6059).
    if (!source.startsWith(prefix) || source.startsWith('../') || declarationOrPackage.test(source)) return [];
    const m = compiled.exec(source.slice(prefix.length));
    if (!m) return [];
    const [, stem, ext] = m;
    const js = `${out}/${stem}${jsExts[ext]}`;
    if (ext === 'json') return [js];
    const outputs = [js];
    if (o.sourceMap) outputs.push(`${js}.map`);
    if (o.declaration || o.composite) outputs.push(`${out}/${stem}${{ '.mjs': '.d.mts', '.cjs': '.d.cts' }[jsExts[ext]] ?? '.d.ts'}`);
    return outputs;
  };
}

function norm(p) {
  return p.replace(/^\.\//, '').replace(/\/+$/, '') || '.';
}

function outDir(tsconfig) {
  return norm(tsconfig.compilerOptions?.outDir ?? 'dist');
}

/** tsc's incremental state file (project-relative): tsBuildInfoFile, or <outDir>/tsconfig.tsbuildinfo. */
function tsBuildInfoFile(tsconfig) {
  const file = tsconfig.compilerOptions?.tsBuildInfoFile;
  return file ? rel(abs(file)) : `${outDir(tsconfig)}/tsconfig.tsbuildinfo`;
}

/**
 * The files the last tsc program read, from its .tsbuildinfo (`fileNames`, relative to the buildinfo's
 * folder; TypeScript 5.x), as project-relative paths without node_modules (those change only with
 * package-lock.json; hashing them would read ~300 more files, ~6 MB, ~25 ms). undefined if unreadable.
 */
function tscProgramFiles(tsconfig) {
  const info = tsBuildInfoFile(tsconfig);
  const fileNames = readJson(abs(info))?.fileNames;
  if (!Array.isArray(fileNames)) return undefined;
  const dir = path.dirname(abs(info));
  return fileNames
    .map((f) => rel(path.resolve(dir, f)))
    .filter((f) => !/(?:^|\/)node_modules\//.test(f))
    .sort();
}

// --- stamp ----------------------------------------------------------------------------------------

function readStamp() {
  const stamp = readJson(stampFile);
  return stamp && stamp.version === STAMP_VERSION && stamp.steps ? stamp : { version: STAMP_VERSION, steps: {} };
}

function writeStamp(stamp) {
  const tmp = `${stampFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(stamp, null, 1)}\n`);
  fs.renameSync(tmp, stampFile);
}

// --- lock -----------------------------------------------------------------------------------------

let lockHeld = false;

function pidAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

async function acquireLock() {
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }), { flag: 'wx' });
      lockHeld = true;
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    let text;
    let mtimeMs;
    try {
      text = fs.readFileSync(lockFile, 'utf8');
      mtimeMs = fs.statSync(lockFile).mtimeMs;
    } catch {
      continue; // released meanwhile
    }
    const holder = readJsonText(text);
    // Stale: its process is gone, or it never got its content written (crash right after creating it).
    const stale = holder ? !pidAlive(holder.pid) : Date.now() - mtimeMs > 5000;
    if (stale) {
      // Remove only the lock we judged stale (another waiter may have replaced it meanwhile).
      try {
        if (fs.readFileSync(lockFile, 'utf8') === text) fs.unlinkSync(lockFile);
      } catch {
        /* gone already */
      }
      continue;
    }
    // A live holder that has had the lock for longer than a build may take is likely not a build at all
    // (its pid reused by another process after the build was killed with SIGKILL): say so.
    const heldMs = Date.now() - (Date.parse(holder?.since) || mtimeMs);
    const tooLong =
      heldMs > LOCK_WAIT_MS
        ? `; it has held the lock for ${Math.round(heldMs / 60000)} minutes, longer than a build takes: if pid ${holder?.pid} is not a build, delete ${rel(lockFile)}`
        : '';
    if (Date.now() - started > LOCK_WAIT_MS)
      throw new Error(`another build (pid ${holder?.pid}) has held ${rel(lockFile)} for more than ${LOCK_WAIT_MS / 60000} minutes${tooLong}`);
    if (!told && (Date.now() - started > 5000 || tooLong)) {
      log(`waiting for another build (pid ${holder?.pid}, ${rel(lockFile)})${tooLong}`);
      told = true;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function readJsonText(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function releaseLock() {
  if (!lockHeld) return;
  lockHeld = false;
  try {
    if (readJsonText(fs.readFileSync(lockFile, 'utf8'))?.pid === process.pid) fs.unlinkSync(lockFile);
  } catch {
    /* already gone */
  }
}

// --- processes ------------------------------------------------------------------------------------

const children = new Set();

/** Runs a tool with its stdout and stderr on our stderr; resolves to its exit code (1 for a signal). */
function runTool(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 2, 2] });
    children.add(child);
    child.on('error', (e) => {
      children.delete(child);
      process.stderr.write(`build: cannot start ${command}: ${e.message}\n`);
      resolve(1);
    });
    child.on('close', (code) => {
      children.delete(child);
      resolve(code ?? 1);
    });
  });
}

function toolCommand(modulePath) {
  const file = require.resolve(modulePath, { paths: [root] });
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(64);
  fs.readSync(fd, head, 0, 64, 0);
  fs.closeSync(fd);
  // esbuild's bin is a native executable once installed, a Node script otherwise.
  return head.toString('latin1').startsWith('#!') || /\.[cm]?js$/.test(file) ? [process.execPath, file] : [file];
}

// --- steps ----------------------------------------------------------------------------------------

function describeChanges(changed) {
  return changed.length === 1 ? `changed: ${changed[0]}` : `changed: ${changed.length} files`;
}

function changedInputs(previous, current) {
  const names = new Set([...Object.keys(previous), ...Object.keys(current)]);
  return [...names].filter((n) => previous[n] !== current[n]).sort();
}

function planTsc(stamp, force, hashCache) {
  const tsconfig = readTsconfig();
  const previous = stamp.steps.tsc;
  const configFiles = ['tsconfig.json', 'package.json', 'package-lock.json'];
  // A relative `extends` is a project file too (a package's is covered by package-lock.json).
  for (const base of [tsconfig.extends ?? []].flat())
    if (/^\.\.?\//.test(base)) configFiles.push(rel(abs(base.endsWith('.json') ? base : `${base}.json`)));
  const included = tscSourceFiles(tsconfig);
  // The files matched by `include` (a new one is seen) and those the last program read (imports from
  // outside `include`: a deleted one hashes as null, so counts as changed).
  const sources = [...new Set([...included, ...(previous?.program ?? [])])].sort();
  const inputs = {};
  for (const f of [...sources, ...configFiles]) inputs[f] = cachedHash(hashCache, f);
  const outputs = sources.filter((f) => inputs[f] !== null).flatMap(tscOutputMapper(tsconfig));
  const command = ['tsc', ...TSC_ARGS];
  let reason;
  let missingOutput = false;
  if (force) reason = 'forced';
  else if (!previous || previous.failed) {
    reason = previous ? 'failed or interrupted last time' : 'no previous build';
    // dist/ may hold tsc's incremental state from an earlier build while some outputs are gone.
    missingOutput = outputs.some((o) => !fs.existsSync(abs(o)));
  } else if (JSON.stringify(previous.command) !== JSON.stringify(command)) reason = 'build command changed';
  else if (!previous.program) reason = 'the files tsc reads are not recorded yet';
  else {
    const changed = changedInputs(previous.inputs, inputs);
    // Outputs the last build wrote that are gone (a new source's output is simply not written yet, and
    // a deleted source's output is removed after the run).
    const expected = new Set(outputs);
    const missing = previous.outputs.find((o) => expected.has(o) && !fs.existsSync(abs(o)));
    if (changed.length) reason = describeChanges(changed);
    if (missing) {
      missingOutput = true;
      reason = reason ? `${reason}, missing: ${missing}` : `missing: ${missing}`;
    }
  }
  return { name: 'tsc', label: 'tsc', reason, command, tsconfig, included, configFiles, inputs, outputs, fullEmit: force || missingOutput };
}

function planBundle(bundle, stamp, force, hashCache) {
  const command = ['esbuild', ...bundle.args];
  const metafile = path.join(metaDir, `${bundle.name}.meta.json`);
  const previous = stamp.steps[bundle.name];
  let reason;
  let inputs = {};
  if (force) reason = 'forced';
  else if (!previous) reason = 'no previous build';
  else if (previous.failed) reason = 'failed or interrupted last time';
  else if (JSON.stringify(previous.command) !== JSON.stringify(command)) reason = 'build command changed';
  else if (!fs.existsSync(metafile)) reason = `missing: ${rel(metafile)}`;
  else {
    for (const f of Object.keys(previous.inputs)) inputs[f] = cachedHash(hashCache, f);
    const changed = changedInputs(previous.inputs, inputs);
    const missing = previous.outputs.find((o) => !fs.existsSync(abs(o)));
    if (changed.length) reason = describeChanges(changed);
    if (missing) reason = reason ? `${reason}, missing: ${missing}` : `missing: ${missing}`;
  }
  return { name: bundle.name, label: `esbuild ${bundle.name}`, reason, command, args: bundle.args, metafile, inputs };
}

function cachedHash(cache, f) {
  if (!cache.has(f)) cache.set(f, hashFile(f));
  return cache.get(f);
}

/** `known`: every output recorded so far (the last entry's and the planned ones), for stale-output removal. */
async function runTsc(step, known, hashCache) {
  const { tsconfig } = step;
  // tsc's incremental state does not notice deleted outputs: drop it so every file is emitted again.
  if (step.fullEmit) fs.rmSync(abs(tsBuildInfoFile(tsconfig)), { force: true });
  const [cmd, ...pre] = toolCommand('typescript/bin/tsc');
  const code = await runTool(cmd, [...pre, ...TSC_ARGS]);
  // The files this program read, by tsc's own account (written even when it reports errors).
  const existing = (files) => files.filter((o) => fs.existsSync(abs(o)));
  let program = tscProgramFiles(tsconfig);
  let kept = [];
  if (!program) {
    // Without tsc's own list, what it compiled from outside `include` is unknown: nothing is removed.
    log(
      `note: no readable ${tsBuildInfoFile(tsconfig)} (tsconfig's incremental off?): only the files matched by its include are tracked, stale outputs are not removed`,
    );
    program = step.included;
    kept = known;
  }
  const outputs = existing([...new Set([...program.flatMap(tscOutputMapper(tsconfig)), ...kept])].sort());
  // A failed compile may still have emitted (noEmitOnError is off): keep those outputs known.
  if (code !== 0) return { code, outputs };
  // Outputs recorded before that no compiled file produces any more (its source deleted or no longer
  // imported; tsc never deletes them, and a stale module could still be required at run time).
  const produced = new Set(outputs);
  const stale = existing(known.filter((o) => !produced.has(o) && o.startsWith(`${outDir(tsconfig)}/`)));
  for (const o of stale) {
    fs.rmSync(abs(o), { force: true });
    // And the folders this leaves empty (a deleted lib/ leaves no dist/lib/ behind).
    for (let dir = path.posix.dirname(o); dir.startsWith(`${outDir(tsconfig)}/`); dir = path.posix.dirname(dir)) {
      try {
        fs.rmdirSync(abs(dir));
      } catch {
        break; // not empty
      }
    }
  }
  // Inputs hashed before the build where known (a file edited during the build then counts as changed).
  const inputs = {};
  for (const f of [...new Set([...step.included, ...program, ...step.configFiles])])
    inputs[f] = f in step.inputs ? step.inputs[f] : cachedHash(hashCache, f);
  const removed = stale.length ? `, removing ${stale.length === 1 ? stale[0] : `${stale.length} stale outputs`}` : '';
  return { code, removed, entry: { command: step.command, program, inputs, outputs } };
}

async function runBundle(step, hashCache) {
  fs.mkdirSync(metaDir, { recursive: true });
  fs.rmSync(step.metafile, { force: true });
  const [cmd, ...pre] = toolCommand('esbuild/bin/esbuild');
  const code = await runTool(cmd, [...pre, ...step.args, `--metafile=${rel(step.metafile)}`]);
  if (code !== 0) return { code };
  const meta = readJson(step.metafile);
  if (!meta) {
    log(`esbuild ${step.name} wrote no readable metafile ${rel(step.metafile)}`);
    return { code: 1 };
  }
  // Inputs hashed before the build where known (a file edited during the build then counts as changed).
  const inputs = {};
  for (const f of [...Object.keys(meta.inputs), 'tsconfig.json', 'package-lock.json']) inputs[f] = step.inputs[f] ?? cachedHash(hashCache, f);
  return { code, entry: { command: step.command, inputs, outputs: Object.keys(meta.outputs) } };
}

// `--then <script> [args…]`: after a successful build, run the compiled tool in this same process (as its
// main module), which saves a second Node start-up on every npm script and the cdktf app.
const thenAt = process.argv.indexOf('--then');
const thenArgs = thenAt < 0 ? undefined : process.argv.slice(thenAt + 1);

const USAGE = 'usage: node scripts/build.js [--force] [--then <compiled script> [args…]]';
const HELP = `${USAGE}

Brings dist/ up to date, rebuilding only what is stale (tsc, and the esbuild bundles of the flow check handler and of
the pipeline tools); one line per rebuilt step on stderr, nothing when everything is fresh. One build at a time per dist/.

options:
  --force                        rebuild every step
  --then <compiled script> args  after a successful build, run the script in this process with the remaining args
                                 (they are the script's: --then dist/tools/synth.js --help is synth's help)
  -h, --help                     print this help and exit

exit codes:
  0      dist/ is up to date; with --then, the script's own exit code instead
  2      a bad command line
  1      the build script itself failed
  other  a failing step's own exit code (tsc: 1 or 2, esbuild: 1); the step runs again next time
  128+n  stopped by signal n (SIGINT 130, SIGTERM 143)
`;

/** The build's own options (those before --then), or the exit code once the help or a usage error is printed. */
function buildOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2, thenAt < 0 ? undefined : thenAt),
      options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    process.stderr.write(`build: ${e.message.split('\n')[0]}\n${USAGE}\n`);
    return { exitCode: 2 };
  }
  if (values.help) {
    process.stdout.write(HELP);
    return { exitCode: 0 };
  }
  if (thenArgs && thenArgs.length === 0) {
    process.stderr.write(`build: --then needs the compiled script to run\n${USAGE}\n`);
    return { exitCode: 2 };
  }
  return { force: values.force === true };
}

async function main(force) {
  fs.mkdirSync(dist, { recursive: true });
  await acquireLock();
  try {
    const stamp = readStamp();
    const hashCache = new Map();
    const checkStarted = process.hrtime.bigint();
    const plans = [planTsc(stamp, force, hashCache), ...BUNDLES.map((b) => planBundle(b, stamp, force, hashCache))];
    if (process.env.BUILD_TIMING) log(`checked ${hashCache.size} files in ${(Number(process.hrtime.bigint() - checkStarted) / 1e6).toFixed(1)} ms`);
    const stale = plans.filter((p) => p.reason);
    if (!stale.length) return 0;

    // A step that fails or is killed half-way must not look fresh afterwards: mark it unfinished first
    // (keeping the outputs tsc may have written, so outputs of deleted sources are still found later).
    const unfinished = (p) => ({ failed: true, outputs: [...new Set([...(stamp.steps[p.name]?.outputs ?? []), ...(p.outputs ?? [])])] });
    for (const p of stale) stamp.steps[p.name] = unfinished(p);
    writeStamp(stamp);

    let exitCode = 0;
    await Promise.all(
      stale.map(async (p) => {
        const started = process.hrtime.bigint();
        const result = p.name === 'tsc' ? await runTsc(p, stamp.steps.tsc.outputs, hashCache) : await runBundle(p, hashCache);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        if (result.code === 0) {
          stamp.steps[p.name] = result.entry;
          log(`${p.label} (${p.reason}${result.removed ?? ''}) ${seconds.toFixed(1)} s`);
        } else {
          if (result.outputs) stamp.steps[p.name].outputs = [...new Set([...stamp.steps[p.name].outputs, ...result.outputs])];
          log(`${p.label} (${p.reason}) FAILED with exit code ${result.code} after ${seconds.toFixed(1)} s; it runs again next time`);
          if (!exitCode) exitCode = result.code;
        }
      }),
    );
    writeStamp(stamp);
    return exitCode;
  } finally {
    releaseLock();
  }
}

/** Builds, then hands the process to the --then script (when given and the build succeeded). */
function build(force) {
  process.on('exit', releaseLock);
  for (const [signal, number] of [
    ['SIGINT', 2],
    ['SIGTERM', 15],
    ['SIGHUP', 1],
  ]) {
    process.on(signal, () => {
      for (const c of children) c.kill(signal);
      releaseLock();
      process.exit(128 + number);
    });
  }
  main(force).then(
    (code) => {
      process.exitCode = code;
      if (code !== 0 || !thenArgs) return;
      releaseLock();
      // The tool owns the process from here: its own signal handling and exit code.
      for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.removeAllListeners(signal);
      process.exitCode = undefined;
      process.argv = [process.argv[0], path.resolve(thenArgs[0]), ...thenArgs.slice(1)];
      require('module').runMain();
    },
    (e) => {
      process.stderr.write(`build: ${e && e.stack ? e.stack : e}\n`);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) {
  const options = buildOptions();
  if (options.exitCode !== undefined) process.exitCode = options.exitCode;
  else build(options.force);
} else {
  // For tests: the list of files tsc compiles, computed the way the staleness check computes it.
  module.exports = { tscSourceFiles: () => tscSourceFiles(readTsconfig()) };
}
