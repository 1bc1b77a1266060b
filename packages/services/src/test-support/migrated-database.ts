/** Test support: a fresh, migrated database on one dialect (a temp SQLite file or a new PostgreSQL database). */

import { type DatabaseHandle, openDatabase } from '@peerbridge/db';
import { createMigratedTestDatabase } from '@peerbridge/db/test-database';
import type { DialectName } from '@peerbridge/testing';
import type {} from '@peerbridge/testing/global-setup';

export interface MigratedDatabase {
  handle: DatabaseHandle;
  url: string;
  close(): Promise<void>;
}

export async function openMigratedDatabase(dialect: DialectName): Promise<MigratedDatabase> {
  const tdb = await createMigratedTestDatabase(dialect);
  const handle = await openDatabase({ url: tdb.url });
  return {
    handle,
    url: tdb.url,
    async close() {
      await handle.destroy();
      await tdb.drop();
    },
  };
}
