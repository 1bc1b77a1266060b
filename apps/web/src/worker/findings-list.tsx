/** The findings besides the conflicts (role ambiguity, supervision gap, strain...), each with its "why". */
import { Accordion, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { catalog, type FindingResult } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../i18n/localized';
import { LevelBadge } from '../ui/level-badge';
import { BecauseList } from './because-list';
import type { ObservationView } from './evidence-types';

export function FindingsList({
  items,
  observations,
}: {
  items: readonly FindingResult[];
  observations: ReadonlyMap<string, ObservationView>;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <Paper withBorder p="md" radius="md" data-testid="findings">
      <Stack gap="sm">
        <Title order={2} fz="h3">
          {t('worker.findings')}
        </Title>
        {items.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('worker.noFindings')}
          </Text>
        ) : (
          <Accordion variant="separated" chevronPosition="left" multiple>
            {items.map((f) => (
              <Accordion.Item key={f.id} value={f.id} data-testid={`finding-${f.id}`}>
                <Accordion.Control>
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      {localized(catalog.findings[f.id].label)}
                    </Text>
                    {f.level ? <LevelBadge level={f.level} /> : null}
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="xs">
                    <Text size="sm">{localized(catalog.findings[f.id].description)}</Text>
                    <Text size="sm" fw={600}>
                      {t('why.title')}
                    </Text>
                    <BecauseList because={f.because} observations={observations} />
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </Stack>
    </Paper>
  );
}
