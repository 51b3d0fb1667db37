// `npm run bench:email-render`: per-recipient build throughput of one campaign message. A
// realistic block email (two-column sections, images, six tracked links, footer) is compiled
// once, then built for N contacts (default 20,000; BENCH_MESSAGES) the way the sending engine
// builds them: merge context, subject + HTML + text rendered from templates parsed once, every
// tracked link and the open pixel signed and put in place, unsubscribe headers. The baseline is
// a bare liquidjs `parseAndRenderSync` of the same three templates for the same contexts.
// Prints messages/s of each and their ratio. Goal: pipeline ÷ bare ≥ 0.5. `npm run bench:email`
// runs the same measurement (measureRender) as its part (b).
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Liquid } from 'liquidjs';
import { saveEmailContentSchema, type EmailDocumentInput } from '../../shared/contracts/email-content';
import { mulberry32 } from '../../shared/seeded-random';
// eslint-disable-next-line local/boundaries -- the bench measures the content library alone, without the module's services
import * as content from '../../functions/src/modules/email/content';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20_000);
const GOAL = 0.5;
const SECRET = 'bench-tracking-secret-0123456789abcdef';
const CAMPAIGN = '0190f5d2-8c1e-7a4b-9f00-1234567890ab';
const TRACKING_BASE = 'https://t.pivotal.example/t';

const FIRST = ['Alex', 'Dana', 'Lee', 'Sam', 'Priya', 'Jordan', 'Mei', 'Omar', '', 'Chris'];
const LAST = ['Morgan', 'Scully', 'Nakamura', 'Okafor', 'García', 'Schmidt', 'Rossi', "O'Brien"];
const TITLES = ['Head of Marketing', 'VP Sales', 'Demand Generation Manager', 'CMO', 'Marketing Operations Lead'];
const COMPANIES = ['Northwind Analytics', 'Globex', 'Initech', 'Umbrella & Sons', 'Acme <Labs>', 'Hooli'];
const CITIES = ['Austin', 'Berlin', 'London', 'Toronto', null];

const p = (text: string) => `<p>${text}</p>`;

export const DOCUMENT: EmailDocumentInput = {
  version: 1,
  sections: [
    {
      id: 'hero',
      padding: 24,
      columns: [
        {
          id: 'hero-col',
          blocks: [
            { id: 'logo', type: 'image', src: 'asset:brand/logo.png', alt: 'Pivotal', width: 160, href: 'https://pivotal.example/?utm_source=email' },
            { id: 'hello', type: 'heading', text: 'Hi {{ contact.first_name | default: "there" }},', level: 1 },
            {
              id: 'intro',
              type: 'text',
              html:
                p('Teams like {{ account.name | default: "yours" }} asked us for three things this spring, and all three shipped this week.') +
                p('As {{ contact.job_title | default: "a marketing leader" }}, you will care most about the <strong>reporting</strong> changes: attribution by channel, by campaign and by account, without exports.') +
                p('{% if contact.city %}We are also in {{ contact.city }} next month — come and see it live.{% else %}We are on tour next month — come and see it live.{% endif %}'),
            },
            { id: 'cta', type: 'button', label: 'See what is new', href: 'https://pivotal.example/whats-new?utm_source=email&c={{ campaign.name | url_encode }}' },
          ],
        },
      ],
    },
    {
      id: 'features',
      padding: 16,
      columns: [
        {
          id: 'left',
          blocks: [
            { id: 'f1-img', type: 'image', src: 'https://cdn.pivotal.example/features/reports.png', alt: 'Reports' },
            { id: 'f1-h', type: 'heading', text: 'Reports that answer', level: 3 },
            { id: 'f1-t', type: 'text', html: p('Attribution by channel and account, <a href="https://pivotal.example/reports">read the guide</a>.') },
          ],
        },
        {
          id: 'right',
          blocks: [
            { id: 'f2-img', type: 'image', src: 'https://cdn.pivotal.example/features/sequences.png', alt: 'Sequences' },
            { id: 'f2-h', type: 'heading', text: 'Sequences that wait', level: 3 },
            { id: 'f2-t', type: 'text', html: p('Steps pause for replies and out-of-office, <a href="https://pivotal.example/sequences">see how</a>.') },
          ],
        },
      ],
    },
    {
      id: 'closing',
      padding: 16,
      columns: [
        {
          id: 'closing-col',
          blocks: [
            { id: 'rule', type: 'divider', color: '#e5e7eb', thickness: 1 },
            { id: 'sign', type: 'text', html: p('Questions? Reply to this email or <a href="https://pivotal.example/demo?email={{ contact.email | url_encode }}">book a demo</a>.') + p('— The Pivotal team') },
            { id: 'gap', type: 'spacer', height: 16 },
            {
              id: 'footer',
              type: 'footer',
              html:
                p('{{ sender.from_name }} · {{ sender.postal_address }}') +
                p('<a href="{{ unsubscribe_url }}">Unsubscribe</a> · <a href="{{ preferences_url }}">Manage preferences</a> · <a href="https://pivotal.example/privacy">Privacy</a>'),
            },
          ],
        },
      ],
    },
  ],
};

function contacts(n: number) {
  const random = mulberry32(20_260_302);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const firstName = pick(FIRST);
    const lastName = pick(LAST);
    return {
      recipientId: `r-${i}`,
      contact: { firstName, lastName, email: `${firstName || 'someone'}.${i}@example.com`.toLowerCase(), jobTitle: random() < 0.2 ? null : pick(TITLES), city: pick(CITIES) },
      account: { name: pick(COMPANIES), domain: 'example.com' },
    };
  });
}

interface Run {
  seconds: number;
  bytes: number;
}

function time(build: (i: number) => number): Run {
  for (let i = 0; i < Math.min(500, MESSAGES); i++) build(i);
  const started = performance.now();
  let bytes = 0;
  for (let i = 0; i < MESSAGES; i++) bytes += build(i);
  return { seconds: (performance.now() - started) / 1000, bytes };
}

const rate = (run: Run) => MESSAGES / run.seconds;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** The bench campaign's content as the editor saves it. */
export const CONTENT = {
  mode: 'blocks' as const,
  document: DOCUMENT,
  subject: '{{ contact.first_name | default: "Hi" }}, three things {{ account.name | default: "your team" }} asked for',
  preheader: 'Reports, sequences and a tour stop near you',
};

export interface RenderFigures {
  messages: number;
  pipelinePerSecond: number;
  barePerSecond: number;
  ratio: number;
}

/** Builds MESSAGES messages both ways, prints the figures and answers them. */
export async function measureRender(): Promise<RenderFigures> {
  const input = saveEmailContentSchema.parse(CONTENT);
  const compiled = await content.compileContent(input, { assetUrl: (key) => `https://cdn.pivotal.example/${key}` });
  if (compiled.issues.length > 0) throw new Error(`The bench email has issues: ${JSON.stringify(compiled.issues)}`);

  const people = contacts(MESSAGES);
  const contexts = people.map((person) =>
    content.mergeContext({
      contact: person.contact,
      account: person.account,
      campaign: { name: 'Spring update' },
      sender: { fromName: 'Pivotal', postalAddress: '100 Main Street, Springfield, IL 62701' },
      links: { unsubscribeUrl: `${TRACKING_BASE}/u/${person.recipientId}`, preferencesUrl: `${TRACKING_BASE}/p/${person.recipientId}` },
    }),
  );

  const prepared = content.prepareTracking(compiled.html);
  const personalizer = content.createPersonalizer({ subject: compiled.subject, html: prepared.html, text: compiled.text });
  const pipeline = time((i) => {
    const r = people[i]!.recipientId;
    const message = personalizer.render(contexts[i]!);
    const html = prepared.render(message.html, {
      click: ({ index }) => `${TRACKING_BASE}/c/${content.signTrackingToken(SECRET, { k: 'c', c: CAMPAIGN, r, l: index })}`,
      open: `${TRACKING_BASE}/o/${content.signTrackingToken(SECRET, { k: 'o', c: CAMPAIGN, r })}.gif`,
    });
    const headers = content.unsubscribeHeaders({ oneClickUrl: `${TRACKING_BASE}/u/${content.signTrackingToken(SECRET, { k: 'u', c: CAMPAIGN, r })}` });
    return message.subject.length + html.length + message.text.length + headers.length;
  });

  const bare = new Liquid();
  const baseline = time((i) => {
    const context = contexts[i]!;
    const subject = String(bare.parseAndRenderSync(compiled.subject, context));
    const html = String(bare.parseAndRenderSync(compiled.html, context));
    const text = String(bare.parseAndRenderSync(compiled.text, context));
    return subject.length + html.length + text.length;
  });

  const ratio = rate(pipeline) / rate(baseline);
  console.log(`email render bench: ${fmt(MESSAGES)} messages, HTML template ${fmt(compiled.html.length)} chars, ${prepared.links.length} tracked links`);
  console.log(`  pipeline (render once-parsed subject/html/text + track + sign + headers): ${fmt(rate(pipeline))} messages/s (${(pipeline.seconds * 1000).toFixed(0)} ms)`);
  console.log(`  bare liquidjs parseAndRenderSync of the same subject/html/text:           ${fmt(rate(baseline))} messages/s (${(baseline.seconds * 1000).toFixed(0)} ms)`);
  console.log(`  ratio pipeline ÷ bare: ${ratio.toFixed(2)} (goal ≥ ${GOAL}) ${ratio >= GOAL ? 'MET' : 'NOT MET'}`);
  return { messages: MESSAGES, pipelinePerSecond: rate(pipeline), barePerSecond: rate(baseline), ratio };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await measureRender();
