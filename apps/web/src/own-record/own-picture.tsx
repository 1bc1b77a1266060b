/** The PSW's conflict and role picture in the words the supervisor reads (ADR 0031), on the record and its printable page. */
import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { type ConflictId, catalog } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../api/trpc';
import { useFormat } from '../i18n/format';
import { useLocalized } from '../i18n/localized';
import { LevelBadge } from '../ui/level-badge';

export type OwnPictureView = RouterOutputs['ownRecord']['open']['picture'];

export function OwnPicture({ picture }: { picture: OwnPictureView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const localized = useLocalized();
  return (
    <Stack gap="sm" component="section" aria-labelledby="own-picture" className="print-section">
      <Title order={2} fz="h3" id="own-picture">
        {t('own.picture')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('own.pictureHint', { date: fmt.date(picture.asOf) })}
      </Text>
      {Object.values(picture.explanation.conflicts).map((c) => (
        <Card key={c.conflict} withBorder padding="sm" data-testid="own-conflict">
          <Group gap="xs" wrap="wrap">
            <Text fw={600}>{localized(catalog.conflicts[c.conflict as ConflictId].label)}</Text>
            <LevelBadge level={c.level} />
          </Group>
          <Text mt="xs">{localized(c.headline)}</Text>
          {[c.raised, c.eased, c.unknown].map((part) => {
            const text = localized(part);
            return text ? (
              <Text key={text} size="sm" mt={4}>
                {text}
              </Text>
            ) : null;
          })}
        </Card>
      ))}
      {picture.explanation.roles.map((r) => (
        <Text key={r.role} size="sm">
          {localized(r.text)}
        </Text>
      ))}
    </Stack>
  );
}
