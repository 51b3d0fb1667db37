// One delivery configuration opened from the list: where it sends and how fields are named, a
// test send with the client's receipt, rotating the signing secret (behind a confirmation: the
// old one stops working) and the buttons to edit, switch off or delete it.
import { useState } from 'react';
import { KeyRound, Pencil, Send, Trash2 } from 'lucide-react';
import type { DeliveryConfig, DeliveryReceipt } from '@shared/contracts/lead-delivery';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Sheet, SheetBody, SheetContent, SheetDescription, SheetFooter, SheetHeader, SheetTitle } from '@/components/ui/sheet';
import { toast } from '@/components/ui/toast';
import { describeError } from '@/lib/api';
import { DELIVERY_KIND_LABELS } from './delivery-labels';
import { DeliveryReceiptCard } from './delivery-receipt';
import { useRotateDeliverySecret, useSendTestDelivery, useUpdateDeliveryConfig } from './settings-api';

export interface DeliveryConfigSheetProps {
  config: DeliveryConfig | null;
  onClose: () => void;
  canConfigure: boolean;
  onEdit: (config: DeliveryConfig) => void;
  onRemove: (config: DeliveryConfig) => void;
  /** Told of a rotated secret, to show it once. */
  onSecret: (config: DeliveryConfig, secret: string) => void;
}

export function DeliveryConfigSheet({ config, onClose, canConfigure, onEdit, onRemove, onSecret }: DeliveryConfigSheetProps) {
  const test = useSendTestDelivery();
  const rotate = useRotateDeliverySecret();
  const update = useUpdateDeliveryConfig();
  const [receipt, setReceipt] = useState<{ configId: string; receipt: DeliveryReceipt } | null>(null);
  const [testError, setTestError] = useState<string | null>(null);
  const [askRotate, setAskRotate] = useState(false);

  async function sendTest(c: DeliveryConfig) {
    setTestError(null);
    setReceipt(null);
    try {
      setReceipt({ configId: c.id, receipt: await test.mutateAsync(c.id) });
    } catch (error) {
      setTestError(describeError(error));
    }
  }

  async function toggleActive(c: DeliveryConfig) {
    try {
      await update.mutateAsync({ id: c.id, patch: { active: !c.active } });
      toast.success(`${c.name} is ${c.active ? 'switched off' : 'active again'}.`);
    } catch (error) {
      toast.error(`${c.name} was not changed`, { description: describeError(error) });
    }
  }

  const shownReceipt = config && receipt?.configId === config.id ? receipt.receipt : null;
  return (
    <Sheet
      open={config !== null}
      onOpenChange={(open) => {
        if (open) return;
        setReceipt(null);
        setTestError(null);
        onClose();
      }}
    >
      <SheetContent width="lg">
        {config && (
          <>
            <SheetHeader>
              <SheetTitle>{config.name}</SheetTitle>
              <SheetDescription>
                {DELIVERY_KIND_LABELS[config.kind]} to {config.clientName} · {config.campaignName ?? 'every campaign of the client'}
              </SheetDescription>
              <div className="flex gap-1.5 pt-1">
                {config.active ? <Badge variant="success">Active</Badge> : <Badge variant="neutral">Inactive</Badge>}
                {config.kind === 'webhook' && (config.hasSecret ? <Badge variant="outline">Signed</Badge> : <Badge variant="warning">No secret</Badge>)}
              </div>
            </SheetHeader>
            <SheetBody className="grid content-start gap-5">
              <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm">
                <dt className="text-muted-foreground">URL</dt>
                <dd className="break-all font-mono text-[13px]">{config.url ?? '—'}</dd>
                <dt className="text-muted-foreground">Campaign</dt>
                <dd>{config.campaignName ?? 'Every campaign of the client'}</dd>
              </dl>

              <section aria-labelledby="field-map-title" className="grid gap-2">
                <h3 id="field-map-title" className="text-sm font-semibold">
                  Field map
                </h3>
                {config.fieldMap.length === 0 ? (
                  <p className="text-sm text-muted-foreground">Every field is sent under its own name.</p>
                ) : (
                  <table className="w-full text-sm" aria-labelledby="field-map-title">
                    <thead className="text-left text-xs text-muted-foreground">
                      <tr>
                        <th className="py-1 font-medium">Our field</th>
                        <th className="py-1 font-medium">Client's field</th>
                      </tr>
                    </thead>
                    <tbody>
                      {config.fieldMap.map((e) => (
                        <tr key={`${e.from}-${e.to}`} className="border-t border-border">
                          <td className="py-1 font-mono text-[13px]">{e.from}</td>
                          <td className="py-1 font-mono text-[13px]">{e.to}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>

              {canConfigure && (
                <section aria-labelledby="test-send-title" className="grid gap-2">
                  <div className="flex items-center justify-between gap-3">
                    <div>
                      <h3 id="test-send-title" className="text-sm font-semibold">
                        Test send
                      </h3>
                      <p className="text-xs text-muted-foreground">Sends a sample lead, marked as a test, and shows what the client answered.</p>
                    </div>
                    <Button size="sm" variant="outline" loading={test.isPending} onClick={() => void sendTest(config)}>
                      <Send aria-hidden="true" /> Send test
                    </Button>
                  </div>
                  {testError && (
                    <p role="alert" className="rounded-lg border border-danger/30 bg-danger-subtle px-3 py-2 text-sm text-danger-text">
                      {testError}
                    </p>
                  )}
                  <div aria-live="polite">{shownReceipt && <DeliveryReceiptCard receipt={shownReceipt} title="Test receipt" />}</div>
                </section>
              )}
            </SheetBody>
            {canConfigure && (
              <SheetFooter className="flex-wrap justify-between">
                <Button variant="ghost" className="text-danger-text" onClick={() => onRemove(config)}>
                  <Trash2 aria-hidden="true" /> Delete
                </Button>
                <div className="flex flex-wrap gap-2">
                  {config.kind !== 'csv' && (
                    <Button variant="outline" onClick={() => setAskRotate(true)}>
                      <KeyRound aria-hidden="true" /> Rotate secret
                    </Button>
                  )}
                  <Button variant="outline" loading={update.isPending} onClick={() => void toggleActive(config)}>
                    {config.active ? 'Deactivate' : 'Activate'}
                  </Button>
                  <Button onClick={() => onEdit(config)}>
                    <Pencil aria-hidden="true" /> Edit
                  </Button>
                </div>
              </SheetFooter>
            )}
            <ConfirmDialog
              open={askRotate}
              onOpenChange={setAskRotate}
              destructive
              title={`Rotate the secret of ${config.name}?`}
              description="A new secret is made and shown once. The old one stops working at once: the client must switch to the new one before the next delivery."
              confirmLabel="Rotate secret"
              onConfirm={async () => {
                try {
                  const secret = await rotate.mutateAsync(config.id);
                  if (secret) onSecret(config, secret);
                } catch (error) {
                  toast.error('The secret was not rotated', { description: describeError(error) });
                  throw error;
                }
              }}
            />
          </>
        )}
      </SheetContent>
    </Sheet>
  );
}
