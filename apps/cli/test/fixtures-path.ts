/** Where the shared REFI-QDA samples live: ../shared/fixtures beside the repo (read in place, never copied). */
import { join, resolve } from 'node:path';
import { findWorkspaceRoot } from '../src/paths/workspace-root';

const root = findWorkspaceRoot(import.meta.dirname) ?? resolve(import.meta.dirname, '../../..');

export const samplesDir = resolve(root, '../shared/fixtures/refi-qda/samples');
export const atlasSample = join(samplesDir, 'atlasti-8.4-mac-standard-project.qde');
/** AGPL-3.0: read from the shared folder only. */
export const nvivoSample = join(samplesDir, 'nvivo-mac-15.0-nested-codes.qdpx');

/** The REFI-QDA schemas (MIT), to validate what the CLI writes. */
export const projectSchema = resolve(root, '../shared/fixtures/refi-qda/schema/Project-mrt2019.xsd');
export const codebookSchema = resolve(root, '../shared/fixtures/refi-qda/schema/Codebook.xsd');
