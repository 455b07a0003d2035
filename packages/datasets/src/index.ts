export { type IdxArray, parseIdx } from './idx/read-idx';
export { type IdxBytes, type ImageDataset, type Split, idxPairToDataset, loadIdxPair, loadMnist, mnistDataDir } from './mnist/mnist';
export { FASHION_MNIST_CLASSES, fashionMnistDataDir, loadFashionMnist } from './fashion-mnist/fashion-mnist';
