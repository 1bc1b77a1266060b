/**
 * Downloading a study export from `GET /api/studies/:studyId/export`: pseudonymised when a key file is given
 * (its bytes go in base64 in a header, never in the address; the server stores nothing of it), saved under
 * the file name the server gives.
 */

export const PSEUDONYM_KEY_HEADER = 'x-peerbridge-pseudonym-key';

export type ExportChoice =
  | { format: 'json' }
  | { format: 'qdpx' }
  | { format: 'csv'; table: 'segments' | 'participants' | 'codes' };

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return disposition?.match(/filename="([^"]+)"/)?.[1] ?? fallback;
}

export async function downloadStudyExport(studyId: string, choice: ExportChoice, keyFile: File | null) {
  const query = new URLSearchParams({ format: choice.format });
  if (choice.format === 'csv') query.set('table', choice.table);
  const headers: Record<string, string> = {};
  if (keyFile) headers[PSEUDONYM_KEY_HEADER] = base64Of(new Uint8Array(await keyFile.arrayBuffer()));
  const response = await fetch(`/api/studies/${encodeURIComponent(studyId)}/export?${query}`, {
    headers,
    credentials: 'include',
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
  }
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileNameOf(response.headers.get('content-disposition'), `study.${choice.format}`);
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
