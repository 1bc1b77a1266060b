/**
 * A pseudonymised export identifies nobody (ADR 0022), on both dialects: a project full of canary
 * names is imported as it is, exported pseudonymised as JSON, CSV and .qdpx, and no byte of any
 * output (the qdpx unzipped) holds a canary; pseudonyms are stable per key; only allowed variables
 * stay; qdpx sources are renamed; coded selections still cover the same words after redaction.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pseudonymize } from '@peerbridge/domain';
import { writeProject } from '@peerbridge/refi-qda';
import {
  CANARY,
  CANARY_IDS,
  CANARY_NAMES,
  CANARY_SELECTIONS,
  CANARY_TEXT_1,
  canaryIn,
  canaryQdpx,
  readZipEntries,
  selectionRange,
} from '@peerbridge/refi-qda/testing';
import type { LoadedStudy } from '@peerbridge/study-formats';
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { aResearcherInOrgA } from '../test-support/member';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { exportStudy } from './export-study';
import { importStudy } from './import-study';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-pseudo-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'Zyxcanary-project.qdpx');
const key = new TextEncoder().encode('researcher-key-of-at-least-thirty-two-bytes!');
const otherKey = new TextEncoder().encode('another-researcher-key-thirty-two-bytes-long');

/** The placeholder the export must use for a name: the domain's keyed pseudonym, in brackets. */
async function placeholder(k: Uint8Array, name: string): Promise<string> {
  return `[P-${(await pseudonymize(k, name)).slice(0, 16)}]`;
}

/** The other words of the project's names (surnames, e-mail domains): redacted with the canaries. */
const nameWords = new Set([
  'qworvel',
  'realname',
  'coderova',
  'řehoř',
  'vlk',
  'stone',
  'smith',
  'w',
  'example',
  'org',
]);

/** Words (letter runs) of a text that are no part of a name: what a redacted selection must still cover. */
function plainWords(text: string): string[] {
  return (text.normalize('NFC').match(/[\p{L}\p{M}]+/gu) ?? []).filter(
    (w) => !CANARY.test(w) && !nameWords.has(w.toLowerCase()),
  );
}

beforeAll(() => writeFileSync(file, canaryQdpx()));

describe.each(testDialects())('pseudonymised research export on %s', (dialect) => {
  let database: MigratedDatabase;
  let db: Db;
  let researcher: Actor;
  beforeAll(async () => {
    database = await openMigratedDatabase(dialect);
    db = database.handle.db;
    researcher = await aResearcherInOrgA(db);
    const report = await importStudy(db, researcher, { file, study: 'study one' });
    expect(report.counts.coded_segment).toBe(CANARY_SELECTIONS.length);
  });
  afterAll(async () => {
    await database.close();
  });

  it('the plain export does hold the canaries (the detector can see them)', async () => {
    const plain = await exportStudy(db, researcher, { study: 'study one', format: 'json' });
    const text = JSON.stringify(plain.json);
    for (const name of [
      CANARY_NAMES.case1,
      CANARY_NAMES.document1,
      CANARY_NAMES.coderB,
      'Fencanary Realname',
    ])
      expect(text).toContain(name);
    expect(plain.pseudonymization).toBeNull();
  });

  it('JSON, CSV and the unzipped qdpx hold no canary in any byte', async () => {
    const json = await exportStudy(db, researcher, { study: 'study one', format: 'json', pseudonymKey: key });
    expect(canaryIn(JSON.stringify(json.json))).toBeNull();
    const csv = await exportStudy(db, researcher, { study: 'study one', format: 'csv', pseudonymKey: key });
    expect(csv.csv?.split('\r\n').length).toBeGreaterThan(CANARY_SELECTIONS.length);
    expect(canaryIn(csv.csv as string)).toBeNull();
    const qdpx = await exportStudy(db, researcher, { study: 'study one', format: 'qdpx', pseudonymKey: key });
    const out = join(dir, `pseudo-${dialect}.qdpx`);
    await writeProject(qdpx.qdpx?.project as never, out, { origin: 'PeerBridge' });
    const entries = await readZipEntries(out);
    expect([...entries.keys()].filter((n) => n.startsWith('sources/'))).toHaveLength(2);
    for (const [name, bytes] of entries) {
      expect(canaryIn(name), `entry name ${name}`).toBeNull();
      expect(canaryIn(bytes), `entry ${name}`).toBeNull();
    }
    // Every known name was redacted in the text and reported, and the report names no one either.
    const placeholders = json.study.documents.map(
      (d) => d.text.match(/\[[PDU]-[0-9a-f]{16}\]/g)?.length ?? 0,
    );
    expect(json.pseudonymization?.textRedactions).toBe(placeholders.reduce((a, b) => a + b, 0));
    // 16 name occurrences in the two texts; the half-decomposed "Žofcanary Řehoř" is redacted word by word.
    expect(json.pseudonymization?.textRedactions).toBe(17);
    expect(json.pseudonymization?.labelRedactions).toBeGreaterThanOrEqual(1);
  });

  it('pseudonyms are the domain’s keyed pseudonyms: stable for one key, different under another', async () => {
    const run = async (k: Uint8Array) =>
      (await exportStudy(db, researcher, { study: 'study one', format: 'json', pseudonymKey: k }))
        .study as LoadedStudy;
    const [first, second, other] = [await run(key), await run(key), await run(otherKey)];
    const strip = (s: LoadedStudy) => JSON.stringify({ ...s, exportedAt: null });
    expect(strip(second)).toBe(strip(first));
    const names = first.participants.map((p) => p.name).sort();
    expect(names).toEqual(
      [
        `P-${(await pseudonymize(key, CANARY_NAMES.case1)).slice(0, 16)}`,
        `P-${(await pseudonymize(key, CANARY_NAMES.case2)).slice(0, 16)}`,
      ].sort(),
    );
    const otherNames = new Set(other.participants.map((p) => p.name));
    for (const n of names) expect(otherNames.has(n)).toBe(false);
    expect(other.documents.map((d) => d.guid).sort()).not.toEqual(first.documents.map((d) => d.guid).sort());
    const text1 = first.documents.find((d) => d.text.includes('asked the questions'))?.text as string;
    expect(text1.startsWith(`${await placeholder(key, CANARY_NAMES.case1)} said`)).toBe(true);
    // A coder named in the text gets the same pseudonym as in the coder column.
    const coderB = `U-${(await pseudonymize(key, CANARY_NAMES.coderB)).slice(0, 16)}`;
    expect(text1).toContain(`The coder [${coderB}] noted it.`);
    expect(first.segments.map((s) => s.coder)).toContain(coderB);
    const keyed = await placeholder(key, CANARY_NAMES.case1);
    expect(other.documents.some((d) => d.text.includes(keyed))).toBe(false);
    // Coders are pseudonyms too, and the coder guid of the qdpx derives from the pseudonym only.
    expect(new Set(first.segments.map((s) => s.coder))).toEqual(
      new Set([expect.stringMatching(/^U-[0-9a-f]{16}$/), expect.stringMatching(/^U-[0-9a-f]{16}$/)]),
    );
  });

  it('keeps only the default allowlist (bands derived from exact age and tenure) and reports what it dropped', async () => {
    const exported = await exportStudy(db, researcher, {
      study: 'study one',
      format: 'json',
      pseudonymKey: key,
    });
    const byAge = exported.study.participants
      .map((p) => p.attributes)
      .sort((a, b) => String(a.age_band).localeCompare(String(b.age_band)));
    expect(byAge).toEqual([
      { setting: 'community', gender: 'female', age_band: '30-39', tenure_band: '1-2y' },
      { setting: 'inpatient', gender: 'male', age_band: '50-59', tenure_band: '5y+' },
    ]);
    expect(exported.study.participants.map((p) => p.setting).sort()).toEqual(['community', 'inpatient']);
    expect(exported.pseudonymization?.variables).toEqual({
      allowed: ['age_band', 'gender', 'setting', 'tenure_band'],
      kept: ['age_band', 'gender', 'setting', 'tenure_band'],
      dropped: [
        { name: 'Hobcanary_score', participants: 2 },
        { name: 'age', participants: 2 },
        { name: 'email', participants: 2 },
        { name: 'full_name', participants: 2 },
        { name: 'tenure', participants: 2 },
      ],
      derived: ['age_band', 'tenure_band'],
    });
  });

  it('a custom allowlist keeps exactly its variables (normalised names), and drops setting when it is left out', async () => {
    const exported = await exportStudy(db, researcher, {
      study: 'study one',
      format: 'json',
      pseudonymKey: key,
      allowVariables: ['GENDER', 'Age'],
    });
    expect(
      exported.study.participants.map((p) => p.attributes).sort((a, b) => Number(a.age) - Number(b.age)),
    ).toEqual([
      { gender: 'female', age: 34 },
      { gender: 'male', age: 52 },
    ]);
    expect(exported.study.participants.map((p) => p.setting)).toEqual([null, null]);
    expect(exported.pseudonymization?.variables.dropped.map((d) => d.name)).toEqual([
      'Hobcanary_score',
      'email',
      'full_name',
      'setting',
      'tenure',
    ]);
    expect(exported.pseudonymization?.variables.derived).toEqual([]);
    const audits = await db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'study.export')
      .execute();
    expect(audits.map((a) => JSON.parse(String(a.details)))).toContainEqual(
      expect.objectContaining({ pseudonymized: true, allowVariables: ['gender', 'age'] }),
    );
  });

  it('the qdpx renames its source files and Source names; no original GUID or name is left', async () => {
    const exported = await exportStudy(db, researcher, {
      study: 'study one',
      format: 'qdpx',
      pseudonymKey: key,
    });
    const out = join(dir, `renamed-${dialect}.qdpx`);
    await writeProject(exported.qdpx?.project as never, out, { origin: 'PeerBridge' });
    const entries = await readZipEntries(out);
    const qde = (entries.get('project.qde') as Buffer).toString('utf8');
    const sourceFiles = [...entries.keys()].filter((n) => n.startsWith('sources/')).sort();
    const sources = [...qde.matchAll(/<TextSource guid="([^"]+)" name="([^"]+)" plainTextPath="([^"]+)"/g)];
    expect(sources).toHaveLength(2);
    for (const [, guid, name, path] of sources) {
      expect(name).toMatch(/^D-[0-9a-f]{16}$/);
      expect(path).toBe(`internal://${guid}.txt`);
      expect(sourceFiles).toContain(`sources/${guid}.txt`);
    }
    for (const original of [
      CANARY_IDS.source1,
      CANARY_IDS.source2,
      ...CANARY_SELECTIONS.map((s) => s.guid),
    ]) {
      expect(qde.toLowerCase()).not.toContain(original);
      expect(sourceFiles.join(' ')).not.toContain(original);
    }
    // The renamed project is still a valid qdpx: it re-imports with every segment.
    const again = await importStudy(db, researcher, { file: out, study: `re-import ${dialect}` });
    expect(again.counts).toMatchObject({
      participant: 2,
      document: 2,
      coded_segment: CANARY_SELECTIONS.length,
    });
    const names = exported.study.documents.map((d) => d.name).sort();
    expect(names).toEqual(
      [
        `D-${(await pseudonymize(key, CANARY_NAMES.document1)).slice(0, 16)}`,
        `D-${(await pseudonymize(key, CANARY_NAMES.document2)).slice(0, 16)}`,
      ].sort(),
    );
  });

  it('coded selections still cover the same words after redaction shifted the text', async () => {
    const exported = await exportStudy(db, researcher, {
      study: 'study one',
      format: 'json',
      pseudonymKey: key,
    });
    const study = exported.study;
    const texts = new Map(study.documents.map((d) => [d.guid, d.text]));
    expect(study.segments).toHaveLength(CANARY_SELECTIONS.length);
    const exportedTexts: string[] = [];
    for (const s of study.segments) {
      const text = texts.get(s.sourceGuid) as string;
      expect(text.slice(s.start, s.end)).toBe(s.text);
      exportedTexts.push(s.text as string);
    }
    for (const spec of CANARY_SELECTIONS) {
      // The words the selection touches, whole: one cut in the middle of a name still touches that name.
      let { start, end } = selectionRange(spec);
      while (start > 0 && /[\p{L}\p{M}]/u.test(spec.text[start - 1] as string)) start--;
      while (end < spec.text.length && /[\p{L}\p{M}]/u.test(spec.text[end] as string)) end++;
      const original = spec.text.slice(start, end);
      // Exactly one exported segment covers the original's plain words, in order, and nothing beyond its edges.
      const words = plainWords(original);
      const match = exportedTexts.filter((t) => {
        const got = plainWords(t.replace(/\[[PDU]-[0-9a-f]{16}\]/g, ' '));
        return got.join(' ') === words.join(' ');
      });
      expect(match, original).toHaveLength(1);
    }
    const ph = (name: string) => placeholder(key, name);
    expect(exportedTexts).toContain(`${await ph(CANARY_NAMES.case1)} said`);
    // Starts inside "ZYXCANARY": the selection grows to the whole placeholder of that name.
    expect(exportedTexts).toContain(`${await ph('Zyxcanary')}'s team`);
    expect(exportedTexts).toContain(`${await ph('Fencanary Realname')} is my legal name`);
    expect(exportedTexts).toContain('asked the questions');
    // Ends inside "Dorcanary": the selection ends after its placeholder.
    expect(exportedTexts).toContain(`noted it. ${await ph('Dorcanary')}`);
    // The document text lost nothing but the names: every plain word is still there, in order.
    const text1 = [...texts.values()].find((t) => t.includes('asked the questions')) as string;
    expect(plainWords(text1.replace(/\[[PDU]-[0-9a-f]{16}\]/g, ' '))).toEqual(plainWords(CANARY_TEXT_1));
  });
});
