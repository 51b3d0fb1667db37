// Dialogs, sheets, confirmations, toasts, the command palette and the shortcuts list.
import { useState } from 'react';
import { Building2, Contact, LayoutDashboard, Megaphone, Moon, Plus, UserPlus } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CommandPalette, type PaletteGroup } from '@/components/ui/command-palette';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger, DialogClose } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Sheet, SheetBody, SheetContent, SheetDescription, SheetFooter, SheetHeader, SheetTitle, SheetTrigger } from '@/components/ui/sheet';
import { ShortcutsDialog } from '@/components/ui/shortcuts-dialog';
import { toast } from '@/components/ui/toast';
import { toggleTheme } from '@/lib/theme';
import { DemoLabel, DemoSection } from './demo-section';

const AUDIT = [
  { who: 'Maya Chen', what: 'Changed roles', from: 'Agent', to: 'Agent, Quality analyst', when: '2026-11-18 14:02' },
  { who: 'Maya Chen', what: 'Reset password', from: '—', to: '—', when: '2026-11-02 09:41' },
  { who: 'System', what: 'Created user', from: '—', to: 'jonas.weber@pivotal.example', when: '2026-10-30 16:15' },
];

const PALETTE_GROUPS: PaletteGroup[] = [
  {
    heading: 'Go to',
    commands: [
      { id: 'go-dashboard', label: 'Dashboard', icon: <LayoutDashboard />, shortcut: 'g d', onSelect: () => toast('Going to the dashboard') },
      { id: 'go-accounts', label: 'Accounts', icon: <Building2 />, shortcut: 'g a', onSelect: () => toast('Going to accounts') },
      { id: 'go-campaigns', label: 'Campaigns', icon: <Megaphone />, shortcut: 'g c', onSelect: () => toast('Going to campaigns') },
    ],
  },
  {
    heading: 'Actions',
    commands: [
      { id: 'new-campaign', label: 'New campaign', icon: <Plus />, keywords: ['create', 'email'], onSelect: () => toast('New campaign') },
      { id: 'invite-user', label: 'Create user', icon: <UserPlus />, keywords: ['invite', 'team'], onSelect: () => toast('Create user') },
      { id: 'toggle-theme', label: 'Toggle theme', icon: <Moon />, keywords: ['dark', 'light'], onSelect: toggleTheme },
    ],
  },
];

/** A stand-in record search so the palette's async results can be seen here. */
async function searchRecords(query: string): Promise<PaletteGroup[]> {
  await new Promise((r) => setTimeout(r, 150));
  const q = query.toLowerCase();
  const accounts = ['Cedar Health Group', 'Northwind Analytics', 'Summit Payments', 'Granite Logistics']
    .filter((n) => n.toLowerCase().includes(q))
    .map((n) => ({ id: `acc-${n}`, label: n, icon: <Building2 />, detail: 'Account', onSelect: () => toast(`Opening ${n}`) }));
  const contacts = ['Emma Johnson', 'Arjun Patel', 'Lena Müller']
    .filter((n) => n.toLowerCase().includes(q))
    .map((n) => ({ id: `con-${n}`, label: n, icon: <Contact />, detail: 'Contact', onSelect: () => toast(`Opening ${n}`) }));
  return [
    ...(accounts.length ? [{ heading: 'Accounts', commands: accounts }] : []),
    ...(contacts.length ? [{ heading: 'Contacts', commands: contacts }] : []),
  ];
}

export function Overlays() {
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [typedOpen, setTypedOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  return (
    <DemoSection id="overlays" title="Overlays and feedback" description="Focus moves in and comes back; Escape always closes.">
      <Card className="grid gap-6 p-6 md:grid-cols-2 xl:grid-cols-3">
        <div>
          <DemoLabel>Dialog</DemoLabel>
          <Dialog>
            <DialogTrigger asChild>
              <Button variant="outline">Rename list</Button>
            </DialogTrigger>
            <DialogContent>
              <DialogHeader>
                <DialogTitle>Rename list</DialogTitle>
                <DialogDescription>The list keeps its 1,240 contacts and its campaign history.</DialogDescription>
              </DialogHeader>
              <Field label="List name">
                <Input defaultValue="Fintech VPs — North America" />
              </Field>
              <DialogFooter>
                <DialogClose asChild>
                  <Button variant="outline">Cancel</Button>
                </DialogClose>
                <DialogClose asChild>
                  <Button onClick={() => toast.success('List renamed')}>Save</Button>
                </DialogClose>
              </DialogFooter>
            </DialogContent>
          </Dialog>
        </div>
        <div>
          <DemoLabel>Sheet</DemoLabel>
          <Sheet>
            <SheetTrigger asChild>
              <Button variant="outline">Audit trail</Button>
            </SheetTrigger>
            <SheetContent>
              <SheetHeader>
                <SheetTitle>Jonas Weber — audit trail</SheetTitle>
                <SheetDescription>Every change to this user, newest first.</SheetDescription>
              </SheetHeader>
              <SheetBody>
                <ol className="grid gap-4">
                  {AUDIT.map((a) => (
                    <li key={a.when} className="rounded-lg border border-border p-3 text-sm">
                      <p className="font-medium">{a.what}</p>
                      <p className="text-muted-foreground">
                        {a.from} → {a.to}
                      </p>
                      <p className="mt-1 text-xs text-muted-foreground">
                        {a.who} · <span className="font-mono">{a.when}</span>
                      </p>
                    </li>
                  ))}
                </ol>
              </SheetBody>
              <SheetFooter>
                <Button variant="outline" onClick={() => toast.info('Audit export queued')}>
                  Export CSV
                </Button>
              </SheetFooter>
            </SheetContent>
          </Sheet>
        </div>
        <div>
          <DemoLabel>Confirmation</DemoLabel>
          <div className="flex flex-wrap gap-2">
            <Button variant="outline" onClick={() => setConfirmOpen(true)}>
              Deactivate user
            </Button>
            <Button variant="destructive" onClick={() => setTypedOpen(true)}>
              Delete segment
            </Button>
          </div>
          <ConfirmDialog
            open={confirmOpen}
            onOpenChange={setConfirmOpen}
            title="Deactivate Jonas Weber?"
            description="He is signed out everywhere and can no longer sign in. You can reactivate him later."
            confirmLabel="Deactivate"
            destructive
            onConfirm={() => {
              toast.success('Jonas Weber deactivated');
            }}
          />
          <ConfirmDialog
            open={typedOpen}
            onOpenChange={setTypedOpen}
            title="Delete segment “Fintech VPs”?"
            description="Three campaigns use this segment. They keep their sent history but stop adding contacts."
            confirmLabel="Delete segment"
            destructive
            confirmText="Fintech VPs"
            onConfirm={() => {
              toast.success('Segment deleted');
            }}
          />
        </div>
        <div>
          <DemoLabel>Toasts</DemoLabel>
          <div className="flex flex-wrap gap-2">
            <Button variant="outline" onClick={() => toast.success('Import finished', { description: '12,480 contacts added, 312 duplicates merged.' })}>
              Success
            </Button>
            <Button variant="outline" onClick={() => toast.error('Send paused', { description: 'Bounce rate passed 5% on the last 1,000 sends.' })}>
              Error
            </Button>
            <Button variant="outline" onClick={() => toast.warning('Daily sending limit at 90%')}>
              Warning
            </Button>
          </div>
        </div>
        <div>
          <DemoLabel>Command palette</DemoLabel>
          <Button variant="outline" onClick={() => setPaletteOpen(true)}>
            Open palette
          </Button>
          <CommandPalette groups={PALETTE_GROUPS} search={searchRecords} open={paletteOpen} onOpenChange={setPaletteOpen} hotkey={false} />
        </div>
        <div>
          <DemoLabel>Shortcuts</DemoLabel>
          <Button variant="outline" onClick={() => setShortcutsOpen(true)}>
            Keyboard shortcuts
          </Button>
          <ShortcutsDialog
            open={shortcutsOpen}
            onOpenChange={setShortcutsOpen}
            hotkey={false}
            groups={[
              {
                heading: 'Everywhere',
                shortcuts: [
                  { combo: 'mod+k', label: 'Command palette' },
                  { combo: '?', label: 'This list' },
                  { combo: 'g d', label: 'Go to dashboard' },
                ],
              },
              {
                heading: 'Tables',
                shortcuts: [
                  { combo: 'j', label: 'Next row' },
                  { combo: 'k', label: 'Previous row' },
                  { combo: 'x', label: 'Select row' },
                  { combo: 'enter', label: 'Open row' },
                ],
              },
            ]}
          />
        </div>
      </Card>
    </DemoSection>
  );
}
