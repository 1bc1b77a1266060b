/** "Show more" under a paged list: fetches the next page of an infinite query while there is one. */
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
}

export function ShowMoreButton({ query, testId }: { query: PagedQuery; testId?: string }) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <Group gap="sm">
      <Button
        variant="default"
        loading={query.isFetchingNextPage}
        onClick={() => void query.fetchNextPage()}
        data-testid={testId ?? 'show-more'}
      >
        {query.isFetchingNextPage ? t('paging.loadingMore') : t('paging.showMore')}
      </Button>
      {query.isFetchNextPageError ? (
        <Text size="sm" c="red.9" role="alert">
          {t('paging.moreFailed')}
        </Text>
      ) : null}
    </Group>
  );
}
