export { type IdxArray, parseIdx } from './idx/read-idx';
export { type ImageDataset, type Split, loadIdxPair, loadMnist, mnistDataDir } from './mnist/mnist';
