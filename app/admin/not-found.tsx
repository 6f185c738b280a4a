import { NotFoundPanel } from '@/components/not-found-panel';

// notFound() in the admin area (an unknown user, job or payment id): inside the admin layout.
export default function AdminNotFound() {
  return <NotFoundPanel home={{ href: '/admin', label: 'Back to the admin console' }} />;
}
