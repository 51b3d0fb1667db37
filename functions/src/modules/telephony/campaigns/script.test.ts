// The save-time check of a call script's merge fields: contact and account fields of the catalog,
// and `content.<key>` only for the content linked to the campaign.
import { describe, expect, it } from 'vitest';
import { checkScriptLiquid, sanitizeScript, scriptMergeFields } from './script';

const guide = { key: 'buyers_guide', assetId: '0193a1c2-0000-7000-8000-000000000001', title: 'Buyer’s guide' };

describe('checkScriptLiquid', () => {
  it('accepts contact and account fields, and a linked asset’s content key, with or without a fallback', () => {
    const script = sanitizeScript('<p>Hi {{ contact.first_name | default: "there" }} at {{ account.name }}: {{ content.buyers_guide }} {{ content.buyers_guide | default: "our guide" }}</p>');
    expect(checkScriptLiquid(script, [guide])).toEqual([]);
  });

  it('accepts a content key inside a link’s address', () => {
    expect(checkScriptLiquid(sanitizeScript('<p><a href="{{ content.buyers_guide }}">the guide</a></p>'), [guide])).toEqual([]);
  });

  it('refuses a content key nothing linked to the campaign carries, saying so', () => {
    expect(checkScriptLiquid('<p>{{ content.pricing_sheet }} and {{ content.buyers_guide }}</p>', [guide])).toEqual([
      { field: 'body.script', message: 'unknown merge field "content.pricing_sheet": no content of that name is linked to this campaign' },
    ]);
  });

  it('refuses every content key when nothing is linked, and `content` alone or deeper paths', () => {
    expect(checkScriptLiquid('<p>{{ content.buyers_guide }}</p>').map((e) => e.message)).toEqual([
      'unknown merge field "content.buyers_guide": no content of that name is linked to this campaign',
    ]);
    expect(checkScriptLiquid('<p>{{ content }} {{ content.buyers_guide.url }}</p>', [guide]).map((e) => e.message)).toEqual([
      'unknown merge field "content": no content of that name is linked to this campaign',
      'unknown merge field "content.buyers_guide.url": no content of that name is linked to this campaign',
    ]);
  });

  it('still refuses fields a call has no use for, naming what scripts may use', () => {
    expect(checkScriptLiquid('<p>{{ sender.from_name }}</p>', [guide])).toEqual([
      { field: 'body.script', message: 'unknown merge field "sender.from_name": scripts use contact and account fields, and the content linked to the campaign' },
    ]);
  });
});

describe('scriptMergeFields', () => {
  it('lists the campaign’s content links after the catalog’s fields, under their own group', () => {
    const fields = scriptMergeFields([guide]);
    expect(fields.filter((f) => f.group === 'content')).toEqual([
      { key: 'content.buyers_guide', label: 'Buyer’s guide', group: 'content', sample: 'https://pivotal.example/r/sample-buyers_guide' },
    ]);
    expect(fields.at(-1)?.group).toBe('content');
    expect(new Set(scriptMergeFields().map((f) => f.group))).toEqual(new Set(['contact', 'account']));
  });
});
