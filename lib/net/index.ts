export {
  assertPublicAddress,
  classifyAddress,
  isAllowedAddress,
  isMetadataAddress,
  resolvePublicAddresses,
  type AddressClass,
  type AddressPolicy,
} from './assert-public-address';
export { guardedLookup } from './guarded-lookup';
