// Buttons, icon buttons, badges, menus and tooltips.
import { Archive, Copy, Download, Mail, MoreHorizontal, Pencil, Phone, Plus, Send, Star, Trash2 } from 'lucide-react';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuShortcut,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { IconButton } from '@/components/ui/icon-button';
import { SimpleTooltip } from '@/components/ui/tooltip';
import { useState } from 'react';
import { DemoLabel, DemoSection } from './demo-section';

/** Statuses as badges with a dot, one of each tone. */
const STATUS_BADGES: [BadgeVariant, string][] = [
  ['success', 'Qualified'],
  ['warning', 'Pending QA'],
  ['danger', 'Rejected'],
  ['info', 'In sequence'],
  ['neutral', 'Draft'],
];

export function Actions() {
  const [showArchived, setShowArchived] = useState(false);
  return (
    <DemoSection id="actions" title="Actions and labels" description="One primary action per view; icon-only buttons always carry a name and a tooltip.">
      <Card className="grid gap-6 p-6">
        <div>
          <DemoLabel>Buttons</DemoLabel>
          <div className="flex flex-wrap items-center gap-2">
            <Button>
              <Plus aria-hidden="true" /> New campaign
            </Button>
            <Button variant="accent">
              <Send aria-hidden="true" /> Send test email
            </Button>
            <Button variant="outline">
              <Download aria-hidden="true" /> Export
            </Button>
            <Button variant="secondary">Save draft</Button>
            <Button variant="ghost">Cancel</Button>
            <Button variant="destructive">
              <Trash2 aria-hidden="true" /> Delete list
            </Button>
            <Button variant="link">View audit trail</Button>
            <Button loading>Importing</Button>
            <Button disabled>Disabled</Button>
          </div>
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <Button size="sm">Small</Button>
            <Button>Default</Button>
            <Button size="lg">Large</Button>
          </div>
        </div>
        <div className="grid gap-6 md:grid-cols-2">
          <div>
            <DemoLabel>Icon buttons</DemoLabel>
            <div className="flex items-center gap-1">
              <IconButton label="Call contact" icon={<Phone />} />
              <IconButton label="Email contact" icon={<Mail />} />
              <IconButton label="Edit account" icon={<Pencil />} shortcut="E" />
              <IconButton label="Copy domain" icon={<Copy />} />
              <IconButton label="Add to favourites" icon={<Star />} variant="outline" />
              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button variant="ghost" size="icon" aria-label="More actions">
                    <MoreHorizontal aria-hidden="true" />
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="start">
                  <DropdownMenuLabel>Northwind Analytics</DropdownMenuLabel>
                  <DropdownMenuItem>
                    <Pencil aria-hidden="true" /> Edit account <DropdownMenuShortcut>E</DropdownMenuShortcut>
                  </DropdownMenuItem>
                  <DropdownMenuItem>
                    <Send aria-hidden="true" /> Add to campaign
                  </DropdownMenuItem>
                  <DropdownMenuItem>
                    <Archive aria-hidden="true" /> Archive
                  </DropdownMenuItem>
                  <DropdownMenuSeparator />
                  <DropdownMenuCheckboxItem checked={showArchived} onCheckedChange={(v) => setShowArchived(v === true)}>
                    Show archived contacts
                  </DropdownMenuCheckboxItem>
                  <DropdownMenuSeparator />
                  <DropdownMenuItem destructive>
                    <Trash2 aria-hidden="true" /> Delete account
                  </DropdownMenuItem>
                </DropdownMenuContent>
              </DropdownMenu>
            </div>
          </div>
          <div>
            <DemoLabel>Tooltip</DemoLabel>
            <SimpleTooltip content="Suppressed on 12 Mar 2026 after a hard bounce">
              <Button variant="outline" size="sm">
                Why is this contact suppressed?
              </Button>
            </SimpleTooltip>
          </div>
        </div>
        <div>
          <DemoLabel>Badges</DemoLabel>
          <div className="flex flex-wrap items-center gap-2">
            {STATUS_BADGES.map(([variant, label]) => (
              <Badge key={label} variant={variant} dot>
                {label}
              </Badge>
            ))}
            <Badge>Campaign manager</Badge>
            <Badge variant="accent">Quality analyst</Badge>
            <Badge variant="solid">Admin</Badge>
            <Badge variant="outline">Client user</Badge>
          </div>
        </div>
      </Card>
    </DemoSection>
  );
}
