import { describe, expect, it } from 'vitest';
import type { Block, EmailDocument } from '@shared/contracts/email-content';
import {
  addBlock,
  addSection,
  blockCount,
  blockIdsInOrder,
  canMoveBlock,
  createSection,
  duplicateBlock,
  duplicateSection,
  findBlock,
  moveBlock,
  moveBlockTo,
  moveSection,
  removeBlock,
  removeSection,
  restoreBlock,
  restoreSection,
  updateBlock,
  updateSection,
} from './document-ops';

const heading = (id: string, text = 'Hi {{ contact.first_name | default: "there" }},'): Block => ({ id, type: 'heading', text, level: 1, align: 'left' });
const text = (id: string): Block => ({ id, type: 'text', html: `<p>${id}</p>` });
const button = (id: string): Block => ({ id, type: 'button', label: 'Book a demo', href: 'https://example.com/demo', background: '#2563eb', color: '#ffffff', align: 'center' });

/** A welcome email: a body section (greeting, paragraph, button), a two-column section and the footer. */
function welcomeEmail(): EmailDocument {
  return {
    version: 1,
    settings: { width: 600, background: '#f3f4f6', contentBackground: '#ffffff', fontFamily: 'arial', textColor: '#1f2937', linkColor: '#2563eb' },
    sections: [
      { id: 'body', padding: 24, columns: [{ id: 'body-col', blocks: [heading('greeting'), text('message'), button('cta')] }] },
      {
        id: 'features',
        columns: [
          { id: 'left', blocks: [text('left-text')] },
          { id: 'right', blocks: [text('right-text')] },
        ],
      },
      { id: 'footer', columns: [{ id: 'footer-col', blocks: [{ id: 'footer-block', type: 'footer', html: '<p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>' }] }] },
    ],
  };
}

const counter = () => {
  let n = 0;
  return (prefix: string) => `${prefix}-copy-${++n}`;
};

describe('adding blocks', () => {
  it('places a new block right after the selected one', () => {
    const doc = addBlock(welcomeEmail(), text('ps'), 'greeting');
    expect(blockIdsInOrder(doc).slice(0, 3)).toEqual(['greeting', 'ps', 'message']);
  });

  it('places it at the end of the last column when nothing is selected', () => {
    const doc = addBlock(welcomeEmail(), text('ps'));
    expect(blockIdsInOrder(doc).at(-1)).toBe('ps');
    expect(findBlock(doc, 'ps')?.columnId).toBe('footer-col');
  });

  it('starts a section when the document has none', () => {
    const empty = { ...welcomeEmail(), sections: [] };
    const doc = addBlock(empty, heading('first'));
    expect(doc.sections).toHaveLength(1);
    expect(blockIdsInOrder(doc)).toEqual(['first']);
  });

  it('leaves the original document untouched', () => {
    const original = welcomeEmail();
    const snapshot = structuredClone(original);
    addBlock(original, text('ps'), 'greeting');
    expect(original).toEqual(snapshot);
  });
});

describe('moving blocks', () => {
  it('swaps a block with its neighbour inside the column', () => {
    const doc = moveBlock(welcomeEmail(), 'cta', -1);
    expect(doc.sections[0]!.columns[0]!.blocks.map((b) => b.id)).toEqual(['greeting', 'cta', 'message']);
  });

  it('crosses into the next column at the bottom of a column', () => {
    const doc = moveBlock(welcomeEmail(), 'cta', 1);
    expect(findBlock(doc, 'cta')).toMatchObject({ columnId: 'left', index: 0 });
  });

  it('crosses into the end of the previous column at the top of a column', () => {
    const doc = moveBlock(welcomeEmail(), 'right-text', -1);
    expect(findBlock(doc, 'right-text')).toMatchObject({ columnId: 'left', index: 1 });
  });

  it('stays put at the very first and last place', () => {
    const doc = welcomeEmail();
    expect(moveBlock(doc, 'greeting', -1)).toBe(doc);
    expect(moveBlock(doc, 'footer-block', 1)).toBe(doc);
    expect(canMoveBlock(doc, 'greeting', -1)).toBe(false);
    expect(canMoveBlock(doc, 'greeting', 1)).toBe(true);
  });

  it('drops a block at a position of another column (drag and drop)', () => {
    const doc = moveBlockTo(welcomeEmail(), 'greeting', 'right', 1);
    expect(findBlock(doc, 'greeting')).toMatchObject({ sectionId: 'features', columnId: 'right', index: 1 });
    expect(blockCount(doc)).toBe(blockCount(welcomeEmail()));
  });

  it('counts a drop index in the column as it is once the block has left', () => {
    const doc = moveBlockTo(welcomeEmail(), 'greeting', 'body-col', 2);
    expect(doc.sections[0]!.columns[0]!.blocks.map((b) => b.id)).toEqual(['message', 'cta', 'greeting']);
  });

  it('ignores a drop into a column that does not exist', () => {
    const doc = welcomeEmail();
    expect(moveBlockTo(doc, 'greeting', 'nowhere', 0)).toBe(doc);
  });
});

describe('duplicating and removing blocks', () => {
  it('puts a copy with a new id right after the original', () => {
    const { doc, copyId } = duplicateBlock(welcomeEmail(), 'cta', 'cta-2');
    expect(copyId).toBe('cta-2');
    expect(doc.sections[0]!.columns[0]!.blocks.map((b) => b.id)).toEqual(['greeting', 'message', 'cta', 'cta-2']);
    expect(findBlock(doc, 'cta-2')?.block).toMatchObject({ type: 'button', label: 'Book a demo' });
  });

  it('removes a block and puts it back where it was (undo)', () => {
    const original = welcomeEmail();
    const { doc, removed } = removeBlock(original, 'message');
    expect(findBlock(doc, 'message')).toBeNull();
    expect(removed?.location).toEqual({ sectionId: 'body', columnId: 'body-col', index: 1 });
    expect(restoreBlock(doc, removed!)).toEqual(original);
  });

  it('puts a removed block at the end when its column has gone meanwhile', () => {
    const { doc, removed } = removeBlock(welcomeEmail(), 'left-text');
    const withoutSection = removeSection(doc, 'features').doc;
    expect(blockIdsInOrder(restoreBlock(withoutSection, removed!)).at(-1)).toBe('left-text');
  });

  it('answers nothing removed for an unknown id', () => {
    const original = welcomeEmail();
    expect(removeBlock(original, 'nope')).toEqual({ doc: original, removed: null });
  });
});

describe('updating blocks', () => {
  it('changes only the given properties of the one block', () => {
    const doc = updateBlock(welcomeEmail(), 'cta', { label: 'Register now', href: 'https://example.com/register' });
    expect(findBlock(doc, 'cta')?.block).toMatchObject({ type: 'button', label: 'Register now', href: 'https://example.com/register', align: 'center' });
  });

  it('keeps untouched sections as the same objects (cheap re-renders)', () => {
    const original = welcomeEmail();
    const doc = updateBlock(original, 'cta', { label: 'Go' });
    expect(doc.sections[1]).toBe(original.sections[1]);
    expect(doc.sections[0]).not.toBe(original.sections[0]);
  });
});

describe('sections', () => {
  it('creates sections of one to four empty columns', () => {
    expect(createSection(2, counter()).columns).toHaveLength(2);
    expect(createSection(9, counter()).columns).toHaveLength(4);
    expect(createSection(0, counter()).columns).toHaveLength(1);
  });

  it('adds a section at a position', () => {
    const doc = addSection(welcomeEmail(), createSection(3, counter()), 1);
    expect(doc.sections.map((s) => s.id)).toEqual(['body', 'section-copy-1', 'features', 'footer']);
  });

  it('moves a section up and down, not past the ends', () => {
    const doc = moveSection(welcomeEmail(), 'footer', -1);
    expect(doc.sections.map((s) => s.id)).toEqual(['body', 'footer', 'features']);
    const first = welcomeEmail();
    expect(moveSection(first, 'body', -1)).toBe(first);
  });

  it('duplicates a section with new ids for it, its columns and its blocks', () => {
    const doc = duplicateSection(welcomeEmail(), 'features', counter());
    expect(doc.sections.map((s) => s.id)).toEqual(['body', 'features', 'section-copy-1', 'footer']);
    const ids = blockIdsInOrder(doc);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.sections[2]!.columns.map((c) => c.id)).toEqual(['column-copy-2', 'column-copy-4']);
  });

  it('removes a section and restores it in place', () => {
    const original = welcomeEmail();
    const { doc, removed } = removeSection(original, 'features');
    expect(doc.sections.map((s) => s.id)).toEqual(['body', 'footer']);
    expect(restoreSection(doc, removed!)).toEqual(original);
  });

  it('sets a section background and padding', () => {
    const doc = updateSection(welcomeEmail(), 'body', { background: '#eef2ff', padding: 32 });
    expect(doc.sections[0]).toMatchObject({ background: '#eef2ff', padding: 32 });
  });
});
