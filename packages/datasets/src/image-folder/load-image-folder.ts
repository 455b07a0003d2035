import type { Dirent } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { CnnkitError } from '@cnnkit/core';
import type { ImageDataset } from '../mnist/mnist';
import { decodeJpeg, isJpeg } from './decode-jpeg';
import { decodePng, isPng } from './decode-png';
import type { DecodedImage } from './decoded-image';
import { resizeBilinear } from './resize';

export interface ImageFolderOptions {
  /** 3 for RGB (default), 1 for grey by ITU-R 601 luma: 0.299 R + 0.587 G + 0.114 B. */
  readonly channels?: 1 | 3;
  /** Resize every image to [height, width] (bilinear, like torch's interpolate with align_corners=false). */
  readonly size?: readonly [height: number, width: number];
  /** Keep at most this many images, taken round-robin across the classes so each keeps its share. */
  readonly limit?: number;
}

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg']);

/**
 * Images in `root/<class>/<file>`, one sub-folder per class, like torchvision's ImageFolder:
 * classes are the sub-folder names sorted (label = index in that order), files are read in
 * sorted order. Files ending in .png, .jpg or .jpeg (any case) are decoded by their content
 * (PNG or JPEG signature); other files, hidden files and nested folders are ignored. Alpha is
 * dropped. Without `size`, all images must share one size. Pixels come as float32 [0, 1], NCHW.
 */
export async function loadImageFolder(root: string, options: ImageFolderOptions = {}): Promise<ImageDataset> {
  const where = 'loadImageFolder';
  const channels = options.channels ?? 3;
  if (channels !== 1 && channels !== 3) throw new CnnkitError('INVALID_ARGUMENT', `${where}: channels is ${String(channels)}; expected 1 or 3`);
  if (options.size !== undefined && !(options.size.length === 2 && options.size.every((d) => Number.isInteger(d) && d >= 1))) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: size is ${JSON.stringify(options.size)}; expected [height, width], two positive integers`);
  }
  if (options.limit !== undefined && !(Number.isInteger(options.limit) && options.limit >= 0)) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: limit is ${options.limit}; expected a non-negative integer`);
  }

  const classFolders = (await listFolder(root)).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort(byCodeUnits);
  if (classFolders.length === 0) throw new CnnkitError('IO', `${where}: ${root} has no sub-folders; expected one sub-folder of images per class (root/<class>/<image>.png)`, { root });
  const filesPerClass: string[][] = [];
  for (const name of classFolders) {
    const folder = path.join(root, name);
    const files = (await listFolder(folder))
      .filter((e) => e.isFile() && !e.name.startsWith('.') && IMAGE_EXTENSIONS.has(path.extname(e.name).toLowerCase()))
      .map((e) => e.name)
      .sort(byCodeUnits)
      .map((file) => path.join(folder, file));
    if (files.length === 0) throw new CnnkitError('IO', `${where}: class folder ${folder} holds no .png, .jpg or .jpeg files; expected at least one image per class`, { folder });
    filesPerClass.push(files);
  }

  const kept = options.limit === undefined ? filesPerClass : roundRobinTake(filesPerClass, options.limit);
  const count = kept.reduce((n, files) => n + files.length, 0);
  const labels = new Int32Array(count);
  let images = new Float32Array(0);
  let shape: [number, number, number] | undefined;
  let shapeFrom = '';
  let index = 0;
  for (const [label, files] of kept.entries()) {
    for (const file of files) {
      let pixels = toPlanar(decodeImage(new Uint8Array(await readFile(file)), file), channels);
      let pictureShape: [number, number, number] = [channels, pixels.height, pixels.width];
      if (options.size !== undefined) {
        pixels = { height: options.size[0], width: options.size[1], data: resizeBilinear(pixels.data, pictureShape, options.size) };
        pictureShape = [channels, pixels.height, pixels.width];
      }
      if (shape === undefined) {
        shape = pictureShape;
        shapeFrom = file;
        images = new Float32Array(count * channels * pixels.height * pixels.width);
      } else if (shape[1] !== pictureShape[1] || shape[2] !== pictureShape[2]) {
        throw new CnnkitError(
          'SHAPE_MISMATCH',
          `${where}: ${file} is ${pictureShape[2]}×${pictureShape[1]} (width×height) but ${shapeFrom} is ${shape[2]}×${shape[1]}; expected one size for all images, or pass the size option to resize them`,
          { file },
        );
      }
      images.set(pixels.data, index * pixels.data.length);
      labels[index] = label;
      index++;
    }
  }
  return { images, labels, count, shape: shape ?? [channels, options.size?.[0] ?? 0, options.size?.[1] ?? 0], classes: classFolders };
}

async function listFolder(folder: string): Promise<Dirent[]> {
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch (error) {
    throw new CnnkitError('IO', `loadImageFolder: cannot list ${folder} (${(error as Error).message}); expected a readable folder`, { folder }, { cause: error });
  }
}

function decodeImage(bytes: Uint8Array, file: string): DecodedImage {
  if (isPng(bytes)) return decodePng(bytes, file);
  if (isJpeg(bytes)) return decodeJpeg(bytes, file);
  throw new CnnkitError('IO', `loadImageFolder: ${file} starts with neither the PNG nor the JPEG signature; expected a PNG or JPEG image`, { file });
}

/** RGBA bytes -> planar float [c, h, w] in [0, 1]; grey by ITU-R 601 luma. Alpha is dropped. */
function toPlanar(image: DecodedImage, channels: 1 | 3): { height: number; width: number; data: Float32Array } {
  const { width, height, rgba } = image;
  const plane = width * height;
  const data = new Float32Array(channels * plane);
  for (let p = 0; p < plane; p++) {
    const r = rgba[4 * p]! / 255;
    const g = rgba[4 * p + 1]! / 255;
    const b = rgba[4 * p + 2]! / 255;
    if (channels === 1) {
      data[p] = 0.299 * r + 0.587 * g + 0.114 * b;
    } else {
      data[p] = r;
      data[plane + p] = g;
      data[2 * plane + p] = b;
    }
  }
  return { height, width, data };
}

/** The first `limit` files visiting classes in turn; each class keeps its files' order. */
function roundRobinTake(filesPerClass: readonly string[][], limit: number): string[][] {
  const taken = filesPerClass.map(() => 0);
  let total = 0;
  for (let round = 0; total < limit; round++) {
    let progressed = false;
    for (let c = 0; c < filesPerClass.length && total < limit; c++) {
      if (round < filesPerClass[c]!.length) {
        taken[c]!++;
        total++;
        progressed = true;
      }
    }
    if (!progressed) break;
  }
  return filesPerClass.map((files, c) => files.slice(0, taken[c]));
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
