"""Score eventledger records against blind probe annotations (docs/evaluation.md).

usage: python tools/probe_eval.py DIR[,DIR...] [--src SRC_DIR] [-v] [--json OUT]

Each DIR holds pages (``STEM.wiki`` or ``STEM.txt``) and their hand coding (``STEM.json``, the
shape ``tools/probe_brief.md`` gives). Every page is parsed in a child process (with
``PYTHONPATH=SRC_DIR`` when --src names another checkout's ``src``, to score older code on the
same pages), and each coded field is scored: kind, start, end, country, coordinates (when the
page states them, within 0.1 degree), deaths and (for attacks) injuries as intervals (an exact
figure also matches the record's best; "more than N" matches N or N+1), perpetrators (attacks)
and each side's combatants (names matched loosely both ways) and killed, footnotes. Fields the
coder lists under ``ambiguous`` are counted apart. -v prints every miss.
"""

import glob
import json
import os
import re
import subprocess
import sys

args = sys.argv[1:]
verbose = "-v" in args
src = None
out = None
if "--src" in args:
    src = args[args.index("--src") + 1]
if "--json" in args:
    out = args[args.index("--json") + 1]
dirs = [d for a in args if not a.startswith("-") and a not in (src, out) for d in a.split(",")]
PY = sys.executable


def records(paths):
    code = r"""
import json, sys
from eventledger.pipeline import parse_path
res = {}
for p in sys.argv[1:]:
    try:
        recs = parse_path(p)
        r = recs[0] if recs else None
        res[p] = r
    except Exception as exc:
        res[p] = {"error": repr(exc)}
print(json.dumps(res))
"""
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    p = subprocess.run([PY, "-c", code, *paths], capture_output=True, text=True, env=env)
    if p.returncode:
        print(p.stderr[-3000:])
        sys.exit(1)
    return json.loads(p.stdout)


def norm(s):
    s = (s or "").lower()
    s = re.sub(r"\[.*?\]|\(.*?\)", " ", s)
    s = re.sub(r"[^\w\s]", " ", s)
    toks = [t for t in s.split() if t not in ("the", "of", "and", "a")]
    return toks


def name_match(a, names):
    ta = norm(a)
    if not ta:
        return False
    sa = " ".join(ta)
    for n in names:
        tb = norm(n)
        if not tb:
            continue
        sb = " ".join(tb)
        if sa == sb or (len(sa) >= 3 and sa in sb) or (len(sb) >= 3 and sb in sa):
            return True
        A, B = set(ta), set(tb)
        if len(A & B) / len(A | B) >= 0.5:
            return True
    return False


def actor_names(objs):
    out = []
    for o in objs or []:
        out.append([o.get("name") or "", o.get("link") or ""])
    return out


def set_match(ann, rec):
    """every annotated name matched by a record actor and every record actor by an annotated name"""
    ann = [a for a in ann if a]
    if not ann and not rec:
        return True
    for a in ann:
        if not any(name_match(a, r) for r in rec):
            return False
    for r in rec:
        if not any(name_match(a, r) for a in ann):
            return False
    return True


def interval(q):
    if not q:
        return None
    lo, hi = q.get("low"), q.get("high")
    if lo is None and hi is None:
        if q.get("best") is not None:
            return (q["best"], q["best"])
        return None
    return (lo, hi)


def ann_interval(q):
    if q is None:
        return None
    lo, hi = q.get("low"), q.get("high")
    if lo is None and hi is None:
        return None
    return (lo, hi)


def q_eq(a, q):
    r = interval(q)
    if a == r:
        return True
    if (
        a is not None
        and r is not None
        and a[1] is None
        and r[1] is None
        and a[0] is not None
        and r[0] in (a[0], a[0] + 1)
    ):
        return True  # "more than 300": 300 or 301
    return a is not None and a[0] == a[1] and q is not None and q.get("best") == a[0]


def date_eq(a, b):
    return (a or None) == (b or None)


def score(ann, rec):
    fields = {}
    if rec is None or "error" in (rec or {}):
        return {"error": (False, None, rec)}
    ev = rec["event"]
    fields["kind"] = (ev["kind"] == ann.get("kind"), ann.get("kind"), ev["kind"])
    d = ev["date"] or {}
    st, en = d.get("start"), d.get("end") or d.get("start")
    if "start" in ann:
        fields["start"] = (date_eq(st, ann.get("start")), ann.get("start"), st)
    if "end" in ann:
        fields["end"] = (date_eq(en, ann.get("end") or ann.get("start")), ann.get("end"), en)
    loc = ev.get("location") or {}
    if "country" in ann:
        fields["country"] = (
            loc.get("country") == ann.get("country"),
            ann.get("country"),
            loc.get("country"),
        )
    if ann.get("lat") is not None:
        ok = (
            loc.get("lat") is not None
            and abs(loc["lat"] - ann["lat"]) <= 0.1
            and abs(loc["lon"] - ann["lon"]) <= 0.1
        )
        fields["coords"] = (ok, (ann["lat"], ann["lon"]), (loc.get("lat"), loc.get("lon")))
    if "deaths" in ann:
        a, r = ann_interval(ann["deaths"]), interval(ev.get("deaths"))
        if a is None and ann.get("sides") and ann.get("kind") in ("battle", "war"):
            ks = [ann_interval(s.get("killed")) for s in ann["sides"]]
            if any(ks):  # honest interval sum: a side without a figure is [0, unbounded)
                a = (sum(k[0] or 0 for k in ks if k), None)
        fields["deaths"] = (q_eq(a, ev.get("deaths")), a, r)
    if "injuries" in ann and ann.get("kind") not in ("battle", "war"):
        a, r = ann_interval(ann["injuries"]), interval(ev.get("injuries"))
        fields["injuries"] = (q_eq(a, ev.get("injuries")), a, r)
    if "perpetrators" in ann:
        rp = actor_names(ev.get("perpetrators"))
        fields["perpetrators"] = (
            set_match(ann["perpetrators"], rp),
            ann["perpetrators"],
            [x[0] for x in rp],
        )
    if ann.get("sides"):
        rs = ev.get("sides") or []
        for i, s in enumerate(ann["sides"]):
            r = rs[i] if i < len(rs) else None
            rc = actor_names(r["combatants"]) if r else []
            fields[f"sides[{i}].combatants"] = (
                set_match(s.get("combatants") or [], rc),
                s.get("combatants"),
                [x[0] for x in rc],
            )
            a = ann_interval(s.get("killed"))
            rk = interval(r["casualties"]["killed"]) if r else None
            fields[f"sides[{i}].killed"] = (
                q_eq(a, r["casualties"]["killed"]) if r else a is None,
                a,
                rk,
            )
    if "footnotes" in ann:
        fields["footnotes"] = (
            rec["counts"]["footnotes"] == ann["footnotes"],
            ann["footnotes"],
            rec["counts"]["footnotes"],
        )
    return fields


def is_amb(name, amb):
    for a in amb:
        a = a.strip()
        if not a:
            continue
        if (
            name == a
            or name.startswith(a + ".")
            or name.startswith(a + "[")
            or name.endswith("." + a)
            or a in name.split(".")
        ):
            return True
        if (
            a in ("sides", "killed")
            and name.startswith("sides")
            and (a == "sides" or name.endswith("killed"))
        ):
            return True
    return False


by_field: dict = {}
pages = []
for d in dirs:
    for j in sorted(glob.glob(os.path.join(d, "*.json"))):
        stem = j[:-5]
        page = next((stem + e for e in (".wiki", ".txt") if os.path.exists(stem + e)), None)
        if page:
            pages.append((j, page))
recs = records([p for _, p in pages])
tot = [0, 0, 0, 0]
result = {}
for j, p in pages:
    try:
        ann = json.load(open(j))
    except Exception as exc:
        print("BAD JSON", j, exc)
        continue
    f = score(ann, recs.get(p))
    amb = ann.get("ambiguous") or []
    result[p] = {k: v[0] for k, v in f.items()}
    for k, (ok, a, r) in f.items():
        am = is_amb(k, amb)
        fk = re.sub(r"\[\d+\]", "", k)
        if not am:
            c = by_field.setdefault(fk, [0, 0])
            c[0] += ok
            c[1] += 1
        tot[0] += ok
        tot[1] += 1
        if not am:
            tot[2] += ok
            tot[3] += 1
        if verbose and not ok:
            print(f"{'AMB ' if am else 'MISS'} {os.path.basename(p)} {k}: want {a} got {r}")
print(f"all {tot[0]}/{tot[1]}  unamb {tot[2]}/{tot[3]}  pages {len(pages)}")
if "--fields" in args:
    for fk, (ok, n) in sorted(by_field.items()):
        print(f"  {fk:22} {ok}/{n} ({100 * ok / n:.1f} %)")
if out:
    json.dump(result, open(out, "w"), indent=0)
