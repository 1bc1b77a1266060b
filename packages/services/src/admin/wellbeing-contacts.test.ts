/** The admin's wellbeing contacts on both dialects: replaced as a list, audited, field-named errors, admins only. */
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf } from '../test-support/code-of';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization, type SmallOrganization } from '../test-support/small-organization';
import { getWellbeingContacts, setWellbeingContacts } from './wellbeing-contacts';

describe.each(testDialects())('wellbeing contacts on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  const db = () => mdb.handle.db;

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(db());
  });
  afterAll(async () => {
    await mdb.close();
  });

  it('starts empty, takes a list in order, and audits the change', async () => {
    expect(await getWellbeingContacts(db(), org.admin)).toEqual({ contacts: [] });
    const contacts = [
      { name: 'Synthetic EAP', url: 'https://eap.example.test', phone: '' },
      { name: 'Synthetic crisis line', phone: '+420 116 000', hours: 'Always' },
    ];
    const saved = await setWellbeingContacts(db(), org.admin, { contacts });
    expect(saved.contacts).toEqual([
      { name: 'Synthetic EAP', phone: null, url: 'https://eap.example.test', hours: null },
      { name: 'Synthetic crisis line', phone: '+420 116 000', url: null, hours: 'Always' },
    ]);
    expect(await getWellbeingContacts(db(), org.admin)).toEqual(saved);
    const events = await db()
      .selectFrom('audit_event')
      .select(['actor_user_id', 'entity_id'])
      .where('action', '=', 'organization.update')
      .execute();
    expect(events).toEqual([{ actor_user_id: org.admin.userId, entity_id: 'org-1' }]);
    expect(await setWellbeingContacts(db(), org.admin, { contacts: [] })).toEqual({ contacts: [] });
  });

  it('names the field of a bad contact and keeps the stored list', async () => {
    await setWellbeingContacts(db(), org.admin, { contacts: [{ name: 'Kept', phone: '112' }] });
    const refusal = await setWellbeingContacts(db(), org.admin, {
      contacts: [
        { name: 'No way to reach', phone: '' },
        { name: 'Bad', url: 'http://insecure.example.test' },
      ],
    }).catch((e: { code: string; issues: { path: string }[] }) => e);
    expect(refusal).toMatchObject({ code: 'invalid_input' });
    expect((refusal as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual([
      'contacts.0.phone',
      'contacts.1.url',
    ]);
    expect((await getWellbeingContacts(db(), org.admin)).contacts.map((c) => c.name)).toEqual(['Kept']);
  });

  it('is for admins only', async () => {
    expect(await codeOf(getWellbeingContacts(db(), org.supervisor))).toBe('forbidden');
    expect(await codeOf(setWellbeingContacts(db(), org.supervisor, { contacts: [] }))).toBe('forbidden');
  });
});
