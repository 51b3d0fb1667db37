// One account in the card layout: gradient avatar, name and domain, the key facts (industry,
// size, revenue, country, contacts) and a selection tick. It lifts on hover, except under
// reduced motion (the kit's card-elevate utility handles that).
import { Building2, Contact, Globe2, MapPin, Users, Wallet } from 'lucide-react';
import { Link } from 'wouter';
import type { Account } from '@shared/contracts/accounts';
import { Checkbox } from '@/components/ui/checkbox';
import { countryName, formatCount, formatUsd } from '@/features/records/format';
import { cn } from '@/lib/utils';
import { AccountAvatar } from '@/features/records/account-avatar';
import { useAccountContactCount } from './accounts-api';

export const ACCOUNT_CARD_HEIGHT = 172;

function Fact({ icon: Icon, label, value }: { icon: typeof Users; label: string; value: string | null }) {
  return (
    <div className="flex min-w-0 items-center gap-1.5">
      <Icon className="size-3.5 shrink-0 text-muted-foreground" aria-hidden="true" />
      <dt className="sr-only">{label}</dt>
      <dd className={cn('truncate', !value && 'text-muted-foreground')}>{value ?? '—'}</dd>
    </div>
  );
}

export function AccountCard({ account, selected, selectable, onToggle, onOpen }: { account: Account; selected: boolean; selectable: boolean; onToggle: () => void; onOpen: () => void }) {
  const size = account.employeeRange ? `${account.employeeRange} staff` : account.employeeCount !== null ? `${formatCount(account.employeeCount)} staff` : null;
  const revenue = account.revenueRange ? `${account.revenueRange} revenue` : account.annualRevenue !== null ? `${formatUsd(account.annualRevenue)} revenue` : null;
  const contactCount = useAccountContactCount(account);
  const contacts = contactCount !== undefined ? `${formatCount(contactCount)} ${contactCount === 1 ? 'contact' : 'contacts'}` : null;
  return (
    <article
      aria-label={account.name}
      onClick={onOpen}
      className={cn(
        'card-elevate group relative flex h-full cursor-pointer flex-col gap-3 overflow-hidden rounded-lg border bg-card p-4 text-card-foreground shadow-xs',
        selected ? 'border-primary ring-1 ring-primary' : 'border-border hover:border-primary/40',
      )}
      data-testid="account-card"
      data-state={selected ? 'selected' : undefined}
    >
      <span className="pointer-events-none absolute inset-x-0 top-0 h-14 opacity-[0.08] transition-opacity group-hover:opacity-[0.14]" style={{ backgroundImage: 'var(--gradient-brand)' }} aria-hidden="true" />
      <div className="relative flex items-start gap-3">
        <AccountAvatar name={account.name} domain={account.domain} className="icon-pop" />
        <div className="min-w-0 flex-1">
          <Link href={`/accounts/${account.id}`} tabIndex={-1} onClick={(e) => e.stopPropagation()} className="block truncate text-[15px] font-semibold leading-tight hover:underline">
            {account.name}
          </Link>
          <p className="mt-0.5 truncate font-mono text-xs text-muted-foreground">{account.domain ?? 'no domain'}</p>
        </div>
        {selectable && (
          <span onClick={(e) => e.stopPropagation()} className="pt-0.5">
            <Checkbox tabIndex={-1} checked={selected} onCheckedChange={onToggle} aria-label={`Select ${account.name}`} />
          </span>
        )}
      </div>
      <dl className="relative grid grid-cols-2 gap-x-3 gap-y-2 text-[13px]">
        <Fact icon={Building2} label="Industry" value={account.industry} />
        <Fact icon={MapPin} label="Country" value={countryName(account.country)} />
        <Fact icon={Users} label="Size" value={size} />
        <Fact icon={Wallet} label="Revenue" value={revenue} />
        <Fact icon={Contact} label="Contacts" value={contacts} />
        {account.website && <Fact icon={Globe2} label="Website" value={account.website.replace(/^https?:\/\//, '')} />}
      </dl>
    </article>
  );
}
