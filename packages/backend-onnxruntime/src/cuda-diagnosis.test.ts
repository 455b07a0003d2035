import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnoseCuda, libraryNamedIn } from './cuda-diagnosis';

// Loader errors as ONNX Runtime 1.30 logs them (provider_bridge_ort.cc) and as Windows words them.
const SHARED_MISSING = 'Failed to load library /x/bin/napi-v6/linux/x64/libonnxruntime_providers_shared.so with error: /x/bin/napi-v6/linux/x64/libonnxruntime_providers_shared.so: cannot open shared object file: No such file or directory';
const CUBLAS_MISSING = 'Failed to load library /x/libonnxruntime_providers_cuda.so with error: libcublasLt.so.12: cannot open shared object file: No such file or directory';
const WINDOWS = 'LoadLibrary failed with error 126 "" when trying to load "C:\\app\\node_modules\\onnxruntime-node\\bin\\onnxruntime_providers_cuda.dll"';

describe('libraryNamedIn', () => {
  it('names the library the loader could not open, not the one that asked for it', () => {
    expect(libraryNamedIn(SHARED_MISSING)).toBe('libonnxruntime_providers_shared.so');
    expect(libraryNamedIn(CUBLAS_MISSING)).toBe('libcublasLt.so.12');
    expect(libraryNamedIn(WINDOWS)).toBe('onnxruntime_providers_cuda.dll');
  });

  it('finds nothing in the JavaScript error, which ORT words without a file name', () => {
    expect(libraryNamedIn('OrtSessionOptionsAppendExecutionProvider_Cuda: Failed to load shared library')).toBeUndefined();
  });
});

describe.runIf(process.platform === 'linux')('diagnoseCuda', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cnnkit-ort-bin-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the provider libraries missing beside the binding (the CPU-only install)', () => {
    const d = diagnoseCuda(dir, 'OrtSessionOptionsAppendExecutionProvider_Cuda: Failed to load shared library');
    expect(d.missing).toEqual(['libonnxruntime_providers_shared.so', 'libonnxruntime_providers_cuda.so']);
    expect(d.summary).toContain(`missing libonnxruntime_providers_shared.so, libonnxruntime_providers_cuda.so (not in ${dir})`);
    expect(d.summary).toContain('ONNX Runtime said: OrtSessionOptionsAppendExecutionProvider_Cuda: Failed to load shared library');
  });

  it("puts the library named in ORT's error first", () => {
    writeFileSync(path.join(dir, 'libonnxruntime_providers_shared.so'), '');
    writeFileSync(path.join(dir, 'libonnxruntime_providers_cuda.so'), '');
    // Both files exist (empty: ldd finds no dependencies to report), so the name can only come from the message.
    const d = diagnoseCuda(dir, CUBLAS_MISSING);
    expect(d.missing[0]).toBe('libcublasLt.so.12');
    expect(d.summary).toMatch(/^the CUDA execution provider is unavailable: missing libcublasLt\.so\.12/);
  });
});
