export {
  assertPublicAddress,
  classifyAddress,
  isAllowedAddress,
  resolvePublicAddresses,
  type AddressClass,
  type AddressPolicy,
} from './assert-public-address';
export { guardedLookup } from './guarded-lookup';
