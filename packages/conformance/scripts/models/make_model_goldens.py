"""PyTorch's logits for every zoo model on seeded weights: writes src/cases/golden/models.json.

    cd packages/conformance/scripts/models && /usr/bin/python3 make_model_goldens.py

Each case builds the model in PyTorch -- torchvision.models.* for VGG and the ImageNet ResNets,
the classes below for LeNet-5, the CIFAR ResNets and TextCNN (torchvision has none; they follow
the papers and cnnkit's documented definitions in packages/core/src/zoo) -- loads the seeded
state dict of seeded_weights.py with load_state_dict(strict=True), so every key, shape and dtype
must match, and runs it in eval mode on a seeded input. Only the seeds and the logits are written:
src/cases/models/index.ts rebuilds the same weights and input with core's seededStateDict.

The logits are computed in float64 on the same float32 weights and inputs (model.double()), then
rounded to float32: an exact reference that both float32 implementations approximate. The script
prints how far PyTorch's own float32 run lands from it, which is what the cases' tolerance
(rtol 1e-4, atol 1e-4) must leave room for.
"""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F
import torchvision
from torch import nn

import seeded_weights as sw

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, '..', '..', 'src', 'cases', 'golden', 'models.json'))


class LeNet5(nn.Module):
    """LeNet-5 with ReLU and max pooling; conv1 pads 2 on 28x28 input so conv2 sees 14x14 either way."""

    def __init__(self, input_size=28, num_classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2 if input_size == 28 else 0)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, num_classes)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        return self.fc3(F.relu(self.fc2(F.relu(self.fc1(x)))))


class CifarBlock(nn.Module):
    """He et al. 2016 section 4.2: two 3x3 convs; option A shortcut: x[:, :, ::s, ::s], zero-padded channels."""

    def __init__(self, in_planes, planes, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(in_planes, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.stride = stride
        self.extra = planes - in_planes

    def forward(self, x):
        out = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x)))))
        shortcut = x[:, :, ::self.stride, ::self.stride]
        if self.extra:
            zeros = shortcut.new_zeros(shortcut.shape[0], self.extra, *shortcut.shape[2:])
            shortcut = torch.cat([shortcut, zeros], 1)
        return F.relu(out + shortcut)


class CifarResNet(nn.Module):
    def __init__(self, depth, num_classes=10):
        super().__init__()
        n = (depth - 2) // 6
        self.conv1 = nn.Conv2d(3, 16, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(16)
        self.layer1 = self._stage(16, 16, n, 1)
        self.layer2 = self._stage(16, 32, n, 2)
        self.layer3 = self._stage(32, 64, n, 2)
        self.fc = nn.Linear(64, num_classes)

    @staticmethod
    def _stage(in_planes, planes, blocks, stride):
        return nn.Sequential(CifarBlock(in_planes, planes, stride), *[CifarBlock(planes, planes) for _ in range(blocks - 1)])

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        x = self.layer3(self.layer2(self.layer1(x)))
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


class TextCnn(nn.Module):
    """Kim 2014: embedding, Conv1d windows 3/4/5 x 100 maps, ReLU, max over time, dropout, fc."""

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


def build(model, options):
    if model == 'lenet5':
        return LeNet5(options.get('inputSize', 28))
    if model in ('resnet20', 'resnet32', 'resnet56'):
        return CifarResNet(int(model[len('resnet'):]))
    if model == 'textCnn':
        return TextCnn()
    return getattr(torchvision.models, model)(**({'num_classes': options['numClasses']} if 'numClasses' in options else {}))


def image(batch, side, channels=3):
    return {'shape': [batch, channels, side, side], 'dtype': 'float32'}


IMAGENET = ['resnet18', 'resnet34', 'resnet50', 'resnet101', 'resnet152']
VGG = ['vgg11', 'vgg11_bn', 'vgg13', 'vgg13_bn', 'vgg16', 'vgg16_bn', 'vgg19', 'vgg19_bn']

# (model, case name, zoo options, input). VGG runs at 64x64 (its features end 2x2 and its
# AdaptiveAvgPool2d(7) averages overlapping bins) with 10 classes, to keep the suite fast and the
# fixture small; vgg11 also runs at its natural 224x224 with 1000 classes, where the pool is the
# identity. VGG at 224 costs 8-20 GMACs per model: minutes for all eight on the cpu backend.
CASES = (
    [('lenet5', '28x28', {}, image(2, 28, 1)), ('lenet5', '32x32', {'inputSize': 32}, image(2, 32, 1))]
    + [(m, '64x64', {'inputSize': 64, 'numClasses': 10}, image(1, 64)) for m in VGG]
    + [('vgg11', '224x224', {}, image(1, 224))]
    + [(m, '224x224', {}, image(1, 224)) for m in IMAGENET]
    + [(m, '32x32', {}, image(2, 32)) for m in ('resnet20', 'resnet32', 'resnet56')]
    + [('textCnn', 'tokens-400', {}, {'shape': [2, 400], 'dtype': 'int32', 'high': 20000})]
)


def f32(values):
    # 9 significant digits round-trip a float32 (the case file reads them into a Float32Array).
    return [float('%.9g' % v) for v in np.asarray(values, dtype=np.float32).reshape(-1)]


def run_case(index, model_name, name, options, inp):
    weight_seed, input_seed = 1000 + index, 2000 + index
    torch.manual_seed(0)  # only for the init that the seeded weights then replace
    model = sw.load_seeded(build(model_name, options), weight_seed).eval()
    if inp['dtype'] == 'int32':
        x = torch.from_numpy(sw.seeded_tokens(inp['shape'], input_seed, inp['high']))
        x64 = x
    else:
        x = torch.from_numpy(sw.seeded_input(inp['shape'], input_seed))
        x64 = x.double()
    with torch.no_grad():
        y32 = model(x).numpy()
        y64 = model.double()(x64).numpy()
    expected = y64.astype(np.float32)
    diff = np.abs(y32.astype(np.float64) - y64)
    print(f'{model_name:10s} {name:10s} logits std {y64.std():8.3f}  absmax {np.abs(y64).max():8.3f}  '
          f'torch float32 vs float64: max abs {diff.max():.2e}, max rel-to-scale {diff.max() / np.abs(y64).max():.2e}', flush=True)
    input_json = {'shape': inp['shape'], 'dtype': inp['dtype'], 'seed': input_seed}
    if 'high' in inp:
        input_json['high'] = inp['high']
    return {
        'name': name,
        'model': model_name,
        'options': options,
        'weightSeed': weight_seed,
        'input': input_json,
        'expected': {'dtype': 'float32', 'shape': list(expected.shape), 'data': f32(expected)},
        'torchFloat32MaxAbsDiff': float('%.3g' % diff.max()),
    }


def main():
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    cases = [run_case(i, *c) for i, c in enumerate(CASES)]
    golden = {
        'generator': 'scripts/models/make_model_goldens.py',
        'torch': torch.__version__,
        'torchvision': torchvision.__version__,
        'recipeVersion': sw.RECIPE_VERSION,
        'reference': 'float64 forward on the float32 seeded weights and input, rounded to float32',
        'cases': cases,
    }
    with open(OUT, 'w') as f:
        json.dump(golden, f, separators=(',', ':'))
        f.write('\n')
    print(f'wrote {OUT} ({os.path.getsize(OUT)} bytes)')


if __name__ == '__main__':
    main()
