import type { ReactNode } from 'react';

/**
 * A wide table's horizontal scroller: a labelled region keyboard users can focus and scroll.
 * `hidden` keeps the table in the document for screen readers (and print) but off screen.
 */
export function TableScroll({ label, children, className, hidden, id, testId }: { label: string; children: ReactNode; className?: string; hidden?: boolean; id?: string; testId?: string }) {
  return (
    <div
      id={id}
      className={hidden ? 'mh-visually-hidden mh-print-only' : `mh-table-scroll ${className ?? ''}`}
      role="region"
      aria-label={label}
      tabIndex={hidden ? undefined : 0}
      data-testid={testId}
    >
      {children}
    </div>
  );
}
