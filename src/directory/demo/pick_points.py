#!/usr/bin/env python3
"""Picks the demo directory's places outside Palermo: for each municipality of the Metropolitan
City, three points inside its ISTAT boundary (shared/reference/geo), near the middle of its
polygon, so that a map shows each demo service in the right municipality. Prints the JSON that
catalogue.json keeps under "municipalities" (run once; the output is committed, not rebuilt).

    python3 pick_points.py ../../../../shared/reference/geo > /tmp/municipalities.json
"""
import csv, json, random, sys

geo = sys.argv[1]
rows = {r["codice_istat"]: r for r in csv.DictReader(open(f"{geo}/palermo-municipalities.csv"))}
features = json.load(open(f"{geo}/palermo-municipalities.geojson"))["features"]


def rings(geometry):
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return polys


def inside(lon, lat, polys):
    hit = False
    for poly in polys:
        for ring in poly:  # even-odd over outer ring and holes
            j = len(ring) - 1
            for i in range(len(ring)):
                xi, yi = ring[i][0], ring[i][1]
                xj, yj = ring[j][0], ring[j][1]
                if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
                    hit = not hit
                j = i
    return hit


rng = random.Random(82053)
out = []
for f in sorted(features, key=lambda f: f["properties"]["com_istat_code"]):
    code = f["properties"]["com_istat_code"]
    polys = rings(f["geometry"])
    pts = [p for poly in polys for p in poly[0]]
    cx = sum(p[0] for p in pts) / len(pts)
    cy = sum(p[1] for p in pts) / len(pts)
    span = max(max(p[0] for p in pts) - min(p[0] for p in pts), max(p[1] for p in pts) - min(p[1] for p in pts))
    chosen = []
    radius = span * 0.08
    while len(chosen) < 3:
        x, y = cx + rng.uniform(-radius, radius), cy + rng.uniform(-radius, radius)
        if inside(x, y, polys):
            chosen.append([round(y, 5), round(x, 5)])
        else:
            radius = min(radius * 1.05, span)
    r = rows[code]
    out.append({"istat": code, "name": r["nome"], "postcode": r["cap"].split("|")[0],
                "population": int(r["popolazione_censimento_2011"]), "points": chosen})
print(json.dumps(out, ensure_ascii=False))
