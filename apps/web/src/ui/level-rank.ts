/** Order of levels when sorting: unknown sorts below none (nothing known is not good news either). */
import type { Level } from '@peerbridge/domain';

export const levelRank: Record<Level, number> = { unknown: -1, none: 0, emerging: 1, active: 2, severe: 3 };
