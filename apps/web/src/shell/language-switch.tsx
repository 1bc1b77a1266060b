/** The EN / CS switch; the choice is stored in localStorage and survives sign-out. */
import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language } from '../i18n/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('shell.language')}
      value={i18n.language === 'cs' ? 'cs' : 'en'}
      onChange={(value) => void changeLanguage(value as Language)}
      data={[
        { value: 'en', label: 'EN' },
        { value: 'cs', label: 'CS' },
      ]}
      data-testid="language-switch"
    />
  );
}
