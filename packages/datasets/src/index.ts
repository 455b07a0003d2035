export { type IdxArray, parseIdx } from './idx/read-idx';
export { type IdxBytes, type ImageDataset, type Split, idxPairToDataset, loadIdxPair, loadMnist, mnistDataDir } from './mnist/mnist';
export { FASHION_MNIST_CLASSES, fashionMnistDataDir, loadFashionMnist } from './fashion-mnist/fashion-mnist';
export { IMDB_CLASSES, type LoadImdbOptions, type TextDataset, loadImdb } from './imdb/load-imdb';
export { tokenize } from './imdb/tokenize';
export { Vocabulary, type VocabularyBuildOptions, type VocabularyJson } from './imdb/vocabulary';
export { type PadSequencesOptions, padSequences } from './imdb/pad-sequences';
export { type ImageFolderOptions, loadImageFolder } from './image-folder/load-image-folder';
export { resizeBilinear } from './image-folder/resize';
