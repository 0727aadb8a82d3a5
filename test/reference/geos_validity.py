#!/usr/bin/env python3
"""Print `id,valid,reason,x,y` for every feature of a GeoJSON file, as GEOS judges validity.

Usage: geos_validity.py FILE.geojson [ID_FIELD]
The id is the feature's `id`, else the property ID_FIELD, else the first property.
Needs shapely (Debian: apt-get install python3-shapely; run with /usr/bin/python3).
"""
import json
import re
import sys

from shapely.geometry import shape
from shapely.validation import explain_validity
from shapely import geos


def feature_id(feature, field):
    if field:
        return str(feature["properties"][field])
    if feature.get("id") is not None:
        return str(feature["id"])
    props = feature.get("properties") or {}
    return str(next(iter(props.values())))


def main():
    path = sys.argv[1]
    field = sys.argv[2] if len(sys.argv) > 2 else None
    with open(path) as f:
        data = json.load(f)
    import shapely
    print(f"# made by: /usr/bin/python3 test/reference/geos_validity.py {' '.join(sys.argv[1:])}"
          f" (shapely {shapely.__version__}, GEOS {geos.geos_version_string})")
    print("id,valid,reason,x,y")
    for feature in data["features"]:
        fid = feature_id(feature, field)
        geom = shape(feature["geometry"])
        if geom.is_valid:
            print(f"{fid},true,,,")
            continue
        text = explain_validity(geom)
        m = re.match(r"^(.*)\[(\S+) (\S+)\]$", text)
        reason, x, y = (m.group(1), m.group(2), m.group(3)) if m else (text, "", "")
        print(f"{fid},false,{reason},{x},{y}")


if __name__ == "__main__":
    main()
