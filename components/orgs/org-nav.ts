import type { NavItem } from '@/components/app/app-nav';

/** The organisation section's tabs (shown in organisation context). Add org pages here. */
export const ORG_NAV: readonly NavItem[] = [
  { href: '/org/dashboard', label: 'Dashboard' },
  { href: '/org/products', label: 'Products' },
  { href: '/org/members', label: 'Members' },
  { href: '/org/settings', label: 'Settings' },
];
