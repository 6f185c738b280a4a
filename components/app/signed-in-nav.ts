import type { NavItem } from './app-nav';

/** The navigation of the signed-in areas (studio and developers share it). */
export function signedInNav(isAdmin: boolean): NavItem[] {
  return [
    { href: '/studio', label: 'Studio' },
    { href: '/history', label: 'History' },
    { href: '/credits', label: 'Credits' },
    { href: '/billing', label: 'Billing' },
    { href: '/developers', label: 'Developers' },
    { href: '/account', label: 'Account' },
    ...(isAdmin ? [{ href: '/admin', label: 'Admin' }] : []),
  ];
}
