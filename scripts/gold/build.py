#!/usr/bin/env python3
"""build.py BENCH OUTDIR JUDGMENTS.json...

Rebuilds gold comparison stories from our judgments (scripts/gold/*/NAME.json:
article ids and character offsets, no article text) and the third-party corpus
in BENCH (../shared/bench). Writes OUTDIR/NAME.jsonl (the story's articles) and
OUTDIR/NAME.gold.json in the format of BENCH/compare/README.md, ready for
score-compare. Exits 1 when an article is missing or its text changed."""
import hashlib, json, os, sys

bench, outdir = sys.argv[1], sys.argv[2]
os.makedirs(outdir, exist_ok=True)
corpora = {}

def corpus(name):
    if name not in corpora:
        docs = {}
        for line in open(os.path.join(bench, name)):
            d = json.loads(line)
            docs[d["id"]] = d
        corpora[name] = docs
    return corpora[name]

for path in sys.argv[3:]:
    j = json.load(open(path))
    name = os.path.splitext(os.path.basename(path))[0]
    docs = corpus(j["corpus"])
    arts = {}
    for a in j["articles"]:
        d = docs.get(a["id"])
        if d is None or hashlib.sha256(d["text"].encode()).hexdigest() != a["sha256"]:
            sys.exit(f"{path}: article {a['id']} missing or changed in {j['corpus']}")
        arts[a["id"]] = d
    def s(art, span):
        return arts[art]["text"][span[0]:span[1]]
    gold = {"story": j["story"], "articles": [{"id": a["id"], "source": a["source"]} for a in j["articles"]],
            "facts": [], "quotes": [], "quantities": [], "tensions": [], "people": j["people"]}
    for f in j["facts"]:
        p = {}
        for o, v in f["present"].items():
            e = {"value": v["value"]}
            if "evidence" in v:
                e["evidence"] = s(o, v["evidence"])
            p[o] = e
        gold["facts"].append({"article": f["article"], "text": s(f["article"], f["text"]), "claim": f["claim"], "present": p})
    for q in j["quotes"]:
        gold["quotes"].append({"article": q["article"], "text": s(q["article"], q["text"]), "speaker": q["speaker"], "group": q["group"]})
    for q in j["quantities"]:
        gold["quantities"].append({"what": q["what"], "verdict": q["verdict"],
                                   "mentions": [{"article": m["article"], "text": s(m["article"], m["text"])} for m in q["mentions"]]})
    for t in j["tensions"]:
        gold["tensions"].append({"what": t["what"], "sides": [{"article": x["article"], "text": s(x["article"], x["text"])} for x in t["sides"]]})
    with open(os.path.join(outdir, name + ".jsonl"), "w") as w:
        for a in j["articles"]:
            w.write(json.dumps(arts[a["id"]], ensure_ascii=False) + "\n")
    with open(os.path.join(outdir, name + ".gold.json"), "w") as w:
        json.dump(gold, w, indent=1, ensure_ascii=False)
