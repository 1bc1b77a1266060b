/** A coloured badge for a conflict, strain or finding level; the word is always there, colour only helps. */
import { Badge, type MantineColor } from '@mantine/core';
import type { Level } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';

// Background and text chosen together so every pair meets WCAG AA contrast (4.5:1).
const levelColor: Record<Level, { bg: MantineColor; fg: string }> = {
  none: { bg: 'teal.9', fg: 'white' },
  emerging: { bg: 'yellow.4', fg: 'black' },
  active: { bg: 'orange.7', fg: 'black' },
  severe: { bg: 'red.9', fg: 'white' },
  unknown: { bg: 'gray.3', fg: 'black' },
};

export function LevelBadge({ level, label }: { level: Level; label?: string }) {
  const { t } = useTranslation();
  const text = t(`level.${level}`);
  return (
    <Badge
      color={levelColor[level].bg}
      c={levelColor[level].fg}
      variant="filled"
      radius="sm"
      aria-label={label ? `${label}: ${text}` : text}
    >
      {text}
    </Badge>
  );
}
