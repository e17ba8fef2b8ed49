"""Agents and activities named in a statement: the keys its queries compare."""

from collections.abc import Iterator


def ifi_key(agent: dict) -> str | None:
    """The inverse functional identifier of an agent or identified group, as one string."""
    if not isinstance(agent, dict):
        return None
    if "mbox" in agent:
        return f"mbox:{agent['mbox'].lower()}"
    if "mbox_sha1sum" in agent:
        return f"mbox_sha1sum:{agent['mbox_sha1sum'].lower()}"
    if "openid" in agent:
        return f"openid:{agent['openid']}"
    account = agent.get("account")
    if isinstance(account, dict):
        return f"account:{account.get('homePage')}|{account.get('name')}"
    return None


def _with_members(agent: dict) -> Iterator[dict]:
    yield agent
    yield from agent.get("member", []) or []


def direct_agents(statement: dict) -> Iterator[dict]:
    """The actor and the object when it is an agent or group (filter `agent`)."""
    yield from _with_members(statement["actor"])
    target = statement["object"]
    if target.get("objectType") in {"Agent", "Group"}:
        yield from _with_members(target)


def related_agents(statement: dict) -> Iterator[dict]:
    """Every agent anywhere in the statement (filter `related_agents`)."""
    yield from direct_agents(statement)
    for key in ("authority",):
        if key in statement:
            yield from _with_members(statement[key])
    context = statement.get("context", {})
    for key in ("instructor", "team"):
        if key in context:
            yield from _with_members(context[key])
    target = statement["object"]
    if target.get("objectType") == "SubStatement":
        yield from related_agents(target)


def direct_activity(statement: dict) -> str | None:
    target = statement["object"]
    if target.get("objectType", "Activity") == "Activity":
        return target["id"]
    return None


def _context_activities(statement: dict) -> Iterator[dict]:
    groups = statement.get("context", {}).get("contextActivities", {})
    for items in groups.values():
        yield from items if isinstance(items, list) else [items]


def activities_with_definitions(statement: dict) -> Iterator[dict]:
    """Every activity object a statement carries (with its definition, if any)."""
    target = statement["object"]
    if target.get("objectType", "Activity") == "Activity":
        yield target
    yield from _context_activities(statement)
    if target.get("objectType") == "SubStatement":
        yield from activities_with_definitions(target)


def related_activities(statement: dict) -> Iterator[str]:
    for item in activities_with_definitions(statement):
        yield item["id"]
