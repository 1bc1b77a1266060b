/** English texts of paged lists ("show more"). */
import type { Messages } from './messages';

export const enPaging = {
  showMore: 'Show more',
  loadingMore: 'Loading more…',
  moreFailed: 'Could not load more. Try again.',
} satisfies Messages;
