// Form controls with labels, hints and errors.
import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { Combobox } from '@/components/ui/combobox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { OptionSelect } from '@/components/ui/option-select';
import { Switch } from '@/components/ui/switch';
import { Textarea } from '@/components/ui/textarea';
import { DemoSection } from './demo-section';

const JOB_FUNCTIONS = [
  { value: 'marketing', label: 'Marketing' },
  { value: 'sales', label: 'Sales' },
  { value: 'it', label: 'IT & security' },
  { value: 'finance', label: 'Finance' },
  { value: 'operations', label: 'Operations' },
];

const ORGANISATIONS = [
  { value: 'org-1', label: 'Cedar Health Group', detail: 'cedarhealth.co.uk' },
  { value: 'org-2', label: 'Northwind Analytics', detail: 'northwind.io' },
  { value: 'org-3', label: 'Summit Payments', detail: 'summitpay.com' },
  { value: 'org-4', label: 'Granite Logistics', detail: 'granitelogistics.de' },
  { value: 'org-5', label: 'Lumen Robotics', detail: 'lumenrobotics.se' },
];

export function Forms() {
  const [org, setOrg] = useState<string | null>('org-2');
  const [consent, setConsent] = useState(true);
  const [dnc, setDnc] = useState(false);
  return (
    <DemoSection id="forms" title="Forms" description="Labels above controls, hints under them, errors said in words and tied to the field.">
      <Card className="grid gap-6 p-6 md:grid-cols-2">
        <Field label="Work email" hint="We normalise it to lower case before matching." required>
          <Input type="email" defaultValue="priya.raman@cedarhealth.co.uk" className="font-mono" />
        </Field>
        <Field label="Direct dial" error="Enter the number with its country code, e.g. +44 20 7946 0958.">
          <Input type="tel" defaultValue="020 7946" className="font-mono" />
        </Field>
        <Field label="Job function">
          <OptionSelect defaultValue="marketing" options={JOB_FUNCTIONS} />
        </Field>
        <Field label="Client organisation">
          <Combobox options={ORGANISATIONS} value={org} onChange={setOrg} placeholder="Choose an organisation" searchPlaceholder="Search organisations" />
        </Field>
        <Field label="QA notes" className="md:col-span-2">
          <Textarea defaultValue="Confirmed budget for Q2 and a 40-seat rollout; asked for a follow-up with their CISO." />
        </Field>
        <div className="flex items-center gap-2.5">
          <Checkbox id="demo-consent" checked={consent} onCheckedChange={(v) => setConsent(v === true)} />
          <Label htmlFor="demo-consent">Opted in to marketing email (GDPR consent recorded)</Label>
        </div>
        <div className="flex items-center gap-2.5">
          <Switch id="demo-dnc" checked={dnc} onCheckedChange={setDnc} />
          <Label htmlFor="demo-dnc">Do not call</Label>
        </div>
      </Card>
    </DemoSection>
  );
}
