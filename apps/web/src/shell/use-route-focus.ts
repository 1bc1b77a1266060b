/**
 * Moves the focus to the page's main heading (the h1 inside `#main`) after every route change, so a
 * keyboard or screen-reader user starts on the new page instead of on a link that no longer exists
 * (WCAG 2.4.3). The first page after a full load keeps the browser's own start (the skip link comes
 * first). Lazy pages render their heading a moment later, and a loading state may show its own first:
 * for up to `waitMs` the hook follows the newest h1, until the user moves the focus themselves.
 */
import { useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';

/** Focuses `heading`, making it focusable by script only (tabIndex -1: never a tab stop). */
export function focusHeading(heading: HTMLElement): void {
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus();
}

export function useRouteFocus(mainId = 'main', waitMs = 10_000): void {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const previous = useRef<string | null>(null);
  useEffect(() => {
    const first = previous.current === null;
    const samePage = previous.current === pathname;
    previous.current = pathname;
    const main = document.getElementById(mainId);
    if (first || samePage || !main) return;
    let focused: HTMLElement | null = null;
    const follow = () => {
      const heading = main.querySelector<HTMLElement>('h1');
      if (!heading || heading === focused) return;
      const active = document.activeElement;
      // Someone moved on (typed, tabbed, clicked) since: leave their focus alone.
      if (focused !== null && active !== focused && active !== document.body && active !== null) return;
      focused = heading;
      focusHeading(heading);
    };
    const observer = new MutationObserver(follow);
    observer.observe(main, { childList: true, subtree: true });
    const frame = window.requestAnimationFrame(follow);
    const timer = window.setTimeout(() => observer.disconnect(), waitMs);
    return () => {
      window.cancelAnimationFrame(frame);
      window.clearTimeout(timer);
      observer.disconnect();
    };
  }, [pathname, mainId, waitMs]);
}
