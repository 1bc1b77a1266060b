/**
 * The audit log becomes a hash chain per organisation (ADR 0008): every event gets its place (`chain`,
 * `seq`), the previous event's hash and its own, plus the actor's name and roles as they were. A chain
 * head row per organisation serialises appends; triggers refuse events that do not fit the chain and a
 * head that moves backwards. Existing events are chained here, in (at, id) order. Frozen: never import
 * app code here (the hash below is a copy of packages/db/src/audit-chain/event-hash.ts at v1).
 */
import { createHash } from 'node:crypto';
import { type Kysely, PostgresAdapter, sql } from 'kysely';

const ALGORITHM = 'peerbridge-audit-v1';

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function genesis(chain: string): string {
  return sha256Hex(JSON.stringify({ algorithm: ALGORITHM, chain }));
}

interface OldRow {
  id: string;
  organization_id: string | null;
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  at: string;
  details: string;
}

function hashOf(r: OldRow, seq: number, prevHash: string, actorName: string | null, roles: string | null) {
  return sha256Hex(
    JSON.stringify({
      action: r.action,
      actorName,
      actorRoles: roles,
      actorUserId: r.actor_user_id,
      algorithm: ALGORITHM,
      at: r.at,
      details: r.details,
      entityId: r.entity_id,
      entityType: r.entity_type,
      id: r.id,
      organizationId: r.organization_id,
      prevHash,
      seq,
    }),
  );
}

async function chainExistingRows(db: Kysely<any>): Promise<void> {
  const names = new Map<string, string>();
  for (const u of await db.selectFrom('user').select(['id', 'name']).execute()) names.set(u.id, u.name);
  const roles = new Map<string, string[]>();
  for (const m of await db
    .selectFrom('membership')
    .select(['organization_id', 'user_id', 'role'])
    .execute()) {
    const key = `${m.organization_id}\u0000${m.user_id}`;
    roles.set(key, [...(roles.get(key) ?? []), m.role]);
  }
  const rows: OldRow[] = await db
    .selectFrom('audit_event')
    .select(['id', 'organization_id', 'actor_user_id', 'action', 'entity_type', 'entity_id', 'at', 'details'])
    .orderBy('at')
    .orderBy('id')
    .execute();
  const heads = new Map<string, { seq: number; hash: string }>();
  for (const r of rows) {
    const chain = r.organization_id ?? '';
    const head = heads.get(chain) ?? { seq: 0, hash: genesis(chain) };
    const seq = head.seq + 1;
    const actorName = r.actor_user_id ? (names.get(r.actor_user_id) ?? null) : null;
    const actorRoles =
      r.actor_user_id && r.organization_id
        ? (roles.get(`${r.organization_id}\u0000${r.actor_user_id}`) ?? []).sort().join(',') || null
        : null;
    const hash = hashOf(r, seq, head.hash, actorName, actorRoles);
    await db
      .updateTable('audit_event')
      .set({ chain, seq, prev_hash: head.hash, hash, actor_name: actorName, actor_roles: actorRoles })
      .where('id', '=', r.id)
      .execute();
    heads.set(chain, { seq, hash });
  }
  for (const [chain, head] of heads) {
    await db.insertInto('audit_chain_head').values({ chain, seq: head.seq, hash: head.hash }).execute();
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .alterTable('audit_event')
    .addColumn('chain', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('audit_event')
    .addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('audit_event')
    .addColumn('prev_hash', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('audit_event')
    .addColumn('hash', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('audit_event').addColumn('actor_name', 'text').execute();
  await db.schema.alterTable('audit_event').addColumn('actor_roles', 'text').execute();
  await db.schema
    .createTable('audit_chain_head')
    .addColumn('chain', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  // The append-only triggers are lifted for the backfill only, inside this migration's transaction.
  if (postgres) {
    await sql`alter table audit_event disable trigger audit_event_append_only`.execute(db);
    await chainExistingRows(db);
    await sql`alter table audit_event enable trigger audit_event_append_only`.execute(db);
  } else {
    await sql`drop trigger audit_event_no_update`.execute(db);
    await chainExistingRows(db);
    await sql`
      create trigger audit_event_no_update before update on audit_event
      begin select raise(abort, 'audit_event is append-only: UPDATE refused'); end`.execute(db);
  }

  await db.schema
    .createIndex('audit_event_chain_seq_idx')
    .on('audit_event')
    .columns(['chain', 'seq'])
    .unique()
    .execute();

  if (postgres) {
    await sql`
      create function audit_event_check_chained() returns trigger language plpgsql as $$
      declare head_seq integer;
      begin
        select seq into head_seq from audit_chain_head where chain = new.chain;
        if new.seq < 1 or length(new.hash) <> 64 or length(new.prev_hash) <> 64
           or head_seq is null or new.seq > head_seq then
          raise exception 'audit_event: event % does not fit the chain (append through the app)', new.id
            using errcode = 'P0001';
        end if;
        return new;
      end
      $$`.execute(db);
    await sql`
      create trigger audit_event_chained_insert before insert on audit_event
      for each row execute function audit_event_check_chained()`.execute(db);
    await sql`
      create function audit_chain_head_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and new.seq >= old.seq and new.chain = old.chain then return new; end if;
        raise exception 'audit_chain_head: % refused (a chain head only moves forward)', tg_op
          using errcode = 'P0001';
      end
      $$`.execute(db);
    await sql`
      create trigger audit_chain_head_forward_only before update or delete on audit_chain_head
      for each row execute function audit_chain_head_guard()`.execute(db);
    await sql`
      create trigger audit_chain_head_no_truncate before truncate on audit_chain_head
      for each statement execute function audit_chain_head_guard()`.execute(db);
  } else {
    await sql`
      create trigger audit_event_chained_insert before insert on audit_event
      when new.seq < 1 or length(new.hash) <> 64 or length(new.prev_hash) <> 64
        or new.seq > coalesce((select seq from audit_chain_head where chain = new.chain), 0)
      begin select raise(abort, 'audit_event: event does not fit the chain (append through the app)'); end`.execute(
      db,
    );
    await sql`
      create trigger audit_chain_head_forward_only before update on audit_chain_head
      when new.seq < old.seq or new.chain <> old.chain
      begin select raise(abort, 'audit_chain_head: a chain head only moves forward'); end`.execute(db);
    await sql`
      create trigger audit_chain_head_no_delete before delete on audit_chain_head
      begin select raise(abort, 'audit_chain_head: DELETE refused'); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    await sql`drop trigger if exists audit_event_chained_insert on audit_event`.execute(db);
    await sql`drop function if exists audit_event_check_chained()`.execute(db);
  } else {
    await sql`drop trigger if exists audit_event_chained_insert`.execute(db);
  }
  await db.schema.dropTable('audit_chain_head').execute();
  if (postgres) await sql`drop function if exists audit_chain_head_guard()`.execute(db);
  await db.schema.dropIndex('audit_event_chain_seq_idx').execute();
  for (const column of ['actor_roles', 'actor_name', 'hash', 'prev_hash', 'seq', 'chain']) {
    await db.schema.alterTable('audit_event').dropColumn(column).execute();
  }
}
