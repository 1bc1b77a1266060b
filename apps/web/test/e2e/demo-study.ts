/**
 * A small synthetic study for the researcher's pages, imported with the real CLI (`peerbridge import`)
 * into the e2e database: six participants in three settings, two coders on the same interviews (so the
 * co-occurrence heatmap and the agreement table have numbers), and a few dated observations.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const cliRoot = resolve(import.meta.dirname, '../../../cli');

/** Invented interview lines, one paragraph each; codes are named by indicator label so they map. */
const interviews: Record<string, string[]> = {
  P01: [
    'Clients ring me late in the evening, sometimes twice a week.',
    'Since spring my work phone stays off once I get home.',
    'Nobody asks me to the ward meeting on Mondays.',
  ],
  P02: [
    'One client wanted to meet for coffee on a Sunday.',
    'I switch the phone off at six and keep to my hours.',
    'The team asks what I think about discharge plans.',
  ],
  P03: [
    'I am not told which clients I will see until I arrive.',
    'Colleagues still talk to me as if I were on the ward as a patient.',
    'Evenings are mine again; the phone goes in a drawer.',
  ],
};

const codeOf: Record<string, string> = {
  late: 'Client contact after hours',
  coffee: 'Meets clients outside work',
  phone: 'Phone off after hours',
  meeting: 'Invited to team meetings',
  patient: 'Treated as a former patient',
  valued: 'Input valued by the team',
  info: 'Receives client information',
};

/** What the study holds as typed (interview lines, code and document names), shown as imported. */
export const demoStudyTexts = [
  ...Object.values(interviews).flat(),
  ...Object.values(codeOf),
  ...Object.keys(interviews).map((p) => `Interview ${p}`),
  'Coder A',
  'Coder B',
];

/** Which paragraph each coder coded with which code: the coders agree on most, not all. */
const coding: Array<[participant: string, paragraph: number, code: keyof typeof codeOf, coders: string[]]> = [
  ['P01', 0, 'late', ['Coder A', 'Coder B']],
  ['P01', 1, 'phone', ['Coder A', 'Coder B']],
  ['P01', 1, 'late', ['Coder A']],
  ['P01', 2, 'meeting', ['Coder A', 'Coder B']],
  ['P02', 0, 'coffee', ['Coder A', 'Coder B']],
  ['P02', 1, 'phone', ['Coder A', 'Coder B']],
  ['P02', 2, 'valued', ['Coder B']],
  ['P03', 0, 'info', ['Coder A', 'Coder B']],
  ['P03', 1, 'patient', ['Coder A', 'Coder B']],
  ['P03', 2, 'phone', ['Coder A']],
  ['P03', 2, 'late', ['Coder A', 'Coder B']],
];

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes the CSV files into `dir` and imports them into the database at `databaseUrl` for `ownerEmail`. */
export async function importDemoStudy(
  dir: string,
  databaseUrl: string,
  ownerEmail: string,
  study: string,
): Promise<void> {
  const participants = join(dir, 'participants.csv');
  writeFileSync(
    participants,
    [
      'participant,setting',
      'P01,community',
      'P02,community',
      'P03,inpatient',
      'P04,inpatient',
      'P05,other',
      'P06,community',
    ].join('\n'),
  );
  const segments = join(dir, 'segments.csv');
  const rows = ['document,code,start,end,text,coder,participant'];
  for (const [participant, paragraph, code, coders] of coding) {
    const lines = interviews[participant] ?? [];
    const start = lines.slice(0, paragraph).reduce((sum, line) => sum + line.length + 1, 0);
    const text = lines[paragraph] ?? '';
    for (const coder of coders) {
      rows.push(
        [
          `Interview ${participant}`,
          codeOf[code] ?? code,
          String(start),
          String(start + text.length),
          text,
          coder,
          participant,
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  writeFileSync(segments, rows.join('\n'));
  const observations = join(dir, 'observations.csv');
  // Dated a week ago: the cohort is assessed at the study's latest evidence, today's interview import.
  const recent = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  writeFileSync(
    observations,
    [
      'participant,indicator,value,observed_at',
      `P04,invited_to_team_meetings,no,${recent}`,
      `P04,seen_as_former_patient,4,${recent}`,
      `P04,receives_client_information,no,${recent}`,
      `P05,shares_lived_experience,5,${recent}`,
      `P05,trusting_equal_relationships,4,${recent}`,
      `P05,acts_as_role_model,yes,${recent}`,
      `P06,applies_professional_competencies,5,${recent}`,
      `P06,works_within_org_rules,4,${recent}`,
      `P06,keeps_working_hours,yes,${recent}`,
    ].join('\n'),
  );
  for (const file of [participants, segments, observations]) {
    await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/bin.ts',
        '--db',
        databaseUrl,
        '--progress',
        'none',
        'import',
        file,
        '--study',
        study,
        '--owner',
        ownerEmail,
      ],
      { cwd: cliRoot },
    );
  }
}
