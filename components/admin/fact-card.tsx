import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';

export type Fact = readonly [label: string, value: ReactNode];

/** A titled card of label/value pairs in two columns (the admin detail pages). */
export function FactCard({
  title,
  facts,
  className,
  breakAll,
}: {
  title: string;
  facts: readonly Fact[];
  className?: string;
  /** Break long unspaced values (emails, ids) anywhere. */
  breakAll?: boolean;
}) {
  return (
    <Card className={className}>
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      <dl className="mt-4 grid gap-x-8 gap-y-3 text-sm sm:grid-cols-2">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-600">{label}</dt>
            <dd className={cn('font-medium text-slate-900', breakAll && 'break-all')}>{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
