"""Build examples/articles.jsonl and examples/gold.jsonl from the fictional articles below.

All articles, councils and people here are invented for demos and tests. The gold annotations
follow ../shared/annotation/GUIDELINES.md; offsets are computed from the quotes.
usage: python examples/build_examples.py
"""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

ARTICLES = [
    {
        "id": "ex-001", "url": "https://example.org/northmoor/bin-strike-ballot", "date": "2031-03-04",
        "outlet": "example.org", "title": "Northmoor bin workers vote to strike over pay",
        "text": (
            "Northmoor bin workers vote to strike over pay\n"
            "Refuse collectors employed by Northmoor Borough Council have voted to walk out in a row over pay.\n"
            "The GMB union said 92% of members who took part in the ballot backed strike action.\n"
            "GMB organiser Dana Whitfield said: “Our members keep this town clean in all weathers. "
            "They have been offered a pay rise that does not even cover their rent increases.\n"
            "“Nobody wants to strike, but the council has left them with no choice.”\n"
            "Ms Whitfield added that the union was ready to return to talks at any time.\n"
            "A spokesperson for Northmoor Borough Council said: “We value our waste crews and have made "
            "a fair offer within the national framework. We urge the GMB to put it to its members.”\n"
            "The council said contingency plans were in place to collect food waste during any strike.\n"
            "Share this article"),
        "dispute": "northmoor-refuse-workers-2031", "employer": "Northmoor Borough Council", "unions": ["GMB"],
        "statements": [
            ("92% of members who took part in the ballot backed strike action", "indirect", "GMB", "GMB", "union", "support", "neutral"),
            ("Our members keep this town clean in all weathers. They have been offered a pay rise that does not even cover their rent increases.", "direct", "Dana Whitfield", "GMB", "union", "support", "negative"),
            ("Nobody wants to strike, but the council has left them with no choice.", "direct", "Dana Whitfield", "GMB", "union", "support", "negative"),
            ("the union was ready to return to talks at any time", "indirect", "Dana Whitfield", "GMB", "union", "neutral", "neutral"),
            ("We value our waste crews and have made a fair offer within the national framework. We urge the GMB to put it to its members.", "direct", "a spokesperson for Northmoor Borough Council", "Northmoor Borough Council", "council", "oppose", "positive"),
            ("contingency plans were in place to collect food waste during any strike", "indirect", "Northmoor Borough Council", "Northmoor Borough Council", "council", "neutral", "neutral"),
        ],
    },
    {
        "id": "ex-002", "url": "https://example.org/northmoor/bin-strike-begins", "date": "2031-03-18",
        "outlet": "example.org", "title": "Bins pile up as Northmoor strike begins",
        "text": (
            "Bins pile up as Northmoor strike begins\n"
            "Rubbish has started to build up on streets across Northmoor after refuse workers began a two-week strike.\n"
            "Councillor Priya Raman, cabinet member for environment, said the council was “deeply disappointed” "
            "that the GMB had rejected what she called a generous offer.\n"
            "\"We have put more money on the table than any neighbouring authority,\" she said. \"The union's demands "
            "would mean cutting other services that residents rely on.\"\n"
            "But Dana Whitfield of the GMB accused the council of spreading misinformation about the offer.\n"
            "'The figures the council is quoting include overtime that most of our members never see,' she said.\n"
            "Local resident Tom Ashby said he supported the workers but hoped the dispute would end quickly.\n"
            "Read more: How to report a missed collection"),
        "dispute": "northmoor-refuse-workers-2031", "employer": "Northmoor Borough Council", "unions": ["GMB"],
        "statements": [
            ("the council was “deeply disappointed” that the GMB had rejected what she called a generous offer", "mixed", "Priya Raman", "Northmoor Borough Council", "council", "oppose", "negative"),
            ("We have put more money on the table than any neighbouring authority,", "direct", "Priya Raman", "Northmoor Borough Council", "council", "oppose", "positive"),
            ("The union's demands would mean cutting other services that residents rely on.", "direct", "Priya Raman", "Northmoor Borough Council", "council", "oppose", "negative"),
            ("the council of spreading misinformation about the offer", "indirect", "Dana Whitfield", "GMB", "union", "support", "negative"),
            ("The figures the council is quoting include overtime that most of our members never see,", "direct", "Dana Whitfield", "GMB", "union", "support", "negative"),
            ("he supported the workers but hoped the dispute would end quickly", "indirect", "Tom Ashby", None, "other", "support", "neutral"),
        ],
    },
    {
        "id": "ex-003", "url": "https://example.org/northmoor/bin-strike-deal", "date": "2031-04-02",
        "outlet": "example.org", "title": "Deal ends Northmoor bin strike",
        "text": (
            "Deal ends Northmoor bin strike\n"
            "A strike by refuse workers in Northmoor has ended after the GMB and the council reached an agreement.\n"
            "According to the union, the deal includes a one-off payment and a review of driver grades.\n"
            "Dana Whitfield said: \"This is a victory for workers who stood together. We are grateful to residents "
            "for their patience and support.\"\n"
            "Northmoor Borough Council leader Graham Holt said he was pleased the dispute was over. "
            "\"I want to thank our crews, who will be back on the rounds from Monday,\" he said."),
        "dispute": "northmoor-refuse-workers-2031", "employer": "Northmoor Borough Council", "unions": ["GMB"],
        "statements": [
            ("the deal includes a one-off payment and a review of driver grades", "indirect", "GMB", "GMB", "union", "neutral", "neutral"),
            ("This is a victory for workers who stood together. We are grateful to residents for their patience and support.", "direct", "Dana Whitfield", "GMB", "union", "support", "positive"),
            ("he was pleased the dispute was over", "indirect", "Graham Holt", "Northmoor Borough Council", "council", "neutral", "positive"),
            ("I want to thank our crews, who will be back on the rounds from Monday,", "direct", "Graham Holt", "Northmoor Borough Council", "council", "neutral", "positive"),
        ],
    },
    {
        "id": "ex-004", "url": "https://example.org/eastwick/social-workers-caseloads", "date": "2032-09-10",
        "outlet": "example.org", "title": "Eastwick social workers threaten action over caseloads",
        "text": (
            "Eastwick social workers threaten action over caseloads\n"
            "Children's social workers at Eastwick District Council say caseloads have reached dangerous levels.\n"
            "Unison branch secretary Martin Okafor said staff were \"at breaking point\" and that several experienced "
            "colleagues had resigned this year.\n"
            "“Every social worker here went into the job to protect children,” he said. “Right now we cannot "
            "do that safely.\n"
            "“We are asking the council for a cap on caseloads and for agency staff to fill the vacancies.”\n"
            "The British Association of Social Workers called on both sides to agree a safe staffing plan.\n"
            "Eastwick District Council said it was recruiting 15 new social workers and that average caseloads "
            "had fallen since last year."),
        "dispute": "eastwick-childrens-social-workers-2032", "employer": "Eastwick District Council", "unions": ["Unison"],
        "statements": [
            ("caseloads have reached dangerous levels", "indirect", "Children's social workers at Eastwick District Council", None, "union", "support", "negative"),
            ("staff were \"at breaking point\" and that several experienced colleagues had resigned this year", "mixed", "Martin Okafor", "Unison", "union", "support", "negative"),
            ("Every social worker here went into the job to protect children,", "direct", "Martin Okafor", "Unison", "union", "support", "neutral"),
            ("Right now we cannot do that safely.", "direct", "Martin Okafor", "Unison", "union", "support", "negative"),
            ("We are asking the council for a cap on caseloads and for agency staff to fill the vacancies.", "direct", "Martin Okafor", "Unison", "union", "support", "neutral"),
            ("both sides to agree a safe staffing plan", "indirect", "The British Association of Social Workers", "BASW", "other", "neutral", "neutral"),
            ("it was recruiting 15 new social workers", "indirect", "Eastwick District Council", "Eastwick District Council", "council", "oppose", "neutral"),
        ],
    },
    {
        "id": "ex-005", "url": "https://example.org/eastwick/strike-ballot", "date": "2032-10-01",
        "outlet": "example.org", "title": "Eastwick social workers to ballot for strike",
        "text": (
            "Eastwick social workers to ballot for strike\n"
            "Unison will ballot children's social workers in Eastwick for strike action after talks with the council broke down.\n"
            "The union said managers had refused to discuss a cap on caseloads.\n"
            "Martin Okafor said: ‘We gave the council every chance. Our members' patience has run out.’\n"
            "A council spokesman said the authority was \"disappointed\" by the decision. "
            "\"Our door remains open and we are committed to resolving this through negotiation,\" the spokesman said.\n"
            "Cookie settings"),
        "dispute": "eastwick-childrens-social-workers-2032", "employer": "Eastwick District Council", "unions": ["Unison"],
        "statements": [
            ("managers had refused to discuss a cap on caseloads", "indirect", "Unison", "Unison", "union", "support", "negative"),
            ("We gave the council every chance. Our members' patience has run out.", "direct", "Martin Okafor", "Unison", "union", "support", "negative"),
            ("the authority was \"disappointed\" by the decision", "indirect", "a council spokesman", "Eastwick District Council", "council", "oppose", "negative"),
            ("Our door remains open and we are committed to resolving this through negotiation,", "direct", "a council spokesman", "Eastwick District Council", "council", "neutral", "positive"),
        ],
    },
    {
        "id": "ex-006", "url": "https://example.org/eastwick/strike-vote-result", "date": "2032-11-05",
        "outlet": "example.org", "title": "Eastwick social workers back strike",
        "text": (
            "Eastwick social workers back strike\n"
            "Social workers at Eastwick District Council have voted for a three-day strike, Unison has announced.\n"
            "Martin Okafor said the result showed how strongly staff felt. He warned that further action would follow "
            "if the council did not act.\n"
            "Opposition councillor Helen Drury said the administration had \"let this drift for months\".\n"
            "The council's director of children's services, Ruth Mensah, said: \"Children's safety is our priority "
            "and emergency cover will be in place on strike days.\""),
        "dispute": "eastwick-childrens-social-workers-2032", "employer": "Eastwick District Council", "unions": ["Unison"],
        "statements": [
            ("the result showed how strongly staff felt", "indirect", "Martin Okafor", "Unison", "union", "support", "neutral"),
            ("further action would follow if the council did not act", "indirect", "Martin Okafor", "Unison", "union", "support", "negative"),
            ("the administration had \"let this drift for months\"", "mixed", "Helen Drury", None, "other", "support", "negative"),
            ("Children's safety is our priority and emergency cover will be in place on strike days.", "direct", "Ruth Mensah", "Eastwick District Council", "council", "neutral", "neutral"),
        ],
    },
]

KEYS = ("quote", "type", "speaker", "speaker_org", "side", "stance", "sentiment")


def main() -> None:
    raw, gold = [], []
    for a in ARTICLES:
        text = a["text"]
        raw.append({k: a[k] for k in ("id", "url", "title", "date", "outlet", "text")})
        sts, pos = [], 0
        for row in a["statements"]:
            st = dict(zip(KEYS, row))
            start = text.find(st["quote"], pos)
            assert start >= 0, (a["id"], st["quote"])
            st.update(start=start, end=start + len(st["quote"]))
            pos = st["end"]
            sts.append(st)
        gold.append({k: a.get(k) for k in ("id", "url", "title", "date", "dispute", "employer", "unions", "text")}
                    | {"statements": sts})
    for name, rows in (("articles.jsonl", raw), ("gold.jsonl", gold)):
        with open(HERE / name, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(raw)} articles, {sum(len(g['statements']) for g in gold)} gold statements")


if __name__ == "__main__":
    main()
