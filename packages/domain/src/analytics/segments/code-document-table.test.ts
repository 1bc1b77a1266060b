import { describe, expect, it } from 'vitest';
import { aSegment } from './a-segment';
import { codeDocumentTable } from './code-document-table';

describe('codeDocumentTable', () => {
  it('counts segments per code and document, with sorted keys', () => {
    const table = codeDocumentTable([
      aSegment({ codeId: 'B', documentId: 'd2' }),
      aSegment({ codeId: 'A', documentId: 'd1' }),
      aSegment({ codeId: 'A', documentId: 'd1' }),
      aSegment({ codeId: 'A', documentId: 'd2' }),
    ]);
    expect(table).toEqual({
      rows: ['A', 'B'],
      columns: ['d1', 'd2'],
      counts: [
        [2, 1],
        [0, 1],
      ],
    });
  });

  it('gives an empty table for no segments', () => {
    expect(codeDocumentTable([])).toEqual({ rows: [], columns: [], counts: [] });
  });

  it('rejects a segment without a document', () => {
    expect(() => codeDocumentTable([{ ...aSegment(), documentId: '' }])).toThrow(/0\.documentId/);
  });
});
