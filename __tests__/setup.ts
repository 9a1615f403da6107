// cdktf captures a full stack trace for every token it creates, and under jest every capture is mapped
// through source maps (cdktf ships inline ones): that was most of the CPU of the in-process synths and
// a third of loading the test files. The traces only decorate cdktf's own error messages.
jest.mock('cdktf/lib/tokens/private/stack-trace', () => ({ captureStackTrace: () => [] }));

import { Testing } from 'cdktf';
// The matchers alone, not the simulator (which loads the whole flow language).
import { simulationMatchers } from '../simulator/jest-matchers';

Testing.setupJest();
expect.extend(simulationMatchers);
