/**
 * Renders a card's detail. The catalog writes plain paragraphs, "- " lists and **bold**; that small
 * subset is rendered here as React elements (never as HTML), which keeps a markdown library out of the bundle.
 */
import { List, Text } from '@mantine/core';
import type { ReactNode } from 'react';

function inline(text: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*)/g).map((part, i) =>
    part.startsWith('**') && part.endsWith('**') && part.length > 4 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed string
      <strong key={i}>{part.slice(2, -2)}</strong>
    ) : (
      part
    ),
  );
}

export function CardMarkdown({ source }: { source: string }) {
  const blocks = source.split(/\n\s*\n/).filter((b) => b.trim() !== '');
  return (
    <>
      {blocks.map((block, i) => {
        const lines = block.split('\n').filter((l) => l.trim() !== '');
        if (lines.every((l) => /^\s*[-*]\s+/.test(l))) {
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: blocks of one fixed string
            <List key={i} size="sm" withPadding>
              {lines.map((l, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines of one fixed string
                <List.Item key={j}>{inline(l.replace(/^\s*[-*]\s+/, ''))}</List.Item>
              ))}
            </List>
          );
        }
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks of one fixed string
          <Text key={i} size="sm" mb={4}>
            {inline(lines.join(' '))}
          </Text>
        );
      })}
    </>
  );
}
