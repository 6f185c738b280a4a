export * from './roles';
export * from './caller';
export { authOptions } from './options';
export { upsertUserOnSignIn } from './upsert-user';
