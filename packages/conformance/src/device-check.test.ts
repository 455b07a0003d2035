import { isCnnkitError } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { fakeBackend } from '../test/fake-backend';
import { checkDevice } from './device-check';

describe('checkDevice', () => {
  it('returns info when the backend is where it says', async () => {
    await expect(checkDevice(fakeBackend(), 'cpu')).resolves.toMatchObject({ device: 'cpu' });
    await expect(checkDevice(fakeBackend())).resolves.toMatchObject({ device: 'cpu' });
  });

  it('fails when info() reports another device than expected, naming both and the fallback', async () => {
    const quietFallback = fakeBackend({ capabilities: { devices: ['cuda', 'cpu'] }, info: { device: 'cpu', fallback: 'libcudnn.so.8 not found' } });
    const error = await checkDevice(quietFallback, 'cuda').catch((e: unknown) => e);
    expect(isCnnkitError(error, 'DEVICE_UNAVAILABLE')).toBe(true);
    expect((error as Error).message).toBe(
      "backend 'fake' was expected to run on device 'cuda' but info() reports device 'cpu'; info().fallback says: libcudnn.so.8 not found",
    );
  });

  it('fails when info() reports a device the backend does not declare', async () => {
    const b = fakeBackend({ capabilities: { devices: ['cuda'] }, info: { device: 'cpu' } });
    await expect(checkDevice(b)).rejects.toThrow("backend 'fake' reports device 'cpu' from info(), which is not one of its declared capabilities.devices [cuda]");
    await expect(checkDevice(b, 'cpu')).rejects.toThrow(/not one of its declared capabilities\.devices/);
  });
});
