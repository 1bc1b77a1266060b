/** Stable GUIDs for things a CSV names but does not identify (documents, codes, selections). */
import { uuidV5 } from '@peerbridge/domain';

/** The namespace of GUIDs the CLI derives from names; fixed so a re-import derives the same GUIDs. */
export const CSV_NAMESPACE = 'a5d0f3c2-4b1e-5f7a-9c3d-2e8b6f1a0d47';

export const documentGuidFor = (name: string): string => uuidV5(`document:${name}`, CSV_NAMESPACE);
export const codeGuidFor = (name: string): string => uuidV5(`code:${name}`, CSV_NAMESPACE);
export const selectionGuidFor = (document: string, start: number, end: number): string =>
  uuidV5(`selection:${document}:${start}:${end}`, CSV_NAMESPACE);
