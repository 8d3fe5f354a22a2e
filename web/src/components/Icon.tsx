import { type IconName, ICONS } from './icons';

interface Props {
  name: IconName;
  class?: string;
  /** Mirror in right-to-left layouts (arrows, chevrons). */
  directional?: boolean;
  title?: string;
}

/** Decorative unless given a title. */
export function Icon({ name, class: cls = '', directional, title }: Props) {
  return (
    <svg
      class={`icon ${cls} ${directional ? 'icon-directional' : ''}`.trim()}
      viewBox="0 0 24 24"
      aria-hidden={title ? undefined : 'true'}
      role={title ? 'img' : undefined}
      aria-label={title}
      focusable="false"
    >
      <path d={ICONS[name]} />
    </svg>
  );
}
