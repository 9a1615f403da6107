import { Testing } from 'cdktf';
import { ENVIRONMENTS } from '../../config';
import { addEnvironments } from '../../stacks';
import { synthJson } from '../support/fixtures';

/** The handler's asset folder is named after the bundle's bytes: those belong to the handler's build, not to the check. */
const withoutHandlerHash = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value).replace(/assets\/FlowCheckHandler\/[0-9A-F]{32}\//g, 'assets/FlowCheckHandler/<bundle hash>/'));

describe("the seed stacks' flow checks", () => {
  const stacks = addEnvironments(Testing.app(), ENVIRONMENTS);

  it.each(stacks.map((stack) => [stack.node.id, stack] as const))(
    '%s: one check for the stack and a destroy guard for the shared flow, as written before (snapshot)',
    (_id, stack) => {
      expect(withoutHandlerHash(synthJson(stack).resource.terraform_data)).toMatchSnapshot();
    },
  );
});
