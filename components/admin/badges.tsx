import { cn } from '@/components/ui/cn';

const ROLE_STYLE: Record<string, string> = {
  user: 'bg-slate-100 text-slate-800',
  support_admin: 'bg-sky-100 text-sky-900',
  finance_admin: 'bg-emerald-100 text-emerald-900',
  super_admin: 'bg-violet-100 text-violet-900',
};

const STATUS_STYLE: Record<string, string> = {
  active: 'bg-green-100 text-green-900',
  suspended: 'bg-red-100 text-red-900',
  deleted: 'bg-slate-200 text-slate-700',
};

export const roleLabel = (role: string) => role.replace(/_/g, ' ');

export function RoleBadge({ role }: { role: string }) {
  return (
    <span
      className={cn(
        'inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap capitalize',
        ROLE_STYLE[role] ?? ROLE_STYLE.user,
      )}
    >
      {roleLabel(role)}
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={cn(
        'inline-flex rounded-full px-2 py-0.5 text-xs font-medium capitalize',
        STATUS_STYLE[status] ?? STATUS_STYLE.deleted,
      )}
    >
      {status}
    </span>
  );
}
