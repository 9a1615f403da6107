import { Testing } from 'cdktf';
import { simulationMatchers } from '../simulator';

Testing.setupJest();
expect.extend(simulationMatchers);
