// The map of the 82 municipalities of the province, drawn by leaflet from our own outlines
// (public/geo, ISTAT via openpolis): no tiles, nothing fetched from another site, so it works
// where only this server is reachable. Services with a public position (never a confidential
// one: the API gives it no coordinates) are dots; a dot's popup links to the service, a
// municipality's click filters the list by it. This module and leaflet are a chunk of their own.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { navigate } from '../../lib/router';
import { directoryApi, type ServiceHit } from '../api';
import { t, type PortalLang } from '../i18n';
import { ErrorBox } from '../parts';
import { servicePath, servicesPath } from '../paths';

const ATTRIBUTION = 'Confini amministrativi: ISTAT (CC BY), via openpolis';
const OUTLINES = '/geo/palermo-municipalities.geojson';
// The dots come from the list's own search, at most this many pages of 50.
const MARKER_PAGES = 4;

async function placedServices(filters: Record<string, string>): Promise<{ placed: ServiceHit[]; total: number }> {
  const placed: ServiceHit[] = [];
  let total = 0;
  for (let page = 1; page <= MARKER_PAGES; page++) {
    const r = await directoryApi.search({ ...filters, page, per_page: 50 });
    total = r.total;
    placed.push(...r.items.filter((h) => h.latitude !== null && h.longitude !== null));
    if (page * 50 >= r.total) break;
  }
  return { placed, total };
}

export default function ServiceMap({ lang, filters }: { lang: PortalLang; filters: Record<string, string> }) {
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const dots = useRef<L.LayerGroup | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [summary, setSummary] = useState<{ placed: number; total: number } | null>(null);
  const key = JSON.stringify(filters);

  useEffect(() => {
    const m = L.map(element.current!, { zoomSnap: 0.25, attributionControl: false, scrollWheelZoom: false });
    L.control.attribution({ prefix: false }).addAttribution(ATTRIBUTION).addTo(m);
    m.setView([37.85, 13.6], 8.5);
    map.current = m;
    dots.current = L.layerGroup().addTo(m);
    let live = true;
    fetch(OUTLINES)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((data: GeoJSON.FeatureCollection) => {
        if (!live) return;
        const outlines = L.geoJSON(data, {
          style: { color: '#17324d', weight: 1, fillColor: '#d9e8f6', fillOpacity: 0.7 },
          onEachFeature: (feature, layer) => {
            const { code, name } = feature.properties as { code: string; name: string };
            layer.bindTooltip(name, { sticky: true });
            layer.on('click', () => navigate(servicesPath(lang, { ...filters, municipality: code, view: 'map' })));
          },
        }).addTo(m);
        outlines.bringToBack();
        m.fitBounds(outlines.getBounds(), { padding: [8, 8] });
      })
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    let live = true;
    placedServices(filters).then(
      ({ placed, total }) => {
        if (!live || !dots.current) return;
        dots.current.clearLayers();
        for (const hit of placed) {
          const link = document.createElement('a');
          link.href = servicePath(lang, hit.id);
          link.textContent = hit.name;
          link.addEventListener('click', (e) => {
            e.preventDefault();
            navigate(link.pathname);
          });
          L.circleMarker([hit.latitude!, hit.longitude!], { radius: 8, color: '#ffffff', weight: 2, fillColor: '#a61919', fillOpacity: 1 })
            .bindPopup(link)
            .bindTooltip(hit.name)
            .addTo(dots.current);
        }
        setSummary({ placed: placed.length, total });
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [key]);

  return (
    <section class="portal-map-section" aria-labelledby="map-heading">
      <h2 id="map-heading" class="h4">
        {t('map.title')}
      </h2>
      <p class="portal-note">{t('map.help')}</p>
      {error ? <ErrorBox error={error} /> : null}
      <div ref={element} class="portal-map" dir="ltr" data-testid="map" role="region" aria-label={t('map.label')} />
      {summary ? (
        <p class="mt-2" data-testid="map-summary">
          {t('map.placed', { count: summary.placed })} {summary.total > summary.placed ? t('map.unplaced', { count: summary.total - summary.placed }) : null}
        </p>
      ) : null}
    </section>
  );
}
