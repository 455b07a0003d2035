import { OP_TYPES } from '@cnnkit/core';
import type { Command } from './command';
import { BACKEND_OPTION, DEVICE_OPTION, formatVersions, openBackend } from './backend-options';

const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

/** `cnnkit info`: what a backend really runs on, and what it declares it can do. */
export const infoCommand: Command = {
  spec: {
    name: 'info',
    brief: 'what a backend really runs on (device, versions) and what it declares it can do',
    summary: 'Show the device a backend really uses (checked, not configured), its versions, and its declared capabilities.',
    options: { backend: BACKEND_OPTION, device: DEVICE_OPTION },
    examples: ['cnnkit info', 'cnnkit info --backend onnxruntime --device auto'],
  },
  async run(values, io) {
    const backend = await openBackend(values);
    try {
      const info = await backend.info();
      const caps = backend.capabilities;
      const missing = OP_TYPES.filter((op) => !caps.ops.includes(op));
      const rows: [string, string][] = [
        ['backend', info.name],
        ['device', info.device],
        ...(typeof values.device === 'string' ? [['requested', values.device] as [string, string]] : []),
        ['fallback', info.fallback ?? 'none'],
        ['about', info.description],
        ['versions', formatVersions(info.versions)],
        ['ops', `${caps.ops.length} of ${OP_TYPES.length}`],
        ['missing', missing.length ? missing.join(', ') : 'none'],
        ['training', yesNo(caps.training)],
        ['eager', yesNo(caps.eager)],
        ['devices', caps.devices.join(', ')],
        ['dtypes', caps.dtypes.join(', ')],
      ];
      const width = Math.max(...rows.map(([k]) => k.length));
      for (const [k, v] of rows) io.out(`${k.padEnd(width)}  ${v}`);
      return 0;
    } finally {
      await backend.dispose?.();
    }
  },
};
