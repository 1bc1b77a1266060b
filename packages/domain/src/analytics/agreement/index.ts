/** Inter-coder agreement: percent agreement, Cohen's kappa, Krippendorff's alpha (incl. unitizing), units and coverage. */
export {
  type AgreementReport,
  type AgreementReportInput,
  type AgreementWarning,
  agreementReport,
  type CoderCoverage,
} from './agreement-report';
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
export { type AgreementUnit, agreementUnitSchema, textUnits, type UnitDocument } from './text-units';
export {
  type UnitizedSpan,
  type UnitizingAlpha,
  type UnitizingInput,
  unitizingAlpha,
} from './unitizing-alpha';
