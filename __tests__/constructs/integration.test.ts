import { Integration } from '../../constructs';
import { ProblemError } from '../../flow';
import { resourceAt, synthJson, testStack } from '../support/fixtures';

describe('Integration.fromName', () => {
  it('looks the integration up by name (data.genesyscloud_integration), its name written literally', () => {
    const stack = testStack();
    const integration = Integration.fromName(stack, 'Actions', 'CRM Data Actions ${x}');
    expect(integration.integrationName).toBe('CRM Data Actions ${x}');
    const json = synthJson(stack);
    const lookup = resourceAt(json, 'genesyscloud_integration', 'Actions/Lookup', 'data');
    expect(lookup.name).toBe('CRM Data Actions $${x}');
  });

  it.each(['', ' CRM', 'CRM "Actions"', 'CRM {{x}}'])('refuses the name %j (GC2022), as flows write it', (name) => {
    const stack = testStack();
    let error: unknown;
    try {
      Integration.fromName(stack, 'Bad', name);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).problems).toEqual([expect.objectContaining({ code: 'GC2022', path: 'test-stack/Bad', value: name })]);
    expect(synthJson(stack).data?.genesyscloud_integration).toBeUndefined();
  });
});
