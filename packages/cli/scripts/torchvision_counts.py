"""Parameter counts and MACs of torchvision's VGG and ResNet models (Debian's python3-torchvision).

The truth `cnnkit models` is tested against: parameters as torch counts them (sum of numel over
model.parameters(), buffers excluded) and multiply-accumulates of one 3x224x224 sample counted by
forward hooks with the fvcore / ptflops convention: a conv's output elements x (in / groups) x
kernel area, a linear's output elements x in_features; nothing else (bias, BN, pools) counts.

Run: cd packages/cli/scripts && /usr/bin/python3 torchvision_counts.py
Writes: packages/cli/src/models/torchvision-counts.json
"""
import json
import os

import torch
import torchvision

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, '..', 'src', 'models', 'torchvision-counts.json'))
NAMES = ['vgg11', 'vgg11_bn', 'vgg13', 'vgg13_bn', 'vgg16', 'vgg16_bn', 'vgg19', 'vgg19_bn',
         'resnet18', 'resnet34', 'resnet50', 'resnet101', 'resnet152']


def counts(name):
    model = getattr(torchvision.models, name)().eval()
    macs = [0]

    def hook(module, _inputs, output):
        if isinstance(module, torch.nn.Conv2d):
            kh, kw = module.kernel_size
            macs[0] += output.numel() * (module.in_channels // module.groups) * kh * kw
        elif isinstance(module, torch.nn.Linear):
            macs[0] += output.numel() * module.in_features

    for module in model.modules():
        if isinstance(module, (torch.nn.Conv2d, torch.nn.Linear)):
            module.register_forward_hook(hook)
    with torch.no_grad():
        model(torch.zeros(1, 3, 224, 224))
    return {'parameters': sum(p.numel() for p in model.parameters()), 'macs': macs[0]}


def main():
    table = {name: counts(name) for name in NAMES}
    header = {'generator': 'packages/cli/scripts/torchvision_counts.py', 'torch': torch.__version__, 'torchvision': torchvision.__version__}
    with open(OUT, 'w') as f:
        json.dump({'header': header, 'models': table}, f, indent=1)
        f.write('\n')
    print(f'wrote {OUT}')


if __name__ == '__main__':
    main()
