// A guidance section on screen: the blocks of format.ts as elements (text stays text).
import { Fragment } from 'preact';
import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { type Inline, parseGuidance } from './format';

function Inlines({ parts }: { parts: Inline[] }) {
  const { t } = useT();
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'text' ? (
          <Fragment key={i}>{p.text}</Fragment>
        ) : p.external ? (
          <a key={i} href={p.href} target="_blank" rel="noopener noreferrer">
            {p.label}
            <span class="visually-hidden"> ({t('guidance.page.newWindow')})</span>
          </a>
        ) : (
          <Link key={i} href={p.href}>
            {p.label}
          </Link>
        ),
      )}
    </>
  );
}

export function GuidanceText({ text }: { text: string }) {
  return (
    <>
      {parseGuidance(text).map((b, i) =>
        b.kind === 'list' ? (
          <ul key={i}>
            {b.items.map((item, k) => (
              <li key={k}>
                <Inlines parts={item} />
              </li>
            ))}
          </ul>
        ) : (
          <p key={i}>
            {b.lines.map((line, k) => (
              <Fragment key={k}>
                {k > 0 ? <br /> : null}
                <Inlines parts={line} />
              </Fragment>
            ))}
          </p>
        ),
      )}
    </>
  );
}
