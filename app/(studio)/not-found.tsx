import { NotFoundPanel } from '@/components/not-found-panel';

// notFound() in this area: the message inside the area's own layout (header and main already there).
export default function AreaNotFound() {
  return <NotFoundPanel />;
}
