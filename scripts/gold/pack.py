#!/usr/bin/env python3
"""pack.py GOLD.json STORY.jsonl SETFILE OUT.json

Turns a gold story file (every string an exact substring of its article) into
judgments keyed to article ids and byte... character offsets, with no article
text: each string becomes [start, end] (Python string indices into the
article's text). SETFILE names the ../shared/bench corpus the articles come
from; a sha256 of each text guards against a changed corpus. Used once, when
the gold was made; scripts/build-gold reverses it."""
import hashlib, json, sys

gold_path, story_path, setfile, out_path = sys.argv[1:]
gold = json.load(open(gold_path))
docs = {}
for line in open(story_path):
    d = json.loads(line)
    docs[d["id"]] = d

def at(art, text, unique=False):
    t = docs[art]["text"]
    i = t.find(text)
    if i < 0:
        sys.exit(f"{gold_path}: {text!r} not in {art}")
    return [i, i + len(text)]

out = {"story": gold["story"], "corpus": setfile,
       "articles": [{"id": a["id"], "source": a["source"],
                     "sha256": hashlib.sha256(docs[a["id"]]["text"].encode()).hexdigest()} for a in gold["articles"]],
       "facts": [], "quotes": [], "quantities": [], "tensions": [], "people": gold.get("people", [])}
for f in gold.get("facts", []):
    p = {}
    for o, v in f["present"].items():
        e = {"value": v["value"]}
        if v.get("evidence"):
            e["evidence"] = at(o, v["evidence"])
        p[o] = e
    out["facts"].append({"article": f["article"], "text": at(f["article"], f["text"]), "claim": f.get("claim", ""), "present": p})
for q in gold.get("quotes", []):
    out["quotes"].append({"article": q["article"], "text": at(q["article"], q["text"]), "speaker": q["speaker"], "group": q["group"]})
for q in gold.get("quantities", []):
    out["quantities"].append({"what": q["what"], "verdict": q["verdict"],
                              "mentions": [{"article": m["article"], "text": at(m["article"], m["text"])} for m in q["mentions"]]})
for t in gold.get("tensions", []):
    out["tensions"].append({"what": t["what"], "sides": [{"article": s["article"], "text": at(s["article"], s["text"])} for s in t["sides"]]})
json.dump(out, open(out_path, "w"), indent=1, ensure_ascii=False)
open(out_path, "a").write("\n")
