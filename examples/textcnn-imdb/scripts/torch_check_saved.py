#!/usr/bin/python3
"""Loads the example's saved run (out/textcnn-imdb.safetensors + vocabulary.json + summary.json) into
the PyTorch TextCnn of torch_textcnn_sweep.py with load_state_dict(strict=True) and scores it on all
50,000 reviews. cnnkit's split is not reproducible in NumPy, so this checks that the files are a
PyTorch model with the same names and shapes that classifies IMDB as cnnkit said: on all reviews,
half of them its training set, PyTorch's accuracy must be at least cnnkit's test accuracy.

Usage: /usr/bin/python3 scripts/torch_check_saved.py [out]
"""
import json
import os
import struct
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_textcnn_sweep import TextCnn, encode, find_reviews, tokenize  # noqa: E402


def read_safetensors(path):
    """The safetensors layout: u64 header length, JSON header, raw little-endian data."""
    with open(path, 'rb') as f:
        blob = f.read()
    (n,) = struct.unpack('<Q', blob[:8])
    header = json.loads(blob[8 : 8 + n])
    body = blob[8 + n :]
    kinds = {'F32': np.float32, 'I32': np.int32, 'I64': np.int64}
    out = {}
    for name, info in header.items():
        if name == '__metadata__':
            continue
        start, end = info['data_offsets']
        out[name] = torch.from_numpy(np.frombuffer(body[start:end], dtype=kinds[info['dtype']]).reshape(info['shape']).copy())
    return out


def main():
    torch.set_num_threads(1)
    out = sys.argv[1] if len(sys.argv) > 1 else 'out'
    summary = json.load(open(os.path.join(out, 'summary.json')))
    o = summary['options']
    tokens = json.load(open(os.path.join(out, 'vocabulary.json')))['tokens']
    vocab = {t: i for i, t in enumerate(tokens) if i >= 2}
    model = TextCnn(len(tokens), o['embeddingDim'], o['featureMaps'], o['windows'], 0.5)
    model.load_state_dict(read_safetensors(os.path.join(out, 'textcnn-imdb.safetensors')), strict=True)
    model.eval()
    reviews = json.load(open(find_reviews()))
    x = torch.from_numpy(encode([tokenize(r['t']) for r in reviews], vocab, o['sequenceLength'], 'pre'))
    y = torch.tensor([r['s'] for r in reviews])
    with torch.no_grad():
        predicted = torch.cat([model(x[s : s + 1000]).argmax(1) for s in range(0, len(x), 1000)])
    acc = (predicted == y).float().mean().item()
    test = summary['test']['accuracy']
    print(f"PyTorch, all {len(y)} reviews: {acc:.4f}; cnnkit's test accuracy {test:.4f}; so PyTorch on the training half ~ {2 * acc - test:.4f}")
    if acc < test:
        sys.exit('the saved weights classify worse in PyTorch than cnnkit reported')


if __name__ == '__main__':
    main()
