/**
 * Uploading a study file to `POST /api/studies/uploads` with XMLHttpRequest, whose upload events give the
 * progress fetch cannot; answers the upload and its preview (the same shape as `research.previewUpload`).
 */
import type { RouterOutputs } from '../api/trpc';

export type UploadPreview = RouterOutputs['research']['previewUpload'];

/** The server refused the upload; `message` is its own (it names the file and what was expected). */
export class UploadRefused extends Error {
  override name = 'UploadRefused';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface UploadHandle {
  done: Promise<UploadPreview>;
  abort(): void;
}

export function uploadStudyFile(
  file: File,
  study: string,
  onProgress: (fraction: number) => void,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const query = new URLSearchParams({ study, fileName: file.name });
  const done = new Promise<UploadPreview>((resolve, reject) => {
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 201) resolve(body as UploadPreview);
      else {
        const message = (body as { error?: { message?: string } } | null)?.error?.message;
        reject(new UploadRefused(xhr.status, message ?? `HTTP ${xhr.status}`));
      }
    };
    xhr.onerror = () => reject(new UploadRefused(0, 'network error'));
    xhr.onabort = () => reject(new UploadRefused(0, 'aborted'));
  });
  xhr.open('POST', `/api/studies/uploads?${query}`);
  xhr.withCredentials = true;
  xhr.setRequestHeader('content-type', 'application/octet-stream');
  xhr.send(file);
  return { done, abort: () => xhr.abort() };
}
