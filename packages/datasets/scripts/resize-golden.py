"""Expected outputs for src/image-folder/resize.test.ts and load-image-folder.test.ts.

Run with Debian's PyTorch (torch 1.13):
    /usr/bin/python3 packages/datasets/scripts/resize-golden.py > packages/datasets/src/image-folder/fixtures/resize-golden.json

The test images are bytes made by a formula the TypeScript tests repeat:
    byte(c, y, x) = (37*c + 23*y + 11*x + 7*y*x) % 256
scaled to [0, 1] by /255, resized with torch.nn.functional.interpolate(mode='bilinear',
align_corners=False, antialias=False) - what cnnkit's resize claims to match. The grey case
converts with ITU-R 601 luma (0.299 R + 0.587 G + 0.114 B) before resizing.
"""
import json

import torch
import torch.nn.functional as F


def image(height, width):
    data = [[[(37 * c + 23 * y + 11 * x + 7 * y * x) % 256 for x in range(width)] for y in range(height)] for c in range(3)]
    return torch.tensor(data, dtype=torch.float32) / 255


def resize(chw, size):
    out = F.interpolate(chw.unsqueeze(0), size=size, mode='bilinear', align_corners=False, antialias=False)
    return [round(v, 7) for v in out.squeeze(0).flatten().tolist()]


cases = []
for (h, w), size in [((5, 7), (3, 4)), ((3, 4), (5, 7)), ((4, 6), (4, 3)), ((2, 2), (1, 1))]:
    cases.append({'input': [h, w], 'size': list(size), 'channels': 3, 'expected': resize(image(h, w), size)})
rgb = image(5, 7)
grey = (0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]).unsqueeze(0)
cases.append({'input': [5, 7], 'size': [3, 4], 'channels': 1, 'expected': resize(grey, (3, 4))})
print(json.dumps({'torch': torch.__version__, 'cases': cases}, indent=1))
