import { defineStorageSuite } from '@/lib/testing/storage-suite';

// The MongoDB driver (default): bytes inside the asset documents.
defineStorageSuite('mongodb');
