/** Brings the testing package's `ProvidedContext` augmentation (`postgresAdminUrl`) into the typecheck. */
import type {} from '@peerbridge/testing/global-setup';
