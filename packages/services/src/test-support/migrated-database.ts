/** Test support: a fresh, migrated database on one dialect (a temp SQLite file or a new PostgreSQL database). */

import { type DatabaseHandle, migrateToLatest, openDatabase } from '@peerbridge/db';
import { createTestDatabase, type DialectName } from '@peerbridge/testing';
import type {} from '@peerbridge/testing/global-setup';

export interface MigratedDatabase {
  handle: DatabaseHandle;
  url: string;
  close(): Promise<void>;
}

export async function openMigratedDatabase(dialect: DialectName): Promise<MigratedDatabase> {
  const tdb = await createTestDatabase(dialect);
  const handle = await openDatabase({ url: tdb.url });
  await migrateToLatest(handle);
  return {
    handle,
    url: tdb.url,
    async close() {
      await handle.destroy();
      await tdb.drop();
    },
  };
}
