'use client';

import { useSyncExternalStore } from 'react';
import { formatLocalDateTime, formatLocalShort, formatUtc, formatUtcShort } from '@/lib/format';

const subscribe = () => () => {};

/**
 * A date in the reader's own time zone. The server (and the first client
 * render, for hydration) shows UTC with the suffix; the local text replaces
 * it right after mount. `short` drops the year, for narrow cards.
 */
export function LocalTime({
  value,
  short = false,
  className,
}: {
  value: string;
  short?: boolean;
  className?: string;
}) {
  const mounted = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const text = mounted
    ? short
      ? formatLocalShort(value)
      : formatLocalDateTime(value)
    : short
      ? formatUtcShort(value)
      : formatUtc(value);
  return (
    <time dateTime={value} className={className}>
      {text}
    </time>
  );
}
