/** Supervisors' answers to recommendation cards, and how often each card was accepted or overridden. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { CardDecision } from '../tables/supervision.table';
import { assertWorkerInOrganization } from './organization-scope';
import { nowTimestamp } from './timestamps';

export interface CardResponseRecord {
  id: string;
  organizationId: string;
  peerWorkerId: string;
  cardId: string;
  asOf: string;
  decision: CardDecision;
  reason: string | null;
  respondedBy: string;
  respondedAt: string;
}

export interface NewCardResponseInput {
  id?: string;
  peerWorkerId: string;
  cardId: string;
  asOf: string;
  decision: CardDecision;
  /** Required (not blank) when the decision is `overridden`. */
  reason?: string | null;
  respondedBy: string;
}

export interface CardResponseCount {
  cardId: string;
  accepted: number;
  overridden: number;
}

const columns = [
  'id',
  'organization_id as organizationId',
  'peer_worker_id as peerWorkerId',
  'card_id as cardId',
  'as_of as asOf',
  'decision',
  'reason',
  'responded_by as respondedBy',
  'responded_at as respondedAt',
] as const;

export async function recordCardResponse(
  db: Kysely<Database>,
  organizationId: string,
  input: NewCardResponseInput,
): Promise<CardResponseRecord> {
  const reason = input.reason?.trim() || null;
  if (input.decision === 'overridden' && reason === null) {
    throw new Error(`Card ${input.cardId}: overriding a card needs a reason`);
  }
  await assertWorkerInOrganization(db, organizationId, input.peerWorkerId);
  const record: CardResponseRecord = {
    id: input.id ?? randomUUID(),
    organizationId,
    peerWorkerId: input.peerWorkerId,
    cardId: input.cardId,
    asOf: input.asOf,
    decision: input.decision,
    reason,
    respondedBy: input.respondedBy,
    respondedAt: nowTimestamp(),
  };
  await db
    .insertInto('card_response')
    .values({
      id: record.id,
      organization_id: organizationId,
      peer_worker_id: record.peerWorkerId,
      card_id: record.cardId,
      as_of: record.asOf,
      decision: record.decision,
      reason: record.reason,
      responded_by: record.respondedBy,
      responded_at: record.respondedAt,
    })
    .execute();
  return record;
}

/** Responses for one worker (newest first), optionally for one card. */
export async function listCardResponses(
  db: Kysely<Database>,
  organizationId: string,
  filter: { peerWorkerId?: string; cardId?: string } = {},
): Promise<CardResponseRecord[]> {
  let query = db.selectFrom('card_response').select(columns).where('organization_id', '=', organizationId);
  if (filter.peerWorkerId !== undefined) query = query.where('peer_worker_id', '=', filter.peerWorkerId);
  if (filter.cardId !== undefined) query = query.where('card_id', '=', filter.cardId);
  return query.orderBy('responded_at', 'desc').orderBy('id', 'desc').execute();
}

/** Per card: how often it was accepted and overridden in the organisation (the rule's usefulness). */
export async function countCardResponses(
  db: Kysely<Database>,
  organizationId: string,
): Promise<CardResponseCount[]> {
  const rows = await db
    .selectFrom('card_response')
    .select((eb) => [
      'card_id as cardId',
      eb.fn.sum<number>(eb.case().when('decision', '=', 'accepted').then(1).else(0).end()).as('accepted'),
      eb.fn.sum<number>(eb.case().when('decision', '=', 'overridden').then(1).else(0).end()).as('overridden'),
    ])
    .where('organization_id', '=', organizationId)
    .groupBy('card_id')
    .orderBy('card_id')
    .execute();
  return rows.map((r) => ({
    cardId: r.cardId,
    accepted: Number(r.accepted),
    overridden: Number(r.overridden),
  }));
}

/** Per card: how the closed actions from it ended ("was this recommendation useful", ADR 0042). */
export interface CardOutcomeCount {
  cardId: string;
  done: number;
  notNeeded: number;
  didNotHelp: number;
}

/**
 * Per card, the outcomes of its closed actions in the organisation: the actions about one PSW and the
 * team actions alike, optionally only those closed before a day (`YYYY-MM-DD`). Raw counts: whoever shows or exports them applies the small-cell rule first.
 */
export async function countCardOutcomes(
  db: Kysely<Database>,
  organizationId: string,
  options: { closedBefore?: string } = {},
): Promise<CardOutcomeCount[]> {
  const before = options.closedBefore ?? '9999-12-31';
  const closed = db
    .selectFrom('action_item')
    .select(['card_id', 'outcome'])
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'done')
    .where('card_id', 'is not', null)
    .where('completed_at', '<', before)
    .unionAll(
      db
        .selectFrom('team_action')
        .select(['card_id', 'outcome'])
        .where('organization_id', '=', organizationId)
        .where('status', '=', 'done')
        .where('completed_at', '<', before),
    );
  const rows = await db
    .selectFrom(closed.as('c'))
    .select((eb) => [
      'c.card_id as cardId',
      eb.fn.sum<number>(eb.case().when('c.outcome', '=', 'done').then(1).else(0).end()).as('done'),
      eb.fn.sum<number>(eb.case().when('c.outcome', '=', 'not_needed').then(1).else(0).end()).as('notNeeded'),
      eb.fn
        .sum<number>(eb.case().when('c.outcome', '=', 'did_not_help').then(1).else(0).end())
        .as('didNotHelp'),
    ])
    .groupBy('c.card_id')
    .orderBy('c.card_id')
    .execute();
  return rows.map((r) => ({
    cardId: r.cardId as string,
    done: Number(r.done),
    notNeeded: Number(r.notNeeded),
    didNotHelp: Number(r.didNotHelp),
  }));
}
