/** Inter-coder agreement: percent agreement, Cohen's kappa and Krippendorff's alpha. */
export { type CohenKappaOptions, cohenKappa } from './cohen-kappa';
export {
  type CodeAgreement,
  type IntercoderInput,
  intercoderAgreement,
  type TextUnit,
} from './intercoder-agreement';
export {
  type AlphaLevel,
  type KrippendorffAlphaOptions,
  krippendorffAlpha,
  type ReliabilityMatrix,
} from './krippendorff-alpha';
export { categoriesSchema, type Label, labelSchema } from './labels';
export { percentAgreement } from './percent-agreement';
