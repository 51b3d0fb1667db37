// The block editor: a palette (blocks and section layouts), the canvas of sections → columns →
// blocks, and a side panel with the selected thing's properties. Blocks move by drag and drop
// or from the keyboard (Alt+↑/↓ or the block's buttons); ↑/↓ walk the blocks, Delete removes the
// selected one (with an undo), Ctrl/⌘+D duplicates it, Enter goes to its properties, Escape
// deselects. Its value is the EmailDocument the API stores.
import { useCallback, useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { ArrowDown, ArrowUp, Columns2, Columns3, Columns4, Copy, GripVertical, Settings2, Square, Trash2, X } from 'lucide-react';
import { MAX_BLOCKS, MAX_BLOCKS_PER_COLUMN, MAX_SECTIONS, type Block, type BlockType, type EmailDocument } from '@shared/contracts/email-content';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { cn } from '@/lib/utils';
import { BLOCK_ICONS, BLOCK_LABELS, BLOCK_TYPES, createBlock, describeBlock } from './block-defaults';
import { BlockProperties, EmailSettingsForm, SectionProperties } from './block-properties';
import { BlockView, fontStack } from './block-view';
import {
  addSection,
  blockCount,
  blockIdsInOrder,
  canMoveBlock,
  createSection,
  duplicateBlock,
  duplicateSection,
  findBlock,
  insertBlock,
  makeId,
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

type Selection = { kind: 'block'; id: string } | { kind: 'section'; id: string } | null;
type DropTarget = { columnId: string; index: number } | null;

const BLOCK_MIME = 'application/x-pivotal-email-block';
const NEW_BLOCK_MIME = 'application/x-pivotal-email-new-block';
const SECTION_ICONS = [Square, Columns2, Columns3, Columns4] as const;

export interface BlockEditorProps {
  value: EmailDocument;
  /** Receives an updater so quick edits (an undo arriving late) never work on a stale document. */
  onChange: (update: (doc: EmailDocument) => EmailDocument) => void;
  /** For the canvas's accessible name. */
  label?: string;
}

const isFooterColumn = (blocks: Block[]) => blocks.some((b) => b.type === 'footer');

export function BlockEditor({ value: doc, onChange, label = 'Email content' }: BlockEditorProps) {
  const [selection, setSelection] = useState<Selection>(null);
  const [drop, setDrop] = useState<DropTarget>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const blockRefs = useRef(new Map<string, HTMLDivElement>());
  const panelRef = useRef<HTMLDivElement>(null);

  const selectedBlock = selection?.kind === 'block' ? findBlock(doc, selection.id) : null;
  const selectedSection = selection?.kind === 'section' ? doc.sections.find((s) => s.id === selection.id) : undefined;
  const total = blockCount(doc);

  // A selection whose block or section went away (an undo, a reload) is dropped.
  useEffect(() => {
    if (selection?.kind === 'block' && !findBlock(doc, selection.id)) setSelection(null);
    if (selection?.kind === 'section' && !doc.sections.some((s) => s.id === selection.id)) setSelection(null);
  }, [doc, selection]);

  useEffect(() => {
    if (!focusId) return;
    blockRefs.current.get(focusId)?.focus();
    setFocusId(null);
  }, [focusId, doc]);

  const selectBlock = useCallback((id: string, focus = false) => {
    setSelection({ kind: 'block', id });
    if (focus) setFocusId(id);
  }, []);

  /** Where a palette block goes: after the selected block, else at the end of the last column that is not the footer's. */
  function placeNew(block: Block) {
    onChange((current) => {
      const anchor = selection?.kind === 'block' ? findBlock(current, selection.id) : null;
      if (anchor) return insertBlock(current, anchor.columnId, block, anchor.index + 1);
      const columns = current.sections.flatMap((s) => s.columns);
      const target = [...columns].reverse().find((c) => !isFooterColumn(c.blocks)) ?? columns.at(-1);
      if (!target) return addSection(current, { ...createSection(1), columns: [{ id: `column-${block.id}`, blocks: [block] }] });
      return insertBlock(current, target.id, block);
    });
    selectBlock(block.id, true);
  }

  function addNewSection(columns: number) {
    const section = createSection(columns);
    onChange((current) => {
      const selectedSectionId = selection?.kind === 'section' ? selection.id : selection?.kind === 'block' ? findBlock(current, selection.id)?.sectionId : undefined;
      const selectedIndex = current.sections.findIndex((s) => s.id === selectedSectionId);
      if (selectedIndex >= 0) return addSection(current, section, selectedIndex + 1);
      // Before a closing footer section, so the footer stays last.
      const last = current.sections.at(-1);
      const beforeFooter = last && last.columns.every((c) => isFooterColumn(c.blocks) || c.blocks.length === 0) && last.columns.some((c) => isFooterColumn(c.blocks));
      return addSection(current, section, beforeFooter ? current.sections.length - 1 : undefined);
    });
    setSelection({ kind: 'section', id: section.id });
  }

  function deleteBlock(id: string) {
    const found = findBlock(doc, id);
    if (!found) return;
    const order = blockIdsInOrder(doc);
    const next = order[order.indexOf(id) + 1] ?? order[order.indexOf(id) - 1] ?? null;
    const { removed } = removeBlock(doc, id);
    onChange((current) => removeBlock(current, id).doc);
    if (next) selectBlock(next, true);
    else setSelection(null);
    if (removed) {
      toast(`${BLOCK_LABELS[removed.block.type]} block deleted`, {
        action: { label: 'Undo', onClick: () => (onChange((current) => restoreBlock(current, removed)), selectBlock(removed.block.id, true)) },
      });
    }
  }

  function duplicate(id: string) {
    if (total >= MAX_BLOCKS) return toast.error(`An email holds at most ${MAX_BLOCKS} blocks.`);
    const copyId = makeId('block');
    onChange((current) => duplicateBlock(current, id, copyId).doc);
    selectBlock(copyId, true);
  }

  function move(id: string, delta: -1 | 1) {
    onChange((current) => moveBlock(current, id, delta));
    setFocusId(id);
  }

  function deleteSection(id: string) {
    const { removed } = removeSection(doc, id);
    onChange((current) => removeSection(current, id).doc);
    setSelection(null);
    if (removed) {
      toast('Section deleted', { action: { label: 'Undo', onClick: () => onChange((current) => restoreSection(current, removed)) } });
    }
  }

  function onBlockKeyDown(event: KeyboardEvent<HTMLDivElement>, id: string) {
    if (event.target !== event.currentTarget) return;
    const order = blockIdsInOrder(doc);
    const at = order.indexOf(id);
    const mod = event.metaKey || event.ctrlKey;
    if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && event.altKey) {
      move(id, event.key === 'ArrowUp' ? -1 : 1);
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      const next = order[at + (event.key === 'ArrowUp' ? -1 : 1)];
      if (next) selectBlock(next, true);
    } else if (event.key === 'Home' && order[0]) {
      selectBlock(order[0], true);
    } else if (event.key === 'End' && order.at(-1)) {
      selectBlock(order.at(-1)!, true);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      deleteBlock(id);
    } else if (mod && event.key.toLowerCase() === 'd') {
      duplicate(id);
    } else if (event.key === 'Enter' || event.key === ' ') {
      selectBlock(id);
      if (event.key === 'Enter') requestAnimationFrame(() => panelRef.current?.querySelector<HTMLElement>('input, textarea, [contenteditable], button[role="combobox"]')?.focus());
    } else if (event.key === 'Escape') {
      setSelection(null);
    } else {
      return;
    }
    event.preventDefault();
  }

  // ── drag and drop ─────────────────────────────────────────────────────────────────────────
  function dropIndex(event: DragEvent<HTMLDivElement>): number {
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>(':scope > [data-block-id]')];
    const index = items.findIndex((item) => {
      const box = item.getBoundingClientRect();
      return event.clientY < box.top + box.height / 2;
    });
    return index < 0 ? items.length : index;
  }

  function onColumnDragOver(event: DragEvent<HTMLDivElement>, columnId: string) {
    const types = event.dataTransfer.types;
    if (!types.includes(BLOCK_MIME) && !types.includes(NEW_BLOCK_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = types.includes(BLOCK_MIME) ? 'move' : 'copy';
    const index = dropIndex(event);
    if (drop?.columnId !== columnId || drop.index !== index) setDrop({ columnId, index });
  }

  function onColumnDrop(event: DragEvent<HTMLDivElement>, columnId: string) {
    event.preventDefault();
    const index = dropIndex(event);
    setDrop(null);
    const movedId = event.dataTransfer.getData(BLOCK_MIME);
    const newType = event.dataTransfer.getData(NEW_BLOCK_MIME) as BlockType | '';
    if (movedId) {
      const from = findBlock(doc, movedId);
      if (!from) return;
      // The drop index counts the block itself when it moves down its own column.
      const target = from.columnId === columnId && from.index < index ? index - 1 : index;
      onChange((current) => moveBlockTo(current, movedId, columnId, target));
      selectBlock(movedId, true);
    } else if (newType && BLOCK_TYPES.includes(newType)) {
      if (total >= MAX_BLOCKS) return void toast.error(`An email holds at most ${MAX_BLOCKS} blocks.`);
      const block = createBlock(newType);
      onChange((current) => insertBlock(current, columnId, block, index));
      selectBlock(block.id, true);
    }
  }

  const settings = doc.settings;
  const firstBlockId = blockIdsInOrder(doc)[0];
  const tabStop = selection?.kind === 'block' ? selection.id : firstBlockId;

  return (
    <div className="grid gap-4 lg:grid-cols-[11rem_minmax(0,1fr)_18rem] xl:grid-cols-[12rem_minmax(0,1fr)_20rem]">
      {/* Palette */}
      <aside aria-label="Add content" className="grid content-start gap-4 lg:sticky lg:top-4">
        <div className="grid gap-1.5">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">Blocks</h3>
          <div className="grid grid-cols-2 gap-1.5 lg:grid-cols-1">
            {BLOCK_TYPES.map((type) => {
              const Icon = BLOCK_ICONS[type];
              return (
                <Button
                  key={type}
                  variant="outline"
                  size="sm"
                  className="justify-start"
                  draggable
                  disabled={total >= MAX_BLOCKS}
                  aria-label={`Add ${BLOCK_LABELS[type].toLowerCase()} block`}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(NEW_BLOCK_MIME, type);
                    e.dataTransfer.effectAllowed = 'copy';
                  }}
                  onDragEnd={() => setDrop(null)}
                  onClick={() => placeNew(createBlock(type))}
                >
                  <Icon aria-hidden="true" />
                  {BLOCK_LABELS[type]}
                </Button>
              );
            })}
          </div>
        </div>
        <div className="grid gap-1.5">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">Sections</h3>
          <div className="grid grid-cols-2 gap-1.5 lg:grid-cols-1">
            {SECTION_ICONS.map((Icon, i) => (
              <Button
                key={i}
                variant="outline"
                size="sm"
                className="justify-start"
                disabled={doc.sections.length >= MAX_SECTIONS}
                aria-label={`Add section with ${i + 1} ${i === 0 ? 'column' : 'columns'}`}
                onClick={() => addNewSection(i + 1)}
              >
                <Icon aria-hidden="true" />
                {i + 1} {i === 0 ? 'column' : 'columns'}
              </Button>
            ))}
          </div>
        </div>
        <p className="hidden text-xs text-muted-foreground lg:block">
          Drag a block onto the canvas, or click to add it after the selected one. On a block: ↑/↓ select, Alt+↑/↓ move, Delete removes, Enter edits.
        </p>
      </aside>

      {/* Canvas */}
      <div
        role="region"
        aria-label={`${label} canvas`}
        className="min-w-0 overflow-x-auto rounded-lg border border-border p-4 sm:p-6"
        style={{ background: settings.background }}
        onClick={(e) => e.target === e.currentTarget && setSelection(null)}
      >
        <div
          className="mx-auto w-full"
          style={{ maxWidth: settings.width, background: settings.contentBackground, color: settings.textColor, fontFamily: fontStack(settings), ['--email-link' as string]: settings.linkColor }}
        >
          {doc.sections.length === 0 && (
            <p className="px-6 py-16 text-center text-sm" style={{ color: settings.textColor }}>
              The email is empty. Add a section or a block from the palette.
            </p>
          )}
          {doc.sections.map((section, sectionIndex) => {
            const sectionSelected = selection?.kind === 'section' && selection.id === section.id;
            const n = sectionIndex + 1;
            return (
              <div
                key={section.id}
                role="group"
                aria-label={`Section ${n} of ${doc.sections.length}, ${section.columns.length} ${section.columns.length === 1 ? 'column' : 'columns'}`}
                className={cn('group/section relative outline-offset-[-2px]', sectionSelected ? 'outline-2 outline-primary' : 'hover:outline-1 hover:outline-dashed hover:outline-primary/50 focus-within:outline-1 focus-within:outline-dashed focus-within:outline-primary/50')}
                style={{ background: section.background, paddingTop: section.padding ?? 0, paddingBottom: section.padding ?? 0 }}
              >
                <div
                  className={cn(
                    'absolute right-1 top-1 z-10 flex items-center gap-0.5 rounded-md border border-border bg-popover p-0.5 text-popover-foreground shadow-sm',
                    sectionSelected ? 'opacity-100' : 'opacity-0 group-hover/section:opacity-100 focus-within:opacity-100',
                  )}
                >
                  <span className="px-1.5 font-sans text-[11px] font-medium text-muted-foreground">Section {n}</span>
                  <SmallAction label={`Section ${n} settings`} onClick={() => setSelection({ kind: 'section', id: section.id })} icon={<Settings2 aria-hidden="true" />} />
                  <SmallAction label={`Move section ${n} up`} disabled={sectionIndex === 0} onClick={() => onChange((d) => moveSection(d, section.id, -1))} icon={<ArrowUp aria-hidden="true" />} />
                  <SmallAction
                    label={`Move section ${n} down`}
                    disabled={sectionIndex === doc.sections.length - 1}
                    onClick={() => onChange((d) => moveSection(d, section.id, 1))}
                    icon={<ArrowDown aria-hidden="true" />}
                  />
                  <SmallAction
                    label={`Duplicate section ${n}`}
                    disabled={doc.sections.length >= MAX_SECTIONS || total + section.columns.reduce((m, c) => m + c.blocks.length, 0) > MAX_BLOCKS}
                    onClick={() => onChange((d) => duplicateSection(d, section.id))}
                    icon={<Copy aria-hidden="true" />}
                  />
                  <SmallAction label={`Delete section ${n}`} tone="danger" onClick={() => deleteSection(section.id)} icon={<Trash2 aria-hidden="true" />} />
                </div>
                <div className="flex flex-col gap-0 sm:flex-row">
                  {section.columns.map((column, columnIndex) => (
                    <div
                      key={column.id}
                      data-column-id={column.id}
                      aria-label={section.columns.length > 1 ? `Column ${columnIndex + 1}` : undefined}
                      role={section.columns.length > 1 ? 'group' : undefined}
                      className={cn('relative min-h-12 min-w-0 flex-1 px-6 py-1', drop?.columnId === column.id && 'bg-primary/5')}
                      style={column.width ? { flexBasis: `${column.width}%`, flexGrow: 0 } : undefined}
                      onDragOver={(e) => onColumnDragOver(e, column.id)}
                      onDragLeave={(e) => {
                        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDrop(null);
                      }}
                      onDrop={(e) => onColumnDrop(e, column.id)}
                    >
                      {column.blocks.length === 0 && (
                        <p className="grid min-h-16 place-items-center rounded border border-dashed border-current/25 text-center font-sans text-xs opacity-70">
                          Empty column: drop a block here
                        </p>
                      )}
                      {column.blocks.map((block, blockIndex) => {
                        const selected = selection?.kind === 'block' && selection.id === block.id;
                        return (
                          <div key={block.id} data-block-id={block.id} className="relative">
                            {drop?.columnId === column.id && drop.index === blockIndex && <DropLine />}
                            <div
                              ref={(el) => {
                                if (el) blockRefs.current.set(block.id, el);
                                else blockRefs.current.delete(block.id);
                              }}
                              role="group"
                              aria-roledescription="block"
                              aria-label={describeBlock(block)}
                              aria-current={selected ? 'true' : undefined}
                              tabIndex={block.id === tabStop ? 0 : -1}
                              draggable
                              onDragStart={(e) => {
                                e.dataTransfer.setData(BLOCK_MIME, block.id);
                                e.dataTransfer.effectAllowed = 'move';
                              }}
                              onDragEnd={() => setDrop(null)}
                              onClick={() => selectBlock(block.id)}
                              onKeyDown={(e) => onBlockKeyDown(e, block.id)}
                              className={cn(
                                'group/block relative cursor-pointer rounded-sm px-1 py-1.5 outline-offset-2 focus-visible:outline-2 focus-visible:outline-ring',
                                selected ? 'outline-2 outline-primary' : 'hover:outline-1 hover:outline-primary/50',
                              )}
                            >
                              <GripVertical
                                className={cn('absolute -left-5 top-1/2 size-4 -translate-y-1/2 cursor-grab text-muted-foreground', selected ? 'opacity-100' : 'opacity-0 group-hover/block:opacity-100')}
                                aria-hidden="true"
                              />
                              <BlockView block={block} />
                              {selected && (
                                <div
                                  role="toolbar"
                                  aria-label="Block actions"
                                  className="absolute -top-3.5 right-0 z-20 flex items-center gap-0.5 rounded-md border border-border bg-popover p-0.5 text-popover-foreground shadow-md"
                                  onClick={(e) => e.stopPropagation()}
                                >
                                  <SmallAction label="Move block up" disabled={!canMoveBlock(doc, block.id, -1)} onClick={() => move(block.id, -1)} icon={<ArrowUp aria-hidden="true" />} />
                                  <SmallAction label="Move block down" disabled={!canMoveBlock(doc, block.id, 1)} onClick={() => move(block.id, 1)} icon={<ArrowDown aria-hidden="true" />} />
                                  <SmallAction
                                    label="Duplicate block"
                                    disabled={total >= MAX_BLOCKS || column.blocks.length >= MAX_BLOCKS_PER_COLUMN}
                                    onClick={() => duplicate(block.id)}
                                    icon={<Copy aria-hidden="true" />}
                                  />
                                  <SmallAction label="Delete block" tone="danger" onClick={() => deleteBlock(block.id)} icon={<Trash2 aria-hidden="true" />} />
                                </div>
                              )}
                            </div>
                          </div>
                        );
                      })}
                      {drop?.columnId === column.id && drop.index === column.blocks.length && <DropLine />}
                    </div>
                  ))}
                </div>
              </div>
            );
          })}
        </div>
      </div>

      {/* Properties */}
      <aside ref={panelRef} aria-label="Properties" className="grid content-start gap-3 rounded-lg border border-border bg-card p-4 lg:sticky lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:overflow-y-auto">
        <div className="flex items-center justify-between gap-2">
          <h3 className="text-sm font-semibold">
            {selectedBlock ? `${BLOCK_LABELS[selectedBlock.block.type]} block` : selectedSection ? `Section ${doc.sections.indexOf(selectedSection) + 1}` : 'Email settings'}
          </h3>
          {selection && (
            <Button variant="ghost" size="icon-sm" className="size-7" aria-label="Close properties" title="Close properties (Esc on the canvas)" onClick={() => setSelection(null)}>
              <X aria-hidden="true" />
            </Button>
          )}
        </div>
        {selectedBlock ? (
          <BlockProperties key={selectedBlock.block.id} block={selectedBlock.block} onChange={(patch) => onChange((d) => updateBlock(d, selectedBlock.block.id, patch))} />
        ) : selectedSection ? (
          <SectionProperties section={selectedSection} onChange={(patch) => onChange((d) => updateSection(d, selectedSection.id, patch))} />
        ) : (
          <>
            <p className="text-xs text-muted-foreground">Select a block or a section on the canvas to edit it.</p>
            <EmailSettingsForm settings={settings} onChange={(patch) => onChange((d) => ({ ...d, settings: { ...d.settings, ...patch } }))} />
          </>
        )}
      </aside>
    </div>
  );
}

function DropLine() {
  return <div className="pointer-events-none my-0.5 h-0.5 rounded-full bg-primary" aria-hidden="true" />;
}

function SmallAction({ label, icon, onClick, disabled, tone }: { label: string; icon: React.ReactNode; onClick: () => void; disabled?: boolean; tone?: 'danger' }) {
  return (
    <Button
      variant="ghost"
      size="icon-sm"
      className={cn('size-7', tone === 'danger' && 'text-danger-text hover:bg-danger-subtle')}
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={(e) => {
        e.stopPropagation();
        onClick();
      }}
    >
      {icon}
    </Button>
  );
}
