import { redirect } from 'next/navigation';

// /org: the organisation section opens on its dashboard.
export default function OrgIndexPage() {
  redirect('/org/dashboard');
}
