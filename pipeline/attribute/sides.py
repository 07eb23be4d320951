"""Side of a resolved speaker: union, council (the employer's voice) or other."""
from __future__ import annotations

from pipeline.attribute.knowledge import Knowledge
from pipeline.attribute.speakers import Resolved


def side_of(r: Resolved, kn: Knowledge, employer: str | None) -> str:
    """Markers of outside voices win; then the organisation; then role words; else union."""
    org = kn.orgs.get(r.org) if r.org else None
    if org is not None and org.kind == "unions":
        return "union"
    if r.side_hint == "other":
        return "other"
    if r.side_hint and r.kind == "group":  # "workers at X Council" speak for themselves
        return r.side_hint
    if r.org:
        if org is not None:
            return org.side
        return "council"  # an organisation outside the lists found by the council pattern
    if r.side_hint:
        return r.side_hint
    return "union"  # unnamed workers and their supporters are by far the commonest voice
