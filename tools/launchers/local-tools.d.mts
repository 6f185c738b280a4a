export const ROOT: string;
export const BIN_DIR: string;
export const FERRETDB_VERSION: string;
export const VERSITYGW_VERSION: string;
/** Each returns the path of the tool, building or installing it on first use. */
export function ensureFerretDb(): string;
export function ensureStripeMock(): string;
export function ensureVersityGw(): string;
export function ensureSchemathesis(): string;
