import { runConformance } from '@cnnkit/conformance/vitest';
import { createBackend } from '../src';

runConformance({ create: () => createBackend(), expectDevice: 'cpu' });
