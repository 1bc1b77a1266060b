/** `peerbridge studies list`: the researcher's studies with their sizes, on the database or on the server. */
import { listStudies, resolveOperatorActor, type StudyListEntry } from '@peerbridge/services';
import type { CliContext } from '../context';
import { withDatabase } from '../database/open-database';
import { type RemoteTarget, requestJson } from '../remote/server-client';

export interface StudiesListOptions {
  db?: string | undefined;
  org?: string | undefined;
  /** --owner: whose studies (default: the first researcher, else the first admin); not with a server. */
  owner?: string | undefined;
}

interface Page {
  items: StudyListEntry[];
  nextCursor: string | null;
}

/** Every page, in the services' order (newest first). */
async function allPages(next: (cursor: string | undefined) => Promise<Page>): Promise<StudyListEntry[]> {
  const studies: StudyListEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await next(cursor);
    for (const item of page.items) studies.push(item);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return studies;
}

export async function listOwnStudies(
  options: StudiesListOptions,
  ctx: CliContext,
  remote: RemoteTarget | null = null,
): Promise<{ studies: StudyListEntry[] }> {
  if (remote !== null) {
    return {
      studies: await allPages((cursor) =>
        requestJson<Page>(
          remote,
          `/api/research/studies?limit=200${cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`}`,
        ),
      ),
    };
  }
  return withDatabase(options, ctx, async ({ db }) => {
    const actor = await resolveOperatorActor(db, { org: options.org, as: options.owner });
    return { studies: await allPages((cursor) => listStudies(db, actor, { limit: 200, cursor })) };
  });
}

export function renderStudiesList(result: { studies: StudyListEntry[] }, ctx: CliContext): string {
  if (result.studies.length === 0) return 'No studies yet (import one with `peerbridge import`).';
  let width = 5;
  for (const s of result.studies) width = Math.max(width, s.name.length);
  const lines = [ctx.out.bold(`${'Study'.padEnd(width)}  participants  documents   segments  created`)];
  for (const s of result.studies)
    lines.push(
      `${s.name.padEnd(width)}  ${String(s.participants).padStart(12)}  ${String(s.documents).padStart(9)}  ${String(s.segments).padStart(9)}  ${s.createdAt.slice(0, 10)}`,
    );
  return lines.join('\n');
}
