// The launchers live in tools/launchers/ (test support in lib/testing imports them too).
export * from '../../tools/launchers/ports.mjs';
