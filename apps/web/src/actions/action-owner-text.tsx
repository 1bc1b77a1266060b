/** Who an action is for: "Dana Nová" or "Team Ward C (Dana Nová)". */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type ActionOwnerView =
  | { kind: 'member'; userId: string; name: string }
  | { kind: 'team'; unitId: string; unitName: string; userId: string; name: string };

export function ActionOwnerText({ owner }: { owner: ActionOwnerView }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" span data-testid="action-owner">
      {owner.kind === 'team'
        ? t('actions.teamOwner', { unit: owner.unitName, name: owner.name })
        : owner.name}
    </Text>
  );
}
