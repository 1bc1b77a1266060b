import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dialectOfUrl, openDatabase, redactUrl } from './connection';

describe('openDatabase', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('tells a postgres URL from a SQLite path', () => {
    expect(dialectOfUrl('postgres://u:p@host/db')).toBe('postgres');
    expect(dialectOfUrl('postgresql://host/db')).toBe('postgres');
    expect(dialectOfUrl('./data/peerbridge.db')).toBe('sqlite');
    expect(dialectOfUrl('/var/lib/peerbridge/app.db')).toBe('sqlite');
  });

  it('creates the folder of a new SQLite file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peerbridge-conn-'));
    dirs.push(dir);
    const file = join(dir, 'nested', 'deeper', 'app.db');
    const handle = await openDatabase({ url: file });
    try {
      expect(handle.dialect).toBe('sqlite');
      expect(existsSync(file)).toBe(true);
      expect(handle.sqlite).not.toBeNull();
    } finally {
      await handle.destroy();
    }
  });

  it('fails with a clear message, password hidden, when PostgreSQL is unreachable', async () => {
    await expect(openDatabase({ url: 'postgres://app:secret@127.0.0.1:1/none' })).rejects.toThrow(
      /Cannot connect to PostgreSQL at postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/none/,
    );
  });

  it('redacts passwords only', () => {
    expect(redactUrl('postgres://app:s3cr3t@db:5432/pb')).toBe('postgres://app:***@db:5432/pb');
    expect(redactUrl('postgres://db:5432/pb')).toBe('postgres://db:5432/pb');
  });
});
