/**
 * Actions that get done (ADR 0030): an action names the catalog card it came from, so its title is
 * read from the catalog in the viewer's language (`title` holds only a title someone typed); it may
 * be for a team (`owner_unit_id`) with an accountable member; closing it records an outcome and an
 * optional note; every assignment, close and reopen is a row of `action_item_event`, never rewritten.
 *
 * `action_item` is rebuilt (create, copy, drop, rename) because `title` becomes nullable, which
 * SQLite cannot alter in place; the same steps run on PostgreSQL so both dialects end up alike.
 * Frozen: never import app code here.
 */
import { type Kysely, sql } from 'kysely';

/**
 * The English and Czech card summaries as the catalog held them when this migration was written: an
 * existing action whose title is one of them took it from the catalog (the portal sent the summary in
 * the viewer's language), so it becomes a catalog-titled action. Any other title was typed by
 * someone and is kept.
 */
const catalogSummaries: Record<string, readonly string[]> = {
  regular_supervision: [
    'Supervision has lapsed. Set up regular sessions, at least monthly, with a supervisor who knows peer work.',
    'Supervize se nekoná. Zajistěte pravidelná setkání, alespoň jednou měsíčně, se supervizorem, který peer práci rozumí.',
  ],
  supervision_focus_boundaries: [
    'Make boundaries with clients a topic in the next supervision: contact after hours, private channels, friendship.',
    'Na příští supervizi otevřete téma hranic s klienty: kontakt po pracovní době, soukromé kanály, přátelství.',
  ],
  boundary_strategies: [
    'Try simple boundary habits: a work phone only, phone off after hours, and time that belongs to you.',
    'Vyzkoušejte jednoduché návyky pro hranice: jen pracovní telefon, vypnutý telefon po práci a čas jen pro sebe.',
  ],
  psychotherapy_access: [
    'Offer peer workers access to psychotherapy or counselling of their own, outside their line management.',
    'Nabídněte peer pracovníkům přístup k vlastní psychoterapii nebo poradenství mimo jejich přímé vedení.',
  ],
  supervision_focus_team_position: [
    "Discuss the PSW's place in the team in supervision: inclusion, information, and how colleagues treat them.",
    'Proberte na supervizi postavení pracovníka v týmu: zapojení, informovanost a to, jak s ním kolegové jednají.',
  ],
  team_education: [
    'Train the team on what peer workers do and how to work alongside them as equal colleagues.',
    'Proškolte tým v tom, co peer pracovníci dělají a jak s nimi spolupracovat jako s rovnocennými kolegy.',
  ],
  equal_working_conditions: [
    'Give the PSW the same conditions as colleagues: a workplace, team meeting invitations and client information.',
    'Dejte pracovníkovi stejné podmínky jako kolegům: pracovní místo, pozvánky na porady a informace o klientech.',
  ],
  define_psw_position: [
    'Write down the peer worker position: purpose, tasks, limits, and where it sits in the team.',
    'Popište písemně pozici peer pracovníka: smysl, úkoly, hranice a její místo v týmu.',
  ],
  destigmatization: [
    'Address stigma among staff: how colleagues talk about service users and about peer workers.',
    'Zaměřte se na stigma mezi personálem: jak kolegové mluví o klientech i o peer pracovnících.',
  ],
  protect_peer_relationship: [
    'The PSW works mostly as a professional. Help them keep the equal, experience-based bond with clients.',
    'Pracovník působí hlavně jako profesionál. Pomozte mu udržet rovný vztah s klienty založený na vlastní zkušenosti.',
  ],
  wellbeing_check: [
    "Check in on the PSW's wellbeing: workload, stress and rest. Agree on concrete relief if needed.",
    'Zeptejte se pracovníka, jak se mu daří: zátěž, stres a odpočinek. V případě potřeby domluvte konkrétní úlevu.',
  ],
  role_clarity_conversation: [
    'Talk with the PSW about what is expected of them, and agree on their tasks and limits.',
    'Promluvte si s pracovníkem o tom, co se od něj očekává, a domluvte jeho úkoly a hranice.',
  ],
  structured_check_in: [
    'There is too little recent evidence to judge. Run a structured check-in and record what you learn.',
    'Nedávných podkladů je na posouzení příliš málo. Proveďte strukturovaný rozhovor a zaznamenejte zjištění.',
  ],
  keep_going: [
    'No concerns stand out. Keep the current supervision rhythm and acknowledge what works.',
    'Nic znepokojivého se neukazuje. Udržte současný rytmus supervize a oceňte, co funguje.',
  ],
};

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('action_item_next')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('peer_worker_id', 'text', (c) => c.notNull().references('peer_worker.id').onDelete('cascade'))
    .addColumn('card_response_id', 'text', (c) => c.references('card_response.id').onDelete('cascade'))
    /** The catalog card the action came from: its title is the card's summary, in the viewer's language. */
    .addColumn('card_id', 'text')
    /** A title someone typed; null when the catalog gives it. */
    .addColumn('title', 'text')
    /** The member who answers for it (for a team action too). */
    .addColumn('owner_user_id', 'text', (c) => c.notNull().references('user.id').onDelete('restrict'))
    /** Set when the action is for the team of this unit. */
    .addColumn('owner_unit_id', 'text', (c) => c.references('unit.id').onDelete('restrict'))
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    /** How it ended: done, not_needed or did_not_help; null while open. */
    .addColumn('outcome', 'text')
    .addColumn('outcome_note', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('completed_by', 'text', (c) => c.references('user.id').onDelete('restrict'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('action_item_status', sql`status in ('open', 'done')`)
    .addCheckConstraint(
      'action_item_outcome',
      sql`outcome is null or outcome in ('done', 'not_needed', 'did_not_help')`,
    )
    .addCheckConstraint(
      'action_item_closed_with_outcome',
      sql`(status = 'done' and completed_at is not null and outcome is not null)
        or (status = 'open' and completed_at is null and outcome is null and outcome_note is null and completed_by is null)`,
    )
    .addCheckConstraint('action_item_has_title', sql`card_id is not null or title is not null`)
    .execute();

  // Existing rows: the card they came from, and "done" as the outcome of those already done (the
  // only outcome there was).
  await sql`
    insert into action_item_next
      (id, organization_id, peer_worker_id, card_response_id, card_id, title, owner_user_id,
       owner_unit_id, due_on, status, outcome, outcome_note, completed_at, completed_by, created_at)
    select i.id, i.organization_id, i.peer_worker_id, i.card_response_id, r.card_id, i.title,
       i.owner_user_id, null, i.due_on, i.status,
       case when i.status = 'done' then 'done' else null end, null, i.completed_at, null, i.created_at
    from action_item i left join card_response r on r.id = i.card_response_id`.execute(db);
  for (const [cardId, summaries] of Object.entries(catalogSummaries))
    for (const summary of summaries)
      await db
        .updateTable('action_item_next')
        .set({ title: null })
        .where('card_id', '=', cardId)
        .where('title', '=', summary)
        .execute();

  await db.schema.dropTable('action_item').execute();
  await db.schema.alterTable('action_item_next').renameTo('action_item').execute();
  await db.schema
    .createIndex('action_item_worker_status_idx')
    .on('action_item')
    .columns(['organization_id', 'peer_worker_id', 'status'])
    .execute();
  await db.schema
    .createIndex('action_item_card_response_idx')
    .on('action_item')
    .column('card_response_id')
    .execute();
  await db.schema
    .createIndex('action_item_owner_idx')
    .on('action_item')
    .columns(['organization_id', 'owner_user_id', 'status'])
    .execute();

  await db.schema
    .createTable('action_item_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('action_item_id', 'text', (c) => c.notNull().references('action_item.id').onDelete('cascade'))
    /** assigned (created or handed on), closed, reopened. */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text')
    .addColumn('owner_unit_id', 'text')
    .addColumn('due_on', 'text')
    .addColumn('outcome', 'text')
    .addColumn('note', 'text')
    .addColumn('actor_user_id', 'text', (c) => c.notNull().references('user.id').onDelete('restrict'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addCheckConstraint('action_item_event_kind', sql`kind in ('assigned', 'closed', 'reopened')`)
    .addCheckConstraint(
      'action_item_event_outcome',
      sql`(kind = 'closed' and outcome in ('done', 'not_needed', 'did_not_help')) or (kind <> 'closed' and outcome is null)`,
    )
    .execute();
  await db.schema
    .createIndex('action_item_event_item_idx')
    .on('action_item_event')
    .columns(['action_item_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('action_item_event').execute();
  await db.schema
    .createTable('action_item_prev')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('peer_worker_id', 'text', (c) => c.notNull().references('peer_worker.id').onDelete('cascade'))
    .addColumn('card_response_id', 'text', (c) => c.references('card_response.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.notNull().references('user.id').onDelete('restrict'))
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('completed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('action_item_status', sql`status in ('open', 'done')`)
    .addCheckConstraint(
      'action_item_completed_when_done',
      sql`(status = 'done' and completed_at is not null) or (status = 'open' and completed_at is null)`,
    )
    .execute();
  await sql`
    insert into action_item_prev
      (id, organization_id, peer_worker_id, card_response_id, title, owner_user_id, due_on, status,
       completed_at, created_at)
    select id, organization_id, peer_worker_id, card_response_id, coalesce(title, card_id), owner_user_id,
       due_on, status, completed_at, created_at
    from action_item`.execute(db);
  await db.schema.dropTable('action_item').execute();
  await db.schema.alterTable('action_item_prev').renameTo('action_item').execute();
  await db.schema
    .createIndex('action_item_worker_status_idx')
    .on('action_item')
    .columns(['organization_id', 'peer_worker_id', 'status'])
    .execute();
  await db.schema
    .createIndex('action_item_card_response_idx')
    .on('action_item')
    .column('card_response_id')
    .execute();
}
