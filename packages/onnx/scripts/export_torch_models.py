"""Exports zoo architectures with torch.onnx.export, with a fixed input and PyTorch's output each.

    /usr/bin/python3 export_torch_models.py OUTDIR [names...]

names: lenet5 resnet20 textCnn resnet18 vgg11 (default: all but vgg11). For each NAME it writes
into OUTDIR:
  NAME.onnx          opset 17, dynamic batch axis 'N' on the input and the output
  NAME.input.npy     the fixed input (float32 images, or int64 token ids for textCnn)
  NAME.output.npy    PyTorch's output for it (float32)
and OUTDIR/manifest.json describing them. Nothing is committed: tests generate it in a temp dir.

The models: torchvision's resnet18 and vgg11 at 224x224; plain-torch twins of cnnkit's zoo
(packages/core/src/zoo) for LeNet-5, the CIFAR ResNet-20 (option-A shortcut written as the zoo
writes it: a 1x1 stride-2 average pool, added to the residual's first channels, the rest
concatenated) and TextCNN (nn.Embedding exports as Gather). Weights are PyTorch's own random init,
with BatchNorm's affine parameters and running statistics randomised too (seeded) so that the
normalisation is not the identity. LeNet-5 flattens with x.view(x.size(0), -1), which
torch.onnx.export writes as Shape -> Gather -> Unsqueeze -> Concat -> Reshape.

PyTorch's output is computed in float64 on the same float32 weights and input, then rounded to
float32: a reference both float32 implementations approximate (the float32 run's distance from it
is printed).
"""
import json
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F
import torchvision
from torch import nn

OPSET = 17


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
        x = x.view(x.size(0), -1)
        return self.fc3(F.relu(self.fc2(F.relu(self.fc1(x)))))


class CifarBlock(nn.Module):
    """He et al. 2016 section 4.2, option-A shortcut as packages/core/src/zoo/cifar-resnet.ts writes it."""

    def __init__(self, in_planes, planes, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(in_planes, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.in_planes, self.planes, self.stride = in_planes, planes, stride

    def forward(self, x):
        out = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x)))))
        sub = x if self.stride == 1 else F.avg_pool2d(x, 1, self.stride)
        if self.planes == self.in_planes:
            return F.relu(out + sub)
        head = out[:, :self.in_planes] + sub
        return F.relu(torch.cat([head, out[:, self.in_planes:]], 1))


class CifarResNet(nn.Module):
    def __init__(self, depth=20, num_classes=10):
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
    """Kim 2014 as the zoo's textCnn, smaller: embedding, Conv1d windows 3/4/5, ReLU, max over time, dropout, fc."""

    def __init__(self, vocab_size=1000, embedding_dim=32, num_classes=2, windows=(3, 4, 5), maps=16):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim)
        self.convs = nn.ModuleList([nn.Conv1d(embedding_dim, maps, k) for k in windows])
        self.dropout = nn.Dropout(0.5)
        self.fc = nn.Linear(maps * len(windows), num_classes)

    def forward(self, ids):
        x = self.embedding(ids).transpose(1, 2)
        pooled = [F.relu(conv(x)).amax(dim=2) for conv in self.convs]
        return self.fc(self.dropout(torch.cat(pooled, 1)))


def images(rng, batch, channels, side):
    return rng.standard_normal((batch, channels, side, side)).astype(np.float32)


# name -> (build, input maker, description)
MODELS = {
    'lenet5': (LeNet5, lambda rng: images(rng, 2, 1, 28), 'LeNet-5 (zoo layout, 1x28x28, view(x.size(0), -1))'),
    'resnet20': (CifarResNet, lambda rng: images(rng, 2, 3, 32), 'CIFAR ResNet-20 (option-A shortcut as the zoo)'),
    'textCnn': (TextCnn, lambda rng: rng.integers(0, 1000, size=(2, 24)).astype(np.int64), 'TextCNN (vocab 1000, dim 32, 16 maps, 24 tokens)'),
    'resnet18': (torchvision.models.resnet18, lambda rng: images(rng, 2, 3, 224), 'torchvision resnet18 at 224x224'),
    'vgg11': (torchvision.models.vgg11, lambda rng: images(rng, 1, 3, 224), 'torchvision vgg11 at 224x224'),
}
DEFAULT = ['lenet5', 'resnet20', 'textCnn', 'resnet18']
# Exported with BatchNormalization nodes kept (the others have them folded into the convs, as
# torch.onnx.export does by default in eval mode), so both forms are covered.
KEEP_BATCH_NORM = {'resnet20'}


def randomise_batch_norms(model, gen):
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.modules.batchnorm._BatchNorm):
                m.weight.uniform_(0.5, 1.5, generator=gen)
                m.bias.uniform_(-0.2, 0.2, generator=gen)
                m.running_mean.uniform_(-0.2, 0.2, generator=gen)
                m.running_var.uniform_(0.5, 1.5, generator=gen)


def export(name, outdir, index):
    build, make_input, description = MODELS[name]
    torch.manual_seed(100 + index)
    model = build().eval()
    randomise_batch_norms(model, torch.Generator().manual_seed(200 + index))
    x = make_input(np.random.default_rng(300 + index))
    xt = torch.from_numpy(x)
    path = os.path.join(outdir, f'{name}.onnx')
    # TrainingMode.PRESERVE on an eval-mode model exports inference ops without the eval-mode
    # peephole that fuses BatchNormalization into the preceding Conv: it keeps the BN nodes.
    training = torch.onnx.TrainingMode.PRESERVE if name in KEEP_BATCH_NORM else torch.onnx.TrainingMode.EVAL
    torch.onnx.export(model, (xt,), path, opset_version=OPSET, input_names=['input'], output_names=['output'],
                      dynamic_axes={'input': {0: 'N'}, 'output': {0: 'N'}}, do_constant_folding=True, training=training)
    with torch.no_grad():
        y32 = model(xt).numpy()
        y64 = model.double()(xt if x.dtype == np.int64 else xt.double()).numpy()
    y = y64.astype(np.float32)
    np.save(os.path.join(outdir, f'{name}.input.npy'), x)
    np.save(os.path.join(outdir, f'{name}.output.npy'), y)
    scale = float(np.abs(y).max())
    print(f'{name}: {path} ({os.path.getsize(path)} bytes), float32 run off the float64 reference by '
          f'{float(np.abs(y32 - y).max()):.2e} (scale {scale:.3f})')
    return {'name': name, 'description': description, 'onnx': f'{name}.onnx', 'input': f'{name}.input.npy',
            'output': f'{name}.output.npy', 'inputShape': list(x.shape), 'inputDtype': str(x.dtype),
            'outputShape': list(y.shape)}


def main(argv):
    if len(argv) < 1:
        sys.exit(f'usage: {sys.argv[0]} OUTDIR [{"|".join(MODELS)} ...]')
    outdir, names = argv[0], argv[1:] or DEFAULT
    unknown = [n for n in names if n not in MODELS]
    if unknown:
        sys.exit(f'unknown model(s) {unknown}; expected some of {list(MODELS)}')
    os.makedirs(outdir, exist_ok=True)
    entries = [export(n, outdir, list(MODELS).index(n)) for n in names]
    manifest = {'opset': OPSET, 'torch': torch.__version__, 'torchvision': torchvision.__version__, 'models': entries}
    with open(os.path.join(outdir, 'manifest.json'), 'w') as f:
        json.dump(manifest, f, indent=1)


if __name__ == '__main__':
    main(sys.argv[1:])
