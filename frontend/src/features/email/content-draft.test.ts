import { describe, expect, it } from 'vitest';
import { newEmailDocument } from '@shared/contracts/email-content';
import { errorsFromApi, type ContentDraft } from './content-draft';

const draft: ContentDraft = { mode: 'blocks', document: newEmailDocument(), html: '', subject: 'Hi', preheader: '' };

describe('an API refusal of saved content', () => {
  it('puts a variant save’s field errors on the subject and on the block they name', () => {
    const errors = errorsFromApi(draft, {
      subject: ['unknown merge field contact.nope'],
      'document.sections.0.columns.0.blocks.2.href': ['must be an absolute https link'],
    });
    expect(errors.subject).toEqual(['unknown merge field contact.nope']);
    expect(errors.document).toEqual(['Button: Learn more — href: must be an absolute https link']);
  });

  it('reads a template save’s fields under content. the same way', () => {
    const errors = errorsFromApi(draft, { 'content.subject': ['too long'], 'content.preheader': ['bad Liquid'] });
    expect(errors).toEqual({ subject: ['too long'], preheader: ['bad Liquid'] });
  });

  it('says problems of the compiled parts with the document, in words', () => {
    const errors = errorsFromApi(draft, { 'content.mjml': ['mj-button has an invalid attribute (line 12)'], text: ['unclosed tag'] });
    expect(errors.document).toEqual(['The compiled layout: mj-button has an invalid attribute (line 12)', 'The plain-text part: unclosed tag']);
  });
});
