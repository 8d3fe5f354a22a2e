import type { ComponentChildren } from 'preact';

/**
 * A data table in a region that scrolls on its own on small screens and can be reached with the
 * keyboard. The region is named by `label`; the caption (by default the label too) names the
 * table, visible or for screen readers only. `regionClass` styles the scrolling region (e.g. a
 * maximum height for a long table).
 */
export function TableRegion({
  label,
  caption,
  captionHidden = false,
  small = false,
  regionClass,
  testId,
  children,
}: {
  label: string;
  caption?: ComponentChildren;
  captionHidden?: boolean;
  small?: boolean;
  regionClass?: string;
  testId?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={regionClass ? `table-responsive ${regionClass}` : 'table-responsive'} tabIndex={0} role="region" aria-label={label}>
      <table class={small ? 'table table-sm' : 'table'} data-testid={testId}>
        <caption class={captionHidden ? 'visually-hidden' : undefined}>{caption ?? label}</caption>
        {children}
      </table>
    </div>
  );
}
