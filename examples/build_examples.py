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
            "By our local democracy reporter\n"
            "Refuse collectors employed by Northmoor Borough Council have voted to walk out in a row over pay, "
            "raising the prospect of uncollected bins across the borough next month.\n"
            "The GMB union said 92% of members who took part in the ballot backed strike action, on a turnout of 71%.\n"
            "GMB organiser Dana Whitfield said: “Our members keep this town clean in all weathers. They have been "
            "offered a pay rise that does not even cover their rent increases.\n"
            "“Drivers here earn less than they would doing the same job for a supermarket, and the council knows it.\n"
            "“Nobody wants to strike, but the council has left them with no choice.”\n"
            "Ms Whitfield added that the union was ready to return to talks at any time.\n"
            "The union is calling for a rise of £2 an hour for loaders and drivers, which it says would bring them "
            "into line with neighbouring authorities.\n"
            "A spokesperson for Northmoor Borough Council said: “We value our waste crews and have made a fair offer "
            "within the national framework. We urge the GMB to put it to its members.”\n"
            "The council said contingency plans were in place to collect food and clinical waste during any strike, "
            "and residents have been advised to check the council website for updates.\n"
            "Council leader Graham Holt told a meeting of the full council on Tuesday that the authority could not "
            "afford to go further without cutting other services.\n"
            "\"I have enormous respect for our crews,\" he said, \"but every extra pound for one group of staff has "
            "to come from somewhere.\"\n"
            "Opposition councillor Susan Pike accused the administration of \"sleepwalking into a strike\" and "
            "called on Mr Holt to meet the union this week.\n"
            "It is understood that strike dates will be announced later this month.\n"
            "Share this article\n"
            "Sign up to our daily newsletter"),
        "dispute": "northmoor-refuse-workers-2031", "employer": "Northmoor Borough Council", "unions": ["GMB"],
        "statements": [
            ("92% of members who took part in the ballot backed strike action, on a turnout of 71%", "indirect", "GMB", "GMB", "union", "support", "neutral"),
            ("Our members keep this town clean in all weathers. They have been offered a pay rise that does not even cover their rent increases.", "direct", "Dana Whitfield", "GMB", "union", "support", "negative"),
            ("Drivers here earn less than they would doing the same job for a supermarket, and the council knows it.", "direct", "Dana Whitfield", "GMB", "union", "support", "negative"),
            ("Nobody wants to strike, but the council has left them with no choice.", "direct", "Dana Whitfield", "GMB", "union", "support", "negative"),
            ("the union was ready to return to talks at any time", "indirect", "Dana Whitfield", "GMB", "union", "neutral", "neutral"),
            ("a rise of £2 an hour for loaders and drivers", "indirect", "GMB", "GMB", "union", "support", "neutral"),
            ("would bring them into line with neighbouring authorities", "indirect", "GMB", "GMB", "union", "support", "neutral"),
            ("We value our waste crews and have made a fair offer within the national framework. We urge the GMB to put it to its members.", "direct", "a spokesperson for Northmoor Borough Council", "Northmoor Borough Council", "council", "oppose", "positive"),
            ("contingency plans were in place to collect food and clinical waste during any strike", "indirect", "Northmoor Borough Council", "Northmoor Borough Council", "council", "neutral", "neutral"),
            ("the authority could not afford to go further without cutting other services", "indirect", "Graham Holt", "Northmoor Borough Council", "council", "oppose", "negative"),
            ("I have enormous respect for our crews,", "direct", "Graham Holt", "Northmoor Borough Council", "council", "neutral", "positive"),
            ("but every extra pound for one group of staff has to come from somewhere.", "direct", "Graham Holt", "Northmoor Borough Council", "council", "oppose", "neutral"),
            ("the administration of \"sleepwalking into a strike\"", "mixed", "Susan Pike", None, "other", "support", "negative"),
            ("Mr Holt to meet the union this week", "indirect", "Susan Pike", None, "other", "support", "neutral"),
        ],
    },
    {
        "id": "ex-002", "url": "https://example.org/northmoor/bin-strike-begins", "date": "2031-03-18",
        "outlet": "example.org", "title": "Bins pile up as Northmoor strike begins",
        "text": (
            "Bins pile up as Northmoor strike begins\n"
            "Rubbish has started to build up on streets across Northmoor after refuse workers began a two-week "
            "strike on Monday.\n"
            "Pickets gathered outside the Marsh Lane depot from 5am, and passing drivers sounded their horns.\n"
            "Councillor Priya Raman, cabinet member for environment, said the council was “deeply disappointed” "
            "that the GMB had rejected what she called a generous offer.\n"
            "\"We have put more money on the table than any neighbouring authority,\" she said. \"The union's demands "
            "would mean cutting other services that residents rely on.\"\n"
            "She said agency crews would prioritise food waste and that missed collections would be caught up once "
            "the strike ended.\n"
            "But Dana Whitfield of the GMB accused the council of spreading misinformation about the offer.\n"
            "'The figures the council is quoting include overtime that most of our members never see,' she said.\n"
            "'If the council wants this to end, it knows where to find us.'\n"
            "GMB regional secretary Alan Brooks said the union would seek an injunction if agency workers were "
            "sent out on strikers' rounds, which he said was against the law.\n"
            "According to the council, about 40,000 households are affected each week.\n"
            "Local resident Tom Ashby said he supported the workers but hoped the dispute would end quickly.\n"
            "“It's not nice having bags piling up by the gate,” he said. “But they deserve a fair wage.”\n"
            "Another resident, Carol Finch, described the strike as \"selfish and badly timed\".\n"
            "Read more: How to report a missed collection\n"
            "Comments are closed on this article"),
        "dispute": "northmoor-refuse-workers-2031", "employer": "Northmoor Borough Council", "unions": ["GMB"],
        "statements": [
            ("the council was “deeply disappointed” that the GMB had rejected what she called a generous offer", "mixed", "Priya Raman", "Northmoor Borough Council", "council", "oppose", "negative"),
            ("We have put more money on the table than any neighbouring authority,", "direct", "Priya Raman", "Northmoor Borough Council", "council", "oppose", "positive"),
            ("The union's demands would mean cutting other services that residents rely on.", "direct", "Priya Raman", "Northmoor Borough Council", "council", "oppose", "negative"),
            ("agency crews would prioritise food waste and that missed collections would be caught up once the strike ended", "indirect", "Priya Raman", "Northmoor Borough Council", "council", "neutral", "neutral"),
            ("the council of spreading misinformation about the offer", "indirect", "Dana Whitfield", "GMB", "union", "support", "negative"),
            ("The figures the council is quoting include overtime that most of our members never see,", "direct", "Dana Whitfield", "GMB", "union", "support", "negative"),
            ("If the council wants this to end, it knows where to find us.", "direct", "Dana Whitfield", "GMB", "union", "support", "neutral"),
            ("the union would seek an injunction if agency workers were sent out on strikers' rounds", "indirect", "Alan Brooks", "GMB", "union", "support", "negative"),
            ("was against the law", "indirect", "Alan Brooks", "GMB", "union", "support", "negative"),
            ("about 40,000 households are affected each week", "indirect", "Northmoor Borough Council", "Northmoor Borough Council", "council", "neutral", "neutral"),
            ("he supported the workers but hoped the dispute would end quickly", "indirect", "Tom Ashby", None, "other", "support", "neutral"),
            ("It's not nice having bags piling up by the gate,", "direct", "Tom Ashby", None, "other", "neutral", "negative"),
            ("But they deserve a fair wage.", "direct", "Tom Ashby", None, "other", "support", "neutral"),
            ("the strike as \"selfish and badly timed\"", "mixed", "Carol Finch", None, "other", "oppose", "negative"),
        ],
    },
    {
        "id": "ex-003", "url": "https://example.org/northmoor/bin-strike-deal", "date": "2031-04-02",
        "outlet": "example.org", "title": "Deal ends Northmoor bin strike",
        "text": (
            "Deal ends Northmoor bin strike\n"
            "Bin collections in Northmoor will return to normal next week after the GMB and Northmoor Borough "
            "Council reached an agreement to end a three-week strike by refuse workers.\n"
            "According to the union, the deal includes a one-off payment of £750 and a review of driver grades, "
            "which it said had been \"long overdue\".\n"
            "Members voted to accept the offer at a meeting on Wednesday evening.\n"
            "Dana Whitfield said: \"This is a victory for workers who stood together. We are grateful to residents "
            "for their patience and support.\"\n"
            "She said the union would be watching closely to make sure the grading review was carried out properly.\n"
            "Northmoor Borough Council leader Graham Holt said he was pleased the dispute was over.\n"
            "\"I want to thank our crews, who will be back on the rounds from Monday,\" he said. \"I also want to "
            "thank residents, who have put up with a great deal.\"\n"
            "Mr Holt said the one-off payment would be met from reserves and would not lead to cuts elsewhere.\n"
            "Asked whether the council had given in, a council spokesperson said: \"This was a negotiated settlement "
            "in which both sides moved. It is within the budget the council agreed in February.\"\n"
            "Opposition councillor Susan Pike said the strike had cost the council more than the settlement and "
            "called for an independent inquiry into the council's handling of the dispute.\n"
            "The council said green waste collections would resume on 14 April.\n"
            "Photo: Pickets at the Marsh Lane depot last month\n"
            "Share this article"),
        "dispute": "northmoor-refuse-workers-2031", "employer": "Northmoor Borough Council", "unions": ["GMB"],
        "statements": [
            ("the deal includes a one-off payment of £750 and a review of driver grades", "indirect", "GMB", "GMB", "union", "neutral", "neutral"),
            ("had been \"long overdue\"", "mixed", "GMB", "GMB", "union", "support", "negative"),
            ("This is a victory for workers who stood together. We are grateful to residents for their patience and support.", "direct", "Dana Whitfield", "GMB", "union", "support", "positive"),
            ("the union would be watching closely to make sure the grading review was carried out properly", "indirect", "Dana Whitfield", "GMB", "union", "support", "neutral"),
            ("he was pleased the dispute was over", "indirect", "Graham Holt", "Northmoor Borough Council", "council", "neutral", "positive"),
            ("I want to thank our crews, who will be back on the rounds from Monday,", "direct", "Graham Holt", "Northmoor Borough Council", "council", "neutral", "positive"),
            ("I also want to thank residents, who have put up with a great deal.", "direct", "Graham Holt", "Northmoor Borough Council", "council", "neutral", "positive"),
            ("the one-off payment would be met from reserves and would not lead to cuts elsewhere", "indirect", "Graham Holt", "Northmoor Borough Council", "council", "neutral", "neutral"),
            ("This was a negotiated settlement in which both sides moved. It is within the budget the council agreed in February.", "direct", "a council spokesperson", "Northmoor Borough Council", "council", "neutral", "neutral"),
            ("the strike had cost the council more than the settlement", "indirect", "Susan Pike", None, "other", "support", "negative"),
            ("an independent inquiry into the council's handling of the dispute", "indirect", "Susan Pike", None, "other", "support", "neutral"),
            ("green waste collections would resume on 14 April", "indirect", "Northmoor Borough Council", "Northmoor Borough Council", "council", "neutral", "neutral"),
        ],
    },
    {
        "id": "ex-004", "url": "https://example.org/eastwick/social-workers-caseloads", "date": "2032-09-10",
        "outlet": "example.org", "title": "Eastwick social workers threaten action over caseloads",
        "text": (
            "Eastwick social workers threaten action over caseloads\n"
            "Children's social workers at Eastwick District Council say caseloads have reached dangerous levels. "
            "Some staff are responsible for more than 30 families.\n"
            "Unison branch secretary Martin Okafor said staff were \"at breaking point\" and that several experienced "
            "colleagues had resigned this year.\n"
            "“Every social worker here went into the job to protect children,” he said. “Right now we cannot "
            "do that safely.\n"
            "“Newly qualified staff are being handed cases that would test someone with twenty years' experience.\n"
            "“We are asking the council for a cap on caseloads and for agency staff to fill the vacancies.”\n"
            "Mr Okafor said that the branch would hold an indicative ballot if no agreement was reached by the end "
            "of October.\n"
            "The union wants a maximum of 18 cases for each full-time social worker.\n"
            "The British Association of Social Workers called on both sides to agree a safe staffing plan.\n"
            "Eastwick District Council said it was recruiting 15 new social workers and that average caseloads "
            "had fallen since last year.\n"
            "In a statement, the council's cabinet member for children, Councillor Amir Shah, said: ‘Our social "
            "workers do an extraordinary job in difficult circumstances.\n"
            "‘We are listening to their concerns and we will meet Unison again next week.’\n"
            "A recent Ofsted inspection found that some children had experienced \"too many changes of social "
            "worker\".\n"
            "Parent Lisa Grant, whose two children are supported by the service, said the social workers were "
            "\"doing their best\" but there were simply not enough of them.\n"
            "Follow us on Facebook"),
        "dispute": "eastwick-childrens-social-workers-2032", "employer": "Eastwick District Council", "unions": ["Unison"],
        "statements": [
            ("caseloads have reached dangerous levels", "indirect", "Children's social workers at Eastwick District Council", None, "union", "support", "negative"),
            ("staff were \"at breaking point\" and that several experienced colleagues had resigned this year", "mixed", "Martin Okafor", "Unison", "union", "support", "negative"),
            ("Every social worker here went into the job to protect children,", "direct", "Martin Okafor", "Unison", "union", "support", "neutral"),
            ("Right now we cannot do that safely.", "direct", "Martin Okafor", "Unison", "union", "support", "negative"),
            ("Newly qualified staff are being handed cases that would test someone with twenty years' experience.", "direct", "Martin Okafor", "Unison", "union", "support", "negative"),
            ("We are asking the council for a cap on caseloads and for agency staff to fill the vacancies.", "direct", "Martin Okafor", "Unison", "union", "support", "neutral"),
            ("the branch would hold an indicative ballot if no agreement was reached by the end of October", "indirect", "Martin Okafor", "Unison", "union", "support", "negative"),
            ("both sides to agree a safe staffing plan", "indirect", "British Association of Social Workers", "BASW", "other", "neutral", "neutral"),
            ("it was recruiting 15 new social workers and that average caseloads had fallen since last year", "indirect", "Eastwick District Council", "Eastwick District Council", "council", "oppose", "neutral"),
            ("Our social workers do an extraordinary job in difficult circumstances.", "direct", "Amir Shah", "Eastwick District Council", "council", "neutral", "positive"),
            ("We are listening to their concerns and we will meet Unison again next week.", "direct", "Amir Shah", "Eastwick District Council", "council", "neutral", "positive"),
            ("some children had experienced \"too many changes of social worker\"", "mixed", "a recent Ofsted inspection", "Ofsted", "other", "neutral", "negative"),
            ("the social workers were \"doing their best\" but there were simply not enough of them", "mixed", "Lisa Grant", None, "other", "support", "neutral"),
        ],
    },
    {
        "id": "ex-005", "url": "https://example.org/eastwick/strike-ballot", "date": "2032-10-01",
        "outlet": "example.org", "title": "Eastwick social workers to ballot for strike",
        "text": (
            "Eastwick social workers to ballot for strike\n"
            "Unison will ballot children's social workers in Eastwick for strike action after talks with the "
            "council broke down on Thursday.\n"
            "The union said managers had refused to discuss a cap on caseloads.\n"
            "Martin Okafor said: ‘We gave the council every chance. Our members' patience has run out.’\n"
            "He said the ballot would open on 14 October and close on 4 November.\n"
            "A council spokesman said the authority was \"disappointed\" by the decision. "
            "\"Our door remains open and we are committed to resolving this through negotiation,\" the spokesman said.\n"
            "The council's director of children's services, Ruth Mensah, told councillors that caseloads in "
            "Eastwick were \"below the regional average\" and that 11 of the 15 new posts had now been filled.\n"
            "Unison disputes the figures. The Eastwick Unison branch said the average hid teams where every "
            "worker held more than 25 cases.\n"
            "Branch chair Kate Lowry described the council's response as \"a slap in the face for staff who have "
            "kept the service going\".\n"
            "Mr Okafor said that strike action was a last resort. \"Nobody takes this decision lightly,\" he said. "
            "\"But we will not stand by while children are put at risk.\"\n"
            "A Department for Education spokesperson said caseload levels were a matter for individual councils.\n"
            "Unison regional organiser Sam Adeyemi said the union had written to the council's chief executive "
            "asking for urgent talks before the ballot closes.\n"
            "Eastwick's children's services were rated 'requires improvement' at their last inspection in 2030.\n"
            "Cookie settings\n"
            "Most read"),
        "dispute": "eastwick-childrens-social-workers-2032", "employer": "Eastwick District Council", "unions": ["Unison"],
        "statements": [
            ("managers had refused to discuss a cap on caseloads", "indirect", "Unison", "Unison", "union", "support", "negative"),
            ("We gave the council every chance. Our members' patience has run out.", "direct", "Martin Okafor", "Unison", "union", "support", "negative"),
            ("the ballot would open on 14 October and close on 4 November", "indirect", "Martin Okafor", "Unison", "union", "neutral", "neutral"),
            ("the authority was \"disappointed\" by the decision", "indirect", "a council spokesman", "Eastwick District Council", "council", "oppose", "negative"),
            ("Our door remains open and we are committed to resolving this through negotiation,", "direct", "a council spokesman", "Eastwick District Council", "council", "neutral", "positive"),
            ("caseloads in Eastwick were \"below the regional average\" and that 11 of the 15 new posts had now been filled", "mixed", "Ruth Mensah", "Eastwick District Council", "council", "oppose", "neutral"),
            ("the average hid teams where every worker held more than 25 cases", "indirect", "Eastwick Unison branch", "Unison", "union", "support", "negative"),
            ("the council's response as \"a slap in the face for staff who have kept the service going\"", "mixed", "Kate Lowry", "Unison", "union", "support", "negative"),
            ("strike action was a last resort", "indirect", "Martin Okafor", "Unison", "union", "support", "neutral"),
            ("Nobody takes this decision lightly,", "direct", "Martin Okafor", "Unison", "union", "support", "neutral"),
            ("But we will not stand by while children are put at risk.", "direct", "Martin Okafor", "Unison", "union", "support", "negative"),
            ("caseload levels were a matter for individual councils", "indirect", "a Department for Education spokesperson", "Department for Education", "other", "neutral", "neutral"),
            ("the union had written to the council's chief executive asking for urgent talks before the ballot closes", "indirect", "Sam Adeyemi", "Unison", "union", "neutral", "neutral"),
        ],
    },
    {
        "id": "ex-006", "url": "https://example.org/eastwick/strike-vote-result", "date": "2032-11-05",
        "outlet": "example.org", "title": "Eastwick social workers back strike",
        "text": (
            "Eastwick social workers back strike\n"
            "Social workers at Eastwick District Council have voted for a three-day strike in a dispute over "
            "caseloads.\n"
            "Unison said 84% of those who voted backed strike action on a turnout of 68%.\n"
            "Martin Okafor said the result showed how strongly staff felt. He warned that further action would follow "
            "if the council did not act.\n"
            "\"Our members have spoken, loud and clear,\" he said.\n"
            "\"This is not about pay. It is about being able to keep children safe.\"\n"
            "Strike dates have been set for 20 to 22 November.\n"
            "Opposition councillor Helen Drury said the administration had \"let this drift for months\".\n"
            "\"Families in Eastwick deserve better than this,\" she said, adding that she would raise the matter at "
            "full council.\n"
            "The council's director of children's services, Ruth Mensah, said: \"Children's safety is our priority "
            "and emergency cover will be in place on strike days.\n"
            "\"We are disappointed that Unison has chosen to strike while talks were still taking place. We believe "
            "our offer of a caseload review is a fair one.\"\n"
            "Council leader Peter Vance said he remained \"confident that a deal can be done\" before the first "
            "strike day.\n"
            "He said the council had offered to bring in an independent reviewer to look at caseloads in every team.\n"
            "The strike will be the first by social workers in the borough since 2015.\n"
            "In a joint statement, Unison and Eastwick District Council said talks would continue with the help of "
            "Acas next week.\n"
            "Share on X\n"
            "Related: Eastwick social workers threaten action over caseloads"),
        "dispute": "eastwick-childrens-social-workers-2032", "employer": "Eastwick District Council", "unions": ["Unison"],
        "statements": [
            ("84% of those who voted backed strike action on a turnout of 68%", "indirect", "Unison", "Unison", "union", "support", "neutral"),
            ("the result showed how strongly staff felt", "indirect", "Martin Okafor", "Unison", "union", "support", "neutral"),
            ("further action would follow if the council did not act", "indirect", "Martin Okafor", "Unison", "union", "support", "negative"),
            ("Our members have spoken, loud and clear,", "direct", "Martin Okafor", "Unison", "union", "support", "neutral"),
            ("This is not about pay. It is about being able to keep children safe.", "direct", "Martin Okafor", "Unison", "union", "support", "neutral"),
            ("the administration had \"let this drift for months\"", "mixed", "Helen Drury", None, "other", "support", "negative"),
            ("Families in Eastwick deserve better than this,", "direct", "Helen Drury", None, "other", "support", "negative"),
            ("she would raise the matter at full council", "indirect", "Helen Drury", None, "other", "neutral", "neutral"),
            ("Children's safety is our priority and emergency cover will be in place on strike days.", "direct", "Ruth Mensah", "Eastwick District Council", "council", "neutral", "neutral"),
            ("We are disappointed that Unison has chosen to strike while talks were still taking place. We believe our offer of a caseload review is a fair one.", "direct", "Ruth Mensah", "Eastwick District Council", "council", "oppose", "negative"),
            ("he remained \"confident that a deal can be done\" before the first strike day", "mixed", "Peter Vance", "Eastwick District Council", "council", "neutral", "positive"),
            ("the council had offered to bring in an independent reviewer to look at caseloads in every team", "indirect", "Peter Vance", "Eastwick District Council", "council", "oppose", "neutral"),
            ("talks would continue with the help of Acas next week", "indirect", "Unison and Eastwick District Council", None, "other", "neutral", "neutral"),
        ],
    },
]

KEYS = ("quote", "type", "speaker", "speaker_org", "side", "stance", "sentiment")


def build() -> tuple[list[dict], list[dict]]:
    """(raw input records, gold records); gold offsets found in order of appearance."""
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
    return raw, gold


def dumps(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def main() -> None:
    raw, gold = build()
    for name, rows in (("articles.jsonl", raw), ("gold.jsonl", gold)):
        (HERE / name).write_text(dumps(rows), encoding="utf-8")
    print(f"{len(raw)} articles, {sum(len(g['statements']) for g in gold)} gold statements")


if __name__ == "__main__":
    main()
