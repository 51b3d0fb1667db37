// The block editor's edits as pure functions over the email document: add, move, duplicate,
// remove (and put back), update blocks and sections. Each returns a new document and leaves the
// one it was given untouched, so the editor can keep history and undo by holding on to values.
import type { Block, Column, EmailDocument, Section } from '@shared/contracts/email-content';

/** Where a block sits: its section, its column and its index in the column. */
export interface BlockLocation {
  sectionId: string;
  columnId: string;
  index: number;
}

/** A removed block and where it was, enough to put it back. */
export interface RemovedBlock {
  block: Block;
  location: BlockLocation;
}

export interface RemovedSection {
  section: Section;
  index: number;
}

/** A short random id the contract accepts (letters, digits, `-`). */
export function makeId(prefix: string): string {
  const random = Math.random().toString(36).slice(2, 10);
  return `${prefix}-${random}`;
}

export function findBlock(doc: EmailDocument, blockId: string): (BlockLocation & { block: Block }) | null {
  for (const section of doc.sections) {
    for (const column of section.columns) {
      const index = column.blocks.findIndex((b) => b.id === blockId);
      if (index >= 0) return { sectionId: section.id, columnId: column.id, index, block: column.blocks[index]! };
    }
  }
  return null;
}

export function blockCount(doc: EmailDocument): number {
  return doc.sections.reduce((n, s) => n + s.columns.reduce((m, c) => m + c.blocks.length, 0), 0);
}

/** Every column in reading order (section by section, left to right). */
function columnsInOrder(doc: EmailDocument): Array<{ sectionId: string; column: Column }> {
  return doc.sections.flatMap((section) => section.columns.map((column) => ({ sectionId: section.id, column })));
}

function mapColumns(doc: EmailDocument, change: (column: Column, section: Section) => Column): EmailDocument {
  return {
    ...doc,
    sections: doc.sections.map((section) => {
      let changed = false;
      const columns = section.columns.map((column) => {
        const next = change(column, section);
        if (next !== column) changed = true;
        return next;
      });
      return changed ? { ...section, columns } : section;
    }),
  };
}

/** Inserts a block into a column at `index` (the end when omitted or past it). */
export function insertBlock(doc: EmailDocument, columnId: string, block: Block, index?: number): EmailDocument {
  return mapColumns(doc, (column) => {
    if (column.id !== columnId) return column;
    const at = index === undefined ? column.blocks.length : Math.max(0, Math.min(index, column.blocks.length));
    return { ...column, blocks: [...column.blocks.slice(0, at), block, ...column.blocks.slice(at)] };
  });
}

/** Adds a block after the selected one, or at the end of the last column when nothing is selected. */
export function addBlock(doc: EmailDocument, block: Block, afterBlockId?: string | null): EmailDocument {
  const anchor = afterBlockId ? findBlock(doc, afterBlockId) : null;
  if (anchor) return insertBlock(doc, anchor.columnId, block, anchor.index + 1);
  const columns = columnsInOrder(doc);
  const last = columns.at(-1);
  if (!last) return { ...doc, sections: [{ id: makeId('section'), columns: [{ id: makeId('column'), blocks: [block] }] }] };
  return insertBlock(doc, last.column.id, block);
}

export function removeBlock(doc: EmailDocument, blockId: string): { doc: EmailDocument; removed: RemovedBlock | null } {
  const found = findBlock(doc, blockId);
  if (!found) return { doc, removed: null };
  const { block, ...location } = found;
  const next = mapColumns(doc, (column) => (column.id === location.columnId ? { ...column, blocks: column.blocks.filter((b) => b.id !== blockId) } : column));
  return { doc: next, removed: { block, location } };
}

/** Puts a removed block back where it was (or at the end of the document if its column is gone). */
export function restoreBlock(doc: EmailDocument, removed: RemovedBlock): EmailDocument {
  const columnExists = columnsInOrder(doc).some((c) => c.column.id === removed.location.columnId);
  if (!columnExists) return addBlock(doc, removed.block);
  return insertBlock(doc, removed.location.columnId, removed.block, removed.location.index);
}

export function updateBlock<B extends Block>(doc: EmailDocument, blockId: string, patch: Partial<Omit<B, 'id' | 'type'>>): EmailDocument {
  return mapColumns(doc, (column) => {
    const index = column.blocks.findIndex((b) => b.id === blockId);
    if (index < 0) return column;
    const blocks = column.blocks.slice();
    blocks[index] = { ...blocks[index]!, ...patch } as Block;
    return { ...column, blocks };
  });
}

/** A copy of a block with a new id, placed right after it. */
export function duplicateBlock(doc: EmailDocument, blockId: string, newId: string = makeId('block')): { doc: EmailDocument; copyId: string | null } {
  const found = findBlock(doc, blockId);
  if (!found) return { doc, copyId: null };
  const copy = { ...structuredClone(found.block), id: newId } as Block;
  return { doc: insertBlock(doc, found.columnId, copy, found.index + 1), copyId: newId };
}

/**
 * Moves a block one place up (-1) or down (+1) in reading order: within its column, and past
 * the column's edge into the end of the previous column or the start of the next one. At the
 * very first or last place it stays.
 */
export function moveBlock(doc: EmailDocument, blockId: string, delta: -1 | 1): EmailDocument {
  const found = findBlock(doc, blockId);
  if (!found) return doc;
  const columns = columnsInOrder(doc);
  const columnIndex = columns.findIndex((c) => c.column.id === found.columnId);
  const column = columns[columnIndex]!.column;
  const target = found.index + delta;
  if (target >= 0 && target < column.blocks.length) return moveBlockTo(doc, blockId, column.id, target);
  const neighbour = columns[columnIndex + delta];
  if (!neighbour) return doc;
  return moveBlockTo(doc, blockId, neighbour.column.id, delta < 0 ? neighbour.column.blocks.length : 0);
}

/**
 * Moves a block to `index` of a column, the index counted in the target column as it is after
 * the block has left its place (what a drop position means).
 */
export function moveBlockTo(doc: EmailDocument, blockId: string, columnId: string, index: number): EmailDocument {
  const { doc: without, removed } = removeBlock(doc, blockId);
  if (!removed) return doc;
  if (!columnsInOrder(without).some((c) => c.column.id === columnId)) return doc;
  return insertBlock(without, columnId, removed.block, index);
}

/** Whether a block can move up (-1) or down (+1) at all. */
export function canMoveBlock(doc: EmailDocument, blockId: string, delta: -1 | 1): boolean {
  return moveBlock(doc, blockId, delta) !== doc;
}

// ── sections ──────────────────────────────────────────────────────────────────────────────────

/** A section of `columnCount` empty columns sharing the width equally. */
export function createSection(columnCount: number, makeSectionId: (prefix: string) => string = makeId): Section {
  const count = Math.max(1, Math.min(4, Math.floor(columnCount)));
  return { id: makeSectionId('section'), padding: 16, columns: Array.from({ length: count }, () => ({ id: makeSectionId('column'), blocks: [] })) };
}

export function addSection(doc: EmailDocument, section: Section, index?: number): EmailDocument {
  const at = index === undefined ? doc.sections.length : Math.max(0, Math.min(index, doc.sections.length));
  return { ...doc, sections: [...doc.sections.slice(0, at), section, ...doc.sections.slice(at)] };
}

export function sectionOfColumn(doc: EmailDocument, columnId: string): Section | undefined {
  return doc.sections.find((s) => s.columns.some((c) => c.id === columnId));
}

export function removeSection(doc: EmailDocument, sectionId: string): { doc: EmailDocument; removed: RemovedSection | null } {
  const index = doc.sections.findIndex((s) => s.id === sectionId);
  if (index < 0) return { doc, removed: null };
  return { doc: { ...doc, sections: doc.sections.filter((s) => s.id !== sectionId) }, removed: { section: doc.sections[index]!, index } };
}

export function restoreSection(doc: EmailDocument, removed: RemovedSection): EmailDocument {
  return addSection(doc, removed.section, removed.index);
}

export function moveSection(doc: EmailDocument, sectionId: string, delta: -1 | 1): EmailDocument {
  const index = doc.sections.findIndex((s) => s.id === sectionId);
  const target = index + delta;
  if (index < 0 || target < 0 || target >= doc.sections.length) return doc;
  const sections = doc.sections.slice();
  [sections[index], sections[target]] = [sections[target]!, sections[index]!];
  return { ...doc, sections };
}

/** A copy of a section, every id inside it new, placed right after it. */
export function duplicateSection(doc: EmailDocument, sectionId: string, makeCopyId: (prefix: string) => string = makeId): EmailDocument {
  const index = doc.sections.findIndex((s) => s.id === sectionId);
  if (index < 0) return doc;
  const original = doc.sections[index]!;
  const copy: Section = {
    ...structuredClone(original),
    id: makeCopyId('section'),
    columns: original.columns.map((column) => ({
      ...structuredClone(column),
      id: makeCopyId('column'),
      blocks: column.blocks.map((block) => ({ ...structuredClone(block), id: makeCopyId('block') })),
    })),
  };
  return addSection(doc, copy, index + 1);
}

export function updateSection(doc: EmailDocument, sectionId: string, patch: Partial<Pick<Section, 'background' | 'padding'>>): EmailDocument {
  return { ...doc, sections: doc.sections.map((s) => (s.id === sectionId ? { ...s, ...patch } : s)) };
}

/** The block ids in reading order: the order arrow keys walk. */
export function blockIdsInOrder(doc: EmailDocument): string[] {
  return columnsInOrder(doc).flatMap((c) => c.column.blocks.map((b) => b.id));
}
