// Lead QA settings → Delivery: the clients' delivery configurations, filtered to one client or
// all, each opened in a sheet (test send, secret rotation, switch off, edit, delete); made in a
// dialog, after which the signing secret is shown once.
import { useMemo, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { Eye, Webhook } from 'lucide-react';
import type { DeliveryConfig } from '@shared/contracts/lead-delivery';
import { Badge } from '@/components/ui/badge';
import { Combobox } from '@/components/ui/combobox';
import { Label } from '@/components/ui/label';
import { SettingsCollection, collectionList } from '@/features/email-settings/settings-collection';
import { DeliveryConfigDialog } from './delivery-config-dialog';
import { DeliveryConfigSheet } from './delivery-config-sheet';
import { DELIVERY_KIND_LABELS } from './delivery-labels';
import { SecretDialog } from './secret-dialog';
import { useClientOrganisations, useDeleteDeliveryConfig, useDeliveryConfigs } from './settings-api';

const ALL_CLIENTS = 'all';

const PURPOSE = 'Where approved leads go: a signed JSON webhook, a post to the client’s own form, or a CSV file. One configuration serves one campaign or every campaign of its client.';

export function DeliveryConfigsTab({ canConfigure }: { canConfigure: boolean }) {
  const [clientOrgId, setClientOrgId] = useState<string | null>(null);
  const list = useDeliveryConfigs(clientOrgId);
  const organisations = useClientOrganisations();
  const remove = useDeleteDeliveryConfig();
  const [openId, setOpenId] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ config: DeliveryConfig | null } | null>(null);
  const [removing, setRemoving] = useState<DeliveryConfig | null>(null);
  // The secret shown once; a new configuration opens once its secret has been seen.
  const [secret, setSecret] = useState<{ name: string; secret: string; thenOpen?: string } | null>(null);

  // Clients: every organisation, and any a configuration names.
  const clients = useMemo(() => {
    const byId = new Map<string, string>();
    for (const o of organisations.data ?? []) byId.set(o.id, o.name);
    for (const c of list.data ?? []) if (!byId.has(c.clientOrgId)) byId.set(c.clientOrgId, c.clientName);
    return [...byId].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [organisations.data, list.data]);
  const opened = list.data?.find((c) => c.id === openId) ?? null;

  const columns = useMemo<ColumnDef<DeliveryConfig, unknown>[]>(
    () => [
      {
        id: 'name',
        header: 'Name',
        size: 220,
        meta: { locked: true },
        cell: ({ row }) => (
          <span className="flex min-w-0 items-center gap-2">
            <span className="truncate font-medium">{row.original.name}</span>
            {!row.original.active && <Badge variant="neutral">Inactive</Badge>}
          </span>
        ),
      },
      { id: 'client', header: 'Client', size: 160, cell: ({ row }) => <span className="truncate">{row.original.clientName}</span> },
      { id: 'kind', header: 'Kind', size: 100, cell: ({ row }) => DELIVERY_KIND_LABELS[row.original.kind] },
      {
        id: 'campaign',
        header: 'Campaign',
        size: 180,
        cell: ({ row }) => <span className="truncate">{row.original.campaignName ?? <span className="text-muted-foreground">All campaigns</span>}</span>,
      },
      {
        id: 'url',
        header: 'Target',
        size: 260,
        cell: ({ row }) => <span className="truncate font-mono text-[13px]">{row.original.url ?? <span className="text-muted-foreground">CSV file</span>}</span>,
      },
      {
        id: 'fields',
        header: 'Fields',
        size: 70,
        cell: ({ row }) => <span className="tabular text-muted-foreground">{row.original.fieldMap.length || 'All'}</span>,
      },
    ],
    [],
  );

  return (
    <>
      <div className="mb-3 grid max-w-sm gap-1.5">
        <Label htmlFor="delivery-client-filter">Client</Label>
        <Combobox
          id="delivery-client-filter"
          value={clientOrgId ?? ALL_CLIENTS}
          onChange={(next) => setClientOrgId(next === ALL_CLIENTS ? null : next)}
          options={[{ value: ALL_CLIENTS, label: 'All clients' }, ...clients]}
          placeholder="All clients"
          searchPlaceholder="Search clients"
          emptyText="No client by that name."
        />
      </div>
      <SettingsCollection<DeliveryConfig>
        {...collectionList(list)}
        tableId="lead-delivery-configs"
        label="Delivery configurations"
        itemNames={['configuration', 'configurations']}
        purpose={PURPOSE}
        nameOf={(c) => c.name}
        columns={columns}
        add={{ label: 'Add configuration', onAdd: () => setEditing({ config: null }) }}
        open={{ onOpen: (c) => setOpenId(c.id), action: { label: (c) => `Open ${c.name}`, icon: <Eye aria-hidden="true" /> }, forReaders: true }}
        empty={{ icon: <Webhook />, title: 'No delivery configurations yet', description: 'Add one for each client: approved leads are delivered to every active configuration that serves their campaign.' }}
        remove={{
          title: (c) => `Delete the delivery configuration “${c.name}”?`,
          description: 'Leads are no longer sent through it. Its past deliveries and receipts are kept. To pause it instead, deactivate it.',
          removed: (c) => `Delivery configuration “${c.name}” deleted.`,
          run: (id) => remove.mutateAsync(id),
          onRemoved: () => setOpenId(null),
        }}
        removing={removing}
        onRemovingChange={setRemoving}
        canConfigure={canConfigure}
      >
        <DeliveryConfigDialog
          open={editing !== null}
          onOpenChange={(next) => !next && setEditing(null)}
          config={editing?.config ?? null}
          clients={clients}
          clientOrgId={clientOrgId}
          onCreated={(created) => {
            if (created.secret) setSecret({ name: created.name, secret: created.secret, thenOpen: created.id });
            else setOpenId(created.id);
          }}
        />
        <DeliveryConfigSheet
          config={opened}
          onClose={() => setOpenId(null)}
          canConfigure={canConfigure}
          onEdit={(c) => setEditing({ config: c })}
          onRemove={(c) => setRemoving(c)}
          onSecret={(c, s) => setSecret({ name: c.name, secret: s })}
        />
        <SecretDialog secret={secret?.secret ?? null} configName={secret?.name ?? ''} onClose={() => {
            if (secret?.thenOpen) setOpenId(secret.thenOpen);
            setSecret(null);
          }}
        />
      </SettingsCollection>
    </>
  );
}
