/** A compact, list-friendly view of one assessment (levels, strain, findings), as caseload and history show it; the cards stay on the PSW page. */
import type { Assessment } from '@peerbridge/domain';

export interface AssessmentSummary {
  conflicts: {
    [K in keyof Assessment['conflicts']]: {
      level: Assessment['conflicts'][K]['level'];
      severity: number | null;
      trend: Assessment['conflicts'][K]['trend'];
    };
  };
  strain: { level: Assessment['strain']['level']; value: number | null };
  findings: string[];
  observationsInWindow: number;
  overallConfidence: number;
}

export function summarizeAssessment(a: Assessment): AssessmentSummary {
  return {
    conflicts: {
      friend_vs_professional: {
        level: a.conflicts.friend_vs_professional.level,
        severity: a.conflicts.friend_vs_professional.severity,
        trend: a.conflicts.friend_vs_professional.trend,
      },
      staff_member_vs_expert_by_experience: {
        level: a.conflicts.staff_member_vs_expert_by_experience.level,
        severity: a.conflicts.staff_member_vs_expert_by_experience.severity,
        trend: a.conflicts.staff_member_vs_expert_by_experience.trend,
      },
    },
    strain: { level: a.strain.level, value: a.strain.value },
    findings: a.findings.map((f) => f.id),
    observationsInWindow: a.observationsInWindow,
    overallConfidence: a.overallConfidence,
  };
}
