export * from './roles';
export * from './caller';
export { authOptions } from './options';
export { safeCallbackUrl, safeRedirectUrl, sameOriginPath } from './safe-callback-url';
export { upsertUserOnSignIn } from './upsert-user';
