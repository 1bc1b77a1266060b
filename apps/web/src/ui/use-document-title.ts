/** Sets the browser tab's title per page ("Caseload · PeerBridge"), so every page is titled (WCAG 2.4.2). */
import { useEffect } from 'react';

export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · PeerBridge` : 'PeerBridge';
  }, [title]);
}
