"""Write and check the held-out events gold (events-heldout.jsonl) from the hand-written rows below.

Run from the repo root: ``python tests/data/events-heldout/build.py``. The rows were written by hand
from the article texts (articles.jsonl, copied from ../shared/corpora/news-silver.jsonl) following
../shared/data/events-dev/README.md; this script only adds text_sha1 and runs that README's checks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
N, K, F, T = None, "key", False, True  # shorthands: null, key, future false/true


def ev(
    importance: str,
    what: str,
    evidence: str,
    triggers: list[str],
    source: str | None,
    target: str | None,
    when: tuple[str, str] | None,
    future: bool,
) -> dict[str, Any]:
    return {
        "importance": importance,
        "what": what,
        "evidence": evidence,
        "triggers": triggers,
        "source": source,
        "target": target,
        "when": list(when) if when else None,
        "future": future,
    }


GOLD: dict[str, list[dict[str, Any]]] = {
    "AFP_ENG_19970414.0251": [
        ev(
            K,
            "Tapie leaves prison on day release",
            "Jailed politician Bernard Tapie left prison Monday after a judge granted",
            ["left", "leave", "leaves", "released", "release"],
            "tapie",
            N,
            ("1997-04-14", "1997-04-15"),
            F,
        ),
        ev(
            K,
            "A judge grants Tapie's request for day-release custody",
            "a judge granted his request for day-release custody",
            ["granted", "grant", "grants"],
            "judge",
            "tapie",
            N,
            F,
        ),
        ev(
            K,
            "Tapie is jailed for eight months over a match-rigging scandal",
            "Tapie, who was jailed for eight months in February",
            ["jailed", "jail", "jails", "sentenced"],
            N,
            "tapie",
            ("1997-02-01", "1997-03-01"),
            F,
        ),
        ev(
            "minor",
            "Tapie is transferred by prison van to the Baumettes day-release prison",
            "to be transferred by prison van to the day-release prison at Baumettes",
            ["transferred", "transfer", "transfers"],
            N,
            "tapie",
            ("1997-04-14", "1997-04-15"),
            F,
        ),
        ev(
            "minor",
            "Tapie is to work for Michel Bigoin's group SECNA",
            "Tapie is expected to work for an old Marseilles business colleague",
            ["work", "working", "works"],
            "tapie",
            "bigoin",
            N,
            T,
        ),
        ev(
            K,
            "The day-release regime is suspended from May 12 to 30",
            "The day-release regime will be suspended from May 12-30 during a trial",
            ["suspended", "suspend", "suspension"],
            N,
            N,
            ("1997-05-12", "1997-05-31"),
            T,
        ),
        ev(
            K,
            "Tapie is tried over the illegal funding of Olympique de Marseille",
            "a trial involving Tapie's role in illegal funding of his former footbal club",
            ["trial", "tried", "tries"],
            N,
            "tapie",
            ("1997-05-12", "1997-05-31"),
            T,
        ),
    ],
    "AFP_ENG_20061203.0010": [
        ev(
            K,
            "Segolene Royal arrives in Israel",
            "Segolene Royal, arrived in Israel Sunday",
            ["arrived", "arrive", "arrives", "arrival"],
            "royal",
            "israel",
            ("2006-12-03", "2006-12-04"),
            F,
        ),
        ev(
            K,
            "Royal begins a Middle East tour in Lebanon",
            "three days after kicking off a Middle East tour in neighboring Lebanon",
            ["kicking off", "kicked off", "kicks off", "tour", "began", "begins"],
            "royal",
            "lebanon",
            ("2006-11-30", "2006-12-01"),
            F,
        ),
        ev(
            K,
            "Royal is to meet Palestinian youths in Gaza City",
            "She was due to meet with Palestinian youths at the French cultural center",
            ["meet", "meets", "meeting"],
            "royal",
            "palestinian youths",
            ("2006-12-03", "2006-12-04"),
            T,
        ),
        ev(
            K,
            "Royal is to hold talks with Mahmud Abbas",
            "hold talks with Palestinian president Mahmud Abbas",
            ["talks", "hold talks", "holds talks", "meet", "meets"],
            "royal",
            "abbas",
            ("2006-12-03", "2006-12-04"),
            T,
        ),
        ev(
            K,
            "Royal is to meet Israeli Foreign Minister Tzipi Livni",
            "In the late afternoon Royal was expected to meet with Israeli Foreign Minister",
            ["meet", "meets", "meeting"],
            "royal",
            "livni",
            ("2006-12-03", "2006-12-04"),
            T,
        ),
        ev(
            K,
            "A meeting with Olmert and Peretz is scheduled for Monday",
            "A meeting with Prime Minister Ehud Olmert and Defense Minister Amir Peretz",
            ["meeting", "meet", "meets", "scheduled"],
            N,
            "olmert",
            ("2006-12-04", "2006-12-05"),
            T,
        ),
        ev(
            "minor",
            "France holds presidential elections in April",
            "ahead of the presidential elections to be held in April",
            ["elections", "election", "held", "holds"],
            N,
            N,
            ("2007-04-01", "2007-05-01"),
            T,
        ),
    ],
    "AFP_ENG_20061212.0787": [
        ev(
            K,
            "A Surabaya court sentences Ahmad Arif Hermansyah to three years for storing explosives",
            "state court in Surabaya, East Java, sentenced Ahmad Arif Hermansyah, 27, on Tuesday",
            ["sentenced", "sentence", "sentences", "jailed", "jails", "jail"],
            "court",
            "hermansyah",
            ("2006-12-12", "2006-12-13"),
            F,
        ),
        ev(
            K,
            "An explosives-laden van explodes outside the Australian embassy, killing 12",
            "Twelve people, including the bomber, were killed when an explosives-laden van exploded",
            ["killed", "kill", "kills", "exploded", "explodes", "bombing", "explosion"],
            N,
            "people",
            ("2004-09-05", "2004-09-06"),
            F,
        ),
        ev(
            K,
            "Hermansyah and his lawyers file an appeal",
            "the defendant and his lawyers had filed an appeal",
            ["filed", "files", "appeal", "appealed", "appeals"],
            "hermansyah",
            N,
            ("2006-12-12", "2006-12-14"),
            F,
        ),
        ev(
            K,
            "Prosecutors accuse Hermansyah of agreeing to store a box of explosives",
            "Prosecutors had accused the defendant of agreeing to store a cardboard box",
            ["accused", "accuse", "accuses", "accusation"],
            "prosecutors",
            "hermansyah",
            N,
            F,
        ),
        ev(
            "minor",
            "The prosecution recommends a five-year sentence",
            "two years lighter than what the prosecution had recommended",
            ["recommended", "recommend", "recommends"],
            "prosecution",
            N,
            N,
            F,
        ),
        ev(
            "minor",
            "Hermansyah's friend is tried separately",
            "store a cardboard box for a friend, who was tried separately",
            ["tried", "trial", "tries"],
            N,
            "friend",
            N,
            F,
        ),
        ev(
            "minor",
            "The 2002 Bali bombings kill 202 people",
            "including the 2002 Bali bombings which killed 202 people",
            ["bombings", "bombing", "killed", "kill", "kills"],
            N,
            "people",
            ("2002-01-01", "2003-01-01"),
            F,
        ),
    ],
    "XIN_ENG_20061121.0141": [
        ev(
            K,
            "43 children fall ill after eating wild fruit",
            "suffered nausea and dizziness after eating the fruit on Monday afternoon",
            ["suffered", "suffer", "suffers", "poisoning", "poisoned", "poisons", "eating", "ate"],
            N,
            "children",
            ("2006-11-20", "2006-11-21"),
            F,
        ),
        ev(
            K,
            "The children are taken to hospital",
            "and all were taken to hospital",
            ["taken", "hospital", "hospitalized"],
            N,
            "children",
            ("2006-11-20", "2006-11-21"),
            F,
        ),
        ev(
            "minor",
            "The pupils are recovering",
            "are recovering after suffering food poisoning caused by wild fruit",
            ["recovering", "recover", "recovers"],
            N,
            "pupils",
            ("2006-11-21", "2006-11-22"),
            F,
        ),
        ev(
            K,
            "Tests show the children were poisoned by jatropha fruit",
            "Test results showed they were poisoned by the fruit of the jatropha curcal",
            ["poisoned", "poisoning", "poisons", "showed", "show"],
            "fruit",
            "children",
            ("2006-11-20", "2006-11-22"),
            F,
        ),
        ev(
            K,
            "County schools launch an emergency safety campaign",
            "An emergency safety campaign was launched by all primary and middle schools",
            ["launched", "launch", "launches", "campaign"],
            "schools",
            N,
            ("2006-11-20", "2006-11-22"),
            F,
        ),
    ],
    "XIN_ENG_20061124.0262": [
        ev(
            K,
            "Two US helicopters open fire on a funeral in Sadr City, wounding two",
            "Two U.S. helicopters opened fire on a funeral in Sadr City",
            ["opened fire", "open fire", "opens fire", "fired", "fire", "wounding"],
            "u.s.",
            "funeral",
            ("2006-11-24", "2006-11-25"),
            F,
        ),
        ev(
            K,
            "Sadr City residents attend a funeral for bombing victims",
            "Residents in Sadr City attended a funeral for victims who were killed",
            ["attended", "attend", "attends", "funeral"],
            "residents",
            N,
            ("2006-11-24", "2006-11-25"),
            F,
        ),
        ev(
            "minor",
            "Some mourners fire into the air as US helicopters fly over",
            "some people fired into the air when two U.S. Apache helicopters flow over",
            ["fired", "fire", "fires"],
            "people",
            N,
            ("2006-11-24", "2006-11-25"),
            F,
        ),
        ev(
            K,
            "Armed clashes erupt between US forces and Shiite militiamen in Sadr City",
            "armed clashes erupted on Friday evening between U.S. forces and Shiite militiamen",
            ["clashes", "clash", "clashed", "erupted", "erupt"],
            "u.s.",
            "militiamen",
            ("2006-11-24", "2006-11-25"),
            F,
        ),
        ev(
            K,
            "Four coordinated bombings in Sadr City kill at least 200 people",
            "On Thursday afternoon, at least 200 people were killed",
            ["killed", "kill", "kills", "bombings", "bombing", "injured"],
            N,
            "people",
            ("2006-11-23", "2006-11-24"),
            F,
        ),
        ev(
            "minor",
            "The US-led invasion of Iraq",
            "It was the deadliest bombing attacks since the U.S.-led invasion in 2003",
            ["invasion", "invaded", "invade", "invades"],
            "u.s.",
            N,
            ("2003-01-01", "2004-01-01"),
            F,
        ),
    ],
}


def check(doc: dict[str, Any], events: list[dict[str, Any]]) -> list[str]:
    """The README's checker rules; a list of what is wrong (empty when the document passes)."""
    text, low, pub = doc["text"], doc["text"].lower(), dt.date.fromisoformat(doc["published"])
    errors: list[str] = []
    words = len(text.split())
    if not 150 <= words <= 700:
        errors.append(f"{words} words")
    keys = sum(e["importance"] == "key" for e in events)
    if not 4 <= keys <= 10:
        errors.append(f"{keys} key rows")
    for e in events:
        where = f"{doc['id']} {e['id']}"
        if e["evidence"] not in text:
            errors.append(f"{where}: evidence not in text")
        if not 5 <= len(e["evidence"].split()) <= 15:
            errors.append(f"{where}: evidence has {len(e['evidence'].split())} words")
        if not any(t in e["evidence"].lower() for t in e["triggers"]):
            errors.append(f"{where}: no trigger in evidence")
        for role in ("source", "target"):
            v = e[role]
            if v is not None and (v != v.lower() or v not in low):
                errors.append(f"{where}: {role} {v!r} not a lowercase substring of the text")
        if e["when"] is not None:
            a, b = (dt.date.fromisoformat(x) for x in e["when"])
            if not a < b:
                errors.append(f"{where}: empty interval")
            if not e["future"] and a > pub:
                errors.append(f"{where}: past event after publication")
    return errors


def main() -> int:
    articles = {
        d["id"]: d for d in map(json.loads, (HERE / "articles.jsonl").read_text("utf-8").splitlines())
    }
    out, errors = [], []
    for doc_id, events in GOLD.items():
        doc = articles[doc_id]
        numbered = [{"id": f"e{i}", **e} for i, e in enumerate(events, 1)]
        errors += check(doc, numbered)
        out.append(
            {
                "doc": doc_id,
                "published": doc["published"],
                "title": doc["title"],
                "text_sha1": hashlib.sha1(doc["text"].encode("utf-8")).hexdigest(),
                "events": numbered,
            }
        )
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    with (HERE / "events-heldout.jsonl").open("w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(out)} documents, {sum(len(r['events']) for r in out)} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
