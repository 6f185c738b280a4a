import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Input } from '@/components/ui/input';
import { labelClass } from '@/components/ui/label';
import { Select } from '@/components/ui/select';

/** One control of a filter form; its `name` is the list's query parameter. */
export type FilterField =
  | {
      kind: 'text' | 'search' | 'date';
      name: string;
      label: string;
      placeholder?: string;
      className?: string;
    }
  | {
      kind: 'select';
      name: string;
      label: string;
      options: ReadonlyArray<{ value: string; label: string }>;
      /** The empty option's text ("Any" unless told). */
      any?: string;
      className?: string;
    };

/**
 * The filter form of an admin list: a plain GET form (works without
 * JavaScript, the URL is the state), labelled controls refilled from the
 * current search params, Filter and Clear. Parameters not shown as fields
 * (a status tab, say) ride along in `keep`.
 */
export function FilterBar({
  action,
  label,
  fields,
  values,
  keep = {},
  submitLabel = 'Filter',
  className,
}: {
  action: string;
  /** The form's accessible name, e.g. "Filter jobs". */
  label: string;
  fields: readonly FilterField[];
  /** The current search params (parseSearchParams' `values`). */
  values: Record<string, string | undefined>;
  keep?: Record<string, string | undefined>;
  submitLabel?: string;
  className?: string;
}) {
  const idOf = (name: string) => `filter-${name}`;
  return (
    <form
      role="search"
      aria-label={label}
      action={action}
      className={cn(
        'grid grid-cols-1 gap-3 rounded-xl border border-slate-200 bg-slate-50 p-4 sm:grid-cols-2 lg:grid-cols-4 lg:items-end',
        className,
      )}
    >
      {Object.entries(keep).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      {fields.map((f) => (
        <div key={f.name} className={cn('min-w-0', f.className)}>
          <label htmlFor={idOf(f.name)} className={labelClass}>
            {f.label}
          </label>
          {f.kind === 'select' ? (
            <Select
              id={idOf(f.name)}
              name={f.name}
              defaultValue={values[f.name] ?? ''}
              className="min-h-11"
            >
              <option value="">{f.any ?? 'Any'}</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          ) : (
            <Input
              id={idOf(f.name)}
              name={f.name}
              type={f.kind}
              defaultValue={values[f.name] ?? ''}
              placeholder={f.placeholder}
              className="min-h-11"
            />
          )}
        </div>
      ))}
      <div className="flex items-end gap-2">
        <Button type="submit" className="min-h-11">
          {submitLabel}
        </Button>
        <Button asChild variant="ghost" className="min-h-11">
          <Link href={action}>Clear</Link>
        </Button>
      </div>
    </form>
  );
}
