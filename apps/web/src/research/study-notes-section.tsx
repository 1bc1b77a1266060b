/** The study page's memos and sets, wired to `research.notesIndex` and the paged `research.notes` (ADR 0044). */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc';
import { ShowMoreButton } from '../ui/show-more-button';
import { ErrorState, LoadingState } from '../ui/state-views';
import { StudyNoteList } from './study-note-list';
import { type NotesTarget, StudyNotesView } from './study-notes-view';

export function StudyNotesSection({
  studyId,
  setId,
  onSetChange,
}: {
  studyId: string;
  setId: string | undefined;
  onSetChange: (setId: string | undefined) => void;
}) {
  const trpc = useTRPC();
  // The chooser stays on screen while the narrowed index loads.
  const index = useQuery({
    ...trpc.research.notesIndex.queryOptions({ studyId, ...(setId ? { setId } : {}) }),
    placeholderData: keepPreviousData,
  });
  if (index.isPending) return <LoadingState />;
  if (index.isError) return <ErrorState error={index.error} onRetry={() => void index.refetch()} />;
  return (
    <StudyNotesView
      index={index.data}
      onSetChange={onSetChange}
      notesOf={(target) => <TargetNotes studyId={studyId} target={target} />}
    />
  );
}

function TargetNotes({ studyId, target }: { studyId: string; target: NotesTarget }) {
  const trpc = useTRPC();
  const notes = useInfiniteQuery(
    trpc.research.notes.infiniteQueryOptions(
      { studyId, ...target },
      { getNextPageParam: (p) => p.nextCursor },
    ),
  );
  if (notes.isPending) return <LoadingState />;
  if (notes.isError) return <ErrorState error={notes.error} onRetry={() => void notes.refetch()} />;
  return (
    <>
      <StudyNoteList notes={notes.data.pages.flatMap((p) => p.items)} />
      <ShowMoreButton query={notes} testId="study-notes-more" />
    </>
  );
}
