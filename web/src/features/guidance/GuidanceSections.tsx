// A page's sections on screen, for the page and for each version in its history.
import { useT } from '../../lib/i18n';
import { type GuidancePage, SECTIONS } from './api';
import { GuidanceText } from './GuidanceText';

/** The page's sections: headings in the reader's language, each text in its own (Italian inside an Arabic page reads left to right). */
export function GuidanceSections({ page, headingLevel = 2 }: { page: Pick<GuidancePage, (typeof SECTIONS)[number]> & { language: string }; headingLevel?: 2 | 3 }) {
  const { t } = useT();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      {SECTIONS.filter((s) => page[s].trim()).map((s) => (
        <section key={s} data-section={s} class="mb-4">
          <Heading class={headingLevel === 2 ? 'h4' : 'h5'}>{t(`guidance.sections.${s}`)}</Heading>
          <div lang={page.language} dir={page.language === 'ar' ? 'rtl' : 'ltr'}>
            <GuidanceText text={page[s]} />
          </div>
        </section>
      ))}
    </>
  );
}
