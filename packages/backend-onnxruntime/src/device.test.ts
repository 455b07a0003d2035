import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CnnkitError } from '@cnnkit/core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { chooseDevice } from './device';

const empty = mkdtempSync(path.join(tmpdir(), 'cnnkit-ort-empty-'));
const installed = mkdtempSync(path.join(tmpdir(), 'cnnkit-ort-cuda-'));
for (const lib of ['libonnxruntime_providers_shared.so', 'libonnxruntime_providers_cuda.so']) writeFileSync(path.join(installed, lib), '');
afterAll(() => {
  rmSync(empty, { recursive: true, force: true });
  rmSync(installed, { recursive: true, force: true });
});

const ORT_ERROR = 'OrtSessionOptionsAppendExecutionProvider_Cuda: Failed to load shared library';
const failing = () => vi.fn(async () => { throw new Error(ORT_ERROR); });
const working = () => vi.fn(async () => {});

describe.runIf(process.platform === 'linux')('chooseDevice', () => {
  it("'cpu' never asks for CUDA", async () => {
    const probe = working();
    expect(await chooseDevice('cpu', installed, probe)).toEqual({ device: 'cpu', executionProviders: ['cpu'] });
    expect(probe).not.toHaveBeenCalled();
  });

  it("'cuda' runs on CUDA (then cpu for ops CUDA lacks) when the probe session works", async () => {
    expect(await chooseDevice('cuda', installed, working())).toEqual({ device: 'cuda', executionProviders: ['cuda', 'cpu'] });
  });

  it("'cuda' is strict: DEVICE_UNAVAILABLE naming the missing library and the cuda12 install", async () => {
    const error = await chooseDevice('cuda', empty, failing()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CnnkitError);
    expect((error as CnnkitError).code).toBe('DEVICE_UNAVAILABLE');
    const message = (error as CnnkitError).message;
    expect(message).toContain("backend 'onnxruntime' was asked for device 'cuda', but the CUDA execution provider is unavailable: missing libonnxruntime_providers_shared.so");
    expect(message).toContain('ONNXRUNTIME_NODE_INSTALL=cuda12');
    expect(message).toContain(`ONNX Runtime said: ${ORT_ERROR}`);
    expect((error as CnnkitError).details).toMatchObject({ device: 'cuda', ortError: ORT_ERROR });
  });

  it("'auto' falls back to cpu without asking ORT when the provider libraries are not installed, and says why", async () => {
    const probe = working();
    const choice = await chooseDevice('auto', empty, probe);
    expect(probe).not.toHaveBeenCalled();
    expect(choice.device).toBe('cpu');
    expect(choice.fallback).toMatch(/^device 'auto' fell back to cpu: the CUDA execution provider is unavailable: missing libonnxruntime_providers_shared\.so/);
    expect(choice.fallback).toContain('ONNXRUNTIME_NODE_INSTALL=cuda12');
  });

  it("'auto' with the libraries present tries CUDA: uses it when it works, falls back with ORT's reason when not", async () => {
    expect(await chooseDevice('auto', installed, working())).toEqual({ device: 'cuda', executionProviders: ['cuda', 'cpu'] });
    const choice = await chooseDevice('auto', installed, failing());
    expect(choice).toMatchObject({ device: 'cpu', executionProviders: ['cpu'] });
    expect(choice.fallback).toContain(ORT_ERROR);
  });
});
