/** The saved login: 0600 in a 0700 folder (even over a wider file), a damaged file named, logout removes it. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testEnv } from '../../test/cli-harness';
import { credentialsFile, readCredentials, removeCredentials, writeCredentials } from './credentials';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-credentials-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('saved credentials', () => {
  it('are written 0600 in a 0700 folder, also over an existing file that others could read', () => {
    const env = { ...testEnv, configHome: join(dir, 'a') };
    const file = credentialsFile(env) as string;
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '{}');
    chmodSync(file, 0o644);
    expect(writeCredentials(env, { server: 'https://example.test', token: 'pbt_x' })).toBe(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readCredentials(env)).toEqual({ server: 'https://example.test', token: 'pbt_x' });
    const fresh = { ...testEnv, configHome: join(dir, 'b') };
    writeCredentials(fresh, { server: 'https://example.test', token: 'pbt_y' });
    expect(statSync(join(dir, 'b', 'peerbridge')).mode & 0o777).toBe(0o700);
    expect(removeCredentials(fresh)).toBe(credentialsFile(fresh));
    expect(readCredentials(fresh)).toBeUndefined();
  });

  it('name the file when it is damaged, and are absent without a config home', () => {
    const env = { ...testEnv, configHome: join(dir, 'c') };
    const file = credentialsFile(env) as string;
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '{"server": ');
    expect(() => readCredentials(env)).toThrow(expect.objectContaining({ location: { file } }));
    writeFileSync(file, '{"server": "https://example.test"}');
    expect(() => readCredentials(env)).toThrow(/lack a server or a token/);
    expect(readCredentials(testEnv)).toBeUndefined();
    expect(() => writeCredentials(testEnv, { server: 's', token: 't' })).toThrow(
      /no place to save the token/,
    );
  });
});
