import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { changeLanguage, i18next, initialLanguage, languageStorageKey } from '../i18n/i18n';
import { LanguageSwitch } from './language-switch';

afterEach(async () => {
  localStorage.clear();
  await changeLanguage('en', false);
});

describe('LanguageSwitch', () => {
  it('switches to Czech, remembers it, and sets the document language', async () => {
    renderWithProviders(<LanguageSwitch />);
    fireEvent.click(screen.getByText('CS'));
    await waitFor(() => expect(i18next.language).toBe('cs'));
    expect(localStorage.getItem(languageStorageKey)).toBe('cs');
    expect(document.documentElement.lang).toBe('cs');
    expect(initialLanguage()).toBe('cs');
  });
});
