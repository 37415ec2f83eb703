"""Write and check the second held-out events gold (events-heldout2.jsonl) from the hand-written rows.

Run from the repo root: ``python tests/data/events-heldout2/build.py``. The rows were written by hand
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
N, K, M, F, T = None, "key", "minor", False, True  # shorthands: null, key, minor, future false/true


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
    "XIN_ENG_20051113.0099": [
        ev(K, "The 13th SAARC summit ends in Dhaka",
           "South Asian Association for Regional Cooperation (SAARC) Summit ended here Sunday",
           ["ended", "end", "ends", "summit", "concluded"], "saarc", N, ("2005-11-13", "2005-11-14"), F),
        ev(K, "The summit adopts the Dhaka Declaration",
           "Summit ended here Sunday and passed Dhaka Declaration",
           ["passed", "pass", "passes", "adopted", "adopts", "declaration"], "saarc", N,
           ("2005-11-13", "2005-11-14"), F),
        ev(K, "The summit passes three agreements on double taxation, visas and an arbitration council",
           "The summit also passed three agreements -- Avoidance of Double Taxation",
           ["passed", "pass", "passes", "agreements", "agreement", "signed", "signs"], "saarc", N,
           ("2005-11-13", "2005-11-14"), F),
        ev(K, "India offers to host the next SAARC summit",
           "India has offered to host the next summit",
           ["offered", "offer", "offers", "host"], "india", N, N, F),
        ev(M, "The SAARC member states welcome India's offer",
           "the 7-member states of SAARC have welcomed it",
           ["welcomed", "welcome", "welcomes"], "member states", "india", N, F),
        ev(K, "The summit decides to set up a SAARC surveillance and rapid response system against bird flu",
           "the 13th summit has decided to set up a SAARC Surveillance",
           ["decided", "decide", "decides", "set up", "sets up", "decision"], "saarc", N,
           ("2005-11-13", "2005-11-14"), F),
        ev(M, "Manmohan Singh calls on SAARC members to settle the issues holding up SAFTA",
           "called on all SAARC member countries to settle issues",
           ["called", "call", "calls", "urged", "urges"], "singh", "member countries",
           ("2005-11-13", "2005-11-14"), F),
        ev(M, "The South Asian Free Trade Agreement is to be implemented by January 2006",
           "facilitate implementation of South Asian Free Trade Agreement (SAFTA) by January 2006",
           ["implementation", "implement", "implemented", "take effect"], N, N, ("2005-11-14", "2006-02-01"), T),
        ev(M, "Singh is to chair the next SAARC summit",
           "who will serve as the chairman of the next summit",
           ["serve", "serves", "chairman", "chair", "chairs"], "singh", N, N, T),
    ],
    "XIN_ENG_20061116.0247": [
        ev(K, "The State Council's work safety committee urges authorities to act to curb the spate of accidents",
           "The work safety committee under the State Council, China's cabinet, on Thursday urged",
           ["urged", "urge", "urges", "called", "calls"], "committee", "authorities", ("2006-11-16", "2006-11-17"), F),
        ev(M, "The committee demands thorough investigations into the causes of the accidents",
           "thorough investigations must be carried out to find the causes",
           ["investigations", "investigation", "investigate", "investigated", "carried out", "demands"],
           "committee", N, ("2006-11-16", "2006-11-17"), F),
        ev(K, "An oil tank explodes in Xinjiang, killing 13 workers who were painting it",
           "On October 28, 13 workers were killed in northwest China's Xinjiang region",
           ["killed", "kill", "kills", "exploded", "explodes", "explosion"], N, "workers", ("2006-10-28", "2006-10-29"), F),
        ev(K, "A gas explosion at the Jiaojiazhai colliery in Datong, Shanxi, kills 47 miners",
           "On Nov. 5, a gas explosion in the Jiaojiazhai colliery",
           ["explosion", "explodes", "exploded", "killed", "kill", "kills", "blast"], N, "miners",
           ("2006-11-05", "2006-11-06"), F),
        ev(K, "A fire at the Nanshan colliery in Lingshi, Shanxi, kills 34 miners",
           "On Nov. 12, 34 miners were killed in Nanshan colliery",
           ["killed", "kill", "kills", "fire", "broke out"], N, "miners", ("2006-11-12", "2006-11-13"), F),
        ev(M, "China records 532,101 accidents killing 92,437 people in January-October",
           "China recorded 532,101 accidents between January and October, killing 92,437 people",
           ["accidents", "accident", "killing", "killed", "kill", "recorded"], N, "people",
           ("2006-01-01", "2006-11-01"), F),
        ev(M, "The committee calls for solid measures to improve safety in vulnerable industries",
           "The committee called for solid measures to be taken to improve",
           ["called", "call", "calls", "urged", "urges"], "committee", N, ("2006-11-16", "2006-11-17"), F),
        ev(K, "The committee orders authorities to stop approving new small collieries, with immediate effect",
           "It said, with immediate effect, that authorities must stop approving new collieries",
           ["stop approving", "stop", "stops", "approving", "ban", "bans", "halt", "ordered", "orders"],
           "committee", "authorities", ("2006-11-16", "2006-11-17"), F),
    ],
    "AFP_ENG_20061217.0397": [
        ev(K, "Alexander Litvinenko is poisoned with more than ten times the lethal dose of polonium-210",
           "he was given more than ten times the lethal dose of polonium-210",
           ["given", "poisoned", "poisoning", "poisons", "killed", "kill", "murder", "dose"], N, "litvinenko", N, F),
        ev(M, "Preliminary post-mortem results on Litvinenko's body show the overdose",
           "preliminary results from the post-mortem on Litvinenko's body have shown",
           ["shown", "show", "shows", "post-mortem", "results"], N, "litvinenko", N, F),
        ev(K, "Litvinenko falls ill",
           "Litvinenko fell ill on November 1, and died on November 23",
           ["fell ill", "falls ill", "ill", "illness"], "litvinenko", N, ("2006-11-01", "2006-11-02"), F),
        ev(K, "Litvinenko dies",
           "Litvinenko fell ill on November 1, and died on November 23",
           ["died", "die", "dies", "death"], "litvinenko", N, ("2006-11-23", "2006-11-24"), F),
        ev(M, "Litvinenko's friends blame the Kremlin for the murder",
           "Several of his friends have blamed the Kremlin for the murder",
           ["blamed", "blame", "blames"], "friends", "kremlin", N, F),
        ev(M, "Russia repeatedly denies any involvement in the death",
           "Russia has repeatedly denied that it had any involvement",
           ["denied", "deny", "denies", "denial"], "russia", N, N, F),
        ev(M, "British detectives continue their investigation in Moscow",
           "British detectives currently in Moscow continuing their investigation",
           ["continuing", "continue", "continues", "investigation", "investigate", "investigating"],
           "detectives", "russia", ("2006-12-17", "2006-12-18"), F),
        ev(K, "The British detectives are to return from Moscow to Britain in the coming week",
           "continuing their investigation are due to return to Britain in the coming week",
           ["return", "returns", "returning"], "detectives", N, ("2006-12-18", "2006-12-25"), T),
        ev(K, "Russian officials refuse to put the British detectives' questions to Lugovoi and Kovtun",
           "Russian officials refused to ask questions of Andrei Lugovoi and Dmitri Kovtun",
           ["refused", "refuse", "refuses", "refusal"], "russia", "lugovoi", N, F),
        ev(K, "Andrei Lugovoi and Dmitri Kovtun meet Litvinenko on the day he falls ill",
           "both of whom met with Litvinenko on the day he fell ill",
           ["met", "meet", "meets", "meeting"], "lugovoi", "litvinenko", ("2006-11-01", "2006-11-02"), F),
    ],
    "XIN_ENG_20051126.0008": [
        ev(K, "A truck with a burst tyre rams into a bus-stop shelter and roadside market at Kyabakuza, killing seven",
           "Seven people have been killed in a road accident in southern Uganda",
           ["killed", "kill", "kills", "accident", "rammed", "rams", "crash", "died"], N, "people", N, F),
        ev(K, "The truck ploughs into women roasting food, many of whom are severely burnt",
           "plowed into women roasting bananas and meat, many of whom were severely burnt",
           ["plowed", "plows", "ploughed", "burnt", "burned", "injured"], "truck", "women", N, F),
        ev(M, "Two of the victims die in Masaka Hospital",
           "and two others died in Masaka Hospital",
           ["died", "die", "dies"], N, N, N, F),
        ev(K, "21 people are taken to Masaka Hospital, seven in critical condition",
           "21 people were taken to Masaka Hospital",
           ["taken", "take", "hospital", "hospitalized"], N, "people", N, F),
        ev(K, "The truck driver flees after the accident",
           "the unidentified driver fled after the incident",
           ["fled", "flee", "flees"], "driver", N, N, F),
    ],
    "XIN_ENG_20061116.0226": [
        ev(K, "US consumer prices drop 0.5 percent in October",
           "U.S. consumer prices dropped by 0.5 percent in October",
           ["dropped", "drop", "drops", "fell", "fall", "falls", "decline", "declined"], N, N,
           ("2006-10-01", "2006-11-01"), F),
        ev(M, "US consumer prices drop 0.5 percent in September",
           "matched the decline in September and was better than",
           ["decline", "declined", "declines", "drop", "dropped", "fell"], N, N, ("2006-09-01", "2006-10-01"), F),
        ev(M, "US consumer prices fall in two consecutive months late last year",
           "the first back-to-back drops in consumer prices since late last year",
           ["drops", "drop", "dropped", "fell", "decline", "declined"], N, N, ("2005-09-01", "2006-01-01"), F),
        ev(M, "Energy prices fall 7 percent in October",
           "helped by a decrease of 7 percent in energy prices",
           ["decrease", "decreased", "decreases", "fell", "drop", "dropped", "decline"], N, N,
           ("2006-10-01", "2006-11-01"), F),
        ev(M, "Energy prices fall 7.2 percent in September",
           "which followed a 7.2 percent decline in September",
           ["decline", "declined", "declines", "fell", "drop", "dropped"], N, N, ("2006-09-01", "2006-10-01"), F),
        ev(M, "Gasoline prices plunge 11.1 percent in October",
           "Gasoline prices plunged by 11.1 percent in October",
           ["plunged", "plunge", "plunges", "fell", "dropped"], N, N, ("2006-10-01", "2006-11-01"), F),
        ev(M, "Natural gas and heating oil prices fall sharply in October",
           "prices of natural gas and home heating oil also posted big declines",
           ["declines", "decline", "declined", "posted", "fell"], N, N, ("2006-10-01", "2006-11-01"), F),
        ev(M, "Food costs rise 0.3 percent in October",
           "However, food costs edged up 0.3 percent in October",
           ["edged up", "edge up", "edges up", "rose", "rise", "rises", "increased"], N, N,
           ("2006-10-01", "2006-11-01"), F),
        ev(K, "Core consumer prices rise 0.1 percent in October",
           'the "core" consumer prices rose by 0.1 percent in October',
           ["rose", "rise", "rises", "increased", "increase"], N, N, ("2006-10-01", "2006-11-01"), F),
        ev(M, "Core consumer prices rise 0.1 percent in February",
           "the smallest since a similar 0.1 percent increase in February",
           ["increase", "increased", "increases", "rose", "rise"], N, N, ("2006-02-01", "2006-03-01"), F),
        ev(M, "Core inflation is up 2.7 percent over the past 12 months",
           'Over the past 12 months, "core" inflation is up by 2.7 percent',
           ["up", "rose", "rise", "rises", "inflation"], N, N, ("2005-11-16", "2006-11-17"), F),
        ev(K, "US interest rates are raised by 4.25 points in the two years to June 2006",
           "During the two years till June 2006, interest rates were increased",
           ["increased", "increase", "increases", "raised", "raise", "raises", "hikes"], N, N,
           ("2004-06-01", "2006-07-01"), F),
        ev(K, "The US economy grows at an annual rate of 1.6 percent in the third quarter",
           "economy grew at an annual rate of just 1.6 percent in the third quarter",
           ["grew", "grow", "grows", "growth"], N, N, ("2006-07-01", "2006-10-01"), F),
        ev(M, "The US economy grows 2.6 percent in the second quarter",
           "compared with gains of 2.6 percent in the second quarter",
           ["gains", "gain", "gained", "grew", "grows", "growth"], N, N, ("2006-04-01", "2006-07-01"), F),
        ev(M, "The US economy grows 5.6 percent in the first quarter",
           "and 5.6 percent in the first quarter",
           ["percent", "grew", "grows", "growth", "gains"], N, N, ("2006-01-01", "2006-04-01"), F),
    ],
    "AFP_ENG_20051207.0065": [
        ev(K, "The South Korean government threatens to invoke emergency powers to avert a Korean Air pilots' strike",
           "The South Korean goverment threatened Wednesday to invoke emergency powers",
           ["threatened", "threaten", "threatens", "threat", "warned", "warning"], "south korea", "pilots",
           ("2005-12-07", "2005-12-08"), F),
        ev(K, "Korean Air pilots are to strike from shortly after midnight Wednesday unless a compromise is reached",
           "they would strike from shortly after midnight Wednesday unless they reached",
           ["strike", "strikes", "striking", "walkout", "stoppage"], "pilots", N, ("2005-12-07", "2005-12-09"), T),
        ev(M, "The government urges the pilots to cancel the strike and negotiate",
           "The government issued a statement urging pilots to cancel the strike",
           ["urging", "urged", "urge", "urges", "statement"], "government", "pilots", ("2005-12-07", "2005-12-08"), F),
        ev(M, "The pilots demand a 6.5 percent wage rise and a 50 percent rise in bonuses",
           "They are demanding a 6.5 percent increase in wages",
           ["demanding", "demand", "demands", "demanded"], "pilots", N, ("2005-12-07", "2005-12-08"), F),
        ev(K, "897 of the 1,126 pilots who voted back the strike",
           "Of the 1,126 pilots who voted, 897 supported the strike",
           ["voted", "vote", "votes", "supported", "support", "supports", "backed"], "pilots", N, N, F),
        ev(K, "The pilots reject the government arbitration body's proposal of a 2.5 percent wage rise",
           "The pilots earlier rejected a proposal by the government's arbitration body",
           ["rejected", "reject", "rejects"], "pilots", "arbitration body", N, F),
        ev(M, "Korean Air gives the pilots incentives this year, including special allowances",
           "the pilots had been given enough incentives this year",
           ["given", "give", "gives", "incentives", "allowances"], N, "pilots", ("2005-01-01", "2005-12-08"), F),
        ev(M, "Korean Air suffers a net loss of 42.5 billion won in the second quarter",
           "Korean Air suffered a net loss of 42.5 billion won",
           ["suffered", "suffer", "suffers", "loss", "lost"], "korean air", N, ("2005-04-01", "2005-07-01"), F),
        ev(M, "Korean Air's net profit jumps 59 percent in the third quarter",
           "in the third quarter, net profit jumped 59 percent from a year earlier",
           ["jumped", "jump", "jumps", "rose", "profit"], N, N, ("2005-07-01", "2005-10-01"), F),
        ev(K, "Korean Air pilots call off a threatened strike",
           "In August pilots at Korean Air called off threatened strike action",
           ["called off", "call off", "calls off", "cancelled", "canceled"], "pilots", N,
           ("2005-08-01", "2005-09-01"), F),
        ev(M, "A compromise on working conditions is reached with Korean Air's management",
           "after a compromise over improved working conditions was reached with management",
           ["compromise", "reached", "reach", "reaches", "agreement", "agreed"], N, "management",
           ("2005-08-01", "2005-09-01"), F),
        ev(K, "The government invokes emergency powers and mobilises riot police to end the Asiana pilots' stoppage",
           "the government invoked rarely-used emergency powers and mobilized riot police",
           ["invoked", "invoke", "invokes", "mobilized", "mobilised", "mobilizes"], "government", "pilots",
           ("2005-08-01", "2005-09-01"), F),
        ev(M, "Asiana Airlines pilots stage a 25-day stoppage",
           "to end a 25-day stoppage by pilots in August",
           ["stoppage", "strike", "strikes", "walkout"], "pilots", N, ("2005-07-01", "2005-09-01"), F),
        ev(M, "Transport minister Choo Byung-Jik warns the stoppage will hurt exports and credibility",
           "Korean Air's stoppage will seriously hurt our exports and credibility abroad",
           ["hurt", "hurts", "warned", "warns", "warning"], "choo", N, N, F),
    ],
    "XIN_ENG_20061112.0121": [
        ev(K, "Abbas accepts Mohammed Shbair, Hamas's candidate to lead a unity government; Hamas and Abbas agree on a PM",
           "Palestinian President Mahmoud Abbas has accepted a candidate nominated by the Hamas movement",
           ["accepted", "accept", "accepts", "agreed", "agree", "agrees"], "abbas", "shbair", N, F),
        ev(K, "Hamas nominates Mohammed Shbair as prime minister",
           "his movement had nominated a prime minister candidate close to Hamas",
           ["nominated", "nominate", "nominates", "nomination", "nominee"], "hamas", "shbair", N, F),
        ev(M, "Shbair heads the Islamic University in Gaza for 13 years",
           "had been the president of the Hamas-dominated Islamic University for 13 years",
           ["president", "headed", "heads", "served", "led"], "shbair", "islamic university", N, F),
        ev(K, "Abbas and Ismail Haneya hold talks for months on forming a unity government",
           "Abbas and Prime Minister Ismail Haneya have been engaged in talks for months",
           ["talks", "talk", "engaged", "negotiations", "negotiate"], "abbas", "haneya", N, F),
        ev(K, "Fatah and Hamas reach a general agreement to form a unity government",
           "After a general agreement to form a unity government",
           ["agreement", "agreed", "agree", "agrees"], N, N, N, F),
        ev(K, "The committee outlining the unity government holds its first meeting",
           "a committee tasked with outlining the government held its first meeting on Sunday",
           ["meeting", "meet", "meets", "held", "holds"], "committee", N, ("2006-11-12", "2006-11-13"), F),
    ],
    "AFP_ENG_19970429.0131": [
        ev(K, "Museveni tells parliament that ancestral spirits, not Ugandan soldiers, are aiding the Sudanese rebels",
           "told parliamentarians Monday that the spirits had been invoked by Ugandan prayers",
           ["told", "tell", "tells", "claimed", "claims", "claiming", "denied", "denies"], "museveni",
           "parliamentarians", ("1997-04-28", "1997-04-29"), F),
        ev(K, "South Sudanese rebels fight the Khartoum regime",
           "rebels who hav been fighting Khartoum since 1983",
           ["fighting", "fight", "fights", "fought"], "rebels", "khartoum", ("1983-01-01", "1997-04-30"), F),
        ev(M, "Hundreds of ghost soldiers draw army pay and food allowances at the Gulu barracks",
           'hundreds of "ghosts" were drawing army pay and food allowances',
           ["drawing", "draw", "draws", "drew"], "ghosts", N, N, F),
        ev(K, "The Ugandan army parades 114 Sudanese prisoners of war before a crowd in Gulu",
           "the Ugandan army has paraded 114 Sudanese prisoners in war before a crowd",
           ["paraded", "parade", "parades"], "uganda", "prisoners", ("1997-04-28", "1997-04-29"), F),
        ev(K, "The Sudanese are captured while fighting alongside Lord's Resistance Army rebels",
           "the Sudanese prisoners were captured while fighting alongside Lord's Resistance Army rebels",
           ["captured", "capture", "captures"], N, "prisoners", N, F),
        ev(K, "Sudan accuses Uganda of backing the rebels",
           "Sudan accuses Uganda of backing rebels",
           ["accuses", "accuse", "accused", "accusation"], "sudan", "uganda", N, F),
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
    with (HERE / "events-heldout2.jsonl").open("w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(out)} documents, {sum(len(r['events']) for r in out)} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
