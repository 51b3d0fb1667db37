// Page structure: header bar, stat cards, cards, section cards and tabs.
import { BadgeCheck, CalendarClock, MailOpen, PhoneCall, Plus, Upload, Users } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { SectionCard } from '@/components/ui/section-card';
import { StatCard } from '@/components/ui/stat-card';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { DemoLabel, DemoSection } from './demo-section';

const CAMPAIGNS = [
  { name: 'Q1 ABM — Fintech decision makers', channel: 'Email', sent: 18_420, rate: '41.2%', status: 'Active' },
  { name: 'Healthcare IT — CISO outreach', channel: 'Calls', sent: 2_315, rate: '12.8%', status: 'Active' },
  { name: 'EMEA manufacturing re-engagement', channel: 'Email', sent: 9_870, rate: '28.6%', status: 'Paused' },
];

export function Surfaces() {
  return (
    <DemoSection id="surfaces" title="Page structure" description="A header with the page's actions, numbers that count up, cards that lift on hover.">
      <Card className="p-6">
        <HeaderActionBar
          eyebrow="Campaigns"
          title="Q1 ABM — Fintech decision makers"
          meta={
            <Badge variant="success" dot>
              Active
            </Badge>
          }
          description="Email sequence to 4,200 VP-level contacts at 640 target accounts in North America and the UK."
          actions={
            <>
              <Button variant="outline">
                <Upload aria-hidden="true" /> Import contacts
              </Button>
              <Button>
                <Plus aria-hidden="true" /> Add step
              </Button>
            </>
          }
          className="pb-0"
        />
      </Card>
      <div className="mt-4 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label="Qualified leads this month" value={1284} trend={12.4} trendLabel="vs. last month" icon={<BadgeCheck />} highlight />
        <StatCard label="Emails delivered" value={48_920} trend={3.1} trendLabel="vs. last month" icon={<MailOpen />} />
        <StatCard label="Connected calls" value={2315} trend={-4.6} trendLabel="vs. last month" icon={<PhoneCall />} />
        <StatCard label="Open rate" value={41.2} format={(v) => `${v.toFixed(1)}%`} hint="Industry median 27%" icon={<Users />} />
      </div>
      <div className="mt-4 grid gap-4 lg:grid-cols-3">
        <Card interactive>
          <CardHeader>
            <CardTitle>Cedar Health Group</CardTitle>
            <CardDescription className="font-mono">cedarhealth.co.uk</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-2 text-sm">
            <div className="flex justify-between">
              <span className="text-muted-foreground">Open opportunities</span>
              <span className="font-mono tabular">3</span>
            </div>
            <div className="flex justify-between">
              <span className="text-muted-foreground">Contacts</span>
              <span className="font-mono tabular">47</span>
            </div>
            <div className="flex justify-between">
              <span className="text-muted-foreground">Owner</span>
              <span>Priya Raman</span>
            </div>
          </CardContent>
        </Card>
        <SectionCard
          className="lg:col-span-2"
          title="Active campaigns"
          description="Sorted by last send"
          actions={
            <Button size="sm" variant="outline">
              <CalendarClock aria-hidden="true" /> Schedule
            </Button>
          }
          flush
        >
          <ul className="divide-y divide-border">
            {CAMPAIGNS.map((c) => (
              <li key={c.name} className="flex items-center gap-4 px-5 py-3 text-sm">
                <span className="min-w-0 flex-1 truncate font-medium">{c.name}</span>
                <Badge variant="outline">{c.channel}</Badge>
                <span className="w-20 text-right font-mono tabular">{c.sent.toLocaleString('en-US')}</span>
                <span className="w-14 text-right font-mono tabular">{c.rate}</span>
                <Badge variant={c.status === 'Active' ? 'success' : 'warning'} dot>
                  {c.status}
                </Badge>
              </li>
            ))}
          </ul>
        </SectionCard>
      </div>
      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <div>
          <DemoLabel>Tabs</DemoLabel>
          <Tabs defaultValue="activity">
            <TabsList>
              <TabsTrigger value="activity">Activity</TabsTrigger>
              <TabsTrigger value="contacts">Contacts</TabsTrigger>
              <TabsTrigger value="leads">Leads</TabsTrigger>
            </TabsList>
            <TabsContent value="activity" className="text-sm text-muted-foreground">
              Diego Alvarez logged a 6-minute call with Emma Johnson (VP Marketing) — interested, follow-up booked.
            </TabsContent>
            <TabsContent value="contacts" className="text-sm text-muted-foreground">
              47 contacts, 31 opted in to email, 4 on the do-not-call list.
            </TabsContent>
            <TabsContent value="leads" className="text-sm text-muted-foreground">
              3 leads awaiting QA, 12 delivered to the client this quarter.
            </TabsContent>
          </Tabs>
        </div>
        <div>
          <DemoLabel>Segmented tabs</DemoLabel>
          <Tabs defaultValue="week">
            <TabsList variant="pill">
              <TabsTrigger value="day">Today</TabsTrigger>
              <TabsTrigger value="week">7 days</TabsTrigger>
              <TabsTrigger value="month">30 days</TabsTrigger>
            </TabsList>
            <TabsContent value="day" className="text-sm text-muted-foreground">
              214 emails delivered, 38 calls connected.
            </TabsContent>
            <TabsContent value="week" className="text-sm text-muted-foreground">
              1,480 emails delivered, 266 calls connected.
            </TabsContent>
            <TabsContent value="month" className="text-sm text-muted-foreground">
              6,912 emails delivered, 1,104 calls connected.
            </TabsContent>
          </Tabs>
        </div>
      </div>
    </DemoSection>
  );
}
