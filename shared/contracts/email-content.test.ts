// The saved-content contract: defaults filled in, unsafe links and oversized content refused.
import { describe, expect, it } from 'vitest';
import { MAX_EMAIL_HTML_BYTES, emailDocumentSchema, newEmailDocument, saveEmailContentSchema } from './email-content';

const withBlock = (block: Record<string, unknown>) => ({ version: 1, sections: [{ id: 's', columns: [{ id: 'c', blocks: [{ id: 'b', ...block }] }] }] });
const issuesOf = (input: unknown) => emailDocumentSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('emailDocumentSchema', () => {
  it('fills in the settings and block defaults', () => {
    const doc = emailDocumentSchema.parse(withBlock({ type: 'button', label: 'Go', href: 'https://pivotal.example' }));
    expect(doc.settings).toEqual({ width: 600, background: '#f3f4f6', contentBackground: '#ffffff', fontFamily: 'arial', textColor: '#1f2937', linkColor: '#2563eb' });
    expect(doc.sections[0]!.columns[0]!.blocks[0]).toMatchObject({ background: '#2563eb', color: '#ffffff', align: 'center' });
  });

  it('accepts https, mailto:, tel: and merge-field links, and refuses script and relative ones', () => {
    for (const href of ['https://a.example', 'http://a.example', 'mailto:a@b.example', 'tel:+15125550100', '{{ contact.linkedin_url }}']) {
      expect(issuesOf(withBlock({ type: 'button', label: 'Go', href }))).toEqual([]);
    }
    for (const href of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', '/relative', 'vbscript:x']) {
      expect(issuesOf(withBlock({ type: 'button', label: 'Go', href }))).toEqual(['sections.0.columns.0.blocks.0.href: must be an absolute https link, mailto:, tel: or a merge field']);
    }
  });

  it('takes images from https or the asset store only', () => {
    expect(issuesOf(withBlock({ type: 'image', src: 'asset:brand/logo.png', alt: 'Logo' }))).toEqual([]);
    for (const src of ['http://a.example/x.png', 'asset:../secrets', 'asset:', 'data:image/png;base64,AAAA']) {
      expect(issuesOf(withBlock({ type: 'image', src, alt: 'x' }))).toHaveLength(1);
    }
  });

  it('refuses repeated ids, too many columns and widths over 100%', () => {
    expect(issuesOf({ version: 1, sections: [{ id: 'x', columns: [{ id: 'x', blocks: [] }] }] })).toEqual(['sections: section, column and block ids must be unique']);
    const columns = (n: number, width?: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, blocks: [], ...(width ? { width } : {}) }));
    expect(issuesOf({ version: 1, sections: [{ id: 's', columns: columns(5) }] })).toHaveLength(1);
    expect(issuesOf({ version: 1, sections: [{ id: 's', columns: columns(2, 60) }] })).toEqual(['sections.0.columns: column widths add up to more than 100%']);
  });

  it('makes a new document that validates and greets by first name with a fallback', () => {
    const doc = newEmailDocument();
    expect(emailDocumentSchema.parse(doc)).toEqual(doc);
    expect(JSON.stringify(doc)).toContain('Hi {{ contact.first_name | default: \\"there\\" }},');
    expect(JSON.stringify(doc)).toContain('{{ unsubscribe_url }}');
  });
});

describe('saveEmailContentSchema', () => {
  it('needs the document in blocks mode and the HTML in HTML mode', () => {
    expect(saveEmailContentSchema.safeParse({ mode: 'blocks', subject: 'x' }).success).toBe(false);
    expect(saveEmailContentSchema.safeParse({ mode: 'html', subject: 'x' }).success).toBe(false);
    expect(saveEmailContentSchema.parse({ mode: 'html', html: '<p>x</p>', subject: ' Hello ' })).toEqual({ mode: 'html', html: '<p>x</p>', subject: 'Hello', preheader: '' });
  });

  it('limits the HTML by bytes, and the subject and preheader by characters', () => {
    const html = (bytes: number) => 'é'.repeat(bytes / 2);
    expect(saveEmailContentSchema.safeParse({ mode: 'html', html: html(MAX_EMAIL_HTML_BYTES), subject: 'x' }).success).toBe(true);
    expect(saveEmailContentSchema.safeParse({ mode: 'html', html: html(MAX_EMAIL_HTML_BYTES + 2), subject: 'x' }).success).toBe(false);
    expect(saveEmailContentSchema.safeParse({ mode: 'html', html: '', subject: 'x'.repeat(256) }).success).toBe(false);
    expect(saveEmailContentSchema.safeParse({ mode: 'html', html: '', subject: 'x', preheader: 'x'.repeat(256) }).success).toBe(false);
  });
});
