// What was ordered (channel, volume, price, window, pace, criteria, questions, delivery, return
// window, notes) and how staff run it: the campaign manager, the per-account cap and the lead
// delivery configuration, edited in a dialog (PATCH) by those who manage orders.
import { useEffect, useState } from 'react';
import { Pencil } from 'lucide-react';
import { DELIVERY_METHOD_LABELS, ORDER_CHANNEL_LABELS, type Order, type Pace } from '@shared/contracts/portal';
import { FormDialog } from '@/components/form/form-dialog';
import { errorsByField } from '@/components/form/apply-api-errors';
import { Button } from '@/components/ui/button';
import { Combobox } from '@/components/ui/combobox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { SectionCard } from '@/components/ui/section-card';
import { toast } from '@/components/ui/toast';
import { formatDay, formatMoney } from './order-badges';
import { updateOrder, useDeliveryConfigChoices, useManagerChoices } from './orders-api';

const paceLabel = (pace: Pace) => (pace.kind === 'weekly_cap' ? `At most ${pace.weeklyCap.toLocaleString('en-US')} a week` : pace.kind === 'front_loaded' ? 'Front-loaded' : 'Even');

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[7.5rem_minmax(0,1fr)] gap-2 py-1">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

export function OrderSummaryCard({ order, canManage, onSaved }: { order: Order; canManage: boolean; onSaved: () => void }) {
  const [editing, setEditing] = useState(false);
  const c = order.criteria;
  const criteria = (
    [
      ['Countries', c.countries],
      ['Industries', c.industries],
      ['Sizes', c.sizes],
      ['Revenue', c.revenues],
      ['Titles', c.titles],
      ['Seniorities', c.seniorities],
      ['Functions', c.functions],
    ] as const
  ).filter(([, list]) => list.length > 0);
  return (
    <SectionCard
      id="order-summary"
      title="Order"
      actions={
        canManage ? (
          <Button size="sm" variant="outline" onClick={() => setEditing(true)}>
            <Pencil aria-hidden="true" />
            Edit running
          </Button>
        ) : undefined
      }
    >
      <div className="grid gap-x-6 text-sm lg:grid-cols-2">
        <dl>
          <Row label="Client">{order.orgName}</Row>
          <Row label="Channel">{ORDER_CHANNEL_LABELS[order.channel]}</Row>
          <Row label="Volume">
            {order.volume.toLocaleString('en-US')} leads at {formatMoney(order.costPerLeadCents, order.currency)} ({formatMoney(order.costPerLeadCents * order.volume, order.currency)})
          </Row>
          <Row label="Window">
            {formatDay(order.startsOn)} – {formatDay(order.endsOn)}
          </Row>
          <Row label="Pace">{paceLabel(order.pace)}</Row>
          <Row label="Delivery">{DELIVERY_METHOD_LABELS[order.deliveryMethod]}</Row>
          <Row label="Return window">{order.returnWindowDays} days</Row>
        </dl>
        <dl>
          <Row label="Campaign manager">{order.managerName ?? <span className="text-muted-foreground">Nobody yet</span>}</Row>
          <Row label="Account cap">{order.accountCap === null ? <span className="text-muted-foreground">From the contact policy</span> : `${order.accountCap} leads an account`}</Row>
          <Row label="Delivery config">{order.deliveryConfigId ? 'Set' : <span className="text-muted-foreground">None (portal only)</span>}</Row>
          {criteria.length === 0 ? (
            <Row label="Criteria">
              <span className="text-muted-foreground">Anyone at the target accounts</span>
            </Row>
          ) : (
            criteria.map(([label, list]) => (
              <Row key={label} label={label}>
                {list.join(', ')}
              </Row>
            ))
          )}
        </dl>
      </div>
      {order.questions.length > 0 && (
        <div className="mt-3 border-t border-border pt-3 text-sm">
          <h3 className="text-xs font-medium text-muted-foreground">Custom questions</h3>
          <ol className="mt-1 list-decimal pl-5">
            {order.questions.map((q) => (
              <li key={q.id}>
                {q.text}
                {!q.required && <span className="text-muted-foreground"> (optional)</span>}
              </li>
            ))}
          </ol>
        </div>
      )}
      {order.notes && (
        <div className="mt-3 border-t border-border pt-3 text-sm">
          <h3 className="text-xs font-medium text-muted-foreground">Notes from the client</h3>
          <p className="mt-1 whitespace-pre-line">{order.notes}</p>
        </div>
      )}
      <RunningDialog order={order} open={editing} onOpenChange={setEditing} onSaved={onSaved} />
    </SectionCard>
  );
}

function RunningDialog({ order, open, onOpenChange, onSaved }: { order: Order; open: boolean; onOpenChange: (open: boolean) => void; onSaved: () => void }) {
  const managers = useManagerChoices({ id: order.managerId, name: order.managerName }, open);
  const configs = useDeliveryConfigChoices(order.orgId, open);
  const [managerId, setManagerId] = useState<string | null>(order.managerId);
  const [accountCap, setAccountCap] = useState('');
  const [configId, setConfigId] = useState<string | null>(order.deliveryConfigId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (!open) return;
    setManagerId(order.managerId);
    setAccountCap(order.accountCap === null ? '' : String(order.accountCap));
    setConfigId(order.deliveryConfigId);
    setErrors({});
  }, [open, order]);

  const configOptions = (configs.data ?? []).map((c) => ({ value: c.id, label: c.name, detail: `${c.kind}${c.active ? '' : ' · inactive'}` }));
  if (order.deliveryConfigId && !configOptions.some((o) => o.value === order.deliveryConfigId)) configOptions.push({ value: order.deliveryConfigId, label: 'The current configuration', detail: '' });

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Running ${order.reference}`}
      description="Who runs the order, how many leads one account may give it, and where its leads are delivered besides the portal."
      onSubmit={async (event) => {
        event?.preventDefault();
        const cap = accountCap.trim() === '' ? null : /^\d+$/.test(accountCap.trim()) ? Number(accountCap) : Number.NaN;
        if (cap !== null && (!Number.isInteger(cap) || cap < 1 || cap > 1000)) {
          setErrors({ accountCap: 'A whole number from 1 to 1,000, or empty for the contact policy’s cap.' });
          return;
        }
        setPending(true);
        try {
          await updateOrder(order.id, { managerId, accountCap: cap, deliveryConfigId: configId });
          toast.success(`${order.reference} saved.`);
          onOpenChange(false);
          onSaved();
        } catch (error) {
          setErrors(Object.fromEntries(Object.entries(errorsByField(error)).map(([path, message]) => [path.replace(/^body\./, ''), message])));
        } finally {
          setPending(false);
        }
      }}
      pending={pending}
      formError={errors.form ?? null}
      submitLabel="Save"
    >
      <Field label="Campaign manager" error={errors.managerId} hint="Pacing alerts go to them.">
        {(control) => (
          <Combobox {...control} options={managers} value={managerId} onChange={setManagerId} placeholder="Nobody" searchPlaceholder="Search people" emptyText="Nobody by that name." />
        )}
      </Field>
      <Field label="Leads per account" error={errors.accountCap} hint="Empty: the contact policy’s account cap applies.">
        <Input inputMode="numeric" value={accountCap} onChange={(e) => setAccountCap(e.target.value)} />
      </Field>
      <Field label="Delivery configuration" error={errors.deliveryConfigId} hint="A webhook, form post or CSV of the client’s (Settings › Leads).">
        {(control) => (
          <Combobox
            {...control}
            options={configOptions}
            value={configId}
            onChange={setConfigId}
            placeholder={configs.isLoading ? 'Loading…' : 'None (portal only)'}
            searchPlaceholder="Search configurations"
            emptyText="The client has no delivery configuration."
          />
        )}
      </Field>
    </FormDialog>
  );
}
