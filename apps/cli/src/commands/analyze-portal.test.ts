import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@peerbridge/db';
import {
  listStudies,
  resolveActor,
  studyAgreement,
  studyCohort,
  studyCoOccurrence,
} from '@peerbridge/services';
import { type TestDatabase, testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { czechMappingYaml, czechProject } from '../../test/builders/czech-project';
import { writeQdpx } from '../../test/builders/refi-project';
import { initializedDatabase, runCli } from '../../test/cli-harness';
import { createTestContext } from '../context';
import { analyzeStudy } from './analyze';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-portal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(testDialects())(
  'what the CLI imports and analyses is what the portal shows, on %s',
  (dialect) => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await initializedDatabase(dialect);
      const file = join(dir, 'czech.qdpx');
      const mapping = join(dir, 'mapping.yaml');
      await writeQdpx(file, czechProject);
      writeFileSync(mapping, czechMappingYaml);
      const add = await runCli(
        [
          '--db',
          database.url,
          'users',
          'add',
          '--email',
          'rita@example.org',
          '--name',
          'Rita',
          '--role',
          'researcher',
          '--org',
          'Test Org',
          '--password-stdin',
        ],
        { stdin: 'a long enough password\n' },
      );
      expect(add.code).toBe(0);
      const imported = await runCli([
        '--db',
        database.url,
        'import',
        file,
        '--study',
        'czech',
        '--mapping',
        mapping,
        '--owner',
        'rita@example.org',
      ]);
      expect(imported.code).toBe(0);
    });
    afterAll(async () => {
      await database.drop();
    });

    it('gives the same cohort, co-occurrence and agreement numbers as the services behind the study view', async () => {
      const cli = await analyzeStudy({ db: database.url, study: 'czech' }, createTestContext());
      const handle = await openDatabase({ url: database.url });
      try {
        const user = await handle.db
          .selectFrom('user')
          .select('id')
          .where('email', '=', 'rita@example.org')
          .executeTakeFirstOrThrow();
        const actor = await resolveActor(handle.db, user.id);
        if (!actor) throw new Error('the researcher has no organisation');
        const {
          items: [study],
        } = await listStudies(handle.db, actor);
        expect(study).toMatchObject({ name: 'czech', participants: 2, documents: 2, segments: 9 });
        const studyId = study?.id as string;
        const cohort = await studyCohort(handle.db, actor, { studyId });
        expect(cohort.asOf).toBe(cli.cohort.asOf);
        expect(cohort.prevalence).toEqual(cli.cohort.prevalence);
        const byName = (rows: typeof cli.cohort.participants, names: Record<string, string>) =>
          rows.map((p) => ({ ...p, id: names[p.id] })).sort((a, b) => ((a.id ?? '') < (b.id ?? '') ? -1 : 1));
        expect(byName(cohort.participants, cohort.originalLabels)).toEqual(
          byName(cli.cohort.participants, cli.participantNames),
        );

        const co = await studyCoOccurrence(handle.db, actor, { studyId });
        // Pairs are ordered by code id in the portal and by name here: compare them unordered.
        const pair = (a: string | undefined, b: string | undefined, n12: number, c: number) =>
          [[a, b].sort().join(' + '), n12, c].join('|');
        const portalPairs = co.rows
          .map((r) => pair(co.codeNames[r.codeA], co.codeNames[r.codeB], r.n12, r.c))
          .sort();
        const cliPairs = cli.coOccurrence.map((r) => pair(r.codeA, r.codeB, r.n12, r.c)).sort();
        expect(cliPairs).toEqual(portalPairs);

        const agreement = await studyAgreement(handle.db, actor, { studyId });
        expect(agreement.coders).toEqual(cli.agreement?.coders);
        const portalAgreement = agreement.codes
          .map((c) =>
            [
              agreement.codeNames[c.codeId],
              c.pairableUnits,
              c.percentAgreement,
              c.cohenKappa,
              c.krippendorffAlpha,
            ].join('|'),
          )
          .sort();
        const cliAgreement = (cli.agreement?.codes ?? [])
          .map((c) => [c.code, c.units, c.percentAgreement, c.cohenKappa, c.krippendorffAlpha].join('|'))
          .sort();
        expect(cliAgreement).toEqual(portalAgreement);
      } finally {
        await handle.destroy();
      }
    });
  },
);
