import { defineStorageSuite } from './test-support/storage-suite';

// The MongoDB driver (default): bytes inside the asset documents.
defineStorageSuite('mongodb');
