import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MigratedTestDatabase, openMigratedTestDatabase } from '../migrated-test-database';
import {
  createOrganization,
  getOrganization,
  listOrganizations,
  updateOrganizationSettings,
} from './organization.repository';

describe.each(testDialects())('organization repository on %s', (dialect) => {
  let t: MigratedTestDatabase;
  beforeAll(async () => {
    t = await openMigratedTestDatabase(dialect);
  });
  afterAll(() => t.close());

  it('creates an organisation with the default settings', async () => {
    const org = await createOrganization(t.db, { name: 'North Community Services' });
    expect(org).toMatchObject({
      name: 'North Community Services',
      supervisionCadenceDays: 28,
      smallCellK: 5,
      defaultLanguage: 'en',
      isDemo: false,
    });
    expect(org.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(await getOrganization(t.db, org.id)).toEqual(org);
  });

  it('updates only the settings given and reads them back as numbers and booleans', async () => {
    const org = await createOrganization(t.db, { name: 'Demo Org', isDemo: true, defaultLanguage: 'cs' });
    const updated = await updateOrganizationSettings(t.db, org.id, {
      smallCellK: 7,
      supervisionCadenceDays: 14,
    });
    expect(updated).toEqual({ ...org, smallCellK: 7, supervisionCadenceDays: 14 });
    expect(typeof updated?.smallCellK).toBe('number');
    expect(updated?.isDemo).toBe(true);
  });

  it('rejects a small-cell k outside 3..10 and leaves the settings as they were', async () => {
    const org = await createOrganization(t.db, { name: 'Strict Org' });
    await expect(updateOrganizationSettings(t.db, org.id, { smallCellK: 11 })).rejects.toThrow(
      /organization_small_cell_k_range/,
    );
    expect((await getOrganization(t.db, org.id))?.smallCellK).toBe(5);
  });

  it('returns null for an unknown organisation and lists the known ones by name', async () => {
    expect(await getOrganization(t.db, 'no-such-org')).toBeNull();
    expect(await updateOrganizationSettings(t.db, 'no-such-org', { smallCellK: 4 })).toBeNull();
    const names = (await listOrganizations(t.db)).map((o) => o.name);
    expect(names).toEqual(['Demo Org', 'North Community Services', 'Strict Org']);
  });
});
