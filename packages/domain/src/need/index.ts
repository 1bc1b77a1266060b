/** Caseload by need and the one supervision-due rule. */
export {
  assessNeed,
  attentionReasons,
  compareNeed,
  type Need,
  type NeedInput,
  type NeedRank,
  type NeedReason,
  type NeedReasonCode,
  needReasonCodes,
} from './need-rank';
export { needOverviewText, needReasonText, needSummaryText } from './need-texts';
export { type PluralForms, plural } from './plural';
export {
  type SupervisionState,
  type SupervisionStatus,
  type SupervisionStatusInput,
  supervisionStatus,
} from './supervision-status';
