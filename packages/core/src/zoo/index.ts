// The model zoo: every model by name (MODEL_ZOO, createModel) and each family's classes and factories.
export { type ModelFamily, type ModelSpec, type ZooOptions, MODEL_ZOO, createModel, modelSpec } from './registry';
export type { CommonModelOptions } from './options';
export { LeNet5, type LeNet5Options, lenet5 } from './lenet';
export { VGG, VGG_CONFIGS, type VggConfig, type VggOptions, vgg11, vgg11_bn, vgg13, vgg13_bn, vgg16, vgg16_bn, vgg19, vgg19_bn } from './vgg';
export { ResNet, type ResNetBlock, type ResNetOptions, resnet18, resnet34, resnet50, resnet101, resnet152 } from './resnet';
export { CIFAR_INPUT_SIZE, CifarBasicBlock, CifarResNet, type CifarResNetOptions, resnet20, resnet32, resnet56 } from './cifar-resnet';
export { TEXT_CNN_DEFAULTS, TextCnn, type TextCnnOptions, textCnn } from './text-cnn';
export { type MaxNormConstrained, maxNormConstraint, renormRows } from './max-norm';
export { ModuleList } from './module-list';
export { IMAGENET_INPUT_SIZE, IMAGENET_MIN_INPUT_SIZE } from './image-size';
