import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';
import { UserPrompt } from '../../constructs';
import { AudioPromptTarget } from '../../flow';
import { problemsThrownBy, resourceAt, synthJson, testStack } from '../support/fixtures';
import { dependsOnOfFlowNaming } from '../support/referencing-flow';

describe('UserPrompt', () => {
  let folder: string;
  let greeting: string;

  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'user-prompt-'));
    greeting = path.join(folder, 'greeting.wav');
    fs.writeFileSync(greeting, 'RIFF-not-really-audio');
  });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('creates a genesyscloud_architect_user_prompt with one resource per language (TTS kept literal)', () => {
    const stack = testStack();
    new UserPrompt(stack, 'Welcome', {
      name: 'Welcome_Greeting',
      description: 'For ${all}',
      resources: [
        { language: 'en-us', tts: 'Hello ${name}.', text: 'Hello.' },
        { language: 'es', tts: 'Hola.' },
      ],
    });
    const prompt = resourceAt(synthJson(stack), 'genesyscloud_architect_user_prompt', 'Welcome/Resource');
    expect(prompt).toMatchObject({ name: 'Welcome_Greeting', description: 'For $${all}' });
    expect(prompt.resources).toEqual([
      { language: 'en-us', tts_string: 'Hello $${name}.', text: 'Hello.' },
      { language: 'es', tts_string: 'Hola.' },
    ]);
  });

  it('ships an audio file with the stack (a TerraformAsset) and sets its sha256, so a changed file is uploaded again', () => {
    const stack = testStack();
    new UserPrompt(stack, 'Welcome', { name: 'Welcome', resources: [{ language: 'en-us', audioFile: greeting }] });
    const [resource] = resourceAt(synthJson(stack), 'genesyscloud_architect_user_prompt', 'Welcome/Resource').resources;
    expect(resource.filename).toMatch(/^assets\/[^/]+\/[0-9A-F]{32}\/greeting\.wav$/);
    expect(resource.file_content_hash).toBe(createHash('sha256').update('RIFF-not-really-audio').digest('hex'));
    expect(resource).not.toHaveProperty('tts_string');

    const changed = path.join(folder, 'changed.wav');
    fs.writeFileSync(changed, 'RIFF-other-audio');
    const other = testStack();
    new UserPrompt(other, 'Welcome', { name: 'Welcome', resources: [{ language: 'en-us', audioFile: changed }] });
    const [changedResource] = resourceAt(synthJson(other), 'genesyscloud_architect_user_prompt', 'Welcome/Resource').resources;
    expect(changedResource.file_content_hash).not.toBe(resource.file_content_hash);
  });

  it('ships exactly the audio file next to cdk.tf.json, at the relative path the resource names (full synth)', () => {
    const stack = testStack('prompt-stack');
    new UserPrompt(stack, 'Welcome', { name: 'Welcome', resources: [{ language: 'en-us', audioFile: greeting }] });
    const outdir = Testing.fullSynth(stack);
    try {
      const stackDir = path.join(outdir, 'stacks', 'prompt-stack');
      const json = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
      const [resource] = resourceAt(json, 'genesyscloud_architect_user_prompt', 'Welcome/Resource').resources;
      expect(path.isAbsolute(resource.filename)).toBe(false);
      expect(fs.readFileSync(path.join(stackDir, resource.filename), 'utf8')).toBe('RIFF-not-really-audio');
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('is the prompt flows play as Prompt.<name>, and a dependency of the flows that name it', () => {
    const stack = testStack();
    const managed: AudioPromptTarget = new UserPrompt(stack, 'Welcome', { name: 'Welcome', resources: [{ language: 'en-us', tts: 'Hi.' }] });
    expect(managed).toMatchObject({ promptName: 'Welcome', nameInFlow: 'Prompt.Welcome' });
    const imported = UserPrompt.fromName(stack, 'Found', 'Closed_Message');
    expect(imported).toMatchObject({ promptName: 'Closed_Message', nameInFlow: 'Prompt.Closed_Message' });
    const dependsOn = dependsOnOfFlowNaming(stack, [managed, imported]);
    const json = synthJson(stack);
    expect([...dependsOn].sort()).toEqual(
      [
        resourceAt(json, 'genesyscloud_architect_user_prompt', 'Welcome/Resource').address,
        resourceAt(json, 'genesyscloud_architect_user_prompt', 'Found/Lookup', 'data').address,
      ].sort(),
    );
    expect(Object.values(json.data!.genesyscloud_architect_user_prompt)).toEqual([{ name: 'Closed_Message' }]);
  });

  it.each(['', '1st_Greeting', 'Welcome Greeting', 'Welcome-Greeting', '_Welcome', `W${'x'.repeat(200)}`])(
    'refuses the name %j (GC2019): a letter, then letters, digits, underscores, at most 200',
    (name) => {
      const stack = testStack();
      expect(problemsThrownBy(() => new UserPrompt(stack, 'Bad', { name, resources: [{ language: 'en-us', tts: 'Hi.' }] }))).toEqual([
        expect.objectContaining({ code: 'GC2019', path: 'test-stack/Bad.name', value: name }),
      ]);
      expect(problemsThrownBy(() => UserPrompt.fromName(stack, 'BadLookup', name))).toEqual([
        expect.objectContaining({ code: 'GC2019', path: 'test-stack/BadLookup.name', value: name }),
      ]);
    },
  );

  it('accepts a 200-character name', () => {
    const stack = testStack();
    new UserPrompt(stack, 'Long', { name: `W${'x'.repeat(199)}`, resources: [{ language: 'en-us', tts: 'Hi.' }] });
    expect(Object.keys(synthJson(stack).resource.genesyscloud_architect_user_prompt)).toHaveLength(1);
  });

  it('lists every problem of the resources (GC2020, GC2021) with path, value and fix, before adding anything', () => {
    const stack = testStack();
    const missing = path.join(folder, 'missing.wav');
    const problems = problemsThrownBy(
      () =>
        new UserPrompt(stack, 'Bad', {
          name: 'Welcome',
          resources: [
            { language: 'en-US', tts: 'Hello.' },
            { language: 'es', tts: 'Hola.' },
            { language: 'es', tts: 'Hola otra vez.' },
            { language: 'fr', text: 'Bonjour.' },
            { language: 'de', audioFile: missing },
            { language: 'it', audioFile: folder },
          ],
        }),
    );
    expect(problems.map((p) => [p.code, p.path, p.value])).toEqual([
      ['GC2020', 'test-stack/Bad.resources[0].language', 'en-US'],
      ['GC2020', 'test-stack/Bad.resources[2].language', 'es'],
      ['GC2020', 'test-stack/Bad.resources[3]', 'fr'],
      ['GC2021', 'test-stack/Bad.resources[4].audioFile', missing],
      ['GC2021', 'test-stack/Bad.resources[5].audioFile', folder],
    ]);
    for (const problem of problems) expect(problem.fix).not.toBe('');
    expect(synthJson(stack).resource?.genesyscloud_architect_user_prompt).toBeUndefined();
  });

  it('refuses a prompt without resources (GC2020)', () => {
    const stack = testStack();
    expect(problemsThrownBy(() => new UserPrompt(stack, 'Empty', { name: 'Empty', resources: [] }))).toEqual([
      expect.objectContaining({ code: 'GC2020', path: 'test-stack/Empty.resources' }),
    ]);
  });
});
