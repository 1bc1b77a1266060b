/** Component-test setup: i18n initialised, the DOM cleaned between tests, and browser APIs Mantine expects. */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import '../src/i18n/i18n';

afterEach(() => cleanup());

// Mantine reads matchMedia for colour scheme and breakpoints; happy-dom has no media queries.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

// Mantine's autosizing textarea re-measures when web fonts finish loading; happy-dom has no FontFaceSet.
if (!('fonts' in document) || !document.fonts) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
    configurable: true,
  });
}
