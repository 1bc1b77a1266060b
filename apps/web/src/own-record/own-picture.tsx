/**
 * The PSW's conflict and role picture written to them (ADR 0045), on the record and its printable page:
 * the domain's `toPerson` words, made from the same facts as the supervisor's explanation. The level as
 * the supervisor's page names it, and the model's numbers, wait in an optional "how the model decided".
 */
import { Box, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { type ConflictId, catalog } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../api/trpc';
import { useFormat } from '../i18n/format';
import { useLocalized } from '../i18n/localized';
import { LevelBadge } from '../ui/level-badge';

export type OwnPictureView = RouterOutputs['ownRecord']['open']['picture'];
type OwnConflictView = OwnPictureView['explanation']['conflicts'][ConflictId];

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
          <Text fw={600} component="h3" fz="md" m={0}>
            {localized(catalog.conflicts[c.conflict as ConflictId].label)}
          </Text>
          <Text mt="xs" data-testid="own-conflict-headline">
            {localized(c.toPerson.headline)}
          </Text>
          {[c.toPerson.raised, c.toPerson.eased, c.toPerson.unknown, c.toPerson.moved].map((part) => {
            const text = localized(part);
            return text ? (
              <Text key={text} size="sm" mt={4}>
                {text}
              </Text>
            ) : null;
          })}
          <HowTheModelDecided conflict={c} />
        </Card>
      ))}
      {picture.explanation.roles.map((r) => (
        <Text key={r.role} size="sm" data-testid="own-role">
          {localized(r.toPerson)}
        </Text>
      ))}
    </Stack>
  );
}

/** Closed by default: the level your supervisor's page shows and each number with its one-line meaning. */
function HowTheModelDecided({ conflict: c }: { conflict: OwnConflictView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const localized = useLocalized();
  return (
    <Box component="details" mt="xs" data-testid="own-model">
      <Text component="summary" size="sm" style={{ cursor: 'pointer' }}>
        {t('own.howDecided')}
      </Text>
      <Stack gap={4} mt={4}>
        <Group gap="xs">
          <Text size="sm">{t('own.supervisorLevel')}</Text>
          <LevelBadge level={c.level} />
        </Group>
        <List size="sm" spacing={2}>
          {c.model.map((m) => (
            <List.Item key={`${m.name}-${m.indicator ?? ''}`}>
              {localized(m.label)}: {typeof m.value === 'number' ? fmt.number(m.value, 3) : m.value} –{' '}
              {localized(m.meaning)}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Box>
  );
}
